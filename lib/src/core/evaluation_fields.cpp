// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/evaluation_fields.hpp>
#include <cfp/domain/score.hpp>

namespace cfp::core {

namespace {

using domain::Value;

Value optional_text(const std::optional<std::string>& text)
{
  return text ? Value(*text) : Value();
}

} // namespace

const Fields<domain::Criterion>& criterion_fields()
{
  using domain::Criterion;
  static const Fields<Criterion> fields{
      {"call", FieldKind::text, [](const Criterion& c, const Display&) { return Value(c.call_code); }},
      {"key", FieldKind::text, [](const Criterion& c, const Display&) { return Value(c.key); }},
      {"name", FieldKind::text, [](const Criterion& c, const Display&) { return Value(c.name); }},
      {"weight", FieldKind::text,
       [](const Criterion& c, const Display&) { return Value(domain::Decimal{domain::format_weight(c.weight)}); }},
      {"threshold", FieldKind::text,
       [](const Criterion& c, const Display&) { return Value(domain::Decimal{domain::format_points(c.threshold)}); }},
      {"position", FieldKind::integer,
       [](const Criterion& c, const Display&) { return Value(std::int64_t{c.position}); }},
  };
  return fields;
}

const Fields<domain::Expert>& expert_fields()
{
  using domain::Expert;
  static const Fields<Expert> fields{
      {"name", FieldKind::text, [](const Expert& e, const Display&) { return Value(e.name); }},
      {"state", FieldKind::text, [](const Expert& e, const Display&) { return Value(e.state); }},
      {"organisation", FieldKind::text, [](const Expert& e, const Display&) { return optional_text(e.organisation); }},
      {"email", FieldKind::text, [](const Expert& e, const Display&) { return optional_text(e.email); }},
  };
  return fields;
}

const Fields<ConflictListing>& conflict_fields()
{
  static const Fields<ConflictListing> fields{
      {"expert", FieldKind::text, [](const ConflictListing& c, const Display&) { return Value(c.expert); }},
      {"expert_state", FieldKind::text, [](const ConflictListing& c, const Display&) { return Value(c.expert_state); }},
      {"call", FieldKind::text, [](const ConflictListing& c, const Display&) { return Value(c.call_code); }},
      {"acronym", FieldKind::text, [](const ConflictListing& c, const Display&) { return Value(c.acronym); }},
      {"cause", FieldKind::text,
       [](const ConflictListing& c, const Display&) { return Value(std::string(domain::to_string(c.cause))); }},
      {"detail", FieldKind::text, [](const ConflictListing& c, const Display&) { return Value(c.detail); }},
  };
  return fields;
}

const Fields<store::DeclaredConflict>& declared_conflict_fields()
{
  using store::DeclaredConflict;
  static const Fields<DeclaredConflict> fields{
      {"call", FieldKind::text, [](const DeclaredConflict& c, const Display&) { return Value(c.call_code); }},
      {"acronym", FieldKind::text, [](const DeclaredConflict& c, const Display&) { return Value(c.acronym); }},
      {"reason", FieldKind::text, [](const DeclaredConflict& c, const Display&) { return Value(c.reason); }},
      {"declared_at", FieldKind::instant,
       [](const DeclaredConflict& c, const Display&) { return Value(c.declared_at); }},
  };
  return fields;
}

} // namespace cfp::core
