// SPDX-License-Identifier: EUPL-1.2
// What cfp does when the disk fails under it. A test VFS (support/fault_vfs.hpp) first counts the
// writes, syncs and truncates of one command, then, on a fresh copy of the same file, fails the
// first, the second ... the last of them, one fault a run. Every run must end with exit 74, one
// `cfp: error:` line and nothing on stdout, and the file as it was before; or, when the fault
// came after the last commit had been synced (the checkpoint SQLite runs when the connection
// closes, whose errors sqlite3_close ignores), with exit 0 and everything done. A read command
// run next and PRAGMA integrity_check must find the file whole, and the same command run again
// on a sound disk must do the job.

#include "cli/cli_fixture.hpp"
#include "store/sqlite/migrations.hpp"
#include "support/fault_vfs.hpp"

#include <cfp/domain/time.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

constexpr int k_exit_storage = 74;
constexpr auto k_now = "2024-10-01T10:00:00Z";

// Beyond this many calls of one kind, faults are injected at the first and last ten and at
// evenly spaced calls between, to keep the file's run time to seconds.
constexpr std::uint64_t k_max_faults_per_kind = 150;

// A state the database may be left in, and what the read command prints on it.
struct State
{
  std::string name;
  std::string dump;
  CliResult read;
};

// The command under test and how to make its starting file.
struct Operation
{
  std::string name;
  std::vector<std::string> args;
  std::vector<std::string> read_args;  // a read command run afterwards, as the next user would
  std::function<void()> prepare;       // makes the starting file at the test's path
  std::vector<State> also_before = {}; // other states that count as "before"
};

// What injecting every fault into one operation found.
struct Tally
{
  std::map<IoCall, std::uint64_t> counted;
  std::uint64_t injected = 0;
  std::uint64_t failed_cleanly = 0;             // exit 74, the file as before or at an allowed state
  std::map<std::string, std::uint64_t> ignored; // exit 0: by call and file
  std::map<std::string, std::uint64_t> left_at; // the other "before" states that failed runs left
};

// The faults injected for `total` calls of one kind: all of them, or a sample that keeps the
// first and last ten.
std::vector<std::uint64_t> faults_for(std::uint64_t total)
{
  std::vector<std::uint64_t> chosen;
  if (total <= k_max_faults_per_kind) {
    for (std::uint64_t n = 1; n <= total; ++n) {
      chosen.push_back(n);
    }
    return chosen;
  }
  for (std::uint64_t n = 1; n <= 10; ++n) {
    chosen.push_back(n);
  }
  const std::uint64_t middle = k_max_faults_per_kind - 20;
  for (std::uint64_t i = 1; i <= middle; ++i) {
    const std::uint64_t n = 10 + i * (total - 20) / (middle + 1);
    if (n > chosen.back() && n <= total - 10) {
      chosen.push_back(n);
    }
  }
  for (std::uint64_t n = total - 9; n <= total; ++n) {
    if (n > chosen.back()) {
      chosen.push_back(n);
    }
  }
  return chosen;
}

// Whether text[at...] is an instant as the store writes it ("2024-10-01T10:00:00Z").
bool is_instant_at(const std::string& text, std::size_t at)
{
  static constexpr std::string_view k_shape = "0000-00-00T00:00:00Z";
  if (at + k_shape.size() > text.size()) {
    return false;
  }
  for (std::size_t i = 0; i < k_shape.size(); ++i) {
    const char c = text[at + i];
    if (k_shape[i] == '0' ? (c < '0' || c > '9') : c != k_shape[i]) {
      return false;
    }
  }
  return true;
}

bool is_hex_digit(char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

// `text` without what differs from one run to the next by design: instants of the machine's
// clock (cfp records the real time beside the simulated CFP_NOW), and SHA-256 values (the audit
// seals cover those instants). The times the rules use come from CFP_NOW and stay.
std::string without_clock(const std::string& text)
{
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::string earliest = domain::format_utc(now - std::chrono::hours(1));
  const std::string latest = domain::format_utc(now + std::chrono::hours(1));
  std::string result;
  result.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_instant_at(text, i)) {
      const std::string instant = text.substr(i, 20);
      result += instant >= earliest && instant <= latest ? "<clock>" : instant;
      i += 20;
    } else if (is_hex_digit(text[i])) {
      std::size_t end = i;
      while (end < text.size() && is_hex_digit(text[end])) {
        ++end;
      }
      result += end - i == 64 ? std::string("<sha-256>") : text.substr(i, end - i);
      i = end;
    } else {
      result += text[i++];
    }
  }
  return result;
}

