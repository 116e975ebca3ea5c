// SPDX-License-Identifier: EUPL-1.2
#include "docs/example_replay.hpp"

#include "store/sqlite/migrations.hpp"

#include <cfp/store/database.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string_view>

extern char** environ;

namespace cfp::test::docs {

namespace fs = std::filesystem;

namespace {

// Whether the last command of `command`'s pipeline prints CSV: `--format csv`, `export proposals`
// or `export scores` (CSV unless --format says otherwise), or `cat` of a .csv file.
bool prints_csv(const std::string& command)
{
  static const std::regex k_last_stage(R"(([^|&;]*)$)");
  std::smatch last;
  std::regex_search(command, last, k_last_stage);
  std::istringstream words(last[1].str());
  std::vector<std::string> tokens{std::istream_iterator<std::string>(words), {}};
  if (tokens.empty()) {
    return false;
  }
  if (tokens.front() == "cat") {
    return tokens.back().ends_with(".csv");
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i] == "--format" && i + 1 < tokens.size()) {
      return tokens[i + 1] == "csv";
    }
    if (tokens[i].starts_with("--format=")) {
      return tokens[i] == "--format=csv";
    }
  }
  const auto exports = std::adjacent_find(tokens.begin(), tokens.end(), [](const auto& first, const auto& second) {
    return first == "export" && (second == "proposals" || second == "scores");
  });
  return exports != tokens.end();
}

// CSV output as the document shows it: record ends (CRLF outside quotes) become LF; a record end
// without CR is marked, since the document promises CRLF.
std::string csv_as_shown(const std::string& csv)
{
  std::string shown;
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (c == '"') {
      quoted = !quoted;
    }
    if (!quoted && c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      continue;
    }
    if (!quoted && c == '\n' && (i == 0 || csv[i - 1] != '\r')) {
      shown += "<record ends without CR>";
    }
    shown += c;
  }
  return shown;
}

// Runs `command` with /bin/bash -c in `folder` with exactly the environment `env`; stdin is empty.
CliResult run_bash(const std::string& command, const fs::path& folder, const std::vector<std::string>& env)
{
  return run_process({"/bin/bash", "-c", command}, env, folder);
}

// A line as a diff shows it: control characters escaped and trailing spaces made visible.
std::string visible(std::string_view line)
{
  const auto kept = line.find_last_not_of(' ') + 1; // 0 when the line is all spaces
  std::string shown;
  for (const char c : line.substr(0, kept)) {
    if (c == '\r') {
      shown += "\\r";
    } else if (c == '\t') {
      shown += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      shown += std::string{'^', static_cast<char>(c + '@')}; // as cat -v shows it
    } else {
      shown += c;
    }
  }
  for (auto i = kept; i < line.size(); ++i) {
    shown += "·"; // a middle dot for each trailing space
  }
  return shown;
}

// The lines of `text`; a last line without LF is marked, as the document cannot show one.
std::vector<std::string> split_lines(const std::string& text)
{
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start) + "<no line end>");
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// A line diff of the document's text (from line `first_line` of docs/cli.md) and cfp's, with the
// document's line numbers and runs of equal lines shortened.
std::string diff(const std::string& documented, int first_line, const std::string& printed)
{
  const auto a = split_lines(documented);
  const auto b = split_lines(printed);
  // Longest common subsequence from the end, so the walk below goes forwards.
  std::vector<std::vector<std::size_t>> common(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
    }
  }
  struct Row
  {
    char mark;
    std::string number;
    std::string text;
  };
  std::vector<Row> rows;
  const auto number = [&](std::size_t i) {
    return first_line > 0 ? std::to_string(first_line + static_cast<int>(i)) : "";
  };
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      rows.push_back({' ', number(i), visible(a[i])});
      ++i;
      ++j;
    } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
      rows.push_back({'-', number(i), visible(a[i++])});
    } else {
      rows.push_back({'+', "", visible(b[j++])});
    }
  }
  constexpr std::size_t k_context = 2;
  std::ostringstream text;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    const auto near_change = [&](std::size_t at) {
      const auto from = at < k_context ? 0 : at - k_context;
      const auto to = std::min(rows.size(), at + k_context + 1);
      return std::any_of(rows.begin() + static_cast<std::ptrdiff_t>(from),
                         rows.begin() + static_cast<std::ptrdiff_t>(to), [](const Row& r) { return r.mark != ' '; });
    };
    if (!near_change(row)) {
      auto skipped = row;
      while (skipped < rows.size() && !near_change(skipped)) {
        ++skipped;
      }
      text << "        ... " << skipped - row << " equal lines\n";
      row = skipped - 1;
      continue;
    }
    const auto& shown = rows[row];
    text << shown.mark << ' ' << std::string(5 - std::min<std::size_t>(5, shown.number.size()), ' ') << shown.number
         << " | " << shown.text << '\n';
  }
  return text.str();
}

