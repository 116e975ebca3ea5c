// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "list_options.hpp"
#include "registry.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/core/criteria.hpp>
#include <cfp/core/record_fields.hpp>
#include <cfp/domain/document.hpp>
#include <cfp/domain/money.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <map>

namespace cfp::cli {

namespace {

using domain::Value;

void run_call_add(Context& context, const core::NewCall& request)
{
  auto session = context.session(store::Access::read_write);
  const auto call = core::add_call(session, request);
  context.note(fmt::format("added call {}", call.code));
  if (context.format() == Format::table) {
    context.out() << call.code << '\n';
  } else {
    print_one(context.format(), context.out(), context.display(), core::call_fields(), call, {});
  }
}

void run_call_list(Context& context, const OrderOptions& options)
{
  const auto& fields = core::call_fields();
  const auto order = options.order(fields);
  auto session = context.session(store::Access::read_only);
  ListPrinter<domain::Call> printer(context.format(), context.out(), context.err(), context.display(), fields,
                                    {field_column(fields, "code", "CODE"), field_column(fields, "opens_at", "OPENS"),
                                     field_column(fields, "budget_eur", "BUDGET EUR", Align::right),
                                     field_column(fields, "title", "TITLE")});
  printer.fit(context.table_width());
  printer.order(order);
  for (const auto& call : core::list_calls(session)) {
    printer.add(call);
  }
  printer.finish();
}

// What `call show` prints: the call's fields, its cut-offs, and its proposals by status.
struct CallView
{
  core::CallDetails details;
  std::map<domain::ProposalStatus, int> counts;
};

constexpr domain::ProposalStatus k_statuses[] = {domain::ProposalStatus::draft, domain::ProposalStatus::submitted,
                                                 domain::ProposalStatus::withdrawn};

// The call fields, its overall threshold and document rules, then `cutoffs` (each cut-off's
// record, or in CSV only their labels), then a count for each status.
core::Fields<CallView> call_view_fields(Format format)
{
  core::Fields<CallView> fields;
  for (const auto& field : core::call_fields()) {
    fields.push_back({field.name, field.kind, [get = field.get](const CallView& view, const core::Display& display) {
                        return get(view.details.call, display);
                      }});
  }
  fields.push_back({"overall_threshold", core::FieldKind::text, [](const CallView& view, const core::Display&) {
                      return Value(domain::Decimal{domain::format_points(view.details.call.overall_threshold)});
                    }});
  for (const auto& field : core::call_document_fields()) {
    fields.push_back({field.name, field.kind, [get = field.get](const CallView& view, const core::Display& display) {
                        return get(view.details.call, display);
                      }});
  }
  if (format == Format::csv) {
    fields.push_back({"cutoffs", core::FieldKind::list, [](const CallView& view, const core::Display&) {
                        std::vector<std::string> labels;
                        for (const auto& cutoff : view.details.cutoffs) {
                          labels.push_back(cutoff.label);
                        }
                        return Value(std::move(labels));
                      }});
  } else {
    fields.push_back({"cutoffs", core::FieldKind::json, [](const CallView& view, const core::Display& display) {
                        const auto& deadline = core::deadline_fields();
                        auto records = nlohmann::ordered_json::array();
                        for (const auto& cutoff : view.details.cutoffs) {
                          const auto status = core::deadline_status(cutoff, view.details.call.opens_at, display.now);
                          auto record = nlohmann::ordered_json::object();
                          for (const auto& field : deadline) {
                            record[std::string(field.name)] = json_value(field.get(status, display));
                          }
                          records.push_back(std::move(record));
                        }
                        return Value(domain::JsonText{dump_json(records)});
                      }});
  }
  for (const auto status : k_statuses) {
    fields.push_back(
        {domain::to_string(status), core::FieldKind::integer, [status](const CallView& view, const core::Display&) {
           const auto found = view.counts.find(status);
           return Value(std::int64_t{found == view.counts.end() ? 0 : found->second});
         }});
  }
  return fields;
}

void run_call_show(Context& context, const std::string& code)
{
  auto session = context.session(store::Access::read_only);
  CallView view{core::show_call(session, code), {}};
  for (const auto& [status, count] : view.details.proposals_by_status) {
    view.counts[status] = count;
  }
  const auto display = context.display();
  const auto& call = view.details.call;
  std::vector<Line> lines{
      {"code", call.code},
      {"title", call.title},
      {"opens", call.opens_at ? domain::format_local(*call.opens_at, context.zone()) : ""},
      {"budget", call.budget ? domain::format_money_grouped(*call.budget) + " EUR" : ""},
      {"overall threshold", domain::format_points(call.overall_threshold) + " points"},
      {"required parts", call.required_parts.empty() ? "none" : util::join(call.required_parts, ", ")},
      {"document limit", domain::format_limit(call.document_limit)},
  };
  for (const auto& cutoff : view.details.cutoffs) {
    lines.emplace_back("cut-off " + cutoff.label,
                       domain::format_local(cutoff.closes_at, context.zone()) +
                           (domain::is_on_time(display.now, cutoff) ? " (open)" : " (closed)"));
  }
  for (const auto status : k_statuses) {
    lines.emplace_back(std::string(domain::to_string(status)), std::to_string(view.counts[status]));
  }
  print_one(context.format(), context.out(), display, call_view_fields(context.format()), view, lines);
}

} // namespace

void register_call_commands(CLI::App& app, Registry& registry)
{
  auto* call = add_group(app, "call", "Calls for proposals");

  auto add_request = std::make_shared<core::NewCall>();
  auto* add = call->add_subcommand("add", "Record a call for proposals");
  add->add_option("CODE", add_request->code, "Call code, such as EUROHPC-2024-CEI-AI-01")->required();
  add->add_option("--title", add_request->title, "Title of the call")->required();
  add->add_option("--opens", add_request->opens, "When the call opens (WHEN)");
  add->add_option("--budget", add_request->budget, "Budget in euros (485M, 1.5bn, 2_000_000.00)");
  registry.on_change(add, [add_request](Context& context) { run_call_add(context, *add_request); });

  auto list_order = std::make_shared<OrderOptions>();
  auto* list = call->add_subcommand("list", "List the calls, by code");
  add_order_options(*list, *list_order);
  registry.on(list, [list_order](Context& context) { run_call_list(context, *list_order); });

  auto show_code = std::make_shared<std::string>();
  auto* show = call->add_subcommand("show", "Show a call with its cut-offs and proposal counts");
  show->add_option("CODE", *show_code, "Call code")->required();
  registry.on(show, [show_code](Context& context) { run_call_show(context, *show_code); });

  auto threshold_code = std::make_shared<std::string>();
  auto threshold_points = std::make_shared<std::string>();
  auto* threshold = call->add_subcommand(
      "set-threshold", "Set the sum of consensus scores a proposal must reach (the overall threshold)");
  threshold->add_option("CODE", *threshold_code, "Call code")->required();
  threshold->add_option("POINTS", *threshold_points, "Points, in half points: 10, 10.5")->required();
  registry.on_change(threshold, [threshold_code, threshold_points](Context& context) {
    auto session = context.session(store::Access::read_write);
    const auto update = core::set_overall_threshold(session, *threshold_code, *threshold_points);
    const auto& changed = update.call;
    context.note(update.before == changed.overall_threshold
                     ? fmt::format("the overall threshold of {} is {} already", changed.code,
                                   domain::format_points(changed.overall_threshold))
                     : fmt::format("overall threshold of {}: {} (was {})", changed.code,
                                   domain::format_points(changed.overall_threshold),
                                   domain::format_points(update.before)));
    static const core::Fields<domain::Call> fields{
        {"call", core::FieldKind::text, [](const domain::Call& c, const core::Display&) { return Value(c.code); }},
        {"overall_threshold", core::FieldKind::text,
         [](const domain::Call& c, const core::Display&) {
           return Value(domain::Decimal{domain::format_points(c.overall_threshold)});
         }},
    };
    print_one(context.format(), context.out(), context.display(), fields, changed,
              {{"call", changed.code}, {"overall threshold", domain::format_points(changed.overall_threshold)}});
  });

  register_call_corrections(*call, registry);
}

} // namespace cfp::cli
