// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "list_options.hpp"
#include "registry.hpp"

#include <cfp/core/evaluation_fields.hpp>
#include <cfp/core/experts.hpp>

#include <fmt/format.h>

namespace cfp::cli {

namespace {

using domain::Value;

std::vector<Line> expert_lines(const domain::Expert& expert)
{
  return {{"name", expert.name},
          {"state", expert.state},
          {"organisation", expert.organisation.value_or("")},
          {"email", expert.email.value_or("")}};
}

void run_list(Context& context, const OrderOptions& options)
{
  const auto& fields = core::expert_fields();
  const auto order = options.order(fields);
  auto session = context.session(store::Access::read_only);
  ListPrinter<domain::Expert> printer(context.format(), context.out(), context.err(), context.display(), fields,
                                      {field_column(fields, "name", "NAME"), field_column(fields, "state", "STATE"),
                                       field_column(fields, "organisation", "ORGANISATION"),
                                       field_column(fields, "email", "EMAIL")});
  printer.fit(context.table_width());
  printer.order(order);
  for (const auto& expert : core::list_experts(session)) {
    printer.add(expert);
  }
  printer.finish();
}

// The expert's fields, then `declared_conflicts`: each declared conflict's record.
core::Fields<core::ExpertDetails> details_fields()
{
  core::Fields<core::ExpertDetails> fields;
  for (const auto& field : core::expert_fields()) {
    fields.push_back(
        {field.name, field.kind, [get = field.get](const core::ExpertDetails& details, const core::Display& display) {
           return get(details.expert, display);
         }});
  }
  fields.push_back({"declared_conflicts", core::FieldKind::json,
                    [](const core::ExpertDetails& details, const core::Display& display) {
                      auto records = nlohmann::ordered_json::array();
                      for (const auto& conflict : details.declared) {
                        auto record = nlohmann::ordered_json::object();
                        for (const auto& field : core::declared_conflict_fields()) {
                          record[std::string(field.name)] = json_value(field.get(conflict, display));
                        }
                        records.push_back(std::move(record));
                      }
                      return Value(domain::JsonText{dump_json(records)});
                    }});
  return fields;
}

void run_show(Context& context, const std::string& name)
{
  auto session = context.session(store::Access::read_only);
  const auto details = core::show_expert(session, name);
  auto lines = expert_lines(details.expert);
  for (const auto& conflict : details.declared) {
    lines.emplace_back("conflict " + conflict.call_code + "/" + conflict.acronym, conflict.reason);
  }
  print_one(context.format(), context.out(), context.display(), details_fields(), details, lines);
}

void run_conflicts(Context& context, const core::ConflictQuery& query)
{
  auto session = context.session(store::Access::read_only);
  const auto& fields = core::conflict_fields();
  ListPrinter<core::ConflictListing> printer(
      context.format(), context.out(), context.err(), context.display(), fields,
      {field_column(fields, "expert", "EXPERT"), field_column(fields, "call", "CALL"),
       field_column(fields, "acronym", "ACRONYM"), field_column(fields, "cause", "CAUSE"),
       field_column(fields, "detail", "DETAIL")});
  printer.fit(context.table_width());
  core::for_each_conflict(
      session, query, [&](const core::ConflictListing& conflict) { printer.add(conflict); }, printer.passes());
  printer.finish();
}

} // namespace

void register_expert_commands(CLI::App& app, Registry& registry)
{
  auto* expert = add_group(app, "expert", "Experts who score proposals, and their conflicts of interest");

  auto add_request = std::make_shared<core::NewExpert>();
  auto* add = expert->add_subcommand("add", "Record an expert");
  add->add_option("NAME", add_request->name, "Full name, unique (ignoring case)")->required();
  add->add_option("--state", add_request->state, "State code of the expert (FI, IT, ...)")->required();
  add->add_option("--organisation", add_request->organisation, "The organisation the expert works for");
  add->add_option("--email", add_request->email, "E-mail address");
  registry.on_change(add, [add_request](Context& context) {
    auto session = context.session(store::Access::read_write);
    const auto added = core::add_expert(session, *add_request);
    context.note(fmt::format("added expert {}", added.name));
    print_one(context.format(), context.out(), context.display(), core::expert_fields(), added, expert_lines(added));
  });

  auto list_order = std::make_shared<OrderOptions>();
  auto* list = expert->add_subcommand("list", "List the experts, by name");
  add_order_options(*list, *list_order);
  registry.on(list, [list_order](Context& context) { run_list(context, *list_order); });

  auto show_name = std::make_shared<std::string>();
  auto* show = expert->add_subcommand("show", "Show an expert with the conflicts declared for them");
  show->add_option("NAME", *show_name, "Expert name")->required();
  registry.on(show, [show_name](Context& context) { run_show(context, *show_name); });

  auto conflict_name = std::make_shared<std::string>();
  auto conflict_ref = std::make_shared<std::string>();
  auto conflict_reason = std::make_shared<std::string>();
  auto* conflict = expert->add_subcommand("conflict", "Declare that an expert may not score a proposal");
  conflict->add_option("NAME", *conflict_name, "Expert name")->required();
  conflict->add_option("REF", *conflict_ref, "The proposal: its acronym, CALL/ACRONYM, or its numeric id")->required();
  conflict->add_option("--reason", *conflict_reason, "Why the expert may not score it")->required();
  registry.on_change(conflict, [conflict_name, conflict_ref, conflict_reason](Context& context) {
    auto session = context.session(store::Access::read_write);
    const auto declaration = core::declare_conflict(session, *conflict_name, *conflict_ref, *conflict_reason);
    const auto& declared = declaration.conflict;
    context.note(fmt::format("declared a conflict of {} with {}/{}", declared.expert_name, declared.call_code,
                             declared.acronym));
    if (declaration.scores_set_aside) {
      context.note(fmt::format("the scores {} gave {}/{} are kept but no longer count", declared.expert_name,
                               declared.call_code, declared.acronym));
    }
    print_one(context.format(), context.out(), context.display(), core::declared_conflict_fields(), declared,
              {{"expert", declared.expert_name},
               {"proposal", declared.call_code + "/" + declared.acronym},
               {"reason", declared.reason},
               {"declared", domain::format_local(declared.declared_at, context.zone())}});
  });

  auto query = std::make_shared<core::ConflictQuery>();
  auto* conflicts = expert->add_subcommand("conflicts", "List every conflict of interest, declared and derived");
  add_filter(*conflicts, "--call", query->calls, "Only the proposals of these calls");
  add_filter(*conflicts, "--expert", query->experts, "Only these experts", Commas::split_in_core);
  registry.on(conflicts, [query](Context& context) { run_conflicts(context, *query); });
}

} // namespace cfp::cli
