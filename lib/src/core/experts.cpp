// SPDX-License-Identifier: EUPL-1.2
#include "reference_data.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/experts.hpp>
#include <cfp/core/list_order.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/error.hpp>
#include <cfp/store/evaluation_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace cfp::core {

namespace {

// A declared reason is a sentence or two; a document belongs elsewhere.
constexpr std::size_t k_max_reason_characters = 2000;

domain::Expert checked_expert(const NewExpert& request)
{
  domain::Expert expert;
  if (auto problem = domain::check_expert_name(request.name)) {
    throw Error(ErrorKind::invalid_input, fmt::format("expert name: {}", *problem));
  }
  expert.name = request.name;
  if (request.organisation) {
    if (auto problem = domain::check_organisation(*request.organisation)) {
      throw Error(ErrorKind::invalid_input, fmt::format("--organisation: {}", *problem));
    }
    expert.organisation = *request.organisation;
  }
  if (request.email) {
    if (auto problem = domain::check_email(*request.email)) {
      throw Error(ErrorKind::invalid_input, fmt::format("--email: {}", *problem));
    }
    expert.email = *request.email;
  }
  return expert;
}

std::string entity_of(const domain::Expert& expert)
{
  return "expert " + expert.name;
}

} // namespace

domain::Expert require_expert(const store::Transaction& tx, const std::string& name)
{
  auto expert = tx.experts().find(name);
  if (!expert) {
    throw Error(ErrorKind::not_found,
                fmt::format("no expert '{}'; 'cfp expert list' shows the experts", util::excerpt(name)));
  }
  return *expert;
}

domain::Expert add_expert(Session& session, const NewExpert& request)
{
  auto expert = checked_expert(request);
  return session.database.write(fmt::format("record expert {}", expert.name), [&](store::Transaction& tx) {
    const detail::ReferenceData reference(tx);
    const auto state = reference.state_code(request.state);
    if (!state) {
      throw Error(ErrorKind::invalid_input, fmt::format("--state: {}", reference.unknown_state(request.state)));
    }
    if (auto existing = tx.experts().find(expert.name)) {
      throw Error(ErrorKind::refused, fmt::format("expert '{}' exists already", existing->name));
    }
    domain::Expert stored = expert;
    stored.state = *state;
    stored.id = tx.experts().insert(stored, session.clock.now());
    record_audit(
        session, tx,
        {{domain::SubjectKind::expert, stored.id}, entity_of(stored), "add", std::nullopt, store::snapshot(stored)});
    return stored;
  });
}

std::vector<domain::Expert> list_experts(Session& session)
{
  return session.database.read("list the experts", [](const store::Transaction& tx) { return tx.experts().list(); });
}

ExpertDetails show_expert(Session& session, const std::string& name)
{
  return session.database.read("show the expert", [&](const store::Transaction& tx) {
    auto expert = require_expert(tx, name);
    auto declared = tx.experts().declared_conflicts(expert.id);
    return ExpertDetails{std::move(expert), std::move(declared)};
  });
}

ConflictDeclaration declare_conflict(Session& session, const std::string& name, const std::string& ref,
                                     const std::string& reason)
{
  if (auto problem = domain::check_text(reason, "reason")) {
    throw Error(ErrorKind::invalid_input, fmt::format("--reason: {}", *problem));
  }
  if (util::count_characters(reason) > k_max_reason_characters) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("--reason: the reason is longer than {} characters", k_max_reason_characters));
  }
  return session.database.write(fmt::format("declare a conflict of expert {}", name), [&](store::Transaction& tx) {
    const auto expert = require_expert(tx, name);
    const auto proposal = resolve_proposal(tx, ref);
    if (auto existing = tx.experts().declared(expert.id, proposal.id)) {
      throw Error(ErrorKind::refused,
                  fmt::format("a conflict of {} with {}/{} is declared already: {}", expert.name, proposal.call_code,
                              proposal.acronym, util::excerpt(existing->reason)));
    }
    store::DeclaredConflict conflict{expert.id,        expert.name, proposal.id,        proposal.call_code,
                                     proposal.acronym, reason,      session.clock.now()};
    const bool had_scored =
        proposal.cutoff_id && tx.evaluations().find(proposal.id, *proposal.cutoff_id, expert.id).has_value();
    tx.experts().declare_conflict(conflict);
    const nlohmann::ordered_json after{
        {"expert", expert.name}, {"proposal", proposal.call_code + "/" + proposal.acronym}, {"reason", reason}};
    record_audit(session, tx,
                 {{domain::SubjectKind::expert, expert.id},
                  entity_of(expert),
                  "declare conflict",
                  std::nullopt,
                  after.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)});
    return ConflictDeclaration{conflict, had_scored};
  });
}

std::vector<domain::Conflict> conflicts_between(const store::Transaction& tx, const domain::Expert& expert,
                                                const domain::Proposal& proposal)
{
  auto conflicts = domain::derived_conflicts(expert, proposal.fields);
  if (auto declared = tx.experts().declared(expert.id, proposal.id)) {
    conflicts.push_back({domain::ConflictCause::declared, declared->reason});
  }
  return conflicts;
}

} // namespace cfp::core
