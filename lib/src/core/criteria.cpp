// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/criteria.hpp>
#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/criterion_repository.hpp>
#include <cfp/store/evaluation_repository.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace cfp::core {

namespace {

std::string entity_of(const domain::Criterion& criterion)
{
  return fmt::format("criterion {}/{}", criterion.call_code, criterion.key);
}

void audit_criterion(const Session& session, store::Transaction& tx, const domain::Criterion& criterion,
                     const std::string& action, std::optional<std::string> before, std::optional<std::string> after)
{
  record_audit(session, tx,
               {{domain::SubjectKind::criterion, criterion.id},
                entity_of(criterion),
                action,
                std::move(before),
                std::move(after)});
}

// A position from 1 to `last`, as typed.
int parse_position(const std::string& text, int last)
{
  int position = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), position);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || text[0] == '+' || text[0] == '0' ||
      position < 1 || position > last) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("position '{}': give a number from 1 to {}", util::excerpt(text), last));
  }
  return position;
}

// The fields `request` gives, checked, applied to `criterion`; the position is the caller's.
// Messages name each field as `prefix` + its name: "--weight" for options, "weight" in a file.
void apply_fields(domain::Criterion& criterion, const CriterionRequest& request, std::string_view prefix = "--")
{
  if (request.name) {
    if (auto problem = domain::check_criterion_name(*request.name)) {
      throw Error(ErrorKind::invalid_input, fmt::format("{}name: {}", prefix, *problem));
    }
    criterion.name = *request.name;
  }
  if (request.weight) {
    criterion.weight = util::value_or_throw(domain::parse_weight(*request.weight), ErrorKind::invalid_input,
                                            fmt::format("{}weight", prefix));
  }
  if (request.threshold) {
    criterion.threshold = util::value_or_throw(domain::parse_score(*request.threshold), ErrorKind::invalid_input,
                                               fmt::format("{}threshold", prefix));
  }
}

// The criteria with `moved` taken out and put back at `position`, numbered from 1 again.
std::vector<domain::Criterion> placed(std::vector<domain::Criterion> criteria, domain::Criterion moved, int position)
{
  std::erase_if(criteria, [&](const domain::Criterion& c) { return c.key == moved.key; });
  criteria.insert(criteria.begin() + (position - 1), std::move(moved));
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    criteria[i].position = static_cast<int>(i + 1);
  }
  return criteria;
}

// Criteria and the overall threshold stay as they were when the first score was recorded: a
// change would judge some proposals by other rules than others.
void require_unscored(const store::Transaction& tx, const domain::Call& call, std::string_view what = "criteria")
{
  if (tx.evaluations().any_scores(call.id)) {
    throw Error(ErrorKind::refused,
                fmt::format("the {} of call {} cannot change: its proposals are being scored ('cfp score list "
                            "--call {}' shows the scores)",
                            what, call.code, call.code));
  }
}

domain::HalfPoints reachable(std::size_t criteria)
{
  return static_cast<domain::HalfPoints>(criteria) * domain::k_max_score;
}

// Writes `criteria` and audits each whose stored form changed (the one asked for as `action`,
// the others it moved as "move").
void store_criteria(const Session& session, store::Transaction& tx, const domain::Call& call,
                    const std::vector<domain::Criterion>& before, const std::vector<domain::Criterion>& after,
                    const std::string& key, const std::string& action)
{
  tx.criteria().replace(call.id, after);
  const auto stored = tx.criteria().of_call(call.id);
  for (const auto& criterion : stored) {
    const auto earlier =
        std::find_if(before.begin(), before.end(), [&](const domain::Criterion& c) { return c.id == criterion.id; });
    if (criterion.key == key) {
      audit_criterion(session, tx, criterion, action,
                      earlier == before.end() ? std::nullopt : std::optional(store::snapshot(*earlier)),
                      store::snapshot(criterion));
    } else if (earlier != before.end() && !(*earlier == criterion)) {
      audit_criterion(session, tx, criterion, "move", store::snapshot(*earlier), store::snapshot(criterion));
    }
  }
}

