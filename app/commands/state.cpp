#include "registry.hpp"

#include "../present.hpp"

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
    const auto states = core::list_states(session, *eu_only);
    nlohmann::ordered_json records = nlohmann::ordered_json::array();
    Table table{{"CODE", "NAME", "EU", "SINCE"}, {}, {}};
    for (const auto& entry : states) {
      auto record = state_json(entry);
      table.rows.push_back({entry.code, entry.name, entry.eu ? "yes" : "no",
                            record["participating_since"].is_null() ? ""
                                                                    : record["participating_since"].get<std::string>()});
      records.push_back(std::move(record));
    }
    print_list(context, k_state_fields, records, table);
  });
}

} // namespace cfp::cli
