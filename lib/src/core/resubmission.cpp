// SPDX-License-Identifier: EUPL-1.2
// `cfp proposal resubmit`: a proposal that a closed cut-off did not fund tries the next one.
#include "proposal_rules.hpp"

#include <cfp/core/proposals.hpp>
#include <cfp/error.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::core {

namespace {

using domain::Proposal;
using domain::ProposalStatus;

// Refuses a resubmission of `proposal` at `now` unless its cut-off has closed without funding it.
void require_resubmittable(const Proposal& proposal, domain::Instant now)
{
  const auto label = util::excerpt(proposal.cutoff_label.value_or("?"));
  if (proposal.status == ProposalStatus::draft) {
    throw Error(ErrorKind::refused, fmt::format("{} is a draft, never submitted; submit it with 'cfp proposal "
                                                "submit {}'",
                                                proposal.acronym, proposal.acronym));
  }
  if (!proposal.cutoff_closes_at || now <= *proposal.cutoff_closes_at) {
    throw Error(ErrorKind::refused, fmt::format("{} is {} for cut-off '{}', which is still open (until {}); {}",
                                                proposal.acronym, domain::to_string(proposal.status), label,
                                                domain::format_brussels(proposal.cutoff_closes_at.value_or(now)),
                                                proposal.status == ProposalStatus::withdrawn
                                                    ? "submit it again there with 'cfp proposal submit'"
                                                    : "change it there with 'cfp proposal update'"));
  }
  if (proposal.status == ProposalStatus::withdrawn || proposal.outcome == domain::Outcome::rejected) {
    return;
  }
  if (!proposal.outcome) {
    throw Error(ErrorKind::refused,
                fmt::format("{} is submitted to cut-off '{}', which closed at {}, and has no outcome yet; it can be "
                            "resubmitted once 'cfp rank --apply' has rejected it there",
                            proposal.acronym, label, domain::format_brussels(*proposal.cutoff_closes_at)));
  }
  throw Error(ErrorKind::refused,
              fmt::format("{} was {} at cut-off '{}'; only a withdrawn or rejected proposal can be resubmitted",
                          proposal.acronym,
                          proposal.outcome == domain::Outcome::selected ? "selected" : "put on the reserve list",
                          label));
}

} // namespace

ProposalChange resubmit_proposal(Session& session, const std::string& ref, const ProposalInput& input)
{
  return session.database.write(fmt::format("resubmit proposal {}", ref), [&](store::Transaction& tx) {
    const auto before = resolve_proposal(tx, ref);
    const auto now = session.clock.now();
    require_resubmittable(before, now);
    Proposal after = before;
    detail::ReferenceData reference(tx);
    after.fields = detail::checked_fields(reference, before.fields, input,
                                          fmt::format("resubmit {}", before.acronym),
                                          std::string("required to submit; give it"));
    detail::submit_now(reference, after, now);
    after.outcome.reset();
    detail::save_version(session, tx, before, after, "resubmit");
    // The version that stood at the closed cut-off is in the history now.
    tx.proposals().add_round(before.id, *before.cutoff_id, before.version, before.status, before.outcome);
    return ProposalChange{before, after, true, {}};
  });
}

} // namespace cfp::core
