// SPDX-License-Identifier: EUPL-1.2
#include "import/limits.hpp"

#include <cfp/core/record_fields.hpp>
#include <cfp/util/text.hpp>

#include <date/date.h>
#include <fmt/format.h>

namespace cfp::core {

namespace {

using domain::Value;

template<typename T>
Value optional_value(const std::optional<T>& value)
{
  if (value) {
    return Value(*value);
  }
  return Value();
}

Value optional_money(const std::optional<domain::Cents>& cents)
{
  return cents ? Value(domain::Money{*cents}) : Value();
}

// --- reading a proposal file's values ---------------------------------------------------------

std::string text_of(const FileValue& value)
{
  const auto* text = std::get_if<std::string>(&value);
  return text == nullptr ? std::string{} : *text;
}

// An empty cell, null, or only white space.
bool blank(const FileValue& value)
{
  return std::holds_alternative<std::monostate>(value) || util::trim(text_of(value)).empty();
}

// "PT; RO" -> {"PT", "RO"}: how a CSV cell lists names; no more than `most` + 1 of them.
std::vector<std::string> split_names(const std::string& text, std::size_t most)
{
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size() && parts.size() <= most) {
    const auto end = std::min(text.find(';', start), text.size());
    const auto part = util::trim(std::string_view(text).substr(start, end - start));
    if (!part.empty()) {
      parts.emplace_back(part);
    }
    start = end + 1;
  }
  return parts;
}

// The names of a list, into `target`; a list of more than k_max_items names (as many as a JSON
// array may hold) is refused, so that a 1 MiB cell cannot make a record of a million names.
std::optional<std::string> read_names(std::optional<std::vector<std::string>>& target, const FileValue& value)
{
  const auto* list = std::get_if<std::vector<std::string>>(&value);
  auto names = list != nullptr ? *list : split_names(text_of(value), detail::k_max_items);
  if (names.size() > detail::k_max_items) {
    return fmt::format("more than {} names", detail::k_max_items);
  }
  target = std::move(names);
  return std::nullopt;
}

std::optional<bool> parse_flag(const std::string& text)
{
  const std::string value = util::to_lower_ascii(util::trim(text));
  if (value == "true" || value == "yes" || value == "1") {
    return true;
  }
  if (value == "false" || value == "no" || value == "0") {
    return false;
  }
  return std::nullopt;
}

using Read = std::optional<std::string> (*)(ProposalFileRecord&, const FileValue&);

constexpr Read k_read_call = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  record.call = text_of(value);
  return std::nullopt;
};
constexpr Read k_read_acronym = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  record.acronym = text_of(value);
  return std::nullopt;
};
constexpr Read k_read_title = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  record.input.title = text_of(value);
  return std::nullopt;
};
constexpr Read k_read_host = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  record.input.host = text_of(value);
  return std::nullopt;
};
constexpr Read k_read_partners = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  return read_names(record.input.partners, value);
};
constexpr Read k_read_entity = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  record.input.entity = text_of(value);
  return std::nullopt;
};
constexpr Read k_read_plan = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  record.input.plan = blank(value) ? std::string("new") : text_of(value);
  return std::nullopt;
};
constexpr Read k_read_platform = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  if (const auto* flag = std::get_if<bool>(&value)) {
    record.input.experimental_platform = *flag;
  } else if (blank(value)) {
    record.input.experimental_platform = false;
  } else if (auto parsed = parse_flag(text_of(value))) {
    record.input.experimental_platform = *parsed;
  } else {
    return fmt::format("'{}' is not a boolean; use true, false, yes, no, 1 or 0", util::excerpt(text_of(value)));
  }
  return std::nullopt;
};
// A blank amount (an empty cell, null) is given as absent: empty text.
constexpr Read k_read_eu = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  record.input.eu_contribution = blank(value) ? std::string() : text_of(value);
  return std::nullopt;
};
constexpr Read k_read_national = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  record.input.national_contribution = blank(value) ? std::string() : text_of(value);
  return std::nullopt;
};
constexpr Read k_read_sectors = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  return read_names(record.input.sectors, value);
};
constexpr Read k_read_status = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  record.status = blank(value) ? std::string("submitted") : text_of(value);
  return std::nullopt;
};
constexpr Read k_read_submitted_at = [](ProposalFileRecord& record,
                                        const FileValue& value) -> std::optional<std::string> {
  if (!blank(value)) {
    record.submitted_at = text_of(value);
  }
  return std::nullopt;
};

constexpr Read k_read_reason = [](ProposalFileRecord& record, const FileValue& value) -> std::optional<std::string> {
  if (!blank(value)) {
    record.withdrawal_reason = text_of(value);
  }
  return std::nullopt;
};