// The database's content as compared between runs.
std::string content_of(const fs::path& db)
{
  return without_clock(dump_database(db));
}

// What a read command printed, as compared between runs.
CliResult read_with(const fs::path& db, const std::vector<std::string>& args)
{
  CliResult result = run_cli(db, args, k_now);
  result.out = without_clock(result.out);
  result.err = without_clock(result.err);
  return result;
}

// Removes the database and every file SQLite keeps beside it.
void remove_database(const fs::path& db)
{
  for (const auto* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(db.string() + suffix);
  }
}

// What PRAGMA integrity_check says of the file, through a read-write connection that first
// recovers a hot journal or a -wal as the next user would.
std::string integrity(const fs::path& db)
{
  try {
    SQLite::Database connection(db.string(), SQLite::OPEN_READWRITE);
    return connection.execAndGet("PRAGMA integrity_check").getString();
  } catch (const SQLite::Exception& error) {
    return std::string("cannot check: ") + error.what();
  }
}

// Applies the embedded migrations after the file's version up to `version`, each in its own
// transaction, to make files of older schema versions.
void migrate_by_hand(const fs::path& db, int version)
{
  SQLite::Database connection(db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  connection.exec("PRAGMA foreign_keys = ON");
  for (const auto& migration : store::sqlite::embedded_migrations()) {
    if (migration.version <= connection.execAndGet("PRAGMA user_version").getInt() || migration.version > version) {
      continue;
    }
    SQLite::Transaction transaction(connection, SQLite::TransactionBehavior::IMMEDIATE);
    connection.exec(migration.sql);
    connection.exec(fmt::format("PRAGMA application_id = {}", store::sqlite::k_application_id));
    connection.exec(fmt::format("PRAGMA user_version = {}", migration.version));
    transaction.commit();
  }
}

// A file as cfp wrote it at schema version 2: a call with a cut-off, a proposal with an earlier
// version, and the audit entries of all that and of an import.
void write_schema_two_file(const fs::path& db)
{
  migrate_by_hand(db, 2);
  SQLite::Database connection(db.string(), SQLite::OPEN_READWRITE);
  connection.exec(R"sql(
INSERT INTO call (id, code, title, created_at) VALUES (1, 'CALL-A', 'A', '2024-09-01T09:00:00Z');
INSERT INTO cutoff (id, call_id, label, closes_at, wall_time, zone) VALUES
  (1, 1, '2024-11-04', '2024-11-04T16:00:00Z', '2024-11-04T17:00:00', 'Europe/Brussels');
INSERT INTO proposal (id, call_id, acronym, title, host, entity, plan, experimental_platform,
  eu_contribution_cents, national_contribution_cents, status, cutoff_id, submitted_at, version,
  created_at, updated_at, updated_by)
VALUES (7, 1, 'P-1', 'Second title', 'ES', 'E', 'new', 0, 0, 0, 'submitted', 1, '2024-10-02T10:00:00Z', 2,
  '2024-10-01T10:00:00Z', '2024-10-02T10:00:00Z', 'bob');
INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot) VALUES
  (7, 1, '2024-10-01T10:00:00Z', 'alice',
   '{"id":7,"call":"CALL-A","acronym":"P-1","title":"First title","host":"ES","partners":[],"entity":"E","plan":"new","experimental_platform":false,"eu_contribution_eur":"0.00","national_contribution_eur":"0.00","sectors":[],"status":"submitted","cutoff":"2024-11-04","cutoff_closes_at":"2024-11-04T16:00:00Z","submitted_at":"2024-10-01T10:00:00Z","version":1,"withdrawal_reason":null}');
INSERT INTO audit (id, at, actor, command, entity, action, proposal_id, before, after) VALUES
  (1, '2024-09-01T09:00:00Z', 'alice', 'cfp call add CALL-A', 'call CALL-A', 'add', NULL, NULL, '{"code":"CALL-A"}'),
  (2, '2024-09-01T09:01:00Z', 'alice', 'cfp deadline add', 'cutoff CALL-A/2024-11-04', 'add', NULL, NULL, '{}'),
  (5, '2024-10-01T10:00:00Z', 'alice', 'cfp proposal add', 'proposal CALL-A/P-1', 'add', 7, NULL, '{"version":1}'),
  (6, '2024-10-02T10:00:00Z', 'bob', 'cfp proposal update', 'proposal CALL-A/P-1', 'update', 7, '{"version":1}',
   '{"version":2}'),
  (8, '2024-10-03T10:00:00Z', 'carol', 'cfp import proposals f.csv', 'import proposals f.csv', 'import', NULL,
   NULL, '{"file":"f.csv"}');
)sql");
}

