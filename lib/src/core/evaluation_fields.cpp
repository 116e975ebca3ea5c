// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/evaluation_fields.hpp>
#include <cfp/domain/score.hpp>

#include <nlohmann/json.hpp>

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
      {"expert", FieldKind::text, [](const DeclaredConflict& c, const Display&) { return Value(c.expert_name); }},
      {"call", FieldKind::text, [](const DeclaredConflict& c, const Display&) { return Value(c.call_code); }},
      {"acronym", FieldKind::text, [](const DeclaredConflict& c, const Display&) { return Value(c.acronym); }},
      {"reason", FieldKind::text, [](const DeclaredConflict& c, const Display&) { return Value(c.reason); }},
      {"declared_at", FieldKind::instant,
       [](const DeclaredConflict& c, const Display&) { return Value(c.declared_at); }},
  };
  return fields;
}

namespace {

Value points_value(std::optional<domain::HalfPoints> points)
{
  return points ? Value(domain::Decimal{domain::format_points(*points)}) : Value();
}

// A decimal text as a JSON number ("4.5" -> 4.5).
nlohmann::ordered_json number(const std::string& text)
{
  return nlohmann::ordered_json::parse(text);
}

} // namespace

const Fields<ScoreRow>& score_row_fields()
{
  static const Fields<ScoreRow> fields{
      {"call", FieldKind::text, [](const ScoreRow& r, const Display&) { return Value(r.call); }},
      {"acronym", FieldKind::text, [](const ScoreRow& r, const Display&) { return Value(r.acronym); }},
      {"cutoff", FieldKind::text, [](const ScoreRow& r, const Display&) { return Value(r.cutoff); }},
      {"criterion", FieldKind::text, [](const ScoreRow& r, const Display&) { return Value(r.scores.criterion.key); }},
      {"scores", FieldKind::json,
       [](const ScoreRow& r, const Display&) {
         auto scores = nlohmann::ordered_json::array();
         for (const auto& expert : r.scores.scores) {
           scores.push_back({{"expert", expert.expert},
                             {"score", number(domain::format_points(expert.score))},
                             {"comment", expert.comment ? nlohmann::ordered_json(*expert.comment) : nullptr}});
         }
         return Value(domain::JsonText{scores.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)});
       }},
      {"experts", FieldKind::integer,
       [](const ScoreRow& r, const Display&) { return Value(static_cast<std::int64_t>(r.scores.scores.size())); }},
      {"consensus", FieldKind::text,
       [](const ScoreRow& r, const Display&) { return points_value(r.scores.consensus); }},
      {"source", FieldKind::text,
       [](const ScoreRow& r, const Display&) { return Value(std::string(to_string(r.scores.source))); }},
      {"spread", FieldKind::text,
       [](const ScoreRow& r, const Display&) {
         return r.scores.scores.empty() ? Value() : points_value(r.scores.spread);
       }},
      {"wide_spread", FieldKind::flag,
       [](const ScoreRow& r, const Display&) { return Value(r.scores.spread >= domain::k_wide_spread); }},
  };
  return fields;
}

const Fields<EvaluationSummary>& summary_fields()
{
  using S = EvaluationSummary;
  static const Fields<S> fields{
      {"call", FieldKind::text, [](const S& s, const Display&) { return Value(s.scores.proposal.call_code); }},
      {"acronym", FieldKind::text, [](const S& s, const Display&) { return Value(s.scores.proposal.acronym); }},
      {"cutoff", FieldKind::text,
       [](const S& s, const Display&) { return Value(s.scores.proposal.cutoff_label.value_or("")); }},
      {"criteria", FieldKind::json,
       [](const S& s, const Display&) {
         auto criteria = nlohmann::ordered_json::array();
         for (const auto& c : s.scores.criteria) {
           criteria.push_back(
               {{"criterion", c.criterion.key},
                {"name", c.criterion.name},
                {"consensus", c.consensus ? number(domain::format_points(*c.consensus)) : nlohmann::ordered_json()},
                {"threshold", number(domain::format_points(c.criterion.threshold))},
                {"passed", passes(c)},
                {"source", std::string(to_string(c.source))},
                {"comment", c.comment ? nlohmann::ordered_json(*c.comment) : nlohmann::ordered_json()}});
         }
         return Value(
             domain::JsonText{criteria.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)});
       }},
      {"total", FieldKind::text,
       [](const S& s, const Display&) { return points_value(totals_of(s.scores).total); }},
      {"weighted_total", FieldKind::text,
       [](const S& s, const Display&) {
         const auto weighted = totals_of(s.scores).weighted_total;
         return weighted ? Value(domain::Decimal{domain::format_weighted(*weighted)}) : Value();
       }},
      {"overall_threshold", FieldKind::text,
       [](const S& s, const Display&) { return points_value(s.scores.overall_threshold); }},
      {"passed", FieldKind::flag, [](const S& s, const Display&) { return Value(totals_of(s.scores).passed); }},
      {"rank", FieldKind::integer,
       [](const S& s, const Display&) { return s.rank ? Value(std::int64_t{*s.rank}) : Value(); }},
      {"passing", FieldKind::integer,
       [](const S& s, const Display&) { return s.status ? Value(std::int64_t{s.passing}) : Value(); }},
      {"status", FieldKind::text,
       [](const S& s, const Display&) {
         return s.status ? Value(std::string(to_string(*s.status))) : Value();
       }},
      {"reason", FieldKind::text,
       [](const S& s, const Display&) { return s.reason.empty() ? Value() : Value(s.reason); }},
      {"outcome", FieldKind::text,
       [](const S& s, const Display&) {
         const auto& outcome = s.scores.proposal.outcome;
         return outcome ? Value(std::string(domain::to_string(*outcome))) : Value();
       }},
  };
  return fields;
}

