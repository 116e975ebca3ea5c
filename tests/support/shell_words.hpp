// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A command line shown in cfp's help (app/command_examples.cpp) read as bash reads it, so that
// the tests can run it in-process.

#include <string>
#include <string_view>
#include <vector>

namespace cfp::test {

/// One simple command: its words, and where a trailing `> FILE` sends its standard output.
struct ShellCommand
{
  std::vector<std::string> words;
  std::string stdout_file; ///< empty: not redirected
};

/// `line` split into words as bash splits it: blanks between words, a backslash before a line
/// end joining the lines, single quotes, double quotes (in which `\"`, `\\`, `\$` and `` \` ``
/// are escapes) and a backslash escaping the next character. What bash would expand or treat
/// as more than a simple command (`$`, globs, `~`, `|`, `;`, `&`, `<`, a `#` comment, a `>`
/// other than a last `> FILE`) throws std::invalid_argument: an example is a plain command line.
ShellCommand shell_command(std::string_view line);

} // namespace cfp::test
