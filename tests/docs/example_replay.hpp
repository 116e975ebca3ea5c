// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Replaying the examples of docs/cli.md with the real cfp binary in temporary folders, and
// saying in which way cfp's output differs from the document's.
//
// Examples depend on the ones before them: each example is replayed at most once, after every
// example before it in its folder. Two examples need a file that the document describes only in
// words: "a database written by an older cfp" (old.db) and one that "another process keeps
// locked for writing" (busy.db); the replay makes them itself, the second at the cost of cfp's
// 5 s wait.

#include "docs/cli_document.hpp"
#include "support/support.hpp"

#include <filesystem>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace cfp::test::docs {

/// What the document writes in place of a time that differs at every run (the machine's clock
/// recorded beside a simulated one): it matches any UTC instant.
inline constexpr std::string_view k_real_time = "<real time>";

/// What the document writes in place of an audit seal, which depends on real times: it matches
/// any 64 hex digits.
inline constexpr std::string_view k_seal = "<seal>";

/// What the document writes in place of a process id (the holder of a lock): it matches any
/// number.
inline constexpr std::string_view k_process_id = "<process id>";

/// `printed` with each line that matches a line of `documented` holding a placeholder
/// (k_real_time, k_seal, k_process_id) replaced by that line, so that the two compare equal where only what
/// differs at every run differs.
std::string with_placeholders(const std::string& documented, const std::string& printed);

/// What replaying one example gave.
struct Outcome
{
  std::string mismatches;         ///< empty when cfp printed what the document shows
  std::vector<int> earlier_lines; ///< examples before it in its folder that did not match
  std::string out;                ///< what cfp printed on stdout, as the document would show it
  std::string err;                ///< what cfp printed on stderr
  int status = 0;
};

/// Replays the examples of a document, each at most once and in order, in temporary folders.
class Replay
{
public:
  explicit Replay(const Document& document);

  /// The outcome of example `index`, replaying first the examples before it in its folder.
  const Outcome& outcome(std::size_t index);

  /// The database that the document's demo script builds, as the examples of the demo_database
  /// stage start from it, made once in a folder of its own and never changed: a test copies it
  /// (SQLite's backup API) before running anything on it. Throws when the script fails.
  const std::filesystem::path& demo_database();

private:
  /// The folder of one stage and what happened in it so far.
  struct Folder
  {
    std::filesystem::path path;
    std::string setup_failure;
    std::vector<int> mismatched_lines;
  };

  std::vector<std::string> env(const std::string& user = "") const;
  Folder& prepared_folder(Stage stage);
  std::string run_demo_script(const std::filesystem::path& folder);
  Outcome run(const Example& example, Folder& folder);

  const Document& m_document;
  TempDir m_temp;
  std::filesystem::path m_root = m_temp.path();
  Folder m_empty_folder;
  Folder m_demo_folder;
  std::filesystem::path m_demo_database; ///< empty until demo_database() made it
  std::vector<std::optional<Outcome>> m_outcomes; ///< by index in m_document.examples
};

/// The replay of docs/cli.md, shared by the tests of one process.
Replay& replay();

} // namespace cfp::test::docs
