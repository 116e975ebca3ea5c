// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/calls.hpp>
#include <cfp/core/scores.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/criterion_repository.hpp>
#include <cfp/store/evaluation_repository.hpp>
#include <cfp/store/proposal_repository.hpp>

#include <unordered_map>

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
      // The acronyms of the call's submitted proposals: the evaluations come by acronym.
      std::unordered_map<std::int64_t, std::string> acronyms;
      store::ProposalFilter filter;
      filter.call_ids = {call.id};
      filter.statuses = {domain::ProposalStatus::submitted};
      tx.proposals().for_each(filter, [&](const domain::Proposal& p) { acronyms.emplace(p.id, p.acronym); });
      ScoreFileRow row;
      row.call = call.code;
      tx.evaluations().for_each(call.id, std::nullopt, [&](const domain::Evaluation& evaluation) {
        const auto acronym = acronyms.find(evaluation.proposal_id);
        if (acronym == acronyms.end()) {
          return; // withdrawn since it was scored
        }
        row.acronym = acronym->second;
        row.expert = evaluation.expert;
        row.comment = evaluation.comment;
        for (const auto& [key, score] : evaluation.scores) {
          row.criterion = key;
          row.score = score;
          visit(row);
        }
      });
    }
    return 0;
  });
}

} // namespace cfp::core
