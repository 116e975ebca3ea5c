// SPDX-License-Identifier: EUPL-1.2
#include "support/support.hpp"

#include "store/sqlite/sqlite_database.hpp"

#include <cfp/domain/time.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

extern char** environ;

namespace cfp::test {

TempDir::TempDir()
{
  std::string pattern = (std::filesystem::temp_directory_path() / "cfp-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  m_path = pattern;
}

TempDir::~TempDir()
{
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

domain::Instant utc(const std::string& text)
{
  const auto parsed = domain::parse_utc(text);
  if (!parsed) {
    ADD_FAILURE() << "bad instant in a test: " << text;
    return {};
  }
  return parsed.value();
}

std::vector<std::string> names_in(const std::filesystem::path& folder)
{
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string dump_database(const std::filesystem::path& path)
{
  if (!std::filesystem::exists(path)) {
    return "(no file)";
  }
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  std::ostringstream dump;
  SQLite::Statement tables(db, "SELECT name, sql FROM sqlite_schema ORDER BY name");
  std::vector<std::string> names;
  while (tables.executeStep()) {
    dump << "schema " << tables.getColumn(0).getString() << ": " << tables.getColumn(1).getString() << '\n';
    const std::string name = tables.getColumn(0).getString();
    if (name.rfind("sqlite_", 0) != 0) {
      names.push_back(name);
    }
  }
  dump << "user_version " << db.execAndGet("PRAGMA user_version").getInt() << '\n';
  for (const auto& name : names) {
    if (db.execAndGet("SELECT type FROM sqlite_schema WHERE name = '" + name + "'").getString() != "table") {
      continue;
    }
    SQLite::Statement rows(db, "SELECT * FROM \"" + name + "\"");
    while (rows.executeStep()) {
      dump << name << ':';
      for (int i = 0; i < rows.getColumnCount(); ++i) {
        dump << ' ' << (rows.getColumn(i).isNull() ? "NULL" : rows.getColumn(i).getString());
      }
      dump << '\n';
    }
  }
  return dump.str();
}

DatabaseFixture::DatabaseFixture(const std::string& now)
    : m_path(m_dir / "cfp.db"), m_database(store::Database::open(m_path.string())),
      m_clock(utc(now)), m_session{*m_database, m_clock, "tester", "cfp test", *date::locate_zone("Europe/Brussels")}
{
}

SQLite::Database& DatabaseFixture::connection()
{
  return dynamic_cast<store::sqlite::SqliteDatabase&>(*m_database).connection();
}

std::int64_t DatabaseFixture::audit_entries()
{
  return m_database->read("count", [](const store::Transaction& tx) { return tx.info().counts.audit_entries; });
}

Failure attempt(DatabaseFixture& fixture, const std::function<void()>& action)
{
  const auto before = dump_database(fixture.path());
  Failure failure;
  try {
    action();
  } catch (const Error& error) {
    failure.kind = error.kind();
    failure.message = error.what();
  }
  failure.unchanged = dump_database(fixture.path()) == before;
  return failure;
}

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    lines.push_back(line);
  }
  return lines;
}

CliResult run_cli(const std::filesystem::path& db, const std::vector<std::string>& args, const std::string& now,
                  const std::vector<std::string>& extra_env, cli::Terminals terminals)
{
  cli::Environment env{{"CFP_DB", db.string()}, {"CFP_USER", "tester"}};
  if (!now.empty()) {
    env["CFP_NOW"] = now;
  }
  for (const auto& entry : extra_env) {
    const auto equals = entry.find('=');
    env[entry.substr(0, equals)] = entry.substr(equals + 1);
  }
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::run(args, out, err, env, terminals);
  return {code, out.str(), err.str()};
}

namespace {

// Starts argv[0] with empty standard input, standard output to `capture`/stdout (or to
// `stdout_to`), standard error to `capture`/stderr and, when `folder` is given, that working folder.
pid_t start(const std::vector<std::string>& argv, const std::vector<std::string>& env,
            const std::filesystem::path& folder, const std::optional<StdoutTo>& stdout_to,
            const std::filesystem::path& capture)
{
  const auto out_path = capture / "stdout";
  const auto err_path = capture / "stderr";
  CStrings argv_pointers(argv);
  CStrings envp(env);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!folder.empty()) {
    posix_spawn_file_actions_addchdir_np(&actions, folder.c_str());
  }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  if (!stdout_to) {
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  } else if (stdout_to->path.empty()) {
    posix_spawn_file_actions_addclose(&actions, 1);
  } else {
    posix_spawn_file_actions_addopen(&actions, 1, stdout_to->path.c_str(), O_WRONLY, 0);
  }
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, argv.front().c_str(), &actions, nullptr, argv_pointers.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw std::runtime_error("cannot start " + argv.front());
  }
  return pid;
}

// What the program started with `capture` did, from the status waitpid gave.
CliResult finished(int status, const std::filesystem::path& capture)
{
  const auto slurp = [](const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = slurp(capture / "stdout");
  result.err = slurp(capture / "stderr");
  return result;
}

CliResult spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                const std::filesystem::path& folder, const std::optional<StdoutTo>& stdout_to)
{
  TempDir capture;
  const pid_t pid = start(argv, env, folder, stdout_to, capture.path());
  int status = 0;
  ::waitpid(pid, &status, 0);
  return finished(status, capture.path());
}

} // namespace

std::size_t count_of(const std::string& text, const std::string& needle)
{
  std::size_t found = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
    ++found;
  }
  return found;
}

CliResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                      const std::filesystem::path& folder)
{
  return spawn(argv, env, folder, std::nullopt);
}

CliResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                      const StdoutTo& stdout_to)
{
  return spawn(argv, env, {}, stdout_to);
}

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                                     const std::optional<StdoutTo>& stdout_to)
    : m_pid(start(argv, env, {}, stdout_to, m_capture.path()))
{
}

BackgroundProcess::~BackgroundProcess()
{
  if (!m_result) {
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, nullptr, 0);
  }
}

bool BackgroundProcess::ended()
{
  if (m_result) {
    return true;
  }
  int status = 0;
  if (::waitpid(m_pid, &status, WNOHANG) != m_pid) {
    return false;
  }
  m_result = finished(status, m_capture.path());
  return true;
}

CliResult BackgroundProcess::wait()
{
  if (!m_result) {
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_result = finished(status, m_capture.path());
  }
  return *m_result;
}

CliResult run_binary(const std::vector<std::string>& args, const std::vector<std::string>& env)
{
  std::vector<std::string> argv{CFP_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, env);
}

} // namespace cfp::test
