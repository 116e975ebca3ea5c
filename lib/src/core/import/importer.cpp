// SPDX-License-Identifier: EUPL-1.2
#include "importer.hpp"

#include "../proposal_rules.hpp"
#include "read_records.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/store/document_repository.hpp>
#include <cfp/store/import_keys.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace cfp::core::detail {

using domain::Proposal;
using domain::ProposalStatus;

Importer::Importer(const Session& session, store::Transaction& tx, const ImportOptions& options, std::ostream* rejects,
                   Pass pass)
    : m_session(session), m_tx(tx), m_apply(pass == Pass::apply), m_all_or_nothing(!options.skip_invalid),
      m_historical(options.historical), m_reference(tx),
      m_rejects(rejects, options.format, options.delimiter),
      m_stamp(session.stamp()), m_now(m_stamp.at)
{
}

void Importer::take(InputRecord& record)
{
  if (record.line == 0) {
    m_rejects.header(record.raw); // the CSV header
    return;
  }
  ++m_summary.records;
  const auto errors = check_and_apply(record);
  if (errors.empty()) {
    return;
  }
  reject(m_summary, m_rejects, record, errors);
  // Nothing of an import that one invalid record stops is kept: the write transaction goes,
  // and a check pass without the write lock reports every problem.
  if (m_all_or_nothing && m_apply) {
    throw StopWriting{};
  }
}

