// SPDX-License-Identifier: EUPL-1.2
#include "usage_errors.hpp"

#include "command_tree.hpp"

#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numeric>

namespace cfp::cli {

namespace {

char lower(char c)
{
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Edits from `a` to `b` (optimal string alignment: insertions, deletions, substitutions and
// swaps of neighbours), ignoring ASCII case.
std::size_t distance(std::string_view a, std::string_view b)
{
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) {
    d[i][0] = i;
  }
  std::iota(d[0].begin(), d[0].end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

bool begins_with(std::string_view name, std::string_view word)
{
  return name.size() > word.size() &&
         std::equal(word.begin(), word.end(), name.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

// `cfp proposal list`: the words that name `command`.
std::string command_path(const CLI::App* command)
{
  std::vector<std::string> names;
  for (; command != nullptr; command = command->get_parent()) {
    names.push_back(command->get_name());
  }
  std::string path;
  for (auto name = names.rbegin(); name != names.rend(); ++name) {
    path += (path.empty() ? "" : " ") + *name;
  }
  return path;
}

std::vector<std::string> subcommand_names(const CLI::App& command)
{
  std::vector<std::string> names;
  for (const auto* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

// The long and short names of the options `command` takes, its parents' included.
std::vector<std::string> option_names(const CLI::App* command)
{
  std::vector<std::string> names;
  for (; command != nullptr; command = command->get_parent()) {
    for (const auto* option : command->get_options()) {
      for (const auto& name : option->get_lnames()) {
        names.push_back("--" + name);
      }
      for (const auto& name : option->get_snames()) {
        names.push_back("-" + name);
      }
    }
  }
  return names;
}


} // namespace

std::optional<std::string> closest_name(std::string_view word, const std::vector<std::string>& names)
{
  // The name without its dashes is what was typed: `--csv` is three letters, not five.
  const std::size_t dashes = std::min(word.find_first_not_of('-'), word.size());
  const std::size_t typed = word.size() - dashes;
  // Two letters or fewer say too little to guess from; a word far longer than any name is no
  // typo of one (and measuring it would cost its length times every name's).
  if (typed <= 2 || word.size() > 64) {
    return std::nullopt;
  }
  const std::size_t allowed = typed <= 4 ? 1 : typed <= 8 ? 2 : 3;
  std::optional<std::string> best;
  std::size_t best_distance = allowed + 1;
  bool tied = false;
  for (const auto& name : names) {
    const std::size_t d = distance(word, name);
    if (d < best_distance) {
      best = name;
      best_distance = d;
      tied = false;
    } else if (d == best_distance && best != name) {
      tied = true;
    }
  }
  // Another name that the word begins makes the guess a coin toss (`--de`: --db or --desc?).
  const bool begins_another = std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    return begins_with(name, word) && best != name;
  });
  if (best && !tied && !begins_another) {
    return best;
  }
  // A word that begins exactly one name, long enough to say so (`--sec` of `--sector`).
  std::optional<std::string> begun;
  for (const auto& name : names) {
    if (begins_with(name, word)) {
      if (begun && *begun != name) {
        return std::nullopt;
      }
      begun = name;
    }
  }
  return begun;
}

std::string explain_usage_error(CLI::App& app, const CLI::ParseError& error, const std::vector<std::string>& args)
{
  const CLI::App* command = chosen_command(app);
  const std::string path = command_path(command);
  const std::string what = error.what();

  // The first word, in the order given, that no command or option took.
  const auto unexpected = app.remaining(true);
  const auto first = std::find_if(args.begin(), args.end(), [&](const std::string& arg) {
    return std::find(unexpected.begin(), unexpected.end(), arg) != unexpected.end();
  });
  if (first != args.end()) {
    const std::string& word = *first;
    const auto at = static_cast<std::size_t>(first - args.begin());
    // After `--` every word is a value, whatever it looks like.
    const bool after_dashes = std::find(args.begin(), first, "--") != first;
    if (word.size() > 1 && word.front() == '-' && !after_dashes) {
      const std::string name = word.substr(0, word.find('='));
      const auto closest = closest_name(name, option_names(command));
      // `cfp --limit 3 proposal list`: the option of the command, given before the command; the
      // closest name is the word itself then.
      if (closest == name) {
        return fmt::format("'{}' is in the wrong place: an option goes after the command it belongs to ('{} {} ...')",
                           util::excerpt(name), path, util::excerpt(name));
      }
      if (!closest) {
        return fmt::format("unknown option '{}' for '{}'; '{} --help' lists its options", util::excerpt(name), path,
                           path);
      }
      return fmt::format("unknown option '{}' for '{}'; did you mean '{}'?", util::excerpt(name), path, *closest);
    }
    const auto commands = subcommand_names(*command);
    if (!commands.empty()) {
      const auto closest = closest_name(word, commands);
      if (closest == word) {
        return fmt::format("'{}' is in the wrong place: a command comes after its group ('{} {}')", util::excerpt(word),
                           path, util::excerpt(word));
      }
      return fmt::format("unknown command '{}'{}; {}", util::excerpt(word), path == "cfp" ? "" : " for '" + path + "'",
                         closest ? fmt::format("did you mean '{}'?", *closest)
                                 : "the commands are " + util::join(commands, ", "));
    }
    // `--host FI SE`: a second value where one goes. An option that takes several values takes
    // them joined with commas; any other value with spaces needs quotes.
    if (at >= 2 && args[at - 2].starts_with("--") && args[at - 2].find('=') == std::string::npos && !after_dashes) {
      const std::string& option_name = args[at - 2];
      const CLI::Option* option = nullptr;
      for (const auto* owner = command; owner != nullptr && option == nullptr; owner = owner->get_parent()) {
        option = owner->get_option_no_throw(option_name);
      }
      if (option != nullptr && option->get_expected_max() > 1) {
        return fmt::format("unexpected argument '{}' for '{}'; to give {} several values, join them with commas "
                           "({} {},{})",
                           util::excerpt(word), path, util::excerpt(option_name), util::excerpt(option_name),
                           util::excerpt(args[at - 1]), util::excerpt(word));
      }
      if (option != nullptr) {
        // The words of the value as typed: up to the next option.
        std::string value = args[at - 1];
        for (std::size_t i = at; i < args.size() && !args[i].starts_with("-"); ++i) {
          value += " " + args[i];
        }
        return fmt::format("unexpected argument '{}' for '{}'; {} takes one value: quote a value that has spaces "
                           "({} '{}')",
                           util::excerpt(word), path, util::excerpt(option_name), util::excerpt(option_name),
                           util::excerpt(value));
      }
    }
    return fmt::format("unexpected argument '{}': '{}' takes no more; quote a value that has spaces",
                       util::excerpt(word), path);
  }
  // `--format xml`: CLI11 repeats the whole value; a message quotes at most an excerpt of it.
  if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) {
    const auto colon = what.find(": ");
    const auto not_in = what.rfind(" not in {");
    if (colon != std::string::npos && not_in != std::string::npos && not_in > colon) {
      const std::string value = what.substr(colon + 2, not_in - colon - 2);
      const std::string choices = what.substr(not_in + 9, what.size() - not_in - 10);
      return fmt::format("{}: '{}' is not one of {}", what.substr(0, colon), util::excerpt(value), choices);
    }
  }
  // A group without its command.
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr && what.find("subcommand") != std::string::npos) {
    const auto commands = subcommand_names(*command);
    if (!commands.empty()) {
      return fmt::format("'{}' needs a command: {}; '{} COMMAND --help' tells more about one", path, util::join(commands, ", "),
                         path);
    }
  }
  // `--host FI --host SE`, `--limit` at the end: CLI11's "At Most 1 required but received 2"
  // and "1 required N missing".
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    const std::string option = what.substr(0, what.find(':'));
    if (what.find("At Most 1 required") != std::string::npos) {
      return fmt::format("{} takes one value and was given more than once; give it once", option);
    }
    if (what.find("required") != std::string::npos && what.find("missing") != std::string::npos) {
      return fmt::format("{} needs a value after it", option);
    }
  }
  return what;
}

} // namespace cfp::cli
