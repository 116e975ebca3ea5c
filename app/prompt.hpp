// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::cli {

/// Questions on the terminal: asked on stderr, answered on stdin a line at a time. Only for a
/// person at a terminal (Context::may_ask); scripts get a usage error naming what is missing.
class Prompter
{
public:
  Prompter(std::istream& in, std::ostream& err) : m_in(in), m_err(err) {}

  /// Asks `question`, showing `default_value` in brackets when there is one, and returns the
  /// answer without its surrounding spaces, or `default_value` for an empty answer. The end
  /// of input (Ctrl-D) cancels: throws refused, saying that nothing was recorded.
  std::string ask(std::string_view question, const std::string& default_value = {});
  /// Asks a yes-or-no question until it gets y, yes, n or no (any case); an empty answer is
  /// `default_yes`.
  bool confirm(std::string_view question, bool default_yes);
  /// Writes `text` (escaped: the values it holds cannot drive the terminal) and a line end.
  void say(std::string_view text);
  /// Writes `items` after `lead`, wrapped to `width` columns with the lines indented.
  void offer(std::string_view lead, const std::vector<std::string>& items, std::size_t width = 80);

private:
  std::istream& m_in;
  std::ostream& m_err;
};

} // namespace cfp::cli
