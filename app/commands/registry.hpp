#pragma once

#include "../context.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <memory>

namespace cfp::cli {

/// What a leaf command does once the whole command line is parsed.
using Handler = std::function<void(Context&)>;

/// Maps each leaf subcommand to its handler; command files register into it.
class Registry
{
public:
  void on(CLI::App* command, Handler handler) { m_handlers[command] = std::move(handler); }

  const Handler* find(CLI::App* command) const
  {
    const auto found = m_handlers.find(command);
    return found == m_handlers.end() ? nullptr : &found->second;
  }

private:
  std::map<CLI::App*, Handler> m_handlers;
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
void register_log_command(CLI::App& app, Registry& registry);
void register_transfer_commands(CLI::App& app, Registry& registry);

} // namespace cfp::cli
