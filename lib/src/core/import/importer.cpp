// SPDX-License-Identifier: EUPL-1.2
#include "importer.hpp"

#include "../proposal_rules.hpp"
#include "csv_reader.hpp"
#include "json_reader.hpp"
#include "ndjson_reader.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/store/import_keys.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/util/digest.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace cfp::core::detail {

using domain::Proposal;
using domain::ProposalStatus;

Importer::Importer(const Session& session, store::Transaction& tx, const ImportOptions& options)
    : m_session(session), m_tx(tx), m_reference(tx), m_rejects(options.rejects, options.format),
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
  ++m_summary.invalid;
  m_summary.error_count += errors.size();
  std::vector<std::string> parts;
  for (const auto& error : errors) {
    if (m_summary.errors.size() < k_max_reported_errors) {
      m_summary.errors.push_back(error);
    }
    parts.push_back(error.column + ": " + error.message);
  }
  m_rejects.write(record, util::join(parts, "; "));
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
      add("status", fmt::format("'{}' is not draft or submitted", util::excerpt(*record.values.status)));
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
  if (!errors.empty()) {
    return errors;
  }

  if (existing) {
    const bool same = proposal.fields == existing->fields && existing->status == status &&
                      (!submitted_at || submitted_at == existing->submitted_at);
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
    if (existing->status == ProposalStatus::withdrawn || status == ProposalStatus::withdrawn) {
      add("status", fmt::format("{} is withdrawn; an import cannot change it (use 'cfp proposal submit' first)",
                                existing->acronym));
      return errors;
    }
    if (existing->status == ProposalStatus::submitted && status == ProposalStatus::draft) {
      add("status", "a submitted proposal cannot become a draft again");
      return errors;
    }
  } else if (status == ProposalStatus::withdrawn) {
    add("status", "a new proposal cannot be imported as withdrawn; import it as submitted and withdraw it with "
                  "'cfp proposal withdraw'");
    return errors;
  }
  if (status == ProposalStatus::submitted) {
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
    proposal.status = ProposalStatus::submitted;
    proposal.submitted_at = at;
    proposal.cutoff_id = cutoff.value().id;
    proposal.cutoff_label = cutoff.value().label;
    proposal.cutoff_closes_at = cutoff.value().closes_at;
  } else {
    proposal.status = status;
  }
  if (existing) {
    proposal.version = existing->version + 1;
    m_tx.proposals().update(proposal, m_stamp);
    ++m_summary.updated;
  } else {
    proposal.call_code = call->call.code;
    proposal.acronym = *record.values.acronym;
    proposal.version = 1;
    m_tx.proposals().insert(call->call.id, proposal, m_stamp);
    ++m_summary.inserted;
  }
  return errors;
}

namespace {

void read_records(std::istream& in, DataFormat format, const std::string& source, const RecordSink& on_record)
{
  switch (format) {
  case DataFormat::csv:
    read_csv_records(in, source, on_record);
    return;
  case DataFormat::json:
    read_json_records(in, source, on_record);
    return;
  case DataFormat::ndjson:
    read_ndjson_records(in, source, on_record);
    return;
  }
}

} // namespace

} // namespace cfp::core::detail

namespace cfp::core {

ImportSummary import_proposals(Session& session, std::istream& in, const ImportOptions& options)
{
  util::HashingStreambuf hashing(*in.rdbuf());
  std::istream input(&hashing);
  const std::string what = fmt::format("import proposals from {}", options.source_name);
  // The input is read as the transaction runs, so it cannot be run a second time.
  return session.database.write_once(what, [&](store::Transaction& tx) {
    detail::Importer importer(session, tx, options);
    std::uint64_t next_progress = 1000;
    detail::read_records(input, options.format, options.source_name, [&](detail::InputRecord& record) {
      importer.take(record);
      if (options.progress && importer.summary().records >= next_progress) {
        options.progress(importer.summary().records, hashing.bytes());
        next_progress += 1000;
      }
    });
    importer.rejects().finish();
    hashing.drain();
    ImportSummary summary = importer.summary();
    summary.sha256 = hashing.hex();
    summary.bytes = hashing.bytes();
    if (options.dry_run || (summary.invalid > 0 && !options.skip_invalid)) {
      tx.discard_changes();
      return summary;
    }
    const nlohmann::ordered_json counts{{"file", options.source_name},    {"sha256", summary.sha256},
                                        {"bytes", summary.bytes},         {"records", summary.records},
                                        {"inserted", summary.inserted},   {"updated", summary.updated},
                                        {"unchanged", summary.unchanged}, {"invalid", summary.invalid}};
    record_audit(session, tx,
                 {{domain::SubjectKind::import, std::nullopt},
                  "import proposals " + options.source_name,
                  "import",
                  std::nullopt,
                  counts.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)});
    summary.written = true;
    return summary;
  });
}

} // namespace cfp::core