using domain::Proposal;
using ProposalField = Field<Proposal, ProposalFileRecord>;

Fields<Proposal, ProposalFileRecord> make_proposal_fields()
{
  using K = FieldKind;
  const auto get = [](auto function) {
    return [function](const Proposal& proposal, const Display&) -> Value { return function(proposal); };
  };
  return {
      {"id", K::integer, get([](const Proposal& p) { return Value(p.id); })},
      {"call", K::text, get([](const Proposal& p) { return Value(p.call_code); }), k_read_call, true},
      {"acronym", K::text, get([](const Proposal& p) { return Value(p.acronym); }), k_read_acronym, true},
      {"title", K::text, get([](const Proposal& p) { return Value(p.fields.title); }), k_read_title, true},
      {"host", K::text, get([](const Proposal& p) { return Value(p.fields.host); }), k_read_host, true},
      {"partners", K::list, get([](const Proposal& p) { return Value(p.fields.partners); }), k_read_partners},
      {"entity", K::text, get([](const Proposal& p) { return Value(p.fields.entity); }), k_read_entity, true},
      {"plan", K::text, get([](const Proposal& p) { return Value(std::string(domain::to_string(p.fields.plan))); }),
       k_read_plan},
      {"experimental_platform", K::flag, get([](const Proposal& p) { return Value(p.fields.experimental_platform); }),
       k_read_platform},
      {"eu_contribution_eur", K::money, get([](const Proposal& p) { return optional_money(p.fields.eu_contribution); }),
       k_read_eu},
      {"national_contribution_eur", K::money,
       get([](const Proposal& p) { return optional_money(p.fields.national_contribution); }), k_read_national},
      {"sectors", K::list, get([](const Proposal& p) { return Value(p.fields.sectors); }), k_read_sectors},
      {"status", K::text, get([](const Proposal& p) { return Value(std::string(domain::to_string(p.status))); }),
       k_read_status},
      {"cutoff", K::text, get([](const Proposal& p) { return optional_value(p.cutoff_label); })},
      {"cutoff_closes_at", K::instant, get([](const Proposal& p) { return optional_value(p.cutoff_closes_at); })},
      {"submitted_at", K::instant, get([](const Proposal& p) { return optional_value(p.submitted_at); }),
       k_read_submitted_at},
      {"version", K::integer, get([](const Proposal& p) { return Value(std::int64_t{p.version}); })},
      {"withdrawal_reason", K::text, get([](const Proposal& p) { return optional_value(p.withdrawal_reason); }),
       k_read_reason},
      {"outcome", K::text,
       get([](const Proposal& p) { return p.outcome ? Value(std::string(domain::to_string(*p.outcome))) : Value(); })},
  };
}

} // namespace

const Fields<Proposal, ProposalFileRecord>& proposal_fields()
{
  static const auto fields = make_proposal_fields();
  return fields;
}

const Fields<Proposal, ProposalFileRecord>& proposal_file_fields()
{
  static const auto fields = [] {
    Fields<Proposal, ProposalFileRecord> file;
    for (const auto& field : proposal_fields()) {
      if (field.read != nullptr) {
        file.push_back(field);
      }
    }
    return file;
  }();
  return fields;
}

const Fields<domain::ProposalVersion>& version_fields()
{
  static const auto fields = [] {
    using domain::ProposalVersion;
    Fields<ProposalVersion> version{
        {"recorded_at", FieldKind::instant,
         [](const ProposalVersion& v, const Display&) { return Value(v.recorded_at); }},
        {"recorded_by", FieldKind::text, [](const ProposalVersion& v, const Display&) { return Value(v.recorded_by); }},
        {"recorded_real_at", FieldKind::instant,
         [](const ProposalVersion& v, const Display&) { return optional_value(v.recorded_real_at); }},
        {"simulated", FieldKind::flag, [](const ProposalVersion& v, const Display&) { return Value(v.simulated); }},
    };
    for (const auto& field : proposal_fields()) {
      if (field.name == "outcome") {
        continue; // decided by the evaluation, not part of any version
      }
      version.push_back({field.name, field.kind, [get = field.get](const ProposalVersion& v, const Display& display) {
                           return get(v.proposal, display);
                         }});
    }
    return version;
  }();
  return fields;
}

const Fields<domain::Call>& call_fields()
{
  using domain::Call;
  static const Fields<Call> fields{
      {"code", FieldKind::text, [](const Call& c, const Display&) { return Value(c.code); }},
      {"title", FieldKind::text, [](const Call& c, const Display&) { return Value(c.title); }},
      {"opens_at", FieldKind::instant, [](const Call& c, const Display&) { return optional_value(c.opens_at); }},
      {"budget_eur", FieldKind::money, [](const Call& c, const Display&) { return optional_money(c.budget); }},
  };
  return fields;
}

