// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/experts.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/scores.hpp>
#include <cfp/store/evaluation_repository.hpp>

#include <fmt/format.h>

namespace cfp::core {

void for_each_evaluation_version(Session& session, const std::string& ref, const std::optional<std::string>& expert,
                                 const std::function<void(const EvaluationVersion&)>& visit, const ListPasses& passes)
{
  session.database.read(fmt::format("show the score history of {}", ref), [&](const store::Transaction& tx) {
    const auto proposal = resolve_proposal(tx, ref);
    const auto only = expert ? std::optional(require_expert(tx, *expert).id) : std::nullopt;
    EvaluationVersion version;
    version.call = proposal.call_code;
    version.acronym = proposal.acronym;
    run_passes(passes, [&] {
      tx.evaluations().for_each_version(proposal.id, only, [&](const store::EvaluationVersionRow& row) {
        version.cutoff = row.cutoff_label;
        version.evaluation = row.evaluation;
        version.current = row.current;
        version.set_aside = row.set_aside;
        visit(version);
      });
    });
    return 0;
  });
}

} // namespace cfp::core