domain::Criterion require_criterion(const std::vector<domain::Criterion>& criteria, const domain::Call& call,
                                    const std::string& key)
{
  const auto found =
      std::find_if(criteria.begin(), criteria.end(), [&](const domain::Criterion& c) { return c.key == key; });
  if (found == criteria.end()) {
    throw Error(ErrorKind::not_found, fmt::format("call {} has no criterion '{}'; 'cfp criterion list {}' shows them",
                                                  call.code, util::excerpt(key), call.code));
  }
  return *found;
}

} // namespace

void add_standard_criteria(const Session& session, store::Transaction& tx, const domain::Call& call)
{
  tx.criteria().replace(call.id, domain::standard_criteria());
  for (const auto& criterion : tx.criteria().of_call(call.id)) {
    audit_criterion(session, tx, criterion, "add", std::nullopt, store::snapshot(criterion));
  }
}

CallCriteria list_criteria(Session& session, const std::string& call_code)
{
  return session.database.read("list the criteria", [&](const store::Transaction& tx) {
    auto call = require_call(tx, call_code);
    auto criteria = tx.criteria().of_call(call.id);
    return CallCriteria{std::move(call), std::move(criteria)};
  });
}

domain::Criterion add_criterion(Session& session, const CriterionRequest& request)
{
  if (auto problem = domain::check_criterion_key(request.key)) {
    throw Error(ErrorKind::invalid_input, *problem);
  }
  if (!request.name) {
    throw Error(ErrorKind::usage, "criterion add: --name is required");
  }
  domain::Criterion criterion;
  criterion.key = request.key;
  apply_fields(criterion, request);
  return session.database.write(
      fmt::format("add criterion {} to call {}", request.key, request.call_code), [&](store::Transaction& tx) {
        const auto call = require_call(tx, request.call_code);
        require_unscored(tx, call);
        const auto before = tx.criteria().of_call(call.id);
        if (std::any_of(before.begin(), before.end(),
                        [&](const domain::Criterion& c) { return c.key == criterion.key; })) {
          throw Error(ErrorKind::refused, fmt::format("call {} has a criterion '{}' already; 'cfp criterion set' "
                                                      "changes it",
                                                      call.code, criterion.key));
        }
        if (before.size() >= static_cast<std::size_t>(domain::k_max_criteria)) {
          throw Error(ErrorKind::refused,
                      fmt::format("call {} has {} criteria, the most a call may have", call.code, before.size()));
        }
        const int last = static_cast<int>(before.size()) + 1;
        const int position = request.position ? parse_position(*request.position, last) : last;
        domain::Criterion added = criterion;
        added.call_code = call.code;
        const auto after = placed(before, added, position);
        store_criteria(session, tx, call, before, after, added.key, "add");
        return require_criterion(tx.criteria().of_call(call.id), call, added.key);
      });
}

CriterionUpdate set_criterion(Session& session, const CriterionRequest& request)
{
  if (!request.name && !request.weight && !request.threshold && !request.position) {
    throw Error(ErrorKind::usage, "criterion set: give at least one of --name, --weight, --threshold, --position");
  }
  return session.database.write(
      fmt::format("change criterion {} of call {}", request.key, request.call_code), [&](store::Transaction& tx) {
        const auto call = require_call(tx, request.call_code);
        const auto before = tx.criteria().of_call(call.id);
        auto criterion = require_criterion(before, call, request.key);
        const auto earlier = criterion;
        apply_fields(criterion, request);
        const int position =
            request.position ? parse_position(*request.position, static_cast<int>(before.size())) : criterion.position;
        if (criterion == earlier && position == earlier.position) {
          return CriterionUpdate{earlier, false};
        }
        require_unscored(tx, call);
        store_criteria(session, tx, call, before, placed(before, criterion, position), criterion.key, "update");
        return CriterionUpdate{require_criterion(tx.criteria().of_call(call.id), call, criterion.key), true};
      });
}