// The calls of the fault-free run after which a fault can no longer undo the operation: those
// after the sync of the -wal that follows its last commit frame. Empty when nothing committed
// through the -wal.
std::optional<std::size_t> last_commit_sync(const std::vector<IoCallRecord>& calls)
{
  std::optional<std::size_t> commit;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (calls[i].commit_frame) {
      commit = i;
    }
  }
  if (!commit) {
    return std::nullopt;
  }
  for (std::size_t i = *commit + 1; i < calls.size(); ++i) {
    if (calls[i].call == IoCall::sync && calls[i].role == FileRole::wal) {
      return i;
    }
  }
  return std::nullopt;
}

// The index of the first call on the -wal, or the number of calls when there is none.
std::size_t first_wal_call(const std::vector<IoCallRecord>& calls)
{
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (calls[i].role == FileRole::wal) {
      return i;
    }
  }
  return calls.size();
}

class FaultInjectionTest : public CliTest
{
protected:
  // CliTest's database, with both calls and two proposals, kept as the start of every run.
  void keep_fixture_as_start()
  {
    ASSERT_FALSE(fs::exists(m_db.string() + "-wal")) << "a connection is still open on the fixture";
    fs::copy_file(m_db, m_start, fs::copy_options::overwrite_existing);
  }

  // Puts the kept start back in place of the database and its -wal and -shm.
  void restore_start()
  {
    remove_database(m_db);
    fs::copy_file(m_start, m_db);
  }

  // The state `prepare` leaves the file in.
  State state_of(const std::string& name, const Operation& operation, const std::function<void()>& prepare)
  {
    remove_database(m_db);
    prepare();
    State state{name, content_of(m_db), read_with(m_db, operation.read_args)};
    remove_database(m_db);
    return state;
  }

  // Runs `operation` once counting, then once for each call of each kind in `codes`, with that
  // call failed with its code; checks each run and the file it leaves. Returns what was found.
  Tally inject_every_fault(const Operation& operation, const std::map<IoCall, int>& codes)
  {
    Tally tally;
    const State before = state_of("before", operation, operation.prepare);

    operation.prepare();
    m_vfs.count_only();
    const CliResult clean = run_cli(m_db, operation.args, k_now);
    m_vfs.stop();
    const std::vector<IoCallRecord> baseline = m_vfs.calls();
    EXPECT_EQ(clean.exit_code, 0) << clean.err;
    State after{"after", content_of(m_db), read_with(m_db, operation.read_args)};
    EXPECT_EQ(after.read.exit_code, 0) << after.read.err;
    EXPECT_NE(after.dump, before.dump) << operation.name << " changed nothing";
    remove_database(m_db);
    const auto durable_from = last_commit_sync(baseline);

    std::vector<const State*> allowed_after_error{&before};
    for (const auto& state : operation.also_before) {
      allowed_after_error.push_back(&state);
    }

    for (const auto call : {IoCall::write, IoCall::sync, IoCall::truncate}) {
      tally.counted[call] = 0;
    }
    for (const auto& record : baseline) {
      ++tally.counted[record.call];
    }
    for (const auto& [call, code] : codes) {
      std::map<std::uint64_t, std::size_t> index_of_nth;
      for (std::size_t i = 0; i < baseline.size(); ++i) {
        if (baseline[i].call == call) {
          index_of_nth[baseline[i].nth] = i;
        }
      }
      for (const std::uint64_t nth : faults_for(tally.counted[call])) {
        const IoCallRecord& planned = baseline[index_of_nth.at(nth)];
        const bool after_commit = durable_from && index_of_nth.at(nth) > *durable_from;
        // Before the first write to the -wal, the file is being switched to WAL in rollback
        // mode: SQLite hides some failures there, and the store checks the header and switches
        // again; success is then honest.
        const bool in_wal_switch = index_of_nth.at(nth) < first_wal_call(baseline);
        SCOPED_TRACE(fmt::format("{}: fault at {} ({}, code {})", operation.name, describe(planned),
                                 after_commit ? "after the last commit was synced" : "before the commit was durable",
                                 code));
        operation.prepare();
        m_vfs.fail(call, nth, code);
        const CliResult run = run_cli(m_db, operation.args, k_now);
        m_vfs.stop();
        const auto injected = m_vfs.injected();
        if (!injected) {
          ADD_FAILURE() << "the call to fail was never made";
          continue;
        }
        ++tally.injected;
        EXPECT_EQ(injected->role, planned.role) << "the run took another path than the counting run";

        // What the next user finds: a read command first, then a full check of the file.
        const CliResult read = read_with(m_db, operation.read_args);
        EXPECT_EQ(integrity(m_db), "ok");
        const std::string dump = content_of(m_db);

        if (run.exit_code == 0) {
          tally.ignored[fmt::format("{} of the {}", name_of(call), name_of(injected->role))]++;
          EXPECT_TRUE(after_commit || in_wal_switch)
              << "cfp reported success, yet a call before its last commit was synced failed";
          EXPECT_EQ(without_clock(run.out), without_clock(clean.out));
          EXPECT_EQ(without_clock(run.err), without_clock(clean.err));
          EXPECT_EQ(dump, after.dump) << "exit 0 but the operation is not complete";
          EXPECT_EQ(read.exit_code, after.read.exit_code) << read.err;
          EXPECT_EQ(read.out, after.read.out);
        } else {
          EXPECT_FALSE(after_commit) << "the operation had committed, yet cfp reported a failure";
          EXPECT_EQ(run.exit_code, k_exit_storage) << run.err;
          EXPECT_EQ(run.out, "") << "a failed write command printed on stdout";
          EXPECT_EQ(run.err.rfind("cfp: error: cannot ", 0), 0u) << run.err;
          EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << "more than the error line: " << run.err;
          if (code == SQLITE_FULL) {
            EXPECT_NE(run.err.find("is full"), std::string::npos) << run.err;
          }
          const State* found = nullptr;
          for (const State* state : allowed_after_error) {
            if (state->dump == dump) {
              found = state;
            }
          }
          if (found == nullptr) {
            ADD_FAILURE() << (dump == after.dump
                                  ? "exit " + std::to_string(run.exit_code) + " but the operation was done"
                                  : std::string("the file is neither before nor after: partial state"))
                          << "\nstderr: " << run.err;
          } else {
            ++tally.failed_cleanly;
            if (found != &before) {
              tally.left_at[found->name]++;
            }
            EXPECT_EQ(read.exit_code, found->read.exit_code) << read.err;
            EXPECT_EQ(read.out, found->read.out);
            EXPECT_EQ(read.err, found->read.err);
          }
          // Nothing stands in the way of trying again: on a sound disk the command does its job.
          const CliResult again = run_cli(m_db, operation.args, k_now);
          EXPECT_EQ(again.exit_code, 0) << again.err;
          EXPECT_EQ(without_clock(again.out), without_clock(clean.out));
          EXPECT_EQ(content_of(m_db), after.dump);
        }
        remove_database(m_db);
      }
    }
    report(operation.name, tally);
    return tally;
  }

