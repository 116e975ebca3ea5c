// SPDX-License-Identifier: EUPL-1.2
// The lookups of the ScoreImporter: the calls, proposals and experts a score file names, read
// once each (or a call's proposals at once), and the conflicts of interest of each pair.
#include "score_importer.hpp"

#include <cfp/store/criterion_repository.hpp>
#include <cfp/store/expert_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::core::detail {

ScoreImporter::CallEntry* ScoreImporter::call(const std::string& code)
{
  auto [found, added] = m_calls.try_emplace(code);
  if (added) {
    found->second.info = m_reference.call(code);
    if (found->second.info != nullptr) {
      found->second.criteria = m_tx->criteria().of_call(found->second.info->call.id);
    } else if (forget_miss()) {
      m_calls.erase(found);
      return nullptr;
    }
  }
  return found->second.info != nullptr ? &found->second : nullptr;
}

const domain::Proposal* ScoreImporter::proposal(CallEntry& entry, const std::string& acronym)
{
  const auto call_id = entry.info->call.id;
  if (!entry.preloaded && ++entry.lookups > k_read_at_once) {
    // A file that scores many proposals of the call: one query for all of them rather than
    // one each (those found already stay where they are).
    store::ProposalFilter filter;
    filter.call_ids = {call_id};
    m_tx->proposals().for_each(filter, [&](const domain::Proposal& p) {
      m_proposals.try_emplace({call_id, util::to_lower_ascii(p.acronym)}, p);
    });
    entry.preloaded = true;
  }
  auto [found, added] = m_proposals.try_emplace({call_id, util::to_lower_ascii(acronym)});
  if (added && !entry.preloaded) {
    found->second = m_tx->proposals().find(call_id, acronym);
  }
  if (!found->second && added && forget_miss()) {
    m_proposals.erase(found);
    return nullptr;
  }
  return found->second ? &*found->second : nullptr;
}

std::optional<std::string> ScoreImporter::conflict(const domain::Expert& expert, const domain::Proposal& proposal)
{
  if (!m_declared) {
    m_declared.emplace();
    for (const auto& declared : m_tx->experts().declared_conflicts(std::nullopt)) {
      m_declared->emplace(std::pair{declared.expert_id, declared.proposal_id}, declared.reason);
    }
  }
  auto [organisation, new_expert] = m_organisation_keys.try_emplace(expert.id);
  if (new_expert && expert.organisation) {
    organisation->second = util::comparison_key(*expert.organisation);
  }
  auto [entity, new_proposal] = m_entity_keys.try_emplace(proposal.id);
  if (new_proposal) {
    entity->second = util::comparison_key(proposal.fields.entity);
  }
  auto conflicts = domain::derived_conflicts(expert, proposal.fields, organisation->second, entity->second);
  if (const auto declared = m_declared->find({expert.id, proposal.id}); declared != m_declared->end()) {
    conflicts.push_back({domain::ConflictCause::declared, declared->second});
  }
  if (conflicts.empty()) {
    return std::nullopt;
  }
  std::vector<std::string> causes;
  for (const auto& found : conflicts) {
    causes.push_back(fmt::format("{} ({})", found.detail, domain::to_string(found.cause)));
  }
  return fmt::format("{} may not score {}: a conflict of interest: {}", expert.name, proposal.acronym,
                     util::join(causes, "; "));
}

const domain::Expert* ScoreImporter::expert(const std::string& name)
{
  auto [found, added] = m_experts.try_emplace(name);
  if (added) {
    found->second = m_tx->experts().find(name);
    if (!found->second && forget_miss()) {
      m_experts.erase(found);
      return nullptr;
    }
  }
  return found->second ? &*found->second : nullptr;
}

std::uint32_t ScoreImporter::group(const CallEntry& entry, const domain::Proposal& proposal,
                                   const domain::Expert& expert, std::size_t line)
{
  auto [found, added] = m_group_of.try_emplace({proposal.id, expert.id}, static_cast<std::uint32_t>(m_groups.size()));
  if (added) {
    Group group;
    group.proposal = &proposal;
    group.expert = &expert;
    group.call = &entry;
    group.first_line = line;
    group.scores.assign(entry.criteria.size(), 0);
    group.lines.assign(entry.criteria.size(), 0);
    group.conflict = conflict(expert, proposal);
    m_groups.push_back(std::move(group));
  }
  return found->second;
}

std::uint32_t ScoreImporter::find_group(const domain::Proposal& proposal, const domain::Expert& expert) const
{
  const auto found = m_group_of.find({proposal.id, expert.id});
  return found != m_group_of.end() ? found->second : k_no_group;
}

bool ScoreImporter::forget_miss()
{
  if (m_misses >= k_max_misses) {
    return true;
  }
  ++m_misses;
  return false;
}

} // namespace cfp::core::detail
