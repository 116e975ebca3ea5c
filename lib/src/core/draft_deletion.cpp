// SPDX-License-Identifier: EUPL-1.2
// `proposal delete`: a draft recorded by mistake goes, with its earlier versions (drafts too:
// a proposal never goes back to draft) and the conflicts of interest declared with it. The
// audit entry keeps every one of them, so the log still holds the whole record.
#include "proposal_rules.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/corrections.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/error.hpp>
#include <cfp/store/document_repository.hpp>
#include <cfp/store/evaluation_repository.hpp>
#include <cfp/store/expert_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace cfp::core {

namespace {

using domain::Proposal;
using domain::ProposalStatus;
using nlohmann::ordered_json;

std::string reference(const Proposal& proposal)
{
  return proposal.call_code + "/" + proposal.acronym;
}

// Refuses a proposal that was ever submitted: it stays on record.
void require_draft(const Proposal& proposal, const std::vector<domain::ProposalVersion>& versions, domain::Instant now)
{
  const auto ref = reference(proposal);
  if (proposal.status == ProposalStatus::submitted) {
    const bool open = proposal.cutoff_closes_at && now <= *proposal.cutoff_closes_at;
    throw Error(ErrorKind::refused,
                fmt::format("cannot delete {}: it is submitted (to cut-off '{}'), and a submission stays on record; "
                            "{}",
                            ref, util::excerpt(proposal.cutoff_label.value_or("?")),
                            open ? fmt::format("withdraw it instead with 'cfp proposal withdraw {} --reason TEXT'", ref)
                                 : std::string("its cut-off has closed, so it stays as submitted")));
  }
  if (proposal.status == ProposalStatus::withdrawn) {
    throw Error(ErrorKind::refused,
                fmt::format("cannot delete {}: it is withdrawn, and a submission stays on record even withdrawn; "
                            "withdrawn, it takes no part in the evaluation",
                            ref));
  }
  for (const auto& version : versions) {
    if (version.proposal.status != ProposalStatus::draft) {
      throw Error(ErrorKind::refused,
                  fmt::format("cannot delete {}: its version {} was {}, and a submission stays on "
                              "record",
                              ref, version.proposal.version, domain::to_string(version.proposal.status)));
    }
  }
}

// The draft as deleted: its last snapshot, every version with its recording, and the declared
// conflicts; the audit entry's `before`.
std::string deleted_record(const Proposal& proposal, const std::vector<domain::ProposalVersion>& versions,
                           const std::vector<store::DeclaredConflict>& conflicts)
{
  auto record = ordered_json::parse(store::snapshot(proposal));
  record["versions"] = ordered_json::array();
  for (const auto& version : versions) {
    record["versions"].push_back({
        {"recorded_at", domain::format_utc(version.recorded_at)},
        {"recorded_by", version.recorded_by},
        {"recorded_real_at",
         version.recorded_real_at ? ordered_json(domain::format_utc(*version.recorded_real_at)) : ordered_json()},
        {"simulated", version.simulated},
        {"snapshot", ordered_json::parse(store::snapshot(version.proposal))},
    });
  }
  // Which documents it had (their bytes go with it).
  if (const auto with_documents = ordered_json::parse(detail::audit_snapshot(proposal)); with_documents.contains("documents")) {
    record["documents"] = with_documents["documents"];
  }
  record["declared_conflicts"] = ordered_json::array();
  for (const auto& conflict : conflicts) {
    record["declared_conflicts"].push_back({{"expert", conflict.expert_name},
                                            {"reason", conflict.reason},
                                            {"declared_at", domain::format_utc(conflict.declared_at)}});
  }
  return record.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

} // namespace

DeletedDraft delete_draft(Session& session, const std::string& ref)
{
  return session.database.write(fmt::format("delete proposal {}", ref), [&](store::Transaction& tx) {
    DeletedDraft deleted;
    deleted.proposal = resolve_proposal(tx, ref);
    const auto& proposal = deleted.proposal;
    const auto versions = tx.proposals().history(proposal.id);
    require_draft(proposal, versions, session.clock.now());
    if (!tx.evaluations().versions(proposal.id).empty()) {
      throw Error(
          ErrorKind::refused,
          fmt::format("cannot delete {}: experts evaluated it, and their scores stay on record", reference(proposal)));
    }
    const auto conflicts = tx.experts().conflicts_with(proposal.id);
    deleted.earlier_versions = versions.empty() ? 0 : versions.size() - 1;
    deleted.declared_conflicts = conflicts.size();
    tx.experts().remove_conflicts_with(proposal.id);
    tx.documents().remove_all(proposal.id);
    tx.proposals().remove(proposal.id);
    record_audit(session, tx,
                 {{domain::SubjectKind::proposal, proposal.id},
                  "proposal " + reference(proposal),
                  "delete",
                  deleted_record(proposal, versions, conflicts),
                  std::nullopt});
    return deleted;
  });
}

} // namespace cfp::core
