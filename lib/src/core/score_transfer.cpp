// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/calls.hpp>
#include <cfp/core/scores.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/criterion_repository.hpp>
#include <cfp/store/evaluation_repository.hpp>
#include <cfp/store/proposal_repository.hpp>

namespace cfp::core {

void for_each_score_row(Session& session, const std::optional<std::string>& call_code,
                        const std::function<void(const ScoreFileRow&)>& visit)
{
  session.database.read("export the scores", [&](const store::Transaction& tx) {
    std::vector<domain::Call> calls;
    if (call_code) {
      calls.push_back(require_call(tx, *call_code));
    } else {
      calls = tx.calls().list(); // by code
    }
    for (const auto& call : calls) {
      // The call's submitted proposals, each with its evaluations read beside it.
      const auto evaluations = tx.evaluations().reader(call.id);
      store::ProposalFilter filter;
      filter.call_ids = {call.id};
      filter.statuses = {domain::ProposalStatus::submitted};
      ScoreFileRow row;
      row.call = call.code;
      tx.proposals().for_each(filter, [&](const domain::Proposal& proposal) {
        row.acronym = proposal.acronym;
        for (const auto& evaluation : evaluations->of(proposal)) {
          row.expert = evaluation.expert;
          row.comment = evaluation.comment;
          for (const auto& [key, score] : evaluation.scores) {
            row.criterion = key;
            row.score = score;
            visit(row);
          }
        }
      });
    }
    return 0;
  });
}

} // namespace cfp::core
