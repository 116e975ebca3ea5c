// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <CLI/CLI.hpp>

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::cli {

/// The examples a command's help leads with, all kept in one table (command_examples.cpp) so
/// that a command file need not change for them, and a test can run every one.
struct CommandExamples
{
  /// The command's words after `cfp`: "proposal add", "rank"; a group's name for a group.
  std::string_view path;
  /// One or two command lines as a person types them, each starting with `cfp`; a long one goes
  /// on over lines ending with ` \`, the next one indented by four spaces. The second may be empty.
  std::array<std::string_view, 2> examples;
};

/// Every command's examples (and a group's one example of its most common command).
std::span<const CommandExamples> command_examples();

/// The examples of the command at `path` ("proposal add"), none when it has none.
std::vector<std::string_view> examples_of(std::string_view path);

/// The words after `cfp` that name `command` ("proposal add"); empty for the program itself.
std::string command_path(const CLI::App& command);

} // namespace cfp::cli
