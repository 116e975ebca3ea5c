// SPDX-License-Identifier: EUPL-1.2
// An attach killed with SIGKILL leaves the proposal exactly as it was, or, when the kill came
// after its commit, with the whole document: the real program attaches a document of 150 MiB
// and is killed while it reads the file, twice while it writes it into the -wal, while it reads
// a pipe into its temporary copy, and while it copies the -wal into the database after the
// commit. An attach first reads the whole file (rchar in /proc/PID/io rises to its size), then
// reads it again and writes it into the -wal (wchar rises to its size, a little more for the
// pages' headers), and after the commit copies the -wal into the database (wchar goes on to twice
// its size): each moment is a point on one of those counters, so that it lands in the same
// phase on a fast or a slow machine, where a pause would not.

#include "support/documents.hpp"
#include "support/support.hpp"

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t k_mib = std::int64_t{1} << 20;
constexpr std::int64_t k_document_bytes = 150 * k_mib;

const std::vector<std::string> k_env{"CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z", "PATH=/usr/bin:/bin"};

/// When to kill: once `counter` of /proc/PID/io reaches `share` of the document's size.
struct Moment
{
  std::string name;
  std::string counter; ///< rchar or wchar
  double share = 0;
  bool from_pipe = false;
  bool after_commit = false;
};

// The counter `name` ("rchar: 123") of /proc/PID/io; -1 when it cannot be read.
std::int64_t io_counter(pid_t pid, const std::string& name)
{
  std::ifstream in(fmt::format("/proc/{}/io", pid));
  std::string key;
  std::int64_t value = 0;
  while (in >> key >> value) {
    if (key == name + ":") {
      return value;
    }
  }
  return -1;
}

// What must not change when an attach is killed before its commit.
struct Record
{
  std::string show;
  std::string documents;
  std::string log;
  std::string contents; ///< contents, chunks and their bytes, so that no orphan stays

  bool operator==(const Record&) const = default;
};

class DocumentsKillTest : public ::testing::Test
{
protected:
  std::vector<std::string> env() const
  {
    auto env = k_env;
    env.push_back("CFP_DB=" + m_db.string());
    env.push_back("TMPDIR=" + m_tmp.string());
    return env;
  }

  CliResult cfp(const std::vector<std::string>& args) const { return run_binary(args, env()); }

