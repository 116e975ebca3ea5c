// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/record_fields.hpp>
#include <cfp/error.hpp>
#include <cfp/store/audit_chain.hpp>
#include <cfp/store/audit_repository.hpp>

#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace cfp::core {

void record_audit(const Session& session, store::Transaction& tx, AuditChange change)
{
  const auto stamp = session.stamp();
  domain::AuditEntry entry;
  entry.at = stamp.at;
  entry.real_at = stamp.real_at;
  entry.simulated = stamp.simulated;
  entry.actor = session.actor;
  entry.command = session.command;
  entry.entity = std::move(change.entity);
  entry.action = std::move(change.action);
  entry.subject = change.subject;
  entry.before = std::move(change.before);
  entry.after = std::move(change.after);
  tx.audit().append(entry, change.related);
}

namespace {

using store::AuditSort;

// Each audit field (record_fields.hpp) and the store's order by it.
constexpr std::array<std::pair<std::string_view, AuditSort>, 9> k_sorts{{
    {"at", AuditSort::at},
    {"actor", AuditSort::actor},
    {"command", AuditSort::command},
    {"entity", AuditSort::entity},
    {"action", AuditSort::action},
    {"before", AuditSort::before},
    {"after", AuditSort::after},
    {"real_at", AuditSort::real_at},
    {"simulated", AuditSort::simulated},
}};

store::AuditOrder store_order(const ListOrder& order)
{
  store::AuditOrder result;
  result.direction = order.direction;
  result.limit = order.limit;
  if (order.limit && *order.limit < 1) {
    throw Error(ErrorKind::usage, fmt::format("--limit: '{}' is not a whole number of 1 or more", *order.limit));
  }
  if (order.sort) {
    check_sort_field(*order.sort, field_names(audit_fields()));
    const auto found = std::find_if(k_sorts.begin(), k_sorts.end(),
                                    [&](const auto& entry) { return entry.first == *order.sort; });
    if (found == k_sorts.end()) {
      throw Error(ErrorKind::internal, fmt::format("audit field '{}' has no order in the store", *order.sort));
    }
    result.key = found->second;
  }
  return result;
}

// The range of --since and --until: a bare date in --until is the end of that day.
void set_range(const Session& session, const AuditQuery& query, store::AuditFilter& filter)
{
  if (query.since) {
    filter.since = util::value_or_throw(domain::parse_when(*query.since, session.display_zone,
                                                           domain::BareDate::start_of_day),
                                        ErrorKind::invalid_input, "--since")
                       .instant;
  }
  if (query.until) {
    filter.until = util::value_or_throw(domain::parse_when(*query.until, session.display_zone,
                                                           domain::BareDate::end_of_day),
                                        ErrorKind::invalid_input, "--until")
                       .instant;
  }
  if (filter.since && filter.until && *filter.since > *filter.until) {
    throw Error(ErrorKind::usage, fmt::format("--since '{}' ({}) is later than --until '{}' ({})",
                                              util::excerpt(*query.since), domain::format_utc(*filter.since),
                                              util::excerpt(*query.until), domain::format_utc(*filter.until)));
  }
}

} // namespace

void for_each_audit_entry(Session& session, const AuditQuery& query, const ListOrder& order,
                          const std::function<void(const domain::AuditEntry&)>& visit, const ListPasses& passes)
{
  const auto sorted = store_order(order);
  store::AuditFilter filter;
  filter.detail = query.detail;
  set_range(session, query, filter);
  session.database.read("read the audit log", [&](const store::Transaction& tx) {
    const auto& audit = tx.audit();
    for (const auto& ref : query.refs) {
      filter.proposal_ids.insert(resolve_proposal(tx, ref).id);
    }
    for (const auto& call : require_calls(tx, query.calls)) {
      filter.call_ids.insert(call.id);
    }
    const auto is_actor = [&](const std::string& actor) { return audit.has_actor(actor); };
    for (const auto& actor : split_values(query.actors, is_actor)) {
      if (!is_actor(actor)) {
        throw Error(ErrorKind::not_found, fmt::format("--actor: no entry of the audit log was made by '{}'",
                                                      util::excerpt(actor)));
      }
      filter.actors.insert(actor);
    }
    for (const auto& action : query.actions) {
      if (!audit.has_action(action)) {
        throw Error(ErrorKind::not_found, fmt::format("--action: no entry of the audit log has the action '{}'; "
                                                      "its actions are: {}",
                                                      util::excerpt(action), util::join(audit.actions(), ", ")));
      }
      filter.actions.insert(action);
    }
    run_passes(passes, [&] { audit.for_each(filter, sorted, visit); });
  });
}

std::vector<domain::AuditEntry> list_audit(Session& session, const std::optional<std::string>& ref, std::int64_t limit)
{
  AuditQuery query;
  if (ref) {
    query.refs.push_back(*ref);
  }
  std::vector<domain::AuditEntry> entries;
  for_each_audit_entry(session, query, {std::nullopt, Direction::ascending, limit},
                       [&](const domain::AuditEntry& entry) { entries.push_back(entry); });
  return entries;
}

AuditVerification verify_audit_log(Session& session)
{
  return session.database.read("verify the audit log", [](const store::Transaction& tx) {
    AuditVerification result;
    std::string previous(store::k_first_seal);
    std::int64_t expected_id = 1;
    const auto fail = [&](std::int64_t id, std::string problem) {
      if (!result.first_bad_id) {
        result.first_bad_id = id;
        result.problem = std::move(problem);
      }
    };
    tx.audit().for_each_sealed([&](std::int64_t id, const std::optional<domain::AuditEntry>& entry,
                                   const std::optional<std::string>& seal) {
      if (result.first_bad_id) {
        return;
      }
      if (id != expected_id) {
        fail(expected_id, expected_id + 1 == id
                              ? fmt::format("entry {} is missing", expected_id)
                              : fmt::format("entries {} to {} are missing", expected_id, id - 1));
        return;
      }
      ++expected_id;
      if (!entry) {
        fail(id, fmt::format("entry {} is missing, but its seal is still there", id));
        return;
      }
      ++result.entries;
      if (!seal) {
        fail(id, fmt::format("entry {} has no seal: it was added outside cfp", id));
        return;
      }
      const auto expected = store::audit_seal(previous, *entry);
      if (expected != *seal) {
        fail(id, fmt::format("entry {} does not match its seal: it, or its seal, was changed outside cfp", id));
        return;
      }
      previous = *seal;
      result.last_seal = *seal;
    });
    return result;
  });
}

} // namespace cfp::core
