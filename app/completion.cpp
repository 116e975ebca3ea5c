// SPDX-License-Identifier: EUPL-1.2
#include "completion.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace cfp::cli {

namespace {

bool takes_value(const CLI::Option& option)
{
  return option.get_type_size_max() > 0;
}

// The option named `name` ("--host", "-h") of `command` or of a command above it (their options
// reach the commands below: the global options).
const CLI::Option* find_option(const std::vector<const CLI::App*>& path, std::string_view name)
{
  for (auto command = path.rbegin(); command != path.rend(); ++command) {
    for (const auto* option : (*command)->get_options()) {
      if (!option->nonpositional()) {
        continue;
      }
      for (const auto& long_name : option->get_lnames()) {
        if (name == "--" + long_name) {
          return option;
        }
      }
      for (const auto& short_name : option->get_snames()) {
        if (name == "-" + short_name) {
          return option;
        }
      }
    }
  }
  return nullptr;
}

// Subcommands shown in help (a hidden one has no group).
std::vector<const CLI::App*> visible_subcommands(const CLI::App& command)
{
  return command.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

const CLI::App* find_subcommand(const CLI::App& command, std::string_view word)
{
  for (const auto* sub : visible_subcommands(command)) {
    if (sub->get_name() == word) {
      return sub;
    }
  }
  return nullptr;
}

// The positional argument of `command` that takes the `index`th word (0 first), if any.
const CLI::Option* positional_at(const CLI::App& command, std::size_t index)
{
  std::size_t at = 0;
  for (const auto* option : command.get_options()) {
    if (option->nonpositional()) {
      continue;
    }
    // A positional that takes many values takes every word from there on.
    if (at == index || (at < index && option->get_items_expected_max() > 1)) {
      return option;
    }
    ++at;
  }
  return nullptr;
}

// What a positional argument named `name` of `command` is.
ValueKind value_kind_of_positional(const CLI::App& command, std::string_view name)
{
  if (name == "REF") {
    return ValueKind::acronyms;
  }
  // `call add CODE` names a new call: the ones there are no help.
  if (name == "CALL" || (name == "CODE" && command.get_name() != "add")) {
    return ValueKind::calls;
  }
  if (name == "LABEL") {
    return ValueKind::cutoffs;
  }
  if (name == "PART") {
    return ValueKind::parts;
  }
  if (name == "SHELL") {
    return ValueKind::shells;
  }
  if (name == "FILE" || name == "DIR" || name == "DEST") {
    return ValueKind::files;
  }
  return ValueKind::none;
}

// The values of `kind`: known here, or read by `values`.
std::vector<std::string> values_of(ValueKind kind, const ValueSource& values, const std::string& call)
{
  switch (kind) {
  case ValueKind::plans:
    return {"new", "upgrade", "none"};
  case ValueKind::statuses:
    return {"draft", "submitted", "withdrawn"};
  case ValueKind::outcomes:
    return {"selected", "reserve", "rejected"};
  case ValueKind::formats:
    return {"table", "json", "ndjson", "csv"};
  case ValueKind::input_formats:
    return {"csv", "json", "ndjson"};
  case ValueKind::delimiters:
    return {",", ";", "|", "tab"};
  case ValueKind::shells:
    return {"bash", "zsh", "fish"};
  case ValueKind::none:
  case ValueKind::files:
    return {};
  default:
    return values ? values(kind, call) : std::vector<std::string>{};
  }
}

} // namespace

ValueKind value_kind_of_option(std::string_view option)
{
  static const std::map<std::string_view, ValueKind> kinds{
      {"--call", ValueKind::calls},
      {"--cutoff", ValueKind::cutoffs},
      {"--host", ValueKind::states},
      {"--partner", ValueKind::states},
      {"--add-partner", ValueKind::states},
      {"--remove-partner", ValueKind::states},
      {"--state", ValueKind::states},
      {"--sector", ValueKind::sectors},
      {"--add-sector", ValueKind::sectors},
      {"--remove-sector", ValueKind::sectors},
      {"--plan", ValueKind::plans},
      {"--status", ValueKind::statuses},
      {"--outcome", ValueKind::outcomes},
      {"--format", ValueKind::formats},
      {"--input-format", ValueKind::input_formats},
      {"--delimiter", ValueKind::delimiters},
      {"--part", ValueKind::parts},
      {"--db", ValueKind::files},
      {"--out", ValueKind::files},
      {"--rejects", ValueKind::files},
  };
  const auto found = kinds.find(option);
  return found == kinds.end() ? ValueKind::none : found->second;
}

std::vector<std::string> complete(const CLI::App& app, const std::vector<std::string>& words,
                                  const ValueSource& values)
{
  const std::string current = words.empty() ? std::string{} : words.back();
  std::vector<const CLI::App*> path{&app};
  std::size_t positionals = 0;
  const CLI::Option* pending = nullptr; // the option whose value the next word is
  std::string pending_name;
  bool options_ended = false;
  std::string call; // the call named so far
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& word = words[i];
    if (pending != nullptr) {
      if (value_kind_of_option(pending_name) == ValueKind::calls) {
        call = word;
      }
      pending = nullptr;
      continue;
    }
    if (!options_ended && word == "--") {
      options_ended = true;
      continue;
    }
    if (!options_ended && word.size() > 1 && word.front() == '-') {
      const auto equals = word.find('=');
      const std::string name = word.substr(0, equals);
      const auto* option = find_option(path, name);
      if (option != nullptr && takes_value(*option) && equals == std::string::npos) {
        pending = option;
        pending_name = name;
      } else if (option != nullptr && value_kind_of_option(name) == ValueKind::calls) {
        call = word.substr(equals + 1);
      }
      continue;
    }
    if (const auto* sub = find_subcommand(*path.back(), word); sub != nullptr && !options_ended) {
      path.push_back(sub);
      positionals = 0;
      continue;
    }
    if (const auto* positional = positional_at(*path.back(), positionals);
        positional != nullptr && value_kind_of_positional(*path.back(), positional->get_name()) == ValueKind::calls) {
      call = word;
    }
    ++positionals;
  }

