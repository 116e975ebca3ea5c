// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "cli.hpp"

#include <cfp/core/clock.hpp>
#include <cfp/core/session.hpp>
#include <cfp/error.hpp>
#include <cfp/store/database.hpp>

#include <SQLiteCpp/Database.h>
#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cfp::test {

/// A fresh folder under the system's temporary folder, removed with everything in it.
class TempDir
{
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
  std::filesystem::path m_path;
};

/// An instant from "YYYY-MM-DDTHH:MM:SSZ"; fails the test on anything else.
domain::Instant utc(const std::string& text);

/// The lines of `text`, without their line ends, LF or CRLF (a last line without one counts too).
std::vector<std::string> lines_of(const std::string& text);

/// Every row of every table of the SQLite file at `path`, as text, for "nothing changed" checks.
std::string dump_database(const std::filesystem::path& path);

/// The names of the entries in `folder`, sorted.
std::vector<std::string> names_in(const std::filesystem::path& folder);

/// A fresh database with every migration applied, a fixed clock and a session on them.
class DatabaseFixture
{
public:
  explicit DatabaseFixture(const std::string& now = "2024-10-01T10:00:00Z");

  core::Session& session() { return m_session; }
  core::FixedClock& clock() { return m_clock; }
  store::Database& database() { return *m_database; }
  const std::filesystem::path& path() const { return m_path; }

  /// The SQLite connection under the store, for tests of that backend.
  SQLite::Database& connection();

  /// Rows in the audit log.
  std::int64_t audit_entries();

private:
  TempDir m_dir;
  std::filesystem::path m_path;
  std::unique_ptr<store::Database> m_database;
  core::FixedClock m_clock;
  core::Session m_session;
};

/// What running a use case that should fail did.
struct Failure
{
  std::optional<ErrorKind> kind; ///< empty when nothing was thrown
  std::string message;
  bool unchanged = false; ///< the database file holds exactly what it held before
};

/// Runs `action`, catching the cfp::Error it should throw, and compares the database before and after.
Failure attempt(DatabaseFixture& fixture, const std::function<void()>& action);

/// What one in-process run of the command line printed and returned.
struct CliResult
{
  int exit_code = 0;
  std::string out;
  std::string err;
};

/// Runs cfp in-process on the database `db` with CFP_NOW = `now` (if not empty) and the
/// environment entries `extra_env` ("NAME=value"), as if the streams `terminals` names were terminals.
CliResult run_cli(const std::filesystem::path& db, const std::vector<std::string>& args, const std::string& now = "",
                  const std::vector<std::string>& extra_env = {}, cli::Terminals terminals = {});

/// Runs the program argv[0] (a path) with `argv`, exactly the environment `env` ("NAME=value"),
/// empty standard input, and, when `folder` is given, that working folder.
CliResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                      const std::filesystem::path& folder = {});

/// Where a spawned program's standard output goes, when it is not captured.
struct StdoutTo
{
  std::filesystem::path path; ///< opened for writing (/dev/full, a FIFO ...); empty: stdout is closed
};

/// The same as run_process, with standard output sent to `stdout_to` (CliResult::out stays empty).
CliResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                      const StdoutTo& stdout_to);

/// A program started as run_process starts it (standard output to `stdout_to` when given) that
/// runs while the test watches it (its pid, for /proc or kill) until wait(); one that was not
/// waited for is killed and reaped.
class BackgroundProcess
{
public:
  BackgroundProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                    const std::optional<StdoutTo>& stdout_to = std::nullopt);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  pid_t pid() const { return m_pid; }
  /// Whether it has ended; reaps it then, so that its pid is no longer its own.
  bool ended();
  /// Waits for its end: exit code (128 + the signal when a signal ended it) and output.
  CliResult wait();

private:
  TempDir m_capture;
  pid_t m_pid = 0;
  std::optional<CliResult> m_result;
};

/// Strings as a program's argv or environment takes them: pointers to their own copies, then a
/// null pointer.
class CStrings
{
public:
  explicit CStrings(std::vector<std::string> strings) : m_strings(std::move(strings))
  {
    for (auto& text : m_strings) {
      m_pointers.push_back(text.data());
    }
    m_pointers.push_back(nullptr);
  }
  char* const* data() { return m_pointers.data(); }

private:
  std::vector<std::string> m_strings;
  std::vector<char*> m_pointers;
};

/// How many times `needle` occurs in `text`, without overlaps.
std::size_t count_of(const std::string& text, const std::string& needle);

/// Runs the program argv[0] with `argv` and exactly the environment `env` on a new pseudo
/// terminal, as a person at a terminal runs it: CliResult::out holds all it wrote there (both
/// streams, line ends as the terminal shows them, "\r\n"). The terminal is `columns` wide (0:
/// it does not say). `typed` is typed on the terminal at once, before the program asks.
CliResult run_in_terminal(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                          unsigned short columns = 0, const std::string& typed = {});

/// Runs the real cfp binary with `args` and exactly the environment `env` ("NAME=value").
CliResult run_binary(const std::vector<std::string>& args, const std::vector<std::string>& env);

} // namespace cfp::test
