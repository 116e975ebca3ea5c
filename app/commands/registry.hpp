// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "../context.hpp"
#include "../output/format.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <memory>

namespace cfp::cli {

/// What a leaf command does once the whole command line is parsed.
using Handler = std::function<void(Context&)>;

/// A leaf command: what it does and the output formats it can print.
struct Command
{
  Handler handler;
  Formats formats;
};

/// Maps each leaf subcommand to its handler; command files register into it.
class Registry
{
public:
  /// Registers `handler` for `command`, which prints the formats `formats` accepts.
  void on(CLI::App* command, Handler handler, Formats formats = {})
  {
    m_commands[command] = {std::move(handler), std::move(formats)};
  }

  const Command* find(CLI::App* command) const
  {
    const auto found = m_commands.find(command);
    return found == m_commands.end() ? nullptr : &found->second;
  }

private:
  std::map<CLI::App*, Command> m_commands;
};

/// Adds a command group (`cfp call`, `cfp proposal` ...) that needs one subcommand.
inline CLI::App* add_group(CLI::App& app, const std::string& name, const std::string& description)
{
  auto* group = app.add_subcommand(name, description);
  group->require_subcommand(1);
  return group;
}

void register_db_commands(CLI::App& app, Registry& registry);
void register_state_commands(CLI::App& app, Registry& registry);
void register_call_commands(CLI::App& app, Registry& registry);
void register_deadline_commands(CLI::App& app, Registry& registry);
void register_proposal_commands(CLI::App& app, Registry& registry);
/// Add `proposal list` to the `proposal` group.
void register_proposal_list(CLI::App& proposal, Registry& registry);
void register_log_command(CLI::App& app, Registry& registry);
void register_import_commands(CLI::App& app, Registry& registry);
void register_export_commands(CLI::App& app, Registry& registry);
void register_criterion_commands(CLI::App& app, Registry& registry);
void register_expert_commands(CLI::App& app, Registry& registry);
void register_score_commands(CLI::App& app, Registry& registry);
void register_report_commands(CLI::App& app, Registry& registry);
/// Add `report html` and `report ics` to the `report` group.
void register_report_html(CLI::App& report, Registry& registry);
void register_report_ics(CLI::App& report, Registry& registry);
void register_rank_command(CLI::App& app, Registry& registry);

} // namespace cfp::cli
