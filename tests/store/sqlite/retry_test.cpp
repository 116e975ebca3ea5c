// SPDX-License-Identifier: EUPL-1.2
// A write of the SQLite backend that meets SQLITE_BUSY halfway through its work is rolled back
// and run again from the start, within the retry time.

#include "support/support.hpp"

#include <cfp/store/call_repository.hpp>
#include <cfp/store/database.hpp>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace cfp::test {
namespace {

using namespace std::chrono_literals;

// A second file, other.db beside the database, whose write lock another connection holds (and
// has written under) until it commits or rolls back. The work reads it halfway through its
// transaction through a connection of its own, and so meets SQLITE_BUSY after having written.
class LockedOtherFile
{
public:
  explicit LockedOtherFile(const std::filesystem::path& database_path)
      : m_path(database_path.parent_path() / "other.db"), m_holder(create(m_path), SQLite::OPEN_READWRITE),
        m_reader(m_path.string(), SQLite::OPEN_READONLY, 50)
  {
    m_holder.exec("BEGIN EXCLUSIVE");
    m_holder.exec("INSERT INTO t VALUES (1)");
  }

  SQLite::Database& holder() { return m_holder; }

  /// Rows of the other file; throws SQLite's busy error while the holder keeps it locked.
  int rows() { return m_reader.execAndGet("SELECT count(*) FROM t").getInt(); }

private:
  static std::string create(const std::filesystem::path& path)
  {
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE t (x INTEGER)");
    return path.string();
  }

  std::filesystem::path m_path;
  SQLite::Database m_holder;
  SQLite::Database m_reader;
};

TEST(SqliteRetryTest, WorkThatMeetsABusyDatabaseHalfwayIsRolledBackAndRunAgainFromTheStart)
{
  DatabaseFixture fixture;
  const auto database = store::Database::open(fixture.path().string(), {store::Access::read_write, 50ms, 10s});
  // The work writes, then reads the other file, which is locked for its first 300 ms.
  LockedOtherFile other(fixture.path());
  std::thread releaser([&] {
    std::this_thread::sleep_for(300ms);
    other.holder().exec("COMMIT");
  });
  int runs = 0;
  const auto rows = database->write("record a call, then read the other file", [&](store::Transaction& tx) {
    ++runs;
    tx.calls().insert(
        [&] {
          domain::Call call;
          call.code = "C" + std::to_string(runs);
          call.title = "Attempt " + std::to_string(runs);
          return call;
        }(),
        utc("2024-10-01T10:00:00Z"));
    return other.rows();
  });
  releaser.join();

  EXPECT_EQ(rows, 1);
  EXPECT_GE(runs, 2) << "the work met the lock halfway and was run again";
  const auto calls = database->read("list", [](const store::Transaction& tx) { return tx.calls().list(); });
  ASSERT_EQ(calls.size(), 1u) << "the calls of the failed attempts were rolled back";
  EXPECT_EQ(calls.front().code, "C" + std::to_string(runs));
}

TEST(SqliteRetryTest, WithoutARetryTimeABusyDatabaseHalfwayIsABusyErrorAndNothingIsWritten)
{
  DatabaseFixture fixture;
  const auto database = store::Database::open(fixture.path().string(), {store::Access::read_write, 50ms});
  LockedOtherFile other(fixture.path());
  const auto before = dump_database(fixture.path());
  int runs = 0;
  try {
    database->write("record a call", [&](store::Transaction& tx) {
      ++runs;
      domain::Call call;
      call.code = "C1";
      call.title = "Call";
      tx.calls().insert(call, utc("2024-10-01T10:00:00Z"));
      other.rows();
    });
    ADD_FAILURE() << "the write succeeded";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::busy) << error.what();
    EXPECT_NE(std::string(error.what()).find("cannot record a call: "), std::string::npos) << error.what();
  }
  EXPECT_EQ(runs, 1);
  other.holder().exec("ROLLBACK");
  EXPECT_EQ(dump_database(fixture.path()), before);
}

} // namespace
} // namespace cfp::test
