// SPDX-License-Identifier: EUPL-1.2
#include <cfp/error.hpp>
#include <cfp/store/snapshot.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cfp::store {

using nlohmann::json;
using nlohmann::ordered_json;

// Format 1 has the keys and order of the proposal, call and cut-off records that cfp 0.1
// printed with --format json; it must never change. A new format gets a new number and a
// reader below, and k_snapshot_format moves on. Since schema 8 a contribution may be null
// (absent): a version with both amounts is written byte for byte as before, so that its
// SHA-256 (the receipt of a submission) is the same; only a cfp that can open a schema 8 file
// ever reads a null, and it reads both.

namespace {

ordered_json instant_json(const std::optional<domain::Instant>& instant)
{
  return instant ? ordered_json(domain::format_utc(*instant)) : ordered_json(nullptr);
}

template<typename T>
T stored(util::Result<T> result)
{
  return util::value_or_throw(std::move(result), ErrorKind::storage, "a stored proposal version");
}

std::optional<domain::Instant> optional_instant(const json& value)
{
  if (value.is_null()) {
    return std::nullopt;
  }
  return stored(domain::parse_utc(value.get<std::string>()));
}

std::optional<std::string> optional_string(const json& value)
{
  return value.is_null() ? std::nullopt : std::optional{value.get<std::string>()};
}

std::optional<domain::Cents> optional_money(const json& value)
{
  if (value.is_null()) {
    return std::nullopt;
  }
  return stored(domain::parse_money(value.get<std::string>()));
}

// An amount as a string of euros, or null when it is absent (schema 8 on: before it, every
// contribution had an amount, so every version written before keeps its bytes).
ordered_json money_json(const std::optional<domain::Cents>& cents)
{
  return cents ? ordered_json(domain::format_money_plain(*cents)) : ordered_json(nullptr);
}

// A JSON object written as ordered_json::dump(-1, ' ', false, replace) writes it, without
// building the document first: a proposal's snapshot is written for each version a history
// lists (its digest) and for each proposal shown or changed. Keys are ASCII literals; a text
// of printable ASCII without quote or backslash is written as it is, as the serializer writes
// it, and any other goes through the serializer itself (escapes, invalid UTF-8 replaced).
class CompactObject
{
public:
  CompactObject() { m_text += '{'; }

  void add(std::string_view key, std::string_view value)
  {
    start(key);
    append(value);
  }
  void add(std::string_view key, const char* value) { add(key, std::string_view(value)); }
  void add(std::string_view key, const std::string& value) { add(key, std::string_view(value)); }
  void add(std::string_view key, const std::optional<std::string>& value)
  {
    start(key);
    if (value) {
      append(*value);
    } else {
      m_text += "null";
    }
  }
  void add(std::string_view key, std::int64_t value)
  {
    start(key);
    m_text += std::to_string(value);
  }
  void add(std::string_view key, bool value)
  {
    start(key);
    m_text += value ? "true" : "false";
  }
  void add(std::string_view key, const std::vector<std::string>& values)
  {
    start(key);
    m_text += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) {
        m_text += ',';
      }
      append(values[i]);
    }
    m_text += ']';
  }

  std::string text() &&
  {
    m_text += '}';
    return std::move(m_text);
  }

private:
  void start(std::string_view key)
  {
    if (m_text.size() > 1) {
      m_text += ',';
    }
    m_text += '"';
    m_text += key;
    m_text += "\":";
  }

  void append(std::string_view value)
  {
    const bool plain = std::all_of(value.begin(), value.end(), [](char c) {
      return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    });
    if (plain) {
      m_text += '"';
      m_text += value;
      m_text += '"';
    } else {
      m_text += ordered_json(std::string(value)).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
    }
  }

  std::string m_text;
};

std::optional<std::string> money_text(const std::optional<domain::Cents>& cents)
{
  return cents ? std::optional{domain::format_money_plain(*cents)} : std::nullopt;
}

std::optional<std::string> instant_text(const std::optional<domain::Instant>& instant)
{
  return instant ? std::optional{domain::format_utc(*instant)} : std::nullopt;
}

domain::Proposal proposal_from_format_1(const json& record)
{
  domain::Proposal proposal;
  proposal.id = record.at("id").get<std::int64_t>();
  proposal.call_code = record.at("call").get<std::string>();
  proposal.acronym = record.at("acronym").get<std::string>();
  auto& fields = proposal.fields;
  fields.title = record.at("title").get<std::string>();
  fields.host = record.at("host").get<std::string>();
  fields.partners = record.at("partners").get<std::vector<std::string>>();
  fields.entity = record.at("entity").get<std::string>();
  fields.plan = stored(domain::parse_plan(record.at("plan").get<std::string>()));
  fields.experimental_platform = record.at("experimental_platform").get<bool>();
  fields.eu_contribution = optional_money(record.at("eu_contribution_eur"));
  fields.national_contribution = optional_money(record.at("national_contribution_eur"));
  fields.sectors = record.at("sectors").get<std::vector<std::string>>();
  proposal.status = stored(domain::parse_status(record.at("status").get<std::string>()));
  proposal.cutoff_label = optional_string(record.at("cutoff"));
  proposal.cutoff_closes_at = optional_instant(record.at("cutoff_closes_at"));
  proposal.submitted_at = optional_instant(record.at("submitted_at"));
  proposal.withdrawal_reason = optional_string(record.at("withdrawal_reason"));
  proposal.version = record.at("version").get<int>();
  return proposal;
}

} // namespace

