// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cfp::cli {

/// The environment variables cfp reads, passed in so that tests need not touch the process's own.
using Environment = std::map<std::string, std::string>;

/// Exit codes; see docs/cli.md.
enum ExitCode : int {
  k_exit_ok = 0,
  k_exit_refused = 1,
  k_exit_usage = 2,
  k_exit_invalid_input = 65,
  k_exit_no_input = 66,
  k_exit_software = 70,
  k_exit_storage = 74,
  k_exit_busy = 75,
};

/// Which of the output streams are terminals: progress displays go to `err` only when it is one,
/// colours to `out` only when it is one.
struct Terminals
{
  bool out = false;
  bool err = false;
  std::size_t columns = 0; ///< the width of the terminal on stdout, when it says (0: unknown)
  bool in = false;           ///< stdin is a terminal: a person may be asked for what is missing
  std::istream* input = nullptr; ///< where answers are read (std::cin when null)
};

/// Runs one cfp command line (`args` without the program name). Data goes to `out`, messages
/// to `err`; returns the exit code. Every error is caught here and nowhere else.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env,
        Terminals terminals = {});

/// What is wrong with the command line `args` (without the program name) as cfp parses it, in
/// the words of its usage error, without running the command: an unknown command or option, a
/// value an enumeration refuses, a required argument left out, a --format the command does not
/// print. Empty when cfp would run it. For checking examples.
std::optional<std::string> usage_error(const std::vector<std::string>& args);

/// The program's entry point: reads the process's arguments and environment.
int run(int argc, char** argv, std::ostream& out, std::ostream& err);

} // namespace cfp::cli
