// SPDX-License-Identifier: EUPL-1.2
// The collecting forms of the streaming repository queries, the same for every backend.

#include <cfp/store/audit_repository.hpp>
#include <cfp/store/proposal_repository.hpp>

namespace cfp::store {

std::vector<domain::Proposal> ProposalRepository::list(const ProposalFilter& filter) const
{
  std::vector<domain::Proposal> proposals;
  for_each(filter, [&](const domain::Proposal& proposal) { proposals.push_back(proposal); });
  return proposals;
}

std::vector<domain::Proposal> ProposalRepository::rounds(std::optional<std::int64_t> call_id,
                                                         std::optional<std::int64_t> cutoff_id) const
{
  std::vector<domain::Proposal> found;
  for_each_round(call_id, cutoff_id, [&](const domain::Proposal& round) { found.push_back(round); });
  return found;
}

std::vector<domain::AuditEntry> AuditRepository::list(const AuditFilter& filter, std::int64_t limit) const
{
  std::vector<domain::AuditEntry> entries;
  for_each(filter, {AuditSort::newest_first, Direction::ascending, limit},
           [&](const domain::AuditEntry& entry) { entries.push_back(entry); });
  return entries;
}

} // namespace cfp::store
