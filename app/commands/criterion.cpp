// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "registry.hpp"

#include <cfp/core/criteria.hpp>
#include <cfp/core/evaluation_fields.hpp>

#include <fmt/format.h>

namespace cfp::cli {

namespace {

void print_criterion(Context& context, const domain::Criterion& criterion)
{
  print_one(context.format(), context.out(), context.display(), core::criterion_fields(), criterion,
            {{"call", criterion.call_code},
             {"key", criterion.key},
             {"name", criterion.name},
             {"weight", domain::format_weight(criterion.weight)},
             {"threshold", domain::format_points(criterion.threshold)},
             {"position", std::to_string(criterion.position)}});
}

void run_list(Context& context, const std::string& call_code)
{
  auto session = context.session(store::Access::read_only);
  const auto listed = core::list_criteria(session, call_code);
  const auto& fields = core::criterion_fields();
  ListPrinter<domain::Criterion> printer(
      context.format(), context.out(), context.err(), context.display(), fields,
      {field_column(fields, "position", "POS", Align::right), field_column(fields, "key", "KEY"),
       field_column(fields, "weight", "WEIGHT", Align::right),
       field_column(fields, "threshold", "THRESHOLD", Align::right), field_column(fields, "name", "NAME")});
  printer.fit(context.table_width());
  for (const auto& criterion : listed.criteria) {
    printer.add(criterion);
  }
  printer.finish();
  context.note(fmt::format("overall threshold of {}: {} points, the sum of the unweighted consensus scores",
                           listed.call.code, domain::format_points(listed.call.overall_threshold)));
}

// The options `criterion add` and `criterion set` share.
void bind_fields(CLI::App& command, core::CriterionRequest& request, bool name_required)
{
  command.add_option("CALL", request.call_code, "Call code")->required();
  command.add_option("KEY", request.key, "Criterion key: lower-case letters, digits and '_'")->required();
  auto* name = command.add_option("--name", request.name, "Name, as an evaluation summary shows it");
  if (name_required) {
    name->required();
  }
  command.add_option("--weight", request.weight, "Weight in ranking, 0.001 to 100 (default 1)");
  command.add_option("--threshold", request.threshold, "Consensus score to reach, 0 to 5 in half points (default 3)");
  command.add_option("--position", request.position, "Place among the call's criteria, from 1 (default: last)");
}

} // namespace

void register_criterion_commands(CLI::App& app, Registry& registry)
{
  auto* criterion = add_group(app, "criterion", "The criteria a call's proposals are scored on");

  auto list_call = std::make_shared<std::string>();
  auto* list = criterion->add_subcommand("list", "List a call's criteria and its overall threshold");
  list->add_option("CALL", *list_call, "Call code")->required();
  registry.on(list, [list_call](Context& context) { run_list(context, *list_call); });

  auto add_request = std::make_shared<core::CriterionRequest>();
  auto* add = criterion->add_subcommand("add", "Add a criterion to a call");
  bind_fields(*add, *add_request, true);
  registry.on_change(add, [add_request](Context& context) {
    auto session = context.session(store::Access::read_write);
    const auto added = core::add_criterion(session, *add_request);
    context.note(fmt::format("added criterion {} to call {}", added.key, added.call_code));
    print_criterion(context, added);
  });

  auto set_request = std::make_shared<core::CriterionRequest>();
  auto* set = criterion->add_subcommand("set", "Change a criterion's name, weight, threshold or position");
  bind_fields(*set, *set_request, false);
  registry.on_change(set, [set_request](Context& context) {
    auto session = context.session(store::Access::read_write);
    const auto update = core::set_criterion(session, *set_request);
    context.note(update.changed
                     ? fmt::format("changed criterion {} of call {}", update.criterion.key, update.criterion.call_code)
                     : fmt::format("criterion {} of call {} unchanged: the values given are the current ones",
                                   update.criterion.key, update.criterion.call_code));
    print_criterion(context, update.criterion);
  });

  auto remove_call = std::make_shared<std::string>();
  auto remove_key = std::make_shared<std::string>();
  auto* remove = criterion->add_subcommand("remove", "Remove a criterion from a call");
  remove->add_option("CALL", *remove_call, "Call code")->required();
  remove->add_option("KEY", *remove_key, "Criterion key")->required();
  registry.on_change(remove, [remove_call, remove_key](Context& context) {
    auto session = context.session(store::Access::read_write);
    const auto removed = core::remove_criterion(session, *remove_call, *remove_key);
    context.note(fmt::format("removed criterion {} from call {}", removed.key, removed.call_code));
    print_criterion(context, removed);
  });
}

} // namespace cfp::cli