std::vector<ImportError> Importer::check_and_apply(InputRecord& record)
{
  std::vector<ImportError> errors = record.errors;
  if (!errors.empty()) {
    return errors;
  }
  const auto add = [&](const std::string& column, const std::string& message) {
    errors.push_back({record.line, column, message});
  };

  // The key: the call must exist, the acronym be valid and not seen before in this file.
  const CallInfo* call = m_reference.call(*record.values.call);
  if (call == nullptr) {
    add("call", fmt::format("no call '{}'; 'cfp call list' shows the calls", util::excerpt(*record.values.call)));
  }
  if (auto problem = domain::check_acronym(*record.values.acronym)) {
    add("acronym", *problem);
  }
  std::optional<Proposal> existing;
  if (errors.empty()) {
    const std::string key = util::to_lower_ascii(call->call.code) + "/" + util::to_lower_ascii(*record.values.acronym);
    if (auto first = m_tx.import_keys().seen(key, record.line)) {
      add("acronym", fmt::format("{} appears twice in call {}: on line {} and on line {}", *record.values.acronym,
                                 call->call.code, *first, record.line));
    } else {
      existing = m_tx.proposals().find(call->call.id, *record.values.acronym);
    }
  }

  // The values, checked whatever the key's problems, so that one run reports them all.
  Proposal proposal = existing ? *existing : Proposal{};
  for (auto& error : apply_input(m_reference, proposal.fields, record.values.input)) {
    add(error.field, error.message);
  }
  // Without a status column an existing proposal keeps its status.
  auto status = existing ? existing->status : ProposalStatus::submitted;
  if (record.values.status) {
    auto parsed = domain::parse_status(*record.values.status);
    if (!parsed) {
      add("status", fmt::format("'{}' is not draft, submitted or withdrawn", util::excerpt(*record.values.status)));
    } else {
      status = parsed.value();
    }
  }
  std::optional<domain::Instant> submitted_at;
  if (record.values.submitted_at) {
    auto when = domain::parse_when(*record.values.submitted_at, m_session.display_zone, domain::BareDate::start_of_day);
    if (!when) {
      add("submitted_at", when.error());
    } else if (when.value().instant > m_now) {
      add("submitted_at", fmt::format("{} is later than now ({})", domain::format_utc(when.value().instant),
                                      domain::format_utc(m_now)));
    } else if (status == ProposalStatus::draft) {
      add("submitted_at", "a draft has no submission time; leave it empty");
    } else {
      submitted_at = when.value().instant;
    }
  }
  // A withdrawn proposal, and only one, has the reason it was withdrawn for.
  auto reason = record.values.withdrawal_reason;
  if (!reason && existing && status == ProposalStatus::withdrawn) {
    reason = existing->withdrawal_reason;
  }
  if (reason && status != ProposalStatus::withdrawn) {
    add("withdrawal_reason", fmt::format("only a withdrawn proposal has a withdrawal reason; this record is {}",
                                         domain::to_string(status)));
  } else if (!reason && status == ProposalStatus::withdrawn) {
    add("withdrawal_reason", "a withdrawn proposal needs the reason it was withdrawn for");
  } else if (reason) {
    if (auto problem = domain::check_text(*reason, "withdrawal_reason")) {
      add("withdrawal_reason", *problem);
    }
  }
  // Only a draft may leave the EU contribution out (unless its value was wrong: said already).
  const auto said = [&](std::string_view column) {
    return std::any_of(errors.begin(), errors.end(), [&](const ImportError& error) { return error.column == column; });
  };
  if (status != ProposalStatus::draft && domain::check_submittable(proposal.fields) && !said("status") &&
      !said("eu_contribution_eur")) {
    add("eu_contribution_eur", status == ProposalStatus::submitted
                                   ? "required to submit; give it, or import the proposal as a draft (status draft)"
                                   : "required of a withdrawn proposal, which was submitted with one; give it");
  }
  if (!errors.empty()) {
    return errors;
  }

  if (existing) {
    const bool same = proposal.fields == existing->fields && existing->status == status &&
                      (!submitted_at || submitted_at == existing->submitted_at) &&
                      reason == existing->withdrawal_reason;
    if (same) {
      ++m_summary.unchanged;
      return errors;
    }
    if (existing->cutoff_closes_at && m_now > *existing->cutoff_closes_at) {
      add("record",
          fmt::format("{} belongs to cut-off '{}', which closed at {}; it is read-only now", existing->acronym,
                      util::excerpt(existing->cutoff_label.value_or("?")), domain::format_brussels(*existing->cutoff_closes_at)));
      return errors;
    }
    if (existing->status == ProposalStatus::withdrawn) {
      add("status", fmt::format("{} is withdrawn; an import cannot change it (use 'cfp proposal submit' first)",
                                existing->acronym));
      return errors;
    }
    if (status == ProposalStatus::withdrawn) {
      add("status", existing->status == ProposalStatus::draft
                        ? fmt::format("{} is a draft; only a submitted proposal can be withdrawn", existing->acronym)
                        : fmt::format("an import cannot withdraw {}; use 'cfp proposal withdraw {} --reason TEXT'",
                                      existing->acronym, existing->acronym));
      return errors;
    }
    if (existing->status == ProposalStatus::submitted && status == ProposalStatus::draft) {
      add("status", "a submitted proposal cannot become a draft again");
      return errors;
    }
  }
  // A new withdrawn proposal was submitted first: it belongs to the cut-off of its submission.
  if (status == ProposalStatus::submitted || status == ProposalStatus::withdrawn) {
    // The latest version counts: a changed submitted proposal is submitted again.
    const domain::Instant at = submitted_at.value_or(m_now);
    const auto cutoff = submission_cutoff(m_reference, *call, proposal.fields, at);
    if (!cutoff) {
      add(submitted_at ? "submitted_at" : "record", cutoff.error());
      return errors;
    }
    // A change happens now: it may not land in a cut-off that has closed already.
    if (existing && m_now > cutoff.value().closes_at) {
      add("submitted_at",
          fmt::format("{} would place {} in cut-off '{}', which closed at {}", domain::format_utc(at),
                      existing->acronym, util::excerpt(cutoff.value().label), domain::format_brussels(cutoff.value().closes_at)));
      return errors;
    }
    // A new version is submitted when it is made, never before the version it follows.
    if (existing && submitted_at && existing->submitted_at && *submitted_at < *existing->submitted_at) {
      add("submitted_at", fmt::format("{} is before {}, when version {} of {} was submitted; a new version cannot be "
                                      "submitted earlier",
                                      domain::format_utc(*submitted_at), domain::format_utc(*existing->submitted_at),
                                      existing->version, existing->acronym));
      return errors;
    }
    // A new proposal submitted before a cut-off that has closed since: a record of the past,
    // which an import brings in only when asked to.
    if (!existing && m_now > cutoff.value().closes_at && !m_historical) {
      add("submitted_at", fmt::format("{} is in cut-off '{}', which closed at {}; to import submissions made before "
                                      "a cut-off closed, give --historical",
                                      domain::format_utc(at), cutoff.value().label,
                                      domain::format_brussels(cutoff.value().closes_at)));
      return errors;
    }
    // The parts the call requires, of a new submission: not of a record of the past
    // (--historical), whose documents follow with `cfp import documents --historical`, nor of a
    // proposal submitted already, whose documents an import does not change.
    const bool submits = existing ? existing->status == ProposalStatus::draft : m_now <= cutoff.value().closes_at;
    if (!call->call.required_parts.empty() && submits) {
      const auto documents =
          existing ? m_tx.documents().at_version(existing->id, existing->version) : std::vector<domain::Document>{};
      if (const auto missing = missing_parts(call->call, documents); !missing.empty()) {
        Proposal named = proposal;
        named.id = existing ? existing->id : 0;
        named.call_code = call->call.code;
        named.acronym = *record.values.acronym;
        add("status", missing_parts_message(named, missing));
        return errors;
      }
    }
    proposal.status = status;
    proposal.withdrawal_reason = reason;
    proposal.submitted_at = at;
    proposal.cutoff_id = cutoff.value().id;
    proposal.cutoff_label = cutoff.value().label;
    proposal.cutoff_closes_at = cutoff.value().closes_at;
  } else {
    proposal.status = status;
  }
  if (existing) {
    proposal.version = existing->version + 1;
    if (m_apply) {
      m_tx.proposals().update(proposal, m_stamp);
      m_tx.audit().note_related({domain::SubjectKind::proposal, proposal.id});
    }
    ++m_summary.updated;
  } else {
    proposal.call_code = call->call.code;
    proposal.acronym = *record.values.acronym;
    proposal.version = 1;
    if (m_apply) {
      proposal.id = m_tx.proposals().insert(call->call.id, proposal, m_stamp);
      m_tx.audit().note_related({domain::SubjectKind::proposal, proposal.id});
      if (proposal.cutoff_closes_at && m_now > *proposal.cutoff_closes_at) {
        record_historical(proposal);
      }
    }
    ++m_summary.inserted;
  }
  return errors;
}

