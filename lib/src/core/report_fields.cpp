// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/report_fields.hpp>

namespace cfp::core {

const Fields<DeadlineReportRow>& deadline_report_fields()
{
  using domain::Value;
  using R = DeadlineReportRow;
  static const Fields<R> fields{
      {"call", FieldKind::text, [](const R& r, const Display&) { return Value(r.deadline.cutoff.call_code); }},
      {"label", FieldKind::text, [](const R& r, const Display&) { return Value(r.deadline.cutoff.label); }},
      {"closes_local", FieldKind::text,
       [](const R& r, const Display& display) {
         return Value(domain::format_local(r.deadline.cutoff.closes_at, *display.zone));
       }},
      {"closes_at", FieldKind::instant, [](const R& r, const Display&) { return Value(r.deadline.cutoff.closes_at); }},
      {"status", FieldKind::text, [](const R& r, const Display&) { return Value(std::string(to_string(r.status))); }},
      {"time_left", FieldKind::text,
       [](const R& r, const Display& display) {
         return Value(format_time_left(display.now, r.deadline.cutoff.closes_at));
       }},
      {"seconds_left", FieldKind::integer, [](const R& r, const Display&) { return Value(r.seconds_left); }},
      {"submitted", FieldKind::integer, [](const R& r, const Display&) { return Value(r.submitted); }},
      {"drafts", FieldKind::integer, [](const R& r, const Display&) { return Value(r.drafts); }},
      {"withdrawn", FieldKind::integer, [](const R& r, const Display&) { return Value(r.withdrawn); }},
      {"eu_requested_eur", FieldKind::money,
       [](const R& r, const Display&) { return Value(domain::Money{r.eu_requested}); }},
      {"budget_share", FieldKind::text,
       [](const R& r, const Display&) {
         return r.budget && *r.budget > 0 ? Value(domain::Decimal{format_share(r.eu_requested, *r.budget)}) : Value();
       }},
  };
  return fields;
}

} // namespace cfp::core
