// SPDX-License-Identifier: EUPL-1.2
#include "list_options.hpp"

namespace cfp::cli {

CLI::Option* add_filter(CLI::App& command, const std::string& name, std::vector<std::string>& values,
                        const std::string& description, Commas commas)
{
  auto* option = command.add_option(name, values, description + "; several: separate with commas or repeat")
                     ->allow_extra_args(false);
  if (commas == Commas::split) {
    option->delimiter(',');
  }
  return option;
}

core::ListOrder OrderOptions::order(std::optional<std::int64_t> default_limit) const
{
  core::ListOrder order;
  order.sort = sort;
  order.direction = descending ? core::Direction::descending : core::Direction::ascending;
  order.limit = limit ? std::optional(core::parse_limit(*limit)) : default_limit;
  return order;
}

void add_order_options(CLI::App& command, OrderOptions& options, const std::string& limit_help)
{
  command
      .add_option("--sort", options.sort,
                  "Order by this field, named as in JSON and CSV; rows without a value last, ties in the "
                  "default order")
      ->type_name("FIELD");
  command.add_flag("--desc", options.descending,
                   "Largest first (with --sort), or the default order reversed (without it)");
  command.add_option("--limit", options.limit, limit_help)->type_name("N");
}

} // namespace cfp::cli