domain::Criterion remove_criterion(Session& session, const std::string& call_code, const std::string& key)
{
  return session.database.write(
      fmt::format("remove criterion {} of call {}", key, call_code), [&](store::Transaction& tx) {
        const auto call = require_call(tx, call_code);
        require_unscored(tx, call);
        const auto before = tx.criteria().of_call(call.id);
        const auto criterion = require_criterion(before, call, key);
        if (before.size() == 1) {
          throw Error(
              ErrorKind::refused,
              fmt::format("'{}' is the only criterion of call {}; add another before removing it", key, call.code));
        }
        if (call.overall_threshold > reachable(before.size() - 1)) {
          throw Error(
              ErrorKind::refused,
              fmt::format("without '{}' the criteria of call {} could give {} points at most, less than its overall "
                          "threshold {}; lower it first with 'cfp call set-threshold {} POINTS'",
                          key, call.code, domain::format_points(reachable(before.size() - 1)),
                          domain::format_points(call.overall_threshold), call.code));
        }
        auto after = before;
        std::erase_if(after, [&](const domain::Criterion& c) { return c.key == key; });
        for (std::size_t i = 0; i < after.size(); ++i) {
          after[i].position = static_cast<int>(i + 1);
        }
        tx.criteria().replace(call.id, after);
        audit_criterion(session, tx, criterion, "remove", store::snapshot(criterion), std::nullopt);
        for (const auto& moved : tx.criteria().of_call(call.id)) {
          const auto earlier =
              std::find_if(before.begin(), before.end(), [&](const domain::Criterion& c) { return c.id == moved.id; });
          if (earlier != before.end() && !(*earlier == moved)) {
            audit_criterion(session, tx, moved, "move", store::snapshot(*earlier), store::snapshot(moved));
          }
        }
        return criterion;
      });
}

ThresholdUpdate set_overall_threshold(Session& session, const std::string& call_code, const std::string& points)
{
  // Parsed up to a bound no call reaches, so that one message below says what this call's
  // criteria give.
  const auto threshold =
      util::value_or_throw(domain::parse_points(points, reachable(domain::k_max_criteria) * 1000, "threshold"),
                           ErrorKind::invalid_input, "overall threshold");
  return session.database.write(
      fmt::format("set the overall threshold of call {}", call_code), [&](store::Transaction& tx) {
        auto call = require_call(tx, call_code);
        const auto count = tx.criteria().of_call(call.id).size();
        if (threshold > reachable(count)) {
          throw Error(ErrorKind::invalid_input,
                      fmt::format("overall threshold {}: the {} {} of call {} give{} {} points at most",
                                  domain::format_points(threshold), count, count == 1 ? "criterion" : "criteria",
                                  call.code, count == 1 ? "s" : "", domain::format_points(reachable(count))));
        }
        ThresholdUpdate update{call, call.overall_threshold};
        if (threshold == call.overall_threshold) {
          return update;
        }
        require_unscored(tx, call, "overall threshold");
        call.overall_threshold = threshold;
        tx.calls().update(call);
        const auto json = [](domain::HalfPoints value) {
          return fmt::format(R"({{"overall_threshold":"{}"}})", domain::format_points(value));
        };
        record_audit(session, tx,
                     {{domain::SubjectKind::call, call.id},
                      "call " + call.code,
                      "set threshold",
                      json(update.before),
                      json(threshold)});
        update.call = call;
        return update;
      });
}

} // namespace cfp::core

