// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace cfp::cli {

/// CLI11's help with the command's examples (command_examples.hpp) right after its one-line
/// description, before the usage and the options.
class HelpFormatter : public CLI::Formatter
{
public:
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;
};

/// Gives `app` and every command under it the HelpFormatter. CLI11 copies a parent's formatter
/// only into commands added after it was set; this covers those added before too.
void show_examples_in_help(CLI::App& app);

} // namespace cfp::cli
