// SPDX-License-Identifier: EUPL-1.2
// An import reads its whole input before it takes any lock, then reads, checks and writes each
// record once in one write transaction; a dry run checks without the write lock.

#include "core/proposals_fixture.hpp"

#include <cfp/core/transfer.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <array>
#include <csignal>
#include <iterator>
#include <sstream>

#include <sys/resource.h>

namespace cfp::test {
namespace {

class StagedImportTest : public ProposalsTest
{
protected:
  // A CSV file of `count` new proposals, IMP-1 ... IMP-count, then `last` if it is not empty.
  static std::string records(int count, const std::string& last = "")
  {
    std::string csv = "call,acronym,title,host,entity,eu_contribution_eur\n";
    for (int i = 1; i <= count; ++i) {
      csv += fmt::format("{},IMP-{},Imported {},FI,Centre {},1M\n", k_call, i, i, i);
    }
    return csv + last;
  }

  core::ImportSummary import(const std::string& csv, core::ImportOptions options = {})
  {
    std::istringstream in(csv);
    options.source_name = "proposals.csv";
    options.format = core::DataFormat::csv;
    return core::import_proposals(session(), in, options);
  }

  // Another process's connection to the same file, with its own session.
  struct Other
  {
    // It waits 50 ms for a lock held by another writer.
    explicit Other(const std::filesystem::path& path)
        : database(store::Database::open(path.string(), {.busy_timeout = std::chrono::milliseconds(50)})), clock(utc("2024-10-01T10:00:00Z")),
          session{*database, clock, "other", "cfp other", *date::locate_zone("Europe/Brussels")}
    {
    }
    std::unique_ptr<store::Database> database;
    core::FixedClock clock;
    core::Session session;
  };
};

TEST_F(StagedImportTest, EachRecordIsReadCheckedAndWrittenOnceInTheWriteTransaction)
{
  Other other(m_fixture.path());
  core::ImportOptions options;
  std::vector<std::string> phases;
  bool tried = false;
  options.progress = [&](std::string_view phase, std::uint64_t records) {
    phases.emplace_back(phase);
    if (records == 1000) {
      // The import holds the write lock while it reads the file: another writer cannot add
      // the proposal of record 1001 now.
      auto race = request("RACE");
      race.input.title = "Added by another writer";
      tried = true;
      EXPECT_EQ(attempt(m_fixture, [&] { core::add_proposal(other.session, race); }).kind, ErrorKind::busy);
    }
  };
  const auto summary =
      import(records(1000, fmt::format("{},RACE,From the file,FI,Centre R,1M\n", k_call)), options);
  EXPECT_TRUE(tried);
  EXPECT_TRUE(summary.written);
  EXPECT_EQ(summary.inserted, 1001u);
  EXPECT_EQ(summary.invalid, 0u);
  EXPECT_EQ(resolve("RACE").fields.title, "From the file");
  EXPECT_EQ(phases, (std::vector<std::string>{"importing"})) << "the file is read once";
}

TEST_F(StagedImportTest, ARefusedImportChecksEveryRecordButWritesNothing)
{
  const auto before = audit_entries();
  // Record 3 is invalid; record 5 is valid but must not be written; record 6 is invalid too
  // and still reported; record 7 repeats record 2's key.
  const std::string csv = "call,acronym,title,host,entity,eu_contribution_eur\n" +
                          fmt::format("{},FIRST,First,FI,Centre,1M\n", k_call) +
                          fmt::format("{},SECOND,Second,FI,Centre,1M\n", k_call) +
                          fmt::format("{},BAD,Bad,Atlantis,Centre,1M\n", k_call) +
                          fmt::format("{},FOURTH,Fourth,FI,Centre,1M\n", k_call) +
                          fmt::format("{},WORSE,Worse,FI,Centre,lots\n", k_call) +
                          fmt::format("{},SECOND,Twice,FI,Centre,1M\n", k_call);
  const auto refused = import(csv);
  EXPECT_FALSE(refused.written);
  EXPECT_EQ(refused.records, 6u);
  EXPECT_EQ(refused.invalid, 3u);
  EXPECT_EQ(refused.inserted, 3u) << "the valid records are counted as they would be written";
  ASSERT_EQ(refused.errors.size(), 3u);
  EXPECT_EQ(refused.errors[0].line, 4u);
  EXPECT_EQ(refused.errors[0].column, "host");
  EXPECT_EQ(refused.errors[1].line, 6u);
  EXPECT_EQ(refused.errors[1].column, "eu_contribution_eur");
  EXPECT_EQ(refused.errors[2].message, fmt::format("SECOND appears twice in call {}: on line 3 and on line 7", k_call));
  EXPECT_EQ(audit_entries(), before);
  for (const char* acronym : {"FIRST", "SECOND", "FOURTH"}) {
    EXPECT_THROW(resolve(acronym), Error) << acronym << " was written by a refused import";
  }
}

TEST_F(StagedImportTest, AnImportThatFailsLetsGoOfTheWriteLockAtItsFirstInvalidRecord)
{
  Other other(m_fixture.path());
  core::ImportOptions options;
  std::vector<std::string> phases;
  bool added = false;
  options.progress = [&](std::string_view phase, std::uint64_t records) {
    if (phases.empty() || phases.back() != phase) {
      phases.emplace_back(phase);
    }
    if (phase == "checking" && records == 1000) {
      // The rest of the file is checked without the write lock: another writer goes ahead.
      core::add_proposal(other.session, request("MEANWHILE"));
      added = true;
    }
  };
  const auto refused = import(fmt::format("call,acronym,title,host,entity,eu_contribution_eur\n"
                                          "{},BAD,Bad,Atlantis,Centre,1M\n",
                                          k_call) +
                                  records(1500).substr(std::string("call,acronym,title,host,entity,"
                                                                   "eu_contribution_eur\n")
                                                           .size()),
                              options);
  EXPECT_TRUE(added);
  EXPECT_FALSE(refused.written);
  EXPECT_EQ(refused.records, 1501u);
  EXPECT_EQ(refused.invalid, 1u);
  EXPECT_EQ(refused.inserted, 1500u) << "every record after the invalid one was still checked";
  EXPECT_EQ(phases, (std::vector<std::string>{"checking"})) << "the writing stopped before a thousand records";
  EXPECT_EQ(resolve("MEANWHILE").acronym, "MEANWHILE");
  EXPECT_THROW(resolve("IMP-1"), Error);
}

TEST_F(StagedImportTest, ADryRunNeverTakesTheWriteLock)
{
  // Another connection holds the write lock for the whole test.
  SQLite::Database locker(m_fixture.path().string(), SQLite::OPEN_READWRITE);
  SQLite::Transaction lock(locker, SQLite::TransactionBehavior::IMMEDIATE);
  core::ImportOptions dry;
  dry.dry_run = true;
  std::vector<std::string> phases;
  dry.progress = [&](std::string_view phase, std::uint64_t) { phases.emplace_back(phase); };
  const auto checked = import(records(1000, fmt::format("{},IMP-1,Twice,FI,Centre,1M\n", k_call)), dry);
  EXPECT_EQ(checked.inserted, 1000u);
  EXPECT_EQ(checked.invalid, 1u);
  EXPECT_FALSE(checked.written);
  EXPECT_EQ(checked.errors.at(0).message,
            fmt::format("IMP-1 appears twice in call {}: on line 2 and on line 1002", k_call));
  EXPECT_EQ(phases, (std::vector<std::string>{"checking"}));
}

TEST_F(StagedImportTest, ANewProposalSubmittedInACutoffThatHasClosedNeedsHistorical)
{
  now("2025-03-01T10:00:00Z");
  const std::string csv = "call,acronym,title,host,entity,eu_contribution_eur,submitted_at\n" +
                          fmt::format("{},PAST,Past AI Factory,FI,Centre,1M,2024-11-04T15:00:00Z\n", k_call);
  const auto refused = import(csv);
  EXPECT_FALSE(refused.written);
  ASSERT_EQ(refused.errors.size(), 1u);
  EXPECT_EQ(refused.errors[0].column, "submitted_at");
  EXPECT_EQ(refused.errors[0].message,
            "2024-11-04T15:00:00Z is in cut-off '2024-11-04', which closed at 2024-11-04 17:00:00 CET (Brussels time); "
            "to import submissions made before a cut-off closed, give --historical");
  const auto before = audit_entries();

  core::ImportOptions historical;
  historical.historical = true;
  const auto summary = import(csv, historical);
  EXPECT_TRUE(summary.written);
  EXPECT_EQ(summary.inserted, 1u);
  EXPECT_EQ(resolve("PAST").cutoff_label, "2024-11-04");
  EXPECT_EQ(audit_entries(), before + 2) << "one entry for the proposal, one for the file";
  // The proposal's own entry, and the import's, which made it.
  const auto entries = core::list_audit(session(), std::string("PAST"), 10);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "import");
  EXPECT_EQ(entries[1].action, "historical import");
  EXPECT_EQ(entries[1].entity, fmt::format("proposal {}/PAST", k_call));
  const auto after = nlohmann::json::parse(*entries[1].after);
  EXPECT_EQ(after["submitted_at"], "2024-11-04T15:00:00Z");
  // The snapshot names the proposal it records, as the entry's subject does.
  EXPECT_EQ(after["id"], resolve("PAST").id);
  EXPECT_EQ(entries[1].subject.id, resolve("PAST").id);
}

TEST_F(StagedImportTest, AnExistingProposalInAClosedCutoffStaysReadOnlyWithHistorical)
{
  add("OLD");
  now("2025-03-01T10:00:00Z");
  core::ImportOptions historical;
  historical.historical = true;
  const auto summary = import(fmt::format("call,acronym,title,host,entity,submitted_at\n"
                                          "{},OLD,Changed,ES,Barcelona Supercomputing Center,2024-10-01T10:00:00Z\n",
                                          k_call),
                              historical);
  EXPECT_FALSE(summary.written);
  ASSERT_EQ(summary.errors.size(), 1u);
  EXPECT_NE(summary.errors[0].message.find("read-only"), std::string::npos) << summary.errors[0].message;
}

// Makes files larger than `bytes` fail to grow (EFBIG) while it lives, as a full disk would.
class FileSizeLimit
{
public:
  explicit FileSizeLimit(rlim_t bytes)
  {
    ::getrlimit(RLIMIT_FSIZE, &m_saved);
    m_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = m_saved;
    limit.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit()
  {
    ::setrlimit(RLIMIT_FSIZE, &m_saved);
    std::signal(SIGXFSZ, m_handler);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
  rlimit m_saved{};
  void (*m_handler)(int) = nullptr;
};

TEST_F(StagedImportTest, RejectsThatCannotBeKeptStopTheImportBeforeItCommits)
{
  const auto before = audit_entries();
  core::ImportOptions options;
  options.skip_invalid = true;
  options.keep_rejects = [](std::istream&) {
    throw Error(ErrorKind::input_file, "cannot write rejects.csv: No space left on device");
  };
  const std::string csv = records(5, fmt::format("{},BAD,Bad,Atlantis,Centre,1M\n", k_call));
  EXPECT_EQ(attempt(m_fixture, [&] { import(csv, options); }).message, "cannot write rejects.csv: No space left on device");
  EXPECT_EQ(audit_entries(), before) << "the import committed although its rejects were lost";
  EXPECT_THROW(resolve("IMP-1"), Error);
}

TEST_F(StagedImportTest, ATemporaryFolderWithoutRoomIsAStorageErrorNamingItAndNothingIsImported)
{
  // The input fits; its rejects, longer by their messages, do not.
  std::string csv = "call,acronym,title,host,entity\n";
  for (int i = 1; i <= 6000; ++i) {
    csv += fmt::format("{},BAD-{},Bad {},Atlantis,Centre {}\n", k_call, i, i, i);
  }
  const auto before = audit_entries();
  core::ImportOptions options;
  options.skip_invalid = true;
  std::string kept;
  options.keep_rejects = [&](std::istream& rejects) { kept.assign(std::istreambuf_iterator<char>(rejects), {}); };
  Failure failure;
  {
    FileSizeLimit limit(csv.size() + 4096);
    failure = attempt(m_fixture, [&] { import(csv, options); });
  }
  EXPECT_EQ(failure.kind, ErrorKind::storage) << failure.message;
  EXPECT_NE(failure.message.find("cannot write a temporary file in "), std::string::npos) << failure.message;
  EXPECT_NE(failure.message.find("File too large"), std::string::npos) << failure.message;
  EXPECT_EQ(kept, "");
  EXPECT_EQ(audit_entries(), before);
}

TEST_F(StagedImportTest, AnEndlessInputStopsAtTheFirstWriteThatFails)
{
  // Standard input that never ends: the copy must stop when the disk is full, not read on.
  class Endless final : public std::streambuf
  {
  protected:
    int_type underflow() override
    {
      std::fill(m_line.begin(), m_line.end(), 'y');
      setg(m_line.data(), m_line.data(), m_line.data() + m_line.size());
      return traits_type::to_int_type('y');
    }

  private:
    std::array<char, 4096> m_line{};
  } endless;
  std::istream in(&endless);
  core::ImportOptions options;
  options.source_name = "-";
  Failure failure;
  {
    FileSizeLimit limit(1 << 20);
    failure = attempt(m_fixture, [&] { core::import_proposals(session(), in, options); });
  }
  EXPECT_EQ(failure.kind, ErrorKind::storage) << failure.message;
  EXPECT_NE(failure.message.find("cannot write a temporary file in "), std::string::npos) << failure.message;
  EXPECT_NE(failure.message.find("File too large"), std::string::npos) << failure.message;
}

TEST_F(StagedImportTest, AnInputOverTheLimitIsRefusedBeforeAnythingIsChecked)
{
  core::ImportOptions options;
  const std::string csv = records(3);
  options.max_input_bytes = csv.size() - 1;
  try {
    import(csv, options);
    FAIL() << "an input over the limit was imported";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    EXPECT_EQ(error.message(), fmt::format("proposals.csv: the input holds more than {} bytes; split it into several "
                                           "files",
                                           csv.size() - 1));
  }
  options.max_input_bytes = csv.size();
  EXPECT_EQ(import(csv, options).inserted, 3u);
}

} // namespace
} // namespace cfp::test
