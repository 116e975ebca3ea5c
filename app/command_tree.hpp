// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cfp::cli {

class Registry;
struct GlobalOptions;

/// The command tree. Building every command's options costs more than a point command's own
/// work (`cfp proposal show` spent a third of its instructions there), so a command line that
/// names its group for sure gets that group alone: CLI11 parses it the same, since the other
/// groups could not have matched. Help, the version, an unknown word or no word at all get the
/// whole tree, so that `cfp --help` lists every group and an error suggests the right one.

/// The global options that take a value (add_global_options declares them): the word after one
/// of them is its value, never a group.
inline constexpr std::string_view k_global_value_options[] = {"--db", "--as", "--tz", "--wait", "--format"};

/// Adds the options every command takes (`--db`, `--as`, `--tz`, `--wait`, `--format`) to `app`,
/// read into `options`.
void add_global_options(CLI::App& app, GlobalOptions& options);

/// The group (or top-level command: `rank`, `log`) that `args` (without the program name)
/// names, skipping the global options before it and their values (`score` for `consensus`,
/// which the score group adds); empty when the command line asks for help or the version
/// anywhere, when its first word is not a group's name, or when it has none.
std::string_view named_group(const std::vector<std::string>& args);

/// The deepest subcommand `app` parsed from the command line (`app` itself when none).
CLI::App* chosen_command(CLI::App& app);

/// The top-level names: every group and top-level command (`score` and `consensus` both), in
/// the order `cfp --help` lists them.
std::vector<std::string_view> group_names();

/// Adds to `app` the group `args` names, or every group when it names none for sure (see
/// named_group), registering their handlers in `registry`. Returns the top-level names added
/// (`score` adds `consensus` too), in the order `cfp --help` lists them.
std::vector<std::string_view> add_command_tree(CLI::App& app, Registry& registry, const std::vector<std::string>& args);

} // namespace cfp::cli
