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

const Fields<StateReportRow>& state_report_fields()
{
  using domain::Money;
  using domain::Value;
  using R = StateReportRow;
  static const Fields<R> fields{
      {"code", FieldKind::text, [](const R& r, const Display&) { return Value(r.state.code); }},
      {"name", FieldKind::text, [](const R& r, const Display&) { return Value(r.state.name); }},
      {"hosted", FieldKind::integer, [](const R& r, const Display&) { return Value(r.hosted); }},
      {"partnered", FieldKind::integer, [](const R& r, const Display&) { return Value(r.partnered); }},
      {"drafts", FieldKind::integer, [](const R& r, const Display&) { return Value(r.drafts); }},
      {"eu_requested_eur", FieldKind::money, [](const R& r, const Display&) { return Value(Money{r.eu_requested}); }},
      {"national_committed_eur", FieldKind::money,
       [](const R& r, const Display&) { return Value(Money{r.national_committed}); }},
      {"selected", FieldKind::integer, [](const R& r, const Display&) { return Value(r.selected); }},
      {"eu_selected_eur", FieldKind::money, [](const R& r, const Display&) { return Value(Money{r.eu_selected}); }},
  };
  return fields;
}

const Fields<CallReportRow>& call_report_fields()
{
  using domain::Money;
  using domain::Value;
  using R = CallReportRow;
  static const Fields<R> fields{
      {"call", FieldKind::text, [](const R& r, const Display&) { return Value(r.call.code); }},
      {"title", FieldKind::text, [](const R& r, const Display&) { return Value(r.call.title); }},
      {"budget_eur", FieldKind::money,
       [](const R& r, const Display&) { return r.call.budget ? Value(Money{*r.call.budget}) : Value(); }},
      {"cutoffs", FieldKind::integer, [](const R& r, const Display&) { return Value(r.cutoffs); }},
      {"cutoffs_open", FieldKind::integer, [](const R& r, const Display&) { return Value(r.cutoffs_open); }},
      {"cutoffs_closed", FieldKind::integer, [](const R& r, const Display&) { return Value(r.cutoffs_closed); }},
      {"drafts", FieldKind::integer, [](const R& r, const Display&) { return Value(r.drafts); }},
      {"submitted", FieldKind::integer, [](const R& r, const Display&) { return Value(r.submitted); }},
      {"withdrawn", FieldKind::integer, [](const R& r, const Display&) { return Value(r.withdrawn); }},
      {"eu_requested_eur", FieldKind::money, [](const R& r, const Display&) { return Value(Money{r.eu_requested}); }},
      {"budget_share", FieldKind::text,
       [](const R& r, const Display&) {
         return r.call.budget && *r.call.budget > 0
                    ? Value(domain::Decimal{format_share(r.eu_requested, *r.call.budget)})
                    : Value();
       }},
      {"next_cutoff", FieldKind::text,
       [](const R& r, const Display&) { return r.next ? Value(r.next->label) : Value(); }},
      {"next_closes_local", FieldKind::text,
       [](const R& r, const Display& display) {
         return r.next ? Value(domain::format_local(r.next->closes_at, *display.zone)) : Value();
       }},
      {"next_closes_at", FieldKind::instant,
       [](const R& r, const Display&) { return r.next ? Value(r.next->closes_at) : Value(); }},
      {"time_left", FieldKind::text,
       [](const R& r, const Display& display) {
         return r.next ? Value(format_time_left(display.now, r.next->closes_at)) : Value();
       }},
      {"seconds_left", FieldKind::integer,
       [](const R& r, const Display&) { return r.next ? Value(r.seconds_left) : Value(); }},
  };
  return fields;
}

} // namespace cfp::core