namespace cfp::core {

bool apply_evaluation_settings(const Session& session, store::Transaction& tx, domain::Call& call,
                               const EvaluationSettings& settings)
{
  const auto before = tx.criteria().of_call(call.id);
  auto after = before;
  if (settings.criteria) {
    const auto& requests = *settings.criteria;
    if (requests.empty() || requests.size() > domain::k_max_criteria) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("criteria: give from 1 to {} criteria (there are {})", domain::k_max_criteria,
                              requests.size()));
    }
    after.clear();
    for (const auto& request : requests) {
      if (auto problem = domain::check_criterion_key(request.key)) {
        throw Error(ErrorKind::invalid_input, fmt::format("criterion '{}': {}", util::excerpt(request.key), *problem));
      }
      if (std::any_of(after.begin(), after.end(), [&](const domain::Criterion& c) { return c.key == request.key; })) {
        throw Error(ErrorKind::invalid_input, fmt::format("criterion '{}' is given twice", request.key));
      }
      if (!request.name) {
        throw Error(ErrorKind::invalid_input, fmt::format("criterion '{}': a name is required", request.key));
      }
      const auto kept =
          std::find_if(before.begin(), before.end(), [&](const domain::Criterion& c) { return c.key == request.key; });
      domain::Criterion criterion = kept != before.end() ? *kept : domain::Criterion{};
      criterion.call_code = call.code;
      criterion.key = request.key;
      criterion.weight = kept != before.end() && !request.weight ? kept->weight : domain::Criterion{}.weight;
      criterion.threshold = kept != before.end() && !request.threshold ? kept->threshold : domain::Criterion{}.threshold;
      try {
        apply_fields(criterion, request, "");
      } catch (const Error& error) {
        throw Error(error.kind(), fmt::format("criterion '{}': {}", request.key, error.message()));
      }
      criterion.position = static_cast<int>(after.size() + 1);
      after.push_back(std::move(criterion));
    }
  }
  auto threshold = call.overall_threshold;
  if (settings.overall_threshold) {
    threshold = util::value_or_throw(
        domain::parse_points(*settings.overall_threshold, reachable(domain::k_max_criteria), "threshold"),
        ErrorKind::invalid_input, "overall_threshold");
  }
  if (threshold > reachable(after.size())) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("overall_threshold {}{}: the {} {} give{} {} points at most{}", domain::format_points(threshold),
                            settings.overall_threshold ? "" : " (the call's)", after.size(),
                            after.size() == 1 ? "criterion" : "criteria", after.size() == 1 ? "s" : "",
                            domain::format_points(reachable(after.size())),
                            settings.overall_threshold ? "" : "; give a lower overall_threshold with the criteria"));
  }
  const bool criteria_change = after != before;
  if (!criteria_change && threshold == call.overall_threshold) {
    return false;
  }
  require_unscored(tx, call, criteria_change ? "criteria" : "overall threshold");
  if (criteria_change) {
    tx.criteria().replace(call.id, after);
    const auto stored = tx.criteria().of_call(call.id);
    for (const auto& criterion : before) {
      if (std::none_of(stored.begin(), stored.end(), [&](const domain::Criterion& c) { return c.id == criterion.id; })) {
        audit_criterion(session, tx, criterion, "remove", store::snapshot(criterion), std::nullopt);
      }
    }
    for (const auto& criterion : stored) {
      const auto earlier =
          std::find_if(before.begin(), before.end(), [&](const domain::Criterion& c) { return c.id == criterion.id; });
      if (earlier == before.end()) {
        audit_criterion(session, tx, criterion, "add", std::nullopt, store::snapshot(criterion));
      } else if (!(*earlier == criterion)) {
        audit_criterion(session, tx, criterion, "update", store::snapshot(*earlier), store::snapshot(criterion));
      }
    }
  }
  if (threshold != call.overall_threshold) {
    const auto json = [](domain::HalfPoints value) {
      return fmt::format(R"({{"overall_threshold":"{}"}})", domain::format_points(value));
    };
    const auto earlier = call.overall_threshold;
    call.overall_threshold = threshold;
    tx.calls().update(call);
    record_audit(session, tx,
                 {{domain::SubjectKind::call, call.id}, "call " + call.code, "set threshold", json(earlier),
                  json(threshold)});
  }
  return true;
}

} // namespace cfp::core