  // Prints the figures of one operation: they are what this test measures.
  static void report(const std::string& name, const Tally& tally)
  {
    std::string line = fmt::format("[ faults   ] {}: counted {} writes, {} syncs, {} truncates; {} faults injected: "
                                   "{} exit 74 with the file as before",
                                   name, tally.counted.at(IoCall::write), tally.counted.at(IoCall::sync),
                                   tally.counted.at(IoCall::truncate), tally.injected, tally.failed_cleanly);
    for (const auto& [state, count] : tally.left_at) {
      line += fmt::format(" ({} of them leaving {})", count, state);
    }
    for (const auto& [what, count] : tally.ignored) {
      line += fmt::format("; {} exit 0 after a failed {}", count, what);
    }
    std::cout << line << '\n';
    ::testing::Test::RecordProperty("faults_injected", std::to_string(tally.injected));
  }

  // Syncs are counted and failed but the ones let through skip the disk: no run cuts the power,
  // and real fsyncs would make the hundreds of runs take a minute on a disk.
  FaultVfs m_vfs{Syncs::skipped};
  fs::path m_start = m_dir / "start.db";
};

TEST(FaultInjectionVfsTest, OnlyTheArmedCallFailsWithTheCodeGivenAndEveryCallIsCounted)
{
  TempDir dir;
  FaultVfs vfs(Syncs::skipped);
  SQLite::Database db((dir / "t.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = DELETE");
  db.exec("CREATE TABLE t (x)");

  vfs.count_only();
  db.exec("INSERT INTO t VALUES (1)");
  vfs.stop();
  const auto writes = vfs.count(IoCall::write);
  ASSERT_GT(writes, 1u);
  EXPECT_GT(vfs.count(IoCall::sync), 0u);
  EXPECT_EQ(vfs.calls().front().role, FileRole::main_journal);

  vfs.fail(IoCall::write, writes, SQLITE_IOERR_WRITE);
  try {
    db.exec("INSERT INTO t VALUES (2)");
    ADD_FAILURE() << "the last write did not fail";
  } catch (const SQLite::Exception& error) {
    EXPECT_EQ(error.getExtendedErrorCode(), SQLITE_IOERR_WRITE) << error.what();
  }
  vfs.stop();
  ASSERT_TRUE(vfs.injected().has_value());
  EXPECT_EQ(vfs.injected()->nth, writes);
  EXPECT_EQ(vfs.injected()->role, FileRole::main_db);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM t").getInt(), 1) << "the failed insert was kept";
  db.exec("INSERT INTO t VALUES (3)");
  EXPECT_EQ(db.execAndGet("SELECT group_concat(x) FROM t").getString(), "1,3");
}

const std::map<IoCall, int> k_io_errors{
    {IoCall::write, SQLITE_IOERR_WRITE}, {IoCall::sync, SQLITE_IOERR_FSYNC}, {IoCall::truncate, SQLITE_IOERR_TRUNCATE}};

// A proposals file of 20 records: 18 new ones in both calls, and new titles for the fixture's two.
fs::path write_import_file(const fs::path& path)
{
  std::ofstream out(path, std::ios::binary);
  out << "call,acronym,title,host,partners,entity,sectors,eu_contribution_eur\n";
  for (int i = 1; i <= 18; ++i) {
    out << (i % 2 == 0 ? k_call : k_other_call) << ",IMP-" << i << ",Imported AI Factory " << i
        << ",FI,SE;NO;DK,Centre " << i << ",health;climate,1M\n";
  }
  out << k_call << ",BSC-AIF,BSC AI Factory (imported),ES,PT;RO;TR,Barcelona Supercomputing Center,health,31M\n";
  out << k_call << ",MIMER,MIMER AI Factory (imported),SE,,Linköping University,manufacturing,0\n";
  return path;
}

TEST_F(FaultInjectionTest, AFailedImportOfTwentyRecordsExits74AndLeavesTheFileAsBefore)
{
  keep_fixture_as_start();
  const auto file = write_import_file(m_dir / "proposals.csv");
  const Operation import{"import proposals (20 records)",
                         {"import", "proposals", file.string()},
                         {"export", "proposals", "--format", "csv"},
                         [this] { restore_start(); }};
  const auto tally = inject_every_fault(import, k_io_errors);
  EXPECT_GT(tally.injected, 0u);
  // A full disk is reported as such.
  const auto full =
      inject_every_fault({"import proposals (20 records), disk full", import.args, import.read_args, import.prepare},
                         {{IoCall::write, SQLITE_FULL}});
  EXPECT_GT(full.injected, 0u);
}

TEST_F(FaultInjectionTest, AFailedProposalUpdateExits74AndLeavesTheProposalAsBefore)
{
  keep_fixture_as_start();
  const Operation update{"proposal update",
                         {"proposal", "update", "BSC-AIF", "--title", "BSC AI Factory, second edition"},
                         {"export", "proposals", "--format", "csv"},
                         [this] { restore_start(); }};
  EXPECT_GT(inject_every_fault(update, k_io_errors).injected, 0u);
}

// `db init` on the file `write_start` makes, then `db status` to see what it left.
Operation init_of(const std::string& name, const fs::path& db, const std::function<void(const fs::path&)>& write_start)
{
  return {name, {"db", "init"}, {"db", "status", "--format", "json"}, [db, write_start] {
            remove_database(db);
            write_start(db);
          }};
}

TEST_F(FaultInjectionTest, AFailedInitOfANewFileExits74AndLeavesNoSchema)
{
  // The store creates the empty file before SQLite opens it: a failed init may leave that.
  Operation init = init_of("db init (new file)", m_db, [](const fs::path&) {});
  init.also_before.push_back(state_of("an empty file", init, [this] { std::ofstream(m_db).flush(); }));
  EXPECT_GT(inject_every_fault(init, k_io_errors).injected, 0u);
}

TEST_F(FaultInjectionTest, AFailedMigrationOfASchemaTwoFileExits74AndLeavesItAtSchemaTwo)
{
  const Operation init = init_of("db init (migration from schema 2)", m_db, write_schema_two_file);
  EXPECT_GT(inject_every_fault(init, k_io_errors).injected, 0u);
  // A full disk during a migration is the file's condition (74), not a broken migration (70).
  Operation full = init;
  full.name += ", disk full";
  EXPECT_GT(inject_every_fault(full, {{IoCall::write, SQLITE_FULL}}).injected, 0u);
}

} // namespace
} // namespace cfp::test