// Everything in which cfp's run differs from `example`, or nothing when they agree.
} // namespace

std::string with_placeholders(const std::string& documented, const std::string& printed)
{
  // Each placeholder and what it stands for.
  static const std::vector<std::pair<std::string_view, std::string>> k_placeholders{
      {k_real_time, R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"},
      {k_seal, "[0-9a-f]{64}"},
      {k_process_id, "[0-9]+"},
  };
  const auto holds_placeholder = [](const std::string& line) {
    return std::any_of(k_placeholders.begin(), k_placeholders.end(),
                       [&](const auto& placeholder) { return line.find(placeholder.first) != std::string::npos; });
  };
  if (!holds_placeholder(documented)) {
    return printed;
  }
  static const std::regex k_special(R"([.^$|()\[\]{}*+?\\])");
  const auto expected = split_lines(documented);
  auto actual = split_lines(printed);
  for (std::size_t i = 0; i < expected.size() && i < actual.size(); ++i) {
    if (!holds_placeholder(expected[i])) {
      continue;
    }
    // The documented line, escaped, with each placeholder standing for what it holds.
    std::string pattern = std::regex_replace(expected[i], k_special, R"(\$&)");
    for (const auto& [placeholder, holds] : k_placeholders) {
      for (auto found = pattern.find(placeholder); found != std::string::npos; found = pattern.find(placeholder)) {
        pattern.replace(found, placeholder.size(), holds);
      }
    }
    if (std::regex_match(actual[i], std::regex(pattern))) {
      actual[i] = expected[i];
    }
  }
  std::string joined;
  for (const auto& line : actual) {
    joined += line + '\n';
  }
  return joined;
}

namespace {

std::string mismatches(const Example& example, const CliResult& run)
{
  std::ostringstream report;
  const std::string out =
      with_placeholders(example.out, prints_csv(example.command) ? csv_as_shown(run.out) : run.out);
  const std::string err = with_placeholders(example.err, run.err);
  if (out != example.out) {
    report << "stdout differs (- docs/cli.md, + cfp):\n" << diff(example.out, example.out_line, out);
  }
  if (err != example.err) {
    report << (example.err_line > 0 ? "stderr differs (- docs/cli.md, + cfp):\n"
                                    : "stderr differs (- docs/cli.md shows none, + cfp):\n")
           << diff(example.err, example.err_line, err);
  }
  if (run.exit_code != example.status) {
    report << "exit status differs: docs/cli.md " << example.status << (example.err_line > 0 ? "" : " (it shows none)")
           << ", cfp " << run.exit_code << '\n';
  }
  return report.str();
}

/// A file an example needs that docs/cli.md describes in words rather than with a command.
struct Precondition
{
  std::string file;         ///< as the example's command names it
  std::string described_as; ///< the document's words, for messages
  /// Makes the file in the folder if it is missing; what it returns is kept while the example runs.
  std::function<std::shared_ptr<void>(const fs::path&)> prepare;
};

// "On a database written by an older cfp": schema version 1, as the first migration left it.
std::shared_ptr<void> make_version_one_database(const fs::path& path)
{
  if (!fs::exists(path)) {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(store::sqlite::embedded_migrations().front().sql);
    db.exec("PRAGMA application_id = " + std::to_string(store::sqlite::k_application_id));
    db.exec("PRAGMA user_version = 1");
  }
  return nullptr;
}

/// The write lock that "another process" holds: this test process, not the cfp it runs.
struct WriteLock
{
  explicit WriteLock(const fs::path& path)
      : m_db(path.string(), SQLite::OPEN_READWRITE), m_transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE)
  {
  }
  SQLite::Database m_db;
  SQLite::Transaction m_transaction;
};

// "While another process keeps the database locked for writing".
std::shared_ptr<void> lock_database(const fs::path& path)
{
  if (!fs::exists(path)) {
    store::Database::open(path.string()); // made and closed again: a cfp database
  }
  return std::make_shared<WriteLock>(path);
}

const std::vector<Precondition> k_preconditions{
    {"old.db", "a database written by an older cfp", make_version_one_database},
    {"busy.db", "a database that another process keeps locked for writing", lock_database},
};

// Whether `command` names `file` as one of its words.
bool names(const std::string& command, const std::string& file)
{
  std::istringstream words(command);
  return std::any_of(std::istream_iterator<std::string>(words), {},
                     [&](const std::string& word) { return word == file; });
}

} // namespace

