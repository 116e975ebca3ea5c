// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/list_order.hpp>
#include <cfp/core/session.hpp>
#include <cfp/domain/expert.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/store/expert_repository.hpp>
#include <cfp/store/transaction.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// What `cfp expert add` asks for, as typed.
struct NewExpert
{
  std::string name;
  std::string state; ///< a participating state's code, any case
  std::optional<std::string> organisation;
  std::optional<std::string> email;
};

/// Records an expert. Refused when the name is taken (ignoring case).
domain::Expert add_expert(Session& session, const NewExpert& request);

/// Every expert, by name.
std::vector<domain::Expert> list_experts(Session& session);

/// An expert with the conflicts declared for them.
struct ExpertDetails
{
  domain::Expert expert;
  std::vector<store::DeclaredConflict> declared;
};

ExpertDetails show_expert(Session& session, const std::string& name);

/// What declare_conflict recorded.
struct ConflictDeclaration
{
  store::DeclaredConflict conflict;
  bool scores_set_aside = false; ///< the expert had scored the proposal: those scores no longer count
};

/// Declares that the expert NAME may not score the proposal REF, for `reason`. Refused when
/// a conflict of that expert and proposal is declared already. Scores the expert gave it
/// already are kept but count no more (lists, medians and summaries leave them out).
ConflictDeclaration declare_conflict(Session& session, const std::string& name, const std::string& ref,
                                     const std::string& reason);

/// One conflict of interest, declared or derived, as `cfp expert conflicts` lists it.
struct ConflictListing
{
  std::string expert;
  std::string expert_state;
  std::string call_code;
  std::string acronym;
  domain::ConflictCause cause = domain::ConflictCause::declared;
  std::string detail;
};

/// Which conflicts for_each_conflict visits: of these calls' proposals (all when empty) and of
/// these experts (all when empty).
struct ConflictQuery
{
  std::vector<std::string> calls;
  std::vector<std::string> experts;
};

/// Visits every conflict `query` selects, inside one read transaction: each declared conflict,
/// and each conflict the rules derive between an expert and a submitted proposal; by expert
/// name, call, acronym and cause; with `passes`, that many times in the same read.
void for_each_conflict(Session& session, const ConflictQuery& query,
                       const std::function<void(const ConflictListing&)>& visit, const ListPasses& passes = {});

/// Every conflict between `expert` and `proposal`, derived and declared, in the order of
/// domain::ConflictCause: what refuses a score.
std::vector<domain::Conflict> conflicts_between(const store::Transaction& tx, const domain::Expert& expert,
                                                const domain::Proposal& proposal);

/// The expert with this name, or a not_found error that says how to list the experts.
domain::Expert require_expert(const store::Transaction& tx, const std::string& name);

} // namespace cfp::core