std::string snapshot(const domain::Proposal& proposal)
{
  const auto& fields = proposal.fields;
  CompactObject record;
  record.add("id", proposal.id);
  record.add("call", proposal.call_code);
  record.add("acronym", proposal.acronym);
  record.add("title", fields.title);
  record.add("host", fields.host);
  record.add("partners", fields.partners);
  record.add("entity", fields.entity);
  record.add("plan", domain::to_string(fields.plan));
  record.add("experimental_platform", fields.experimental_platform);
  record.add("eu_contribution_eur", money_text(fields.eu_contribution));
  record.add("national_contribution_eur", money_text(fields.national_contribution));
  record.add("sectors", fields.sectors);
  record.add("status", domain::to_string(proposal.status));
  record.add("cutoff", proposal.cutoff_label);
  record.add("cutoff_closes_at", instant_text(proposal.cutoff_closes_at));
  record.add("submitted_at", instant_text(proposal.submitted_at));
  record.add("version", std::int64_t{proposal.version});
  record.add("withdrawal_reason", proposal.withdrawal_reason);
  return std::move(record).text();
}

std::string snapshot(const domain::Call& call)
{
  ordered_json record{
      {"code", call.code},
      {"title", call.title},
      {"opens_at", instant_json(call.opens_at)},
      {"budget_eur", money_json(call.budget)},
  };
  // Schema 12 gave calls document rules. Each is written only when it differs from what every
  // call had before (no required part, a limit of 50 MiB): a call that keeps the defaults, as
  // every call recorded before does, has the snapshot it always had, byte for byte, so that the
  // audit entries written before and after the upgrade read the same and compare equal.
  if (!call.required_parts.empty()) {
    record["required_parts"] = call.required_parts;
  }
  if (call.document_limit != domain::k_default_document_limit) {
    record["document_limit_bytes"] = call.document_limit;
  }
  return record.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string snapshot(const domain::Criterion& criterion)
{
  return ordered_json{
      {"call", criterion.call_code},
      {"key", criterion.key},
      {"name", criterion.name},
      {"weight", domain::format_weight(criterion.weight)},
      {"threshold", domain::format_points(criterion.threshold)},
      {"position", criterion.position},
  }
      .dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string snapshot(const domain::Expert& expert)
{
  const auto optional = [](const std::optional<std::string>& text) {
    return text ? ordered_json(*text) : ordered_json(nullptr);
  };
  return ordered_json{
      {"name", expert.name},
      {"state", expert.state},
      {"organisation", optional(expert.organisation)},
      {"email", optional(expert.email)},
  }
      .dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string snapshot(const domain::Evaluation& evaluation)
{
  auto scores = ordered_json::object();
  for (const auto& [key, score] : evaluation.scores) {
    scores[key] = domain::format_points(score);
  }
  return ordered_json{
      {"expert", evaluation.expert},
      {"scores", scores},
      {"comment", evaluation.comment ? ordered_json(*evaluation.comment) : ordered_json(nullptr)},
      {"version", evaluation.version},
  }
      .dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string snapshot(const domain::Cutoff& cutoff)
{
  return ordered_json{
      {"call", cutoff.call_code},
      {"label", cutoff.label},
      {"closes_at", domain::format_utc(cutoff.closes_at)},
      {"legal_wall_time", domain::format_wall_time(cutoff.wall_time)},
      {"legal_zone", cutoff.zone},
  }
      .dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

domain::Proposal proposal_from_snapshot(std::string_view text, int format)
{
  if (format != 1) {
    throw Error(ErrorKind::storage, fmt::format("a stored proposal version has snapshot format {}, which this cfp "
                                                "does not know; install a newer cfp",
                                                format));
  }
  const auto record = json::parse(text, nullptr, false);
  if (record.is_discarded()) {
    throw Error(ErrorKind::storage, "a stored proposal version is not JSON");
  }
  try {
    return proposal_from_format_1(record);
  } catch (const json::exception& error) {
    throw Error(ErrorKind::storage, fmt::format("a stored proposal version is malformed: {}", error.what()));
  }
}

domain::Evaluation evaluation_from_snapshot(std::string_view text)
{
  const auto record = ordered_json::parse(text, nullptr, false);
  try {
    domain::Evaluation evaluation;
    evaluation.expert = record.at("expert").get<std::string>();
    for (const auto& [key, points] : record.at("scores").items()) {
      const auto score = domain::parse_score(points.get<std::string>());
      if (!score) {
        throw Error(ErrorKind::storage, fmt::format("a stored evaluation has a score '{}' for {}", points.dump(), key));
      }
      evaluation.scores.emplace_back(key, score.value());
    }
    const auto& comment = record.at("comment");
    evaluation.comment = comment.is_null() ? std::nullopt : std::optional(comment.get<std::string>());
    evaluation.version = record.at("version").get<int>();
    return evaluation;
  } catch (const json::exception& error) {
    throw Error(ErrorKind::storage, fmt::format("a stored evaluation version is malformed: {}", error.what()));
  }
}

} // namespace cfp::store
