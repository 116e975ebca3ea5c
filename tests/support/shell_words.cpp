// SPDX-License-Identifier: EUPL-1.2
#include "support/shell_words.hpp"

#include <optional>
#include <stdexcept>

namespace cfp::test {

namespace {

[[noreturn]] void refuse(std::string_view line, const std::string& why)
{
  throw std::invalid_argument("not a plain command line (" + why + "): " + std::string(line));
}

} // namespace

ShellCommand shell_command(std::string_view line)
{
  constexpr std::string_view k_expanded = "$`*?[{~|;&<()!";
  std::vector<std::string> words;
  std::vector<bool> redirects; // whether each word is the `>` of a redirection
  std::optional<std::string> word;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (word) {
        redirects.push_back(false);
        words.push_back(std::move(*word));
        word.reset();
      }
    } else if (c == '\\') {
      if (++i == line.size()) {
        refuse(line, "a backslash at the end");
      }
      if (line[i] != '\n') { // a backslash and a line end join the lines
        word = word.value_or("") + line[i];
      }
    } else if (c == '\'') {
      const auto end = line.find('\'', i + 1);
      if (end == std::string_view::npos) {
        refuse(line, "a single quote not closed");
      }
      word = word.value_or("") + std::string(line.substr(i + 1, end - i - 1));
      i = end;
    } else if (c == '"') {
      std::string text;
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '$' || line[i] == '`') {
          refuse(line, "an expansion in double quotes");
        }
        if (line[i] == '\\' && i + 1 < line.size() &&
            std::string_view("\"\\$`").find(line[i + 1]) != std::string_view::npos) {
          ++i;
        }
        text += line[i];
      }
      if (i == line.size()) {
        refuse(line, "a double quote not closed");
      }
      word = word.value_or("") + text;
    } else if (c == '>') {
      if (word || i + 1 == line.size() || line[i + 1] != ' ') {
        refuse(line, "a > that is not `> FILE`");
      }
      words.emplace_back(">");
      redirects.push_back(true);
    } else if (k_expanded.find(c) != std::string_view::npos || (c == '#' && !word)) {
      refuse(line, std::string("an unquoted ") + c);
    } else {
      word = word.value_or("") + c;
    }
  }
  if (word) {
    redirects.push_back(false);
    words.push_back(std::move(*word));
  }
  ShellCommand command;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (redirects[i]) {
      if (i + 2 != words.size()) {
        refuse(line, "a > that is not a last `> FILE`");
      }
      command.stdout_file = words[i + 1];
      break;
    }
    command.words.push_back(words[i]);
  }
  return command;
}

} // namespace cfp::test
