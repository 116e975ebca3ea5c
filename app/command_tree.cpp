// SPDX-License-Identifier: EUPL-1.2
#include "command_tree.hpp"

#include "commands/registry.hpp"
#include "context.hpp"

#include <algorithm>
#include <array>

namespace cfp::cli {

namespace {

struct Group
{
  std::string_view name;
  void (*add)(CLI::App&, Registry&);
  std::string_view also = {}; ///< a second top-level name the same function adds
};

// Every group, in the order `cfp --help` lists them.
constexpr std::array k_groups{
    Group{"db", register_db_commands},
    Group{"state", register_state_commands},
    Group{"call", register_call_commands},
    Group{"deadline", register_deadline_commands},
    Group{"proposal", register_proposal_commands},
    Group{"criterion", register_criterion_commands},
    Group{"expert", register_expert_commands},
    Group{"score", register_score_commands, "consensus"},
    Group{"report", register_report_commands},
    Group{"rank", register_rank_command},
    Group{"log", register_log_command},
    Group{"import", register_import_commands},
    Group{"export", register_export_commands},
    Group{"completion", register_completion_command},
};

bool asks_for_help_or_version(std::string_view arg)
{
  return arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "--version";
}

bool takes_value(std::string_view arg)
{
  return std::find(std::begin(k_global_value_options), std::end(k_global_value_options), arg) !=
         std::end(k_global_value_options);
}

} // namespace

void add_global_options(CLI::App& app, GlobalOptions& options)
{
  app.add_option("--db", options.db,
                 "Database file (else CFP_DB, else $XDG_DATA_HOME/cfp/cfp.db, else ~/.local/share/cfp/cfp.db)");
  app.add_option("--as", options.as, "Who acts, for the audit log (else CFP_USER, else USER)");
  app.add_option("--tz", options.tz, "Zone for showing and reading wall times (else CFP_TZ, else Europe/Brussels)");
  app.add_option("--wait", options.wait,
                 "Seconds to wait for another process writing to the database (else CFP_BUSY_TIMEOUT_MS, else 10)");
  app.add_flag("--no-input", options.no_input,
               "Never ask on the terminal: name what is missing in an error instead (scripts)");
  app.add_option("--format", options.format, "Output format: table, json, ndjson or csv (any case)")
      ->transform(CLI::IsMember({"table", "json", "csv", "ndjson"}, CLI::ignore_case));
}

std::string_view named_group(const std::vector<std::string>& args)
{
  // Help or the version anywhere gets the whole tree, as the help CLI11 prints may be any level's.
  if (std::any_of(args.begin(), args.end(), [](const std::string& arg) { return asks_for_help_or_version(arg); })) {
    return {};
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--") {
      return {};
    }
    if (arg.starts_with("-")) {
      // `--db PATH`: PATH is the option's; `--db=PATH` stands alone. An option
      // cfp does not know leaves the rest unsure: its value might look like a group.
      if (takes_value(arg)) {
        ++i;
        continue;
      }
      if (arg == "--no-input") {
        continue;
      }
      if (const auto equals = arg.find('='); equals != std::string_view::npos && takes_value(arg.substr(0, equals))) {
        // CLI11 takes `--as=` with nothing after it as `--as` alone: the next word is its value.
        if (equals + 1 == arg.size()) {
          ++i;
        }
        continue;
      }
      return {};
    }
    const auto group = std::find_if(k_groups.begin(), k_groups.end(),
                                    [&](const Group& g) { return g.name == arg || (!g.also.empty() && g.also == arg); });
    return group == k_groups.end() ? std::string_view{} : group->name;
  }
  return {};
}

CLI::App* chosen_command(CLI::App& app)
{
  CLI::App* command = &app;
  while (!command->get_subcommands().empty()) {
    command = command->get_subcommands().front();
  }
  return command;
}

std::vector<std::string_view> group_names()
{
  std::vector<std::string_view> names;
  for (const auto& group : k_groups) {
    names.push_back(group.name);
    if (!group.also.empty()) {
      names.push_back(group.also);
    }
  }
  return names;
}

std::vector<std::string_view> add_command_tree(CLI::App& app, Registry& registry, const std::vector<std::string>& args)
{
  const std::string_view named = named_group(args);
  std::vector<std::string_view> added;
  for (const auto& group : k_groups) {
    if (named.empty() || group.name == named) {
      group.add(app, registry);
      added.push_back(group.name);
      if (!group.also.empty()) {
        added.push_back(group.also);
      }
    }
  }
  return added;
}

} // namespace cfp::cli
