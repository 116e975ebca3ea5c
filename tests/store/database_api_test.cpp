// SPDX-License-Identifier: EUPL-1.2
// The unit-of-work API of store::Database, whatever the backend: what write and read return,
// how a transaction ends, and how a write that meets another writer is run again. The lock
// is held by a real second connection to the same file.

#include "support/support.hpp"

#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/database.hpp>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace cfp::test {
namespace {

using namespace std::chrono_literals;
using store::Access;
using store::Database;

domain::Call call_named(const std::string& code)
{
  domain::Call call;
  call.code = code;
  call.title = "Call " + code;
  return call;
}

std::int64_t call_count(Database& database)
{
  return database.read("count", [](const store::Transaction& tx) { return tx.info().counts.calls; });
}

// Holds the write lock of the file at `path` from another connection until released.
class WriteLock
{
public:
  explicit WriteLock(const std::filesystem::path& path) : m_db(path.string(), SQLite::OPEN_READWRITE)
  {
    m_db.exec("BEGIN IMMEDIATE");
  }
  ~WriteLock() { release(); }

  void release()
  {
    if (m_held) {
      m_db.exec("ROLLBACK");
      m_held = false;
    }
  }

  // Releases the lock after `delay`, from another thread.
  std::thread release_after(std::chrono::milliseconds delay)
  {
    return std::thread([this, delay] {
      std::this_thread::sleep_for(delay);
      release();
    });
  }

private:
  SQLite::Database m_db;
  std::atomic<bool> m_held{true};
};

TEST(DatabaseApiTest, WriteReturnsWhatTheWorkReturnsAndCommits)
{
  DatabaseFixture fixture;
  const auto id = fixture.database().write("record a call", [](store::Transaction& tx) {
    return tx.calls().insert(call_named("C1"), utc("2024-10-01T10:00:00Z"));
  });
  EXPECT_GT(id, 0);
  const auto found =
      fixture.database().read("find", [](const store::Transaction& tx) { return tx.calls().find("C1"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
}

TEST(DatabaseApiTest, DiscardedChangesAreRolledBackYetTheWorkStillReturnsItsValue)
{
  DatabaseFixture fixture;
  const auto before = dump_database(fixture.path());
  const auto seen = fixture.database().write("try a call", [](store::Transaction& tx) {
    tx.calls().insert(call_named("C1"), utc("2024-10-01T10:00:00Z"));
    const bool visible_inside = tx.calls().find("C1").has_value();
    tx.discard_changes();
    return visible_inside;
  });
  EXPECT_TRUE(seen) << "a dry run sees its own changes";
  EXPECT_EQ(call_count(fixture.database()), 0);
  EXPECT_EQ(dump_database(fixture.path()), before);
}

TEST(DatabaseApiTest, ABusyWriteIsRunAgainOnceTheOtherWriterIsDone)
{
  DatabaseFixture fixture;
  const auto database =
      Database::open(fixture.path().string(), {Access::read_write, std::chrono::milliseconds(50), 10s});
  WriteLock lock(fixture.path());
  auto releaser = lock.release_after(300ms);
  const auto started = std::chrono::steady_clock::now();
  int runs = 0;
  database->write("record a call", [&](store::Transaction& tx) {
    ++runs;
    tx.calls().insert(call_named("C1"), utc("2024-10-01T10:00:00Z"));
  });
  releaser.join();
  EXPECT_GE(std::chrono::steady_clock::now() - started, 250ms);
  EXPECT_EQ(runs, 1) << "the lock was met at BEGIN, before the work ran";
  EXPECT_EQ(call_count(*database), 1);
}

TEST(DatabaseApiTest, ABusyWriteGivesUpWhenTheRetryTimeHasPassed)
{
  DatabaseFixture fixture;
  const auto database =
      Database::open(fixture.path().string(), {Access::read_write, std::chrono::milliseconds(50), 400ms});
  WriteLock lock(fixture.path());
  const auto started = std::chrono::steady_clock::now();
  try {
    database->write("record a call",
                    [](store::Transaction& tx) { tx.calls().insert(call_named("C1"), utc("2024-10-01T10:00:00Z")); });
    ADD_FAILURE() << "the write succeeded while another connection held the lock";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::busy);
    EXPECT_NE(std::string(error.what()).find("cannot record a call: the database"), std::string::npos) << error.what();
  }
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_GE(waited, 400ms);
  EXPECT_LT(waited, 5s);
}

TEST(DatabaseApiTest, WriteOnceIsNeverRunAgain)
{
  DatabaseFixture fixture;
  const auto database =
      Database::open(fixture.path().string(), {Access::read_write, std::chrono::milliseconds(50), 10s});
  WriteLock lock(fixture.path());
  const auto started = std::chrono::steady_clock::now();
  try {
    database->write_once("import", [](store::Transaction&) {});
    ADD_FAILURE() << "the write succeeded while another connection held the lock";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::busy);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s) << "write_once waited for the retry time";
}

TEST(DatabaseApiTest, AServerLocationWithAPasswordIsRefusedWithoutRepeatingIt)
{
  for (const std::string location : {"postgresql://alice:s3cret@db.example/cfp", "postgres://alice:s3cret@db/cfp",
                                     "pg:host=db password=s3cret dbname=cfp"}) {
    try {
      Database::open(location);
      ADD_FAILURE() << location << " was opened";
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::usage);
      EXPECT_NE(std::string(error.what()).find("holds a password"), std::string::npos) << error.what();
      EXPECT_EQ(std::string(error.what()).find("s3cret"), std::string::npos) << "the password was repeated";
    }
    EXPECT_FALSE(std::filesystem::exists(location)) << "a file was made for " << location;
  }
}

} // namespace
} // namespace cfp::test
