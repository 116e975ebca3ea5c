// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "registry.hpp"

#include <cfp/core/record_fields.hpp>
#include <cfp/core/states.hpp>

namespace cfp::cli {

void register_state_commands(CLI::App& app, Registry& registry)
{
  auto* state = add_group(app, "state", "Participating states");
  auto* list = state->add_subcommand("list", "List the states that take part in EuroHPC calls");
  auto eu_only = std::make_shared<bool>(false);
  list->add_flag("--eu", *eu_only, "Only EU member states");
  registry.on(list, [eu_only](Context& context) {
    auto session = context.session(store::Access::read_only);
    const auto& fields = core::state_fields();
    ListPrinter<domain::State> printer(context.format(), context.out(), context.err(), context.display(), fields,
                                       {field_column(fields, "code", "CODE"), field_column(fields, "name", "NAME"),
                                        field_column(fields, "eu", "EU"),
                                        field_column(fields, "participating_since", "SINCE")});
    printer.fit(context.table_width());
    for (const auto& entry : core::list_states(session, *eu_only ? core::StateSet::eu_only : core::StateSet::all)) {
      printer.add(entry);
    }
    printer.finish();
  });
}

} // namespace cfp::cli
