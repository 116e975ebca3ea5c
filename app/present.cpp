#include "present.hpp"

#include <cfp/domain/money.hpp>
#include <cfp/store/records.hpp>
#include <cfp/util/text.hpp>

namespace cfp::cli {

using nlohmann::ordered_json;

const std::vector<std::string> k_proposal_fields{
  "id", "call", "acronym", "title", "host", "partners", "entity", "plan", "experimental_platform",
  "eu_contribution_eur", "national_contribution_eur", "sectors", "status", "cutoff", "cutoff_closes_at",
  "submitted_at", "version", "withdrawal_reason"};

const std::vector<std::string> k_version_fields = [] {
  std::vector<std::string> fields{"recorded_at", "recorded_by"};
  fields.insert(fields.end(), k_proposal_fields.begin(), k_proposal_fields.end());
  return fields;
}();

const std::vector<std::string> k_deadline_fields{"call", "label", "closes_at", "closes_local", "open",
                                                 "legal_wall_time", "legal_zone"};

const std::vector<std::string> k_state_fields{"code", "name", "eu", "participating_since"};

const std::vector<std::string> k_call_fields{"code", "title", "opens_at", "budget_eur"};

const std::vector<std::string> k_audit_fields{"at", "actor", "command", "entity", "action", "before", "after"};

namespace {

ordered_json parse_or_null(const std::optional<std::string>& text)
{
  if (!text) {
    return nullptr;
  }
  return ordered_json::parse(*text, nullptr, false);
}

} // namespace

ordered_json proposal_json(const domain::Proposal& proposal)
{
  return store::proposal_json(proposal);
}

ordered_json version_json(const domain::ProposalVersion& version)
{
  ordered_json record{{"recorded_at", domain::format_utc(version.recorded_at)},
                      {"recorded_by", version.recorded_by}};
  const auto fields = proposal_json(version.proposal);
  for (const auto& [key, value] : fields.items()) {
    record[key] = value;
  }
  return record;
}

ordered_json deadline_json(const core::DeadlineStatus& deadline, const date::time_zone& zone)
{
  // The stored record, with the wall time in the display zone and whether it is open after closes_at.
  const auto stored = store::cutoff_json(deadline.cutoff);
  ordered_json record;
  for (const auto& [key, value] : stored.items()) {
    record[key] = value;
    if (key == "closes_at") {
      record["closes_local"] = domain::format_local(deadline.cutoff.closes_at, zone);
      record["open"] = deadline.open;
    }
  }
  return record;
}

ordered_json state_json(const domain::State& state)
{
  return ordered_json{
    {"code", state.code},
    {"name", state.name},
    {"eu", state.eu},
    {"participating_since",
     state.participating_since ? ordered_json(date::format("%F", date::sys_days{*state.participating_since}))
                               : ordered_json(nullptr)},
  };
}

ordered_json call_json(const domain::Call& call)
{
  return store::call_json(call);
}

ordered_json audit_json(const store::AuditEntry& entry)
{
  return ordered_json{
    {"at", domain::format_utc(entry.at)},
    {"actor", entry.actor},
    {"command", entry.command},
    {"entity", entry.entity},
    {"action", entry.action},
    {"before", parse_or_null(entry.before)},
    {"after", parse_or_null(entry.after)},
  };
}

std::string local_time(const std::optional<domain::Instant>& instant, const date::time_zone& zone)
{
  return instant ? domain::format_local(*instant, zone) : std::string{};
}

std::vector<std::pair<std::string, std::string>> proposal_lines(const domain::Proposal& proposal,
                                                                const date::time_zone& zone)
{
  const auto& fields = proposal.fields;
  std::vector<std::pair<std::string, std::string>> lines{
    {"id", std::to_string(proposal.id)},
    {"call", proposal.call_code},
    {"acronym", proposal.acronym},
    {"title", fields.title},
    {"host", fields.host},
    {"partners", util::join(fields.partners, ", ")},
    {"entity", fields.entity},
    {"plan", std::string(domain::to_string(fields.plan))},
    {"experimental platform", fields.experimental_platform ? "yes" : "no"},
    {"EU contribution", domain::format_money_grouped(fields.eu_contribution) + " EUR"},
    {"national contribution", domain::format_money_grouped(fields.national_contribution) + " EUR"},
    {"sectors", util::join(fields.sectors, ", ")},
    {"status", std::string(domain::to_string(proposal.status))},
    {"cut-off", proposal.cutoff_label ? *proposal.cutoff_label + " (closes " +
                                          local_time(proposal.cutoff_closes_at, zone) + ")"
                                      : std::string{}},
    {"submitted", local_time(proposal.submitted_at, zone)},
    {"version", std::to_string(proposal.version)},
  };
  if (proposal.withdrawal_reason) {
    lines.emplace_back("withdrawal reason", *proposal.withdrawal_reason);
  }
  return lines;
}

} // namespace cfp::cli
