#include <cfp/core/transfer.hpp>

#include "proposal_rules.hpp"
#include "record_readers.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/error.hpp>
#include <cfp/store/records.hpp>
#include <cfp/store/repositories.hpp>
#include <cfp/util/csv.hpp>
#include <cfp/util/digest.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <istream>
#include <ostream>

namespace cfp::core {

const std::vector<std::string> k_transfer_columns{
  "call",     "acronym", "title",  "host",         "partners", "entity", "plan", "experimental_platform",
  "eu_contribution_eur", "national_contribution_eur", "sectors", "status", "submitted_at"};

namespace {

using domain::Proposal;
using domain::ProposalStatus;
using nlohmann::ordered_json;

// Thrown inside the import transaction to roll it back (dry run, invalid records); not an error.
struct RollBack
{
};

// What one valid record does to the database.
enum class Outcome { inserted, updated, unchanged };

class Importer
{
public:
  Importer(Session& session, const ImportOptions& options)
    : m_session(session), m_reference(session.database), m_proposals(session.database),
      m_keys(session.database), m_rejects(options.rejects, options.format), m_now(session.clock.now())
  {
  }

  void take(detail::InputRecord& record)
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

  ImportSummary& summary() { return m_summary; }
  detail::RejectWriter& rejects() { return m_rejects; }

private:
  // Checks one record and, when it is valid, writes it; returns what is wrong with it.
  std::vector<ImportError> check_and_apply(detail::InputRecord& record)
  {
    std::vector<ImportError> errors = record.errors;
    if (!errors.empty()) {
      return errors;
    }
    const auto add = [&](const std::string& column, const std::string& message) {
      errors.push_back({record.line, column, message});
    };

    // The key: the call must exist, the acronym be valid and not seen before in this file.
    const detail::CallInfo* call = m_reference.call(*record.call);
    if (call == nullptr) {
      add("call", fmt::format("no call '{}'; 'cfp call list' shows the calls", *record.call));
    }
    if (auto problem = domain::check_acronym(*record.acronym)) {
      add("acronym", *problem);
    }
    std::optional<Proposal> existing;
    if (errors.empty()) {
      const std::string key = util::to_lower_ascii(call->call.code) + "/" + util::to_lower_ascii(*record.acronym);
      if (auto first = m_keys.seen(key, record.line)) {
        add("acronym", fmt::format("{} appears twice in call {}: on line {} and on line {}", *record.acronym,
                                   call->call.code, *first, record.line));
      } else {
        existing = m_proposals.find(call->call.id, *record.acronym);
      }
    }

    // The values, checked whatever the key's problems, so that one run reports them all.
    Proposal proposal = existing ? *existing : Proposal{};
    for (auto& error : detail::apply_input(m_reference, proposal.fields, record.input)) {
      add(error.field, error.message);
    }
    // Without a status column an existing proposal keeps its status.
    auto status = existing ? existing->status : ProposalStatus::submitted;
    if (record.status) {
      auto parsed = domain::parse_status(*record.status);
      if (!parsed) {
        add("status", fmt::format("'{}' is not draft or submitted", *record.status));
      } else {
        status = parsed.value();
      }
    }
    std::optional<domain::Instant> submitted_at;
    if (record.submitted_at) {
      auto when = domain::parse_when(*record.submitted_at, m_session.display_zone, domain::BareDate::start_of_day);
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
        add("record", fmt::format("{} belongs to cut-off '{}', which closed at {}; it is read-only now",
                                  existing->acronym, existing->cutoff_label.value_or("?"),
                                  detail::brussels_time(*existing->cutoff_closes_at)));
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
      const auto cutoff = detail::submission_cutoff(m_reference, *call, proposal.fields, at);
      if (!cutoff) {
        add(submitted_at ? "submitted_at" : "record", cutoff.error());
        return errors;
      }
      // A change happens now: it may not land in a cut-off that has closed already.
      if (existing && m_now > cutoff.value().closes_at) {
        add("submitted_at", fmt::format("{} would place {} in cut-off '{}', which closed at {}",
                                        domain::format_utc(at), existing->acronym, cutoff.value().label,
                                        detail::brussels_time(cutoff.value().closes_at)));
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
      m_proposals.update(proposal, m_now, m_session.actor);
      ++m_summary.updated;
    } else {
      proposal.call_code = call->call.code;
      proposal.acronym = *record.acronym;
      proposal.version = 1;
      m_proposals.insert(call->call.id, proposal, m_now, m_session.actor);
      ++m_summary.inserted;
    }
    return errors;
  }

  Session& m_session;
  detail::ReferenceData m_reference;
  store::ProposalRepository m_proposals;
  store::ImportKeys m_keys;
  detail::RejectWriter m_rejects;
  domain::Instant m_now;
  ImportSummary m_summary;
};

// A proposal in the transfer columns.
ordered_json transfer_record(const Proposal& proposal)
{
  const auto full = store::proposal_json(proposal);
  ordered_json record;
  for (const auto& column : k_transfer_columns) {
    record[column] = full.at(column);
  }
  return record;
}

} // namespace

ImportSummary import_proposals(Session& session, std::istream& in, const ImportOptions& options)
{
  util::HashingStreambuf hashing(*in.rdbuf());
  std::istream input(&hashing);
  ImportSummary summary;
  const std::string what = fmt::format("import proposals from {}", options.source_name);
  try {
    session.database.write(what, [&] {
      Importer importer(session, options);
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
      summary = importer.summary();
      summary.sha256 = hashing.hex();
      summary.bytes = hashing.bytes();
      if (options.dry_run || (summary.invalid > 0 && !options.skip_invalid)) {
        throw RollBack{};
      }
      record_audit(session, "import proposals " + options.source_name, "import", std::nullopt, std::nullopt,
                   ordered_json{{"file", options.source_name},
                                {"sha256", summary.sha256},
                                {"bytes", summary.bytes},
                                {"records", summary.records},
                                {"inserted", summary.inserted},
                                {"updated", summary.updated},
                                {"unchanged", summary.unchanged},
                                {"invalid", summary.invalid}});
      summary.written = true;
    });
  } catch (const RollBack&) {
    summary.written = false;
  }
  return summary;
}

void export_proposals(Session& session, std::ostream& out, DataFormat format,
                      const std::optional<std::string>& call_code)
{
  session.database.read("export the proposals", [&] {
    store::ProposalFilter filter;
    if (call_code) {
      filter.call_id = require_call(session.database, *call_code).id;
    }
    util::CsvWriter csv(out);
    bool first = true;
    if (format == DataFormat::csv) {
      csv.write_row(k_transfer_columns);
    } else if (format == DataFormat::json) {
      out << '[';
    }
    store::ProposalRepository(session.database).for_each(filter, [&](const Proposal& proposal) {
      const auto record = transfer_record(proposal);
      switch (format) {
      case DataFormat::csv: {
        std::vector<std::string> cells;
        for (const auto& column : k_transfer_columns) {
          cells.push_back(util::csv_cell(record.at(column)));
        }
        csv.write_row(cells);
        break;
      }
      case DataFormat::json:
        out << (first ? "\n  " : ",\n  ") << record.dump();
        break;
      case DataFormat::ndjson:
        out << record.dump() << '\n';
        break;
      }
      first = false;
    });
    if (format == DataFormat::json) {
      out << (first ? "]\n" : "\n]\n");
    }
  });
}

} // namespace cfp::core