Replay::Replay(const Document& document) : m_document(document), m_outcomes(document.examples.size())
{
  // `cfp` on PATH is the binary itself, so that it calls itself cfp in the audit log.
  fs::create_directories(m_root / "bin");
  fs::create_symlink(CFP_BINARY, m_root / "bin" / "cfp");
}

const Outcome& Replay::outcome(std::size_t index)
{
  const Stage stage = m_document.examples[index].stage;
  Folder& folder = prepared_folder(stage);
  for (std::size_t i = 0; i <= index; ++i) {
    if (m_document.examples[i].stage == stage && !m_outcomes[i]) {
      m_outcomes[i] = run(m_document.examples[i], folder);
    }
  }
  return *m_outcomes[index];
}

// The environment of every command: the document's exports, `cfp` first on PATH, and of the
// caller's variables only the sanitizers' settings (a CFP_TZ or CFP_NOW of the developer would
// change every output). `user` replaces CFP_USER when it is given.
std::vector<std::string> Replay::env(const std::string& user) const
{
  std::vector<std::string> env{"PATH=" + (m_root / "bin").string() + ":/usr/bin:/bin", "HOME=" + m_root.string()};
  for (const auto& entry : m_document.env) {
    env.push_back(user.empty() || !entry.starts_with("CFP_USER=") ? entry : "CFP_USER=" + user);
  }
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view variable(*entry);
    if (variable.starts_with("ASAN_OPTIONS=") || variable.starts_with("UBSAN_OPTIONS=") ||
        variable.starts_with("LSAN_OPTIONS=")) {
      env.emplace_back(variable);
    }
  }
  return env;
}

// The folder of `stage`, made on first use; the demo stage's holds the database of the demo script.
Replay::Folder& Replay::prepared_folder(Stage stage)
{
  Folder& folder = stage == Stage::empty_folder ? m_empty_folder : m_demo_folder;
  if (!folder.path.empty()) {
    return folder;
  }
  folder.path = m_root / (stage == Stage::empty_folder ? "empty-folder" : "demo-database");
  fs::create_directories(folder.path);
  if (stage == Stage::demo_database) {
    folder.setup_failure = run_demo_script(folder.path);
  }
  return folder;
}

// Runs the demo script in `folder` (it makes cfp.db there): nothing, or why it failed.
std::string Replay::run_demo_script(const fs::path& folder)
{
  const auto built = run_bash("bash '" + m_document.demo_script.string() + "'", folder, env(m_document.demo_user));
  if (built.exit_code != 0) {
    return m_document.demo_script.string() + " failed with exit status " + std::to_string(built.exit_code) + ":\n" +
           built.err;
  }
  return {};
}

const fs::path& Replay::demo_database()
{
  if (m_demo_database.empty()) {
    const auto folder = m_root / "demo-database-unchanged";
    fs::create_directories(folder);
    if (const auto failure = run_demo_script(folder); !failure.empty()) {
      throw std::runtime_error(failure);
    }
    m_demo_database = folder / "cfp.db";
  }
  return m_demo_database;
}

// Runs one example in its folder: writes the file it reads, prepares what the document
// describes in words, runs the command and compares.
Outcome Replay::run(const Example& example, Folder& folder)
{
  Outcome outcome;
  outcome.earlier_lines = folder.mismatched_lines;
  if (!folder.setup_failure.empty()) {
    outcome.mismatches = "not run: " + folder.setup_failure;
    return outcome;
  }
  if (example.input) {
    std::ofstream(folder.path / example.input->name, std::ios::binary) << example.input->text;
  }
  std::vector<std::shared_ptr<void>> held; // until the command has run
  std::string prepared;
  for (const auto& precondition : k_preconditions) {
    if (names(example.command, precondition.file)) {
      held.push_back(precondition.prepare(folder.path / precondition.file));
      prepared += "(" + precondition.file + " is " + precondition.described_as + ", made by this test)\n";
    }
  }
  const auto run = run_bash(example.command, folder.path, env());
  outcome.mismatches = mismatches(example, run);
  outcome.out = prints_csv(example.command) ? csv_as_shown(run.out) : run.out;
  outcome.err = run.err;
  outcome.status = run.exit_code;
  if (!outcome.mismatches.empty()) {
    outcome.mismatches += prepared;
    folder.mismatched_lines.push_back(example.line);
  }
  return outcome;
}

Replay& replay()
{
  static Replay replay(document());
  return replay;
}

} // namespace cfp::test::docs
