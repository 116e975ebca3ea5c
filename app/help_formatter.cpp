// SPDX-License-Identifier: EUPL-1.2
#include "help_formatter.hpp"

#include "command_examples.hpp"

#include <algorithm>
#include <memory>
#include <string_view>
#include <vector>

namespace cfp::cli {

namespace {

// "Example:" and the command line, or "Examples:" and one a line, each indented by two spaces
// (a continued line keeps its own indentation on top), then a blank line.
std::string examples_text(const std::vector<std::string_view>& examples)
{
  std::string text = examples.size() == 1 ? "\nExample:\n" : "\nExamples:\n";
  for (const auto example : examples) {
    std::size_t start = 0;
    while (start <= example.size()) {
      const auto end = std::min(example.find('\n', start), example.size());
      text += "  ";
      text += example.substr(start, end - start);
      text += '\n';
      start = end + 1;
    }
  }
  return text + '\n';
}

void set_formatter(CLI::App& app, const std::shared_ptr<HelpFormatter>& formatter)
{
  app.formatter(formatter);
  for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
    set_formatter(*command, formatter);
  }
}

} // namespace

std::string HelpFormatter::make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const
{
  std::string help = CLI::Formatter::make_help(app, name, mode);
  // A command listed inside another's help (AppFormatMode::Sub) stays one short entry.
  if (mode == CLI::AppFormatMode::Sub) {
    return help;
  }
  const auto examples = examples_of(command_path(*app));
  // CLI11 starts a named command's help with its description: the examples go right after it.
  const std::string description = make_description(app);
  if (examples.empty() || !help.starts_with(description)) {
    return help;
  }
  return help.insert(description.size(), examples_text(examples));
}

void show_examples_in_help(CLI::App& app)
{
  set_formatter(app, std::make_shared<HelpFormatter>());
}

} // namespace cfp::cli
