// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/experts.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/scores.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/evaluation_repository.hpp>
#include <cfp/store/expert_repository.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace cfp::core {

void for_each_evaluation_version(Session& session, const std::string& ref, const std::optional<std::string>& expert,
                                 const std::function<void(const EvaluationVersion&)>& visit)
{
  session.database.read(fmt::format("show the score history of {}", ref), [&](const store::Transaction& tx) {
    const auto proposal = resolve_proposal(tx, ref);
    const auto only = expert ? std::optional(require_expert(tx, *expert)) : std::nullopt;
    std::map<std::int64_t, domain::Cutoff> cutoffs;
    const auto call = tx.calls().find(proposal.call_code);
    for (auto& cutoff : tx.calls().cutoffs(call ? std::optional(call->id) : std::nullopt)) {
      cutoffs.emplace(cutoff.id, std::move(cutoff));
    }
    std::vector<EvaluationVersion> versions;
    std::map<std::int64_t, int> latest; // evaluation id -> its current version
    std::map<std::int64_t, bool> set_aside_by_expert;
    for (auto& evaluation : tx.evaluations().versions(proposal.id)) {
      if (only && evaluation.expert_id != only->id) {
        continue;
      }
      auto& newest = latest[evaluation.id];
      newest = std::max(newest, evaluation.version);
      const auto cutoff = cutoffs.find(evaluation.cutoff_id);
      // Asked once an expert: every version of one expert's evaluations shares the answer.
      const auto [known, added] = set_aside_by_expert.try_emplace(evaluation.expert_id, false);
      if (added) {
        known->second = tx.experts().declared(evaluation.expert_id, proposal.id).has_value();
      }
      const bool set_aside = known->second;
      versions.push_back({proposal.call_code, proposal.acronym, cutoff != cutoffs.end() ? cutoff->second.label : "?",
                          std::move(evaluation), false, set_aside});
    }
    const auto closes = [&](const EvaluationVersion& v) {
      const auto cutoff = cutoffs.find(v.evaluation.cutoff_id);
      return cutoff != cutoffs.end() ? cutoff->second.closes_at : domain::Instant{};
    };
    std::stable_sort(versions.begin(), versions.end(), [&](const EvaluationVersion& a, const EvaluationVersion& b) {
      return std::tuple(closes(a), util::comparison_key(a.evaluation.expert), a.evaluation.version) <
             std::tuple(closes(b), util::comparison_key(b.evaluation.expert), b.evaluation.version);
    });
    for (auto& version : versions) {
      version.current = version.evaluation.version == latest[version.evaluation.id];
      visit(version);
    }
    return 0;
  });
}

} // namespace cfp::core