const Fields<domain::Call>& call_document_fields()
{
  using domain::Call;
  static const Fields<Call> fields{
      {"required_parts", FieldKind::list, [](const Call& c, const Display&) { return Value(c.required_parts); }},
      {"document_limit_bytes", FieldKind::integer,
       [](const Call& c, const Display&) { return Value(c.document_limit); }},
  };
  return fields;
}

const Fields<domain::Cutoff>& cutoff_fields()
{
  using domain::Cutoff;
  static const Fields<Cutoff> fields{
      {"label", FieldKind::text, [](const Cutoff& k, const Display&) { return Value(k.label); }},
      {"closes_at", FieldKind::instant, [](const Cutoff& k, const Display&) { return Value(k.closes_at); }},
      {"legal_wall_time", FieldKind::text,
       [](const Cutoff& k, const Display&) { return Value(domain::format_wall_time(k.wall_time)); }},
      {"legal_zone", FieldKind::text, [](const Cutoff& k, const Display&) { return Value(k.zone); }},
  };
  return fields;
}

const Fields<DeadlineStatus>& deadline_fields()
{
  static const Fields<DeadlineStatus> fields{
      {"call", FieldKind::text, [](const DeadlineStatus& d, const Display&) { return Value(d.cutoff.call_code); }},
      {"label", FieldKind::text, [](const DeadlineStatus& d, const Display&) { return Value(d.cutoff.label); }},
      {"closes_at", FieldKind::instant,
       [](const DeadlineStatus& d, const Display&) { return Value(d.cutoff.closes_at); }},
      {"closes_local", FieldKind::text,
       [](const DeadlineStatus& d, const Display& display) {
         return Value(domain::format_local(d.cutoff.closes_at, *display.zone));
       }},
      {"open", FieldKind::flag, [](const DeadlineStatus& d, const Display&) { return Value(d.open); }},
      {"status", FieldKind::text,
       [](const DeadlineStatus& d, const Display& display) {
         return Value(std::string(to_string(cutoff_status(d.cutoff, d.call_opens, display.now))));
       }},
      {"seconds_left", FieldKind::integer,
       [](const DeadlineStatus& d, const Display& display) {
         return Value(std::int64_t{(d.cutoff.closes_at - display.now).count()});
       }},
      {"legal_wall_time", FieldKind::text,
       [](const DeadlineStatus& d, const Display&) { return Value(domain::format_wall_time(d.cutoff.wall_time)); }},
      {"legal_zone", FieldKind::text, [](const DeadlineStatus& d, const Display&) { return Value(d.cutoff.zone); }},
  };
  return fields;
}

const Fields<domain::State>& state_fields()
{
  using domain::State;
  static const Fields<State> fields{
      {"code", FieldKind::text, [](const State& s, const Display&) { return Value(s.code); }},
      {"name", FieldKind::text, [](const State& s, const Display&) { return Value(s.name); }},
      {"eu", FieldKind::flag, [](const State& s, const Display&) { return Value(s.eu); }},
      {"participating_since", FieldKind::text,
       [](const State& s, const Display&) {
         return s.participating_since ? Value(date::format("%F", date::sys_days{*s.participating_since})) : Value();
       }},
  };
  return fields;
}

const Fields<domain::AuditEntry>& audit_fields()
{
  using domain::AuditEntry;
  const auto json = [](const std::optional<std::string>& text) {
    return text ? Value(domain::JsonText{*text}) : Value();
  };
  static const Fields<AuditEntry> fields{
      {"at", FieldKind::instant, [](const AuditEntry& e, const Display&) { return Value(e.at); }},
      {"actor", FieldKind::text, [](const AuditEntry& e, const Display&) { return Value(e.actor); }},
      {"command", FieldKind::text, [](const AuditEntry& e, const Display&) { return Value(e.command); }},
      {"entity", FieldKind::text, [](const AuditEntry& e, const Display&) { return Value(e.entity); }},
      {"action", FieldKind::text, [](const AuditEntry& e, const Display&) { return Value(e.action); }},
      {"before", FieldKind::json, [json](const AuditEntry& e, const Display&) { return json(e.before); }},
      {"after", FieldKind::json, [json](const AuditEntry& e, const Display&) { return json(e.after); }},
      {"real_at", FieldKind::instant, [](const AuditEntry& e, const Display&) { return optional_value(e.real_at); }},
      {"simulated", FieldKind::flag, [](const AuditEntry& e, const Display&) { return Value(e.simulated); }},
  };
  return fields;
}

} // namespace cfp::core