  void SetUp() override
  {
    fs::create_directory(m_tmp);
    m_sha256 = write_pdf(m_document, k_document_bytes, 7);
    write_pdf(m_annex, 64 * 1024, 8);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"call", "add", "C-1", "--title", "AI Factories"},
             {"deadline", "add", "C-1", "2024-11-04"},
             {"proposal", "add", "--call", "C-1", "--acronym", "MIMER", "--title", "MIMER", "--host", "SE", "--entity",
              "Linköping University", "--eu-contribution", "0"},
             {"proposal", "attach", "MIMER", m_annex.string(), "--part", "annex"}}) {
      const auto result = cfp(args);
      ASSERT_EQ(result.exit_code, 0) << result.err;
    }
    set_document_limit(m_db, 200 * k_mib);
  }

  Record record() const
  {
    Record found{cfp({"proposal", "show", "MIMER", "--format", "json"}).out,
                 cfp({"proposal", "documents", "MIMER", "--format", "json"}).out, cfp({"log", "--format", "json"}).out,
                 ""};
    SQLite::Database connection(m_db.string(), SQLite::OPEN_READONLY);
    found.contents = connection
                         .execAndGet("SELECT (SELECT count(*) FROM document_content) || ' ' || count(*) || ' ' || "
                                     "total(length(data)) FROM document_chunk")
                         .getString();
    return found;
  }

  // Starts the attach of the large document and kills it at `moment`; returns how it ended.
  CliResult attach_killed_at(const Moment& moment) const
  {
    std::vector<std::string> argv{CFP_BINARY, "proposal", "attach", "MIMER", m_document.string(), "--part", "part-b"};
    if (moment.from_pipe) {
      // The shell becomes cfp (exec) with a pipe that cat fills as its standard input: the pid
      // watched and killed is cfp's.
      argv = {"/bin/bash", "-c", "exec \"$0\" proposal attach MIMER - --part part-b --name part-b.pdf < <(cat \"$1\")",
              CFP_BINARY, m_document.string()};
    }
    const auto at = static_cast<std::int64_t>(moment.share * static_cast<double>(k_document_bytes));
    BackgroundProcess attach(argv, env());
    while (!attach.ended()) {
      if (io_counter(attach.pid(), moment.counter) >= at) {
        ::kill(attach.pid(), SIGKILL);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return attach.wait();
  }

  TempDir m_dir;
  fs::path m_db = m_dir / "cfp.db";
  fs::path m_tmp = m_dir / "tmp";
  fs::path m_document = m_dir / "part-b.pdf";
  fs::path m_annex = m_dir / "annex.pdf";
  std::string m_sha256;
};

TEST_F(DocumentsKillTest, AnAttachKilledAtAnyMomentLeavesTheProposalAsItWasOrWithTheWholeDocument)
{
  if (io_counter(::getpid(), "rchar") < 0) {
    GTEST_SKIP() << "/proc/PID/io cannot be read here: the moments of the kills are found in it";
  }
  const Record before = record();
  ASSERT_NE(before.documents.find("\"annex\""), std::string::npos) << before.documents;

  const std::vector<Moment> moments{
      {"while it reads the file to check it", "rchar", 0.5, false, false},
      {"early while it writes the -wal", "wchar", 0.1, false, false},
      {"late while it writes the -wal", "wchar", 0.9, false, false},
      {"while it copies a pipe to its temporary file", "rchar", 0.5, true, false},
      {"after its commit, while it copies the -wal into the database", "wchar", 1.5, false, true}};
  for (const auto& moment : moments) {
    SCOPED_TRACE("killed " + moment.name);
    const auto run = attach_killed_at(moment);
    const auto verdict = cfp({"db", "check"});
    EXPECT_EQ(verdict.exit_code, 0) << verdict.out << verdict.err;
    EXPECT_TRUE(fs::is_empty(m_tmp)) << "the killed attach left a file in TMPDIR";
    if (!moment.after_commit) {
      // The kill must have come first: the moment lies inside the attach.
      ASSERT_EQ(run.exit_code, 128 + SIGKILL) << run.out << run.err;
      EXPECT_TRUE(record() == before) << "the proposal, its documents, the log or the stored contents changed";
      continue;
    }
    // Killed after its commit (or just done): the whole document is there, once.
    EXPECT_TRUE(run.exit_code == 128 + SIGKILL || run.exit_code == 0) << run.exit_code << run.err;
    const Record after = record();
    EXPECT_NE(after.documents.find(m_sha256), std::string::npos) << after.documents;
    EXPECT_NE(after.show, before.show);
    EXPECT_EQ(count_of(after.log, "\"action\": \"attach\""), count_of(before.log, "\"action\": \"attach\"") + 1);
    const auto copy = m_dir / "copy.pdf";
    const auto read = cfp({"proposal", "document", "MIMER", "part-b", "--out", copy.string()});
    ASSERT_EQ(read.exit_code, 0) << read.err;
    EXPECT_EQ(sha256_of(copy), m_sha256);
    fs::remove(copy);
  }

  // And a later attach works: a new part-b replaces the one stored.
  const auto smaller = m_dir / "part-b-2.pdf";
  const auto smaller_sha256 = write_pdf(smaller, 4 * k_mib, 9);
  const auto again = cfp({"proposal", "attach", "MIMER", smaller.string(), "--part", "part-b"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto documents = cfp({"proposal", "documents", "MIMER", "--format", "json"}).out;
  EXPECT_NE(documents.find(smaller_sha256), std::string::npos) << documents;
  EXPECT_EQ(documents.find(m_sha256), std::string::npos) << documents;
  EXPECT_EQ(cfp({"db", "check"}).exit_code, 0);
}

} // namespace
} // namespace cfp::test
