// SPDX-License-Identifier: EUPL-1.2
#include "prompt.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <istream>
#include <ostream>

namespace cfp::cli {

namespace {

// Answers are single lines; a longer one is no value any field takes: it is refused, and no
// more of it than this is held.
constexpr std::size_t k_longest_answer = 64 * 1024;
// The longest line a terminal in canonical mode passes on; it drops what is typed beyond.
constexpr std::size_t k_terminal_line = 4095;

// Reads one line into `line` (without its end), keeping at most k_longest_answer + 1 bytes of
// it; false at the end of input before any byte.
bool read_line(std::istream& in, std::string& line)
{
  line.clear();
  bool any = false;
  for (int c = in.get(); c != std::char_traits<char>::eof(); c = in.get()) {
    any = true;
    if (c == '\n') {
      return true;
    }
    if (line.size() <= k_longest_answer) {
      line += static_cast<char>(c);
    }
  }
  return any;
}

} // namespace

std::string Prompter::ask(std::string_view question, const std::string& default_value)
{
  for (;;) {
    m_err << util::escape_controls(question);
    if (!default_value.empty()) {
      m_err << " [" << util::escape_controls(default_value) << ']';
    }
    m_err << ": " << std::flush;
    std::string line;
    if (!read_line(m_in, line)) {
      m_err << '\n';
      throw Error(ErrorKind::refused, "cancelled: nothing was recorded");
    }
    if (line.size() > k_longest_answer) {
      say(fmt::format("  the answer is longer than {} KiB; no field takes that much", k_longest_answer / 1024));
      continue;
    }
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (line.size() == k_terminal_line) {
      say("  note: a terminal passes at most 4095 bytes of a line; if you typed more, the rest was lost "
          "(give a longer value as an option instead)");
    }
    std::string answer(util::trim(line));
    return answer.empty() ? default_value : answer;
  }
}

bool Prompter::confirm(std::string_view question, bool default_yes)
{
  for (;;) {
    const std::string answer = util::to_lower_ascii(ask(fmt::format("{} {}", question, default_yes ? "[Y/n]" : "[y/N]")));
    if (answer.empty()) {
      return default_yes;
    }
    if (answer == "y" || answer == "yes") {
      return true;
    }
    if (answer == "n" || answer == "no") {
      return false;
    }
    say("  please answer y or n");
  }
}

void Prompter::say(std::string_view text)
{
  m_err << util::escape_controls(text, util::LineFeeds::keep) << '\n';
}

void Prompter::offer(std::string_view lead, const std::vector<std::string>& items, std::size_t width)
{
  std::string line = "  " + std::string(lead);
  const std::string indent(4, ' ');
  bool first = true;
  for (const auto& item : items) {
    const std::string piece = (first ? " " : ", ") + item;
    if (!first && util::display_width(line) + piece.size() > width) {
      say(line + ",");
      line = indent + item;
    } else {
      line += piece;
    }
    first = false;
  }
  say(line);
}

} // namespace cfp::cli