void Importer::record_historical(const Proposal& proposal)
{
  record_audit(m_session, m_tx,
               {{domain::SubjectKind::proposal, proposal.id},
                fmt::format("proposal {}/{}", proposal.call_code, proposal.acronym),
                "historical import",
                std::nullopt,
                store::snapshot(proposal)});
}

} // namespace cfp::core::detail

namespace cfp::core {

ImportSummary import_proposals(Session& session, std::istream& in, const ImportOptions& options)
{
  using detail::Pass;
  return detail::run_import(
      session, in, options, "proposals", detail::Passes::apply_only,
      [&](store::Transaction& tx, util::SpoolFile& input, util::SpoolFile* rejects, Pass pass) {
        if (rejects != nullptr) {
          rejects->clear();
        }
        detail::Importer importer(session, tx, options, rejects != nullptr ? &rejects->writer() : nullptr, pass);
        detail::ProgressCounter progress(options, pass);
        detail::read_records<ProposalFileRecord>(input.read_from_start(), options,
                                                 detail::proposal_schema(), [&](detail::InputRecord& record) {
                               importer.take(record);
                               progress.count(importer.summary().records);
                             });
        detail::finish_rejects(importer.rejects(), rejects);
        return importer.summary();
      });
}

} // namespace cfp::core