  std::vector<std::string> candidates;
  std::string prefix; // put before each value (`--format=` when the word holds both)
  const CLI::App& command = *path.back();
  if (pending != nullptr) {
    candidates = values_of(value_kind_of_option(pending_name), values, call);
  } else if (!options_ended && !current.empty() && current.front() == '-') {
    if (const auto equals = current.find('='); equals != std::string::npos) {
      const std::string name = current.substr(0, equals);
      const auto* option = find_option(path, name);
      if (option != nullptr && takes_value(*option)) {
        prefix = current.substr(0, equals + 1);
        candidates = values_of(value_kind_of_option(name), values, call);
      }
    } else {
      for (const auto* level : path) {
        for (const auto* option : level->get_options()) {
          for (const auto& long_name : option->get_lnames()) {
            candidates.push_back("--" + long_name);
          }
        }
      }
    }
  } else if (const auto subs = visible_subcommands(command); !subs.empty()) {
    for (const auto* sub : subs) {
      candidates.push_back(sub->get_name());
    }
  } else if (const auto* positional = positional_at(command, positionals); positional != nullptr) {
    candidates = values_of(value_kind_of_positional(command, positional->get_name()), values, call);
  }

  std::set<std::string> chosen;
  for (const auto& candidate : candidates) {
    std::string word = prefix + candidate;
    if (word.compare(0, current.size(), current) == 0) {
      chosen.insert(std::move(word));
    }
  }
  return {chosen.begin(), chosen.end()};
}

std::vector<std::string> words_of_line(std::string_view line)
{
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote == '\'') {
      if (c == '\'') {
        quote = 0;
      } else {
        word += c;
      }
    } else if (quote == '"') {
      if (c == '"') {
        quote = 0;
      } else if (c == '\\' && i + 1 < line.size() && std::string_view("\"\\$`").find(line[i + 1]) != std::string_view::npos) {
        word += line[++i];
      } else {
        word += c;
      }
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) {
        words.push_back(word);
        word.clear();
        in_word = false;
      }
    } else {
      in_word = true;
      if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '\\' && i + 1 < line.size()) {
        word += line[++i];
      } else {
        word += c;
      }
    }
  }
  words.push_back(in_word ? word : std::string{}); // the word being typed
  // The program's name is not one of the words.
  if (!words.empty() && words.size() > 1) {
    words.erase(words.begin());
  }
  return words;
}

std::string database_in(const std::vector<std::string>& words, const std::string& home)
{
  std::string database;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--") {
      break;
    }
    if (words[i] == "--db" && i + 1 < words.size()) {
      database = words[i + 1];
    } else if (words[i].starts_with("--db=")) {
      database = words[i].substr(5);
    }
  }
  if (database.size() >= 2 && (database.front() == '"' || database.front() == '\'') &&
      database.back() == database.front()) {
    database = database.substr(1, database.size() - 2);
  }
  if (database.starts_with("~/") && !home.empty()) {
    database = home + database.substr(1);
  }
  return database;
}

} // namespace cfp::cli