namespace {

// Reads a text value into one member of a score file record: an empty cell or null is given
// as empty text, which the import then finds missing or blank.
template<std::optional<std::string> ScoreFileRecord::*Member>
std::optional<std::string> read_text(ScoreFileRecord& record, const FileValue& value)
{
  const auto* text = std::get_if<std::string>(&value);
  record.*Member = text == nullptr ? std::string{} : *text;
  return std::nullopt;
}

} // namespace

const Fields<ScoreFileRow, ScoreFileRecord>& score_file_fields()
{
  using Row = ScoreFileRow;
  static const Fields<Row, ScoreFileRecord> fields{
      {"call", FieldKind::text, [](const Row& r, const Display&) { return Value(r.call); },
       &read_text<&ScoreFileRecord::call>, true},
      {"acronym", FieldKind::text, [](const Row& r, const Display&) { return Value(r.acronym); },
       &read_text<&ScoreFileRecord::acronym>, true},
      {"expert", FieldKind::text, [](const Row& r, const Display&) { return Value(r.expert); },
       &read_text<&ScoreFileRecord::expert>, true},
      {"criterion", FieldKind::text, [](const Row& r, const Display&) { return Value(r.criterion); },
       &read_text<&ScoreFileRecord::criterion>, true},
      {"score", FieldKind::decimal,
       [](const Row& r, const Display&) { return Value(domain::Decimal{domain::format_points(r.score)}); },
       &read_text<&ScoreFileRecord::score>, true},
      {"comment", FieldKind::text, [](const Row& r, const Display&) { return optional_text(r.comment); },
       &read_text<&ScoreFileRecord::comment>},
  };
  return fields;
}

const Fields<EvaluationVersion>& evaluation_version_fields()
{
  using V = EvaluationVersion;
  static const Fields<V> fields{
      {"call", FieldKind::text, [](const V& v, const Display&) { return Value(v.call); }},
      {"acronym", FieldKind::text, [](const V& v, const Display&) { return Value(v.acronym); }},
      {"cutoff", FieldKind::text, [](const V& v, const Display&) { return Value(v.cutoff); }},
      {"expert", FieldKind::text, [](const V& v, const Display&) { return Value(v.evaluation.expert); }},
      {"version", FieldKind::integer,
       [](const V& v, const Display&) { return Value(std::int64_t{v.evaluation.version}); }},
      {"current", FieldKind::flag, [](const V& v, const Display&) { return Value(v.current); }},
      {"set_aside", FieldKind::flag, [](const V& v, const Display&) { return Value(v.set_aside); }},
      {"recorded_at", FieldKind::instant, [](const V& v, const Display&) { return Value(v.evaluation.recorded_at); }},
      {"recorded_by", FieldKind::text, [](const V& v, const Display&) { return Value(v.evaluation.recorded_by); }},
      {"scores", FieldKind::json,
       [](const V& v, const Display&) {
         auto scores = nlohmann::ordered_json::object();
         for (const auto& [key, score] : v.evaluation.scores) {
           scores[key] = number(domain::format_points(score));
         }
         return Value(domain::JsonText{scores.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)});
       }},
      {"comment", FieldKind::text, [](const V& v, const Display&) { return optional_text(v.evaluation.comment); }},
  };
  return fields;
}

} // namespace cfp::core
