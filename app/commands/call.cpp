#include "registry.hpp"

#include "../present.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/domain/money.hpp>

#include <fmt/format.h>

namespace cfp::cli {

namespace {

void run_call_add(Context& context, const core::NewCall& request)
{
  auto session = context.session(store::Access::read_write);
  const auto call = core::add_call(session, request);
  context.err() << fmt::format("added call {}\n", call.code);
  if (context.format() == Format::table) {
    context.out() << call.code << '\n';
  } else {
    print_record(context, k_call_fields, call_json(call), {});
  }
}

void run_call_list(Context& context)
{
  auto session = context.session(store::Access::read_only);
  nlohmann::ordered_json records = nlohmann::ordered_json::array();
  Table table{{"CODE", "OPENS", "BUDGET EUR", "TITLE"}, {}, {2}};
  for (const auto& call : core::list_calls(session)) {
    table.rows.push_back({call.code, local_time(call.opens_at, context.zone()),
                          call.budget ? domain::format_money_grouped(*call.budget) : "", call.title});
    records.push_back(call_json(call));
  }
  print_list(context, k_call_fields, records, table);
}

void run_call_show(Context& context, const std::string& code)
{
  auto session = context.session(store::Access::read_only);
  const auto details = core::show_call(session, code);
  const auto now = context.clock().now();
  auto record = call_json(details.call);
  nlohmann::ordered_json cutoffs = nlohmann::ordered_json::array();
  std::vector<std::string> labels;
  for (const auto& cutoff : details.cutoffs) {
    cutoffs.push_back(deadline_json({cutoff, domain::is_on_time(now, cutoff)}, context.zone()));
    labels.push_back(cutoff.label);
  }
  record["cutoffs"] = context.format() == Format::csv ? nlohmann::ordered_json(labels) : cutoffs;
  std::map<domain::ProposalStatus, int> counts;
  for (const auto& [status, count] : details.proposals_by_status) {
    counts[status] = count;
  }
  std::vector<std::pair<std::string, std::string>> lines{
    {"code", details.call.code},
    {"title", details.call.title},
    {"opens", local_time(details.call.opens_at, context.zone())},
    {"budget", details.call.budget ? domain::format_money_grouped(*details.call.budget) + " EUR" : ""},
  };
  for (const auto& cutoff : details.cutoffs) {
    lines.emplace_back("cut-off " + cutoff.label, domain::format_local(cutoff.closes_at, context.zone()) +
                                                    (domain::is_on_time(now, cutoff) ? " (open)" : " (closed)"));
  }
  std::vector<std::string> fields = k_call_fields;
  fields.push_back("cutoffs");
  for (const auto status : {domain::ProposalStatus::draft, domain::ProposalStatus::submitted,
                            domain::ProposalStatus::withdrawn}) {
    const std::string name(domain::to_string(status));
    record[name] = counts[status];
    fields.push_back(name);
    lines.emplace_back(name, std::to_string(counts[status]));
  }
  print_record(context, fields, record, lines);
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
  registry.on(add, [add_request](Context& context) { run_call_add(context, *add_request); });

  registry.on(call->add_subcommand("list", "List the calls"), run_call_list);

  auto show_code = std::make_shared<std::string>();
  auto* show = call->add_subcommand("show", "Show a call with its cut-offs and proposal counts");
  show->add_option("CODE", *show_code, "Call code")->required();
  registry.on(show, [show_code](Context& context) { run_call_show(context, *show_code); });
}

} // namespace cfp::cli
