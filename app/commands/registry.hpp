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
  /// For a command that changes the database: whether --dry-run was given.
  std::shared_ptr<bool> dry_run;
};

/// Maps each leaf subcommand to its handler; command files register into it.
class Registry
{
public:
  /// Registers `handler` for `command`, which prints the formats `formats` accepts.
  void on(CLI::App* command, Handler handler, Formats formats = {})
  {
    m_commands[command] = {std::move(handler), std::move(formats), nullptr};
  }

  /// Registers `handler` for `command`, which changes the database, and gives the command
  /// `--dry-run`: the change is made, checked and reported, then rolled back.
  void on_change(CLI::App* command, Handler handler, Formats formats = {})
  {
    auto dry_run = std::make_shared<bool>(false);
    command->add_flag("--dry-run", *dry_run, "Check the change and say what it would do; change nothing");
    m_commands[command] = {std::move(handler), std::move(formats), std::move(dry_run)};
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
/// Add `import documents` and `export documents` to their groups.
void register_import_documents(CLI::App& import_group, Registry& registry);
void register_export_documents(CLI::App& export_group, Registry& registry);
void register_criterion_commands(CLI::App& app, Registry& registry);
void register_expert_commands(CLI::App& app, Registry& registry);
void register_score_commands(CLI::App& app, Registry& registry);
void register_report_commands(CLI::App& app, Registry& registry);
void register_completion_command(CLI::App& app, Registry& registry);
/// `cfp __complete WORDS...`: the candidates of the last word, one a line (completion.hpp).
int run_complete(const std::vector<std::string>& words, std::ostream& out, const Environment& env);
/// Add `report html` and `report ics` to the `report` group.
void register_report_html(CLI::App& report, Registry& registry);
void register_report_ics(CLI::App& report, Registry& registry);
void register_rank_command(CLI::App& app, Registry& registry);
/// Add the corrections to their groups: `call update|remove`, `deadline update|remove`,
/// `proposal delete`.
void register_call_corrections(CLI::App& call, Registry& registry);
void register_deadline_corrections(CLI::App& deadline, Registry& registry);
void register_proposal_delete(CLI::App& proposal, Registry& registry);
void register_proposal_documents(CLI::App& proposal, Registry& registry);

} // namespace cfp::cli
