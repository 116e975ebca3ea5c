#include <cfp/store/snapshot.hpp>

#include <cfp/error.hpp>

#include <fmt/format.h>

namespace cfp::store {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

template<typename T>
ordered_json optional_json(const std::optional<T>& value)
{
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

std::optional<domain::Instant> optional_instant(const json& value)
{
  if (value.is_null()) {
    return std::nullopt;
  }
  return util::value_or_throw(domain::parse_utc(value.get<std::string>()), ErrorKind::storage, "proposal snapshot");
}

} // namespace

ordered_json snapshot_of(const domain::Proposal& proposal)
{
  const auto& fields = proposal.fields;
  const auto instant = [](const std::optional<domain::Instant>& at) {
    return at ? ordered_json(domain::format_utc(*at)) : ordered_json(nullptr);
  };
  return ordered_json{
    {"id", proposal.id},
    {"call", proposal.call_code},
    {"acronym", proposal.acronym},
    {"title", fields.title},
    {"host", fields.host},
    {"partners", fields.partners},
    {"entity", fields.entity},
    {"plan", domain::to_string(fields.plan)},
    {"experimental_platform", fields.experimental_platform},
    {"eu_contribution_cents", fields.eu_contribution},
    {"national_contribution_cents", fields.national_contribution},
    {"sectors", fields.sectors},
    {"status", domain::to_string(proposal.status)},
    {"cutoff_id", optional_json(proposal.cutoff_id)},
    {"cutoff", optional_json(proposal.cutoff_label)},
    {"cutoff_closes_at", instant(proposal.cutoff_closes_at)},
    {"submitted_at", instant(proposal.submitted_at)},
    {"withdrawal_reason", optional_json(proposal.withdrawal_reason)},
    {"version", proposal.version},
  };
}

domain::Proposal proposal_from_snapshot(const json& snapshot)
{
  try {
    domain::Proposal proposal;
    proposal.id = snapshot.at("id").get<std::int64_t>();
    proposal.call_code = snapshot.at("call").get<std::string>();
    proposal.acronym = snapshot.at("acronym").get<std::string>();
    auto& fields = proposal.fields;
    fields.title = snapshot.at("title").get<std::string>();
    fields.host = snapshot.at("host").get<std::string>();
    fields.partners = snapshot.at("partners").get<std::vector<std::string>>();
    fields.entity = snapshot.at("entity").get<std::string>();
    fields.plan = util::value_or_throw(domain::parse_plan(snapshot.at("plan").get<std::string>()), ErrorKind::storage,
                                       "proposal snapshot");
    fields.experimental_platform = snapshot.at("experimental_platform").get<bool>();
    fields.eu_contribution = snapshot.at("eu_contribution_cents").get<domain::Cents>();
    fields.national_contribution = snapshot.at("national_contribution_cents").get<domain::Cents>();
    fields.sectors = snapshot.at("sectors").get<std::vector<std::string>>();
    proposal.status = util::value_or_throw(domain::parse_status(snapshot.at("status").get<std::string>()),
                                           ErrorKind::storage, "proposal snapshot");
    if (!snapshot.at("cutoff_id").is_null()) {
      proposal.cutoff_id = snapshot.at("cutoff_id").get<std::int64_t>();
    }
    if (!snapshot.at("cutoff").is_null()) {
      proposal.cutoff_label = snapshot.at("cutoff").get<std::string>();
    }
    proposal.cutoff_closes_at = optional_instant(snapshot.at("cutoff_closes_at"));
    proposal.submitted_at = optional_instant(snapshot.at("submitted_at"));
    if (!snapshot.at("withdrawal_reason").is_null()) {
      proposal.withdrawal_reason = snapshot.at("withdrawal_reason").get<std::string>();
    }
    proposal.version = snapshot.at("version").get<int>();
    return proposal;
  } catch (const json::exception& error) {
    throw Error(ErrorKind::storage, fmt::format("a stored proposal version is malformed: {}", error.what()));
  }
}

} // namespace cfp::store
