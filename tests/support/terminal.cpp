// SPDX-License-Identifier: EUPL-1.2
// Running a program on a pseudo terminal, for what cfp does only on a terminal.
#include "support/support.hpp"

#include <sys/wait.h>

#include <cerrno>
#include <pty.h>
#include <stdexcept>
#include <unistd.h>

namespace cfp::test {

CliResult run_in_terminal(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                          unsigned short columns, const std::string& typed)
{
  CStrings argv_pointers(argv);
  CStrings envp(env);

  int terminal = -1;
  winsize size{};
  size.ws_row = 24;
  size.ws_col = columns;
  const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, columns > 0 ? &size : nullptr);
  if (pid < 0) {
    throw std::runtime_error("forkpty failed");
  }
  if (pid == 0) {
    ::execve(argv.front().c_str(), argv_pointers.data(), envp.data());
    ::_exit(127);
  }
  // The terminal's line discipline keeps what is typed until the program reads it, a line at a
  // time, as it keeps what a person types ahead.
  std::size_t written = 0;
  while (written < typed.size()) {
    const ssize_t wrote = ::write(terminal, typed.data() + written, typed.size() - written);
    if (wrote < 0 && errno == EINTR) {
      continue;
    }
    if (wrote <= 0) {
      break;
    }
    written += static_cast<std::size_t>(wrote);
  }
  CliResult result;
  char buffer[4096];
  for (;;) {
    const ssize_t got = ::read(terminal, buffer, sizeof buffer);
    if (got > 0) {
      result.out.append(buffer, static_cast<std::size_t>(got));
    } else if (got < 0 && errno == EINTR) {
      continue;
    } else {
      break; // EIO once the program has closed its side
    }
  }
  ::close(terminal);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

} // namespace cfp::test
