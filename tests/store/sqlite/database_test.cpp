// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "support/support.hpp"

#include <cfp/error.hpp>
#include <cfp/store/database.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <string>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;
using store::Access;
using store::Database;

std::unique_ptr<Database> open(const fs::path& path, Access access)
{
  return Database::open(path.string(), {access});
}

SQLite::Database& connection_of(Database& database)
{
  return dynamic_cast<store::sqlite::SqliteDatabase&>(database).connection();
}

int schema_version_of(Database& database)
{
  return database.read("read the schema version",
                       [](const store::Transaction& tx) { return tx.info().schema_version; });
}

int latest_schema_version()
{
  return store::sqlite::embedded_migrations().back().version;
}

// Opens `path` and returns the error it throws, failing the test when it opens.
Error open_error(const fs::path& path, Access access)
{
  try {
    open(path, access);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "opening " << path << " succeeded";
  return Error(ErrorKind::internal, "no error");
}

void write_text_file(const fs::path& path, const std::string& text)
{
  std::ofstream out(path, std::ios::binary);
  out << text;
}

bool contains(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

// A cfp file stopped at schema version 1, as an older cfp would have left it.
void create_version_one_file(const fs::path& path)
{
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const auto& first = store::sqlite::embedded_migrations().front();
  ASSERT_EQ(first.version, 1);
  db.exec(first.sql);
  db.exec(fmt::format("PRAGMA application_id = {}", store::sqlite::k_application_id));
  db.exec("PRAGMA user_version = 1");
}

TEST(DatabaseTest, FreshFileIsMigratedToTheLatestSchema)
{
  TempDir dir;
  const auto database = open(dir / "cfp.db", Access::read_write);
  auto& db = connection_of(*database);

  EXPECT_GE(latest_schema_version(), 2);
  EXPECT_EQ(latest_schema_version(), store::sqlite::embedded_migrations().back().version);
  EXPECT_EQ(schema_version_of(*database), latest_schema_version());
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), latest_schema_version());
  EXPECT_EQ(db.execAndGet("PRAGMA application_id").getInt(), store::sqlite::k_application_id);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(db.execAndGet("PRAGMA foreign_keys").getInt(), 1);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM state").getInt(), 38);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sector").getInt(), 11);

  const auto& report = database->migration_report();
  EXPECT_TRUE(report.created);
  EXPECT_EQ(report.from_version, 0);
  EXPECT_EQ(report.to_version, latest_schema_version());
}

TEST(DatabaseTest, ApplicationIdSpellsCfp1)
{
  EXPECT_EQ(store::sqlite::k_application_id, 0x43465031);
}

TEST(DatabaseTest, NewFileIsPrivateAndItsParentFoldersAreCreated)
{
  TempDir dir;
  const auto path = dir / "a" / "b" / "cfp.db";
  open(path, Access::read_write);

  ASSERT_TRUE(fs::exists(path));
  const auto perms = fs::status(path).permissions();
  EXPECT_EQ(perms & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(fs::status(dir / "a" / "b").permissions() & (fs::perms::group_all | fs::perms::others_all),
            fs::perms::none);
}

TEST(DatabaseTest, ReopeningIsIdempotent)
{
  TempDir dir;
  const auto path = dir / "cfp.db";
  open(path, Access::read_write);
  const auto before = dump_database(path);

  const auto again = open(path, Access::read_write);
  const auto& report = again->migration_report();
  EXPECT_FALSE(report.created);
  EXPECT_EQ(report.from_version, latest_schema_version());
  EXPECT_EQ(report.to_version, latest_schema_version());
  EXPECT_EQ(schema_version_of(*again), latest_schema_version());
  EXPECT_EQ(dump_database(path), before);
}

TEST(DatabaseTest, OlderSchemaIsMigratedOnReadWriteOpen)
{
  TempDir dir;
  const auto path = dir / "cfp.db";
  create_version_one_file(path);

  const auto database = open(path, Access::read_write);
  const auto& report = database->migration_report();
  EXPECT_FALSE(report.created);
  EXPECT_EQ(report.from_version, 1);
  EXPECT_EQ(report.to_version, latest_schema_version());
  EXPECT_EQ(connection_of(*database).execAndGet("SELECT count(*) FROM state").getInt(), 38);
}

TEST(DatabaseTest, NewerSchemaIsRefused)
{
  TempDir dir;
  const auto path = dir / "cfp.db";
  open(path, Access::read_write);
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec(fmt::format("PRAGMA user_version = {}", latest_schema_version() + 1));
  }
  const auto before = dump_database(path);

  for (const auto access : {Access::read_write, Access::read_only}) {
    const auto error = open_error(path, access);
    EXPECT_EQ(error.kind(), ErrorKind::storage);
    EXPECT_TRUE(contains(error.what(), "newer")) << error.what();
  }
  EXPECT_EQ(dump_database(path), before);
}

TEST(DatabaseTest, TextFileIsRefusedAsStorageError)
{
  TempDir dir;
  const auto path = dir / "notes.txt";
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "Call for proposals: remember to check the cut-off dates. ";
  }
  write_text_file(path, text);

  for (const auto access : {Access::read_write, Access::read_only}) {
    const auto error = open_error(path, access);
    EXPECT_EQ(error.kind(), ErrorKind::storage);
    EXPECT_TRUE(contains(error.what(), "not a cfp database")) << error.what();
  }
  std::ifstream in(path, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), text);
}

TEST(DatabaseTest, SqliteFileOfAnotherProgramIsRefused)
{
  TempDir dir;
  const auto path = dir / "other.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE bookmarks (url TEXT)");
    db.exec("INSERT INTO bookmarks VALUES ('https://eurohpc-ju.europa.eu')");
  }
  const auto before = dump_database(path);

  for (const auto access : {Access::read_write, Access::read_only}) {
    const auto error = open_error(path, access);
    EXPECT_EQ(error.kind(), ErrorKind::storage);
    EXPECT_TRUE(contains(error.what(), "another program")) << error.what();
  }
  EXPECT_EQ(dump_database(path), before);
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA application_id").getInt(), 0);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "delete");
}

TEST(DatabaseTest, ReadOnlyOpenOfAMissingFileIsRefusedAndCreatesNothing)
{
  TempDir dir;
  const auto path = dir / "sub" / "cfp.db";
  const auto error = open_error(path, Access::read_only);
  EXPECT_EQ(error.kind(), ErrorKind::storage);
  EXPECT_TRUE(contains(error.what(), "no database")) << error.what();
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(dir / "sub"));
}

TEST(DatabaseTest, ReadOnlyOpenOfAnOutdatedSchemaIsRefusedAndChangesNothing)
{
  TempDir dir;
  const auto path = dir / "cfp.db";
  create_version_one_file(path);
  const auto before = dump_database(path);

  const auto error = open_error(path, Access::read_only);
  EXPECT_EQ(error.kind(), ErrorKind::storage);
  EXPECT_TRUE(contains(error.what(), "older")) << error.what();
  EXPECT_EQ(dump_database(path), before);
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 1);
}

TEST(DatabaseTest, ReadOnlyOpenOfAnEmptyFileIsRefusedAndLeavesItEmpty)
{
  TempDir dir;
  const auto path = dir / "cfp.db";
  write_text_file(path, "");

  const auto error = open_error(path, Access::read_only);
  EXPECT_EQ(error.kind(), ErrorKind::storage);
  EXPECT_EQ(fs::file_size(path), 0u);
}

TEST(DatabaseTest, ReadOnlyOpenOfACurrentFileNeverMigratesNorWrites)
{
  TempDir dir;
  const auto path = dir / "cfp.db";
  open(path, Access::read_write);
  const auto before = dump_database(path);

  const auto database = open(path, Access::read_only);
  EXPECT_EQ(database->options().access, Access::read_only);
  EXPECT_EQ(schema_version_of(*database), latest_schema_version());
  EXPECT_FALSE(database->migration_report().created);
  EXPECT_EQ(connection_of(*database).execAndGet("PRAGMA foreign_keys").getInt(), 1);
  try {
    database->write("change something", [](store::Transaction&) {});
    ADD_FAILURE() << "a read-only database accepted a write";
  } catch (const Error& error) {
    // A read-only command that writes is a bug of cfp, not of the user.
    EXPECT_EQ(error.kind(), ErrorKind::internal);
  }
  EXPECT_EQ(dump_database(path), before);
}

TEST(DatabaseTest, WriteRollsBackWhenTheWorkThrows)
{
  DatabaseFixture fixture;
  const auto before = dump_database(fixture.path());
  try {
    fixture.database().write("record a call", [&](store::Transaction&) {
      fixture.connection().exec("INSERT INTO call (code, title, created_at) VALUES ('X', 'X', '2024-10-01T10:00:00Z')");
      throw Error(ErrorKind::refused, "changed my mind");
    });
    ADD_FAILURE() << "write did not throw";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::refused);
    EXPECT_STREQ(error.what(), "changed my mind");
  }
  EXPECT_EQ(dump_database(fixture.path()), before);
}

TEST(DatabaseTest, ConstraintFailureInWriteBecomesRefusedWithContext)
{
  DatabaseFixture fixture;
  try {
    fixture.database().write("record call X", [&](store::Transaction&) {
      fixture.connection().exec(
          "INSERT INTO call (code, title, created_at) VALUES ('BAD CODE', 'X', '2024-10-01T10:00:00Z')");
    });
    ADD_FAILURE() << "write did not throw";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::refused);
    EXPECT_TRUE(std::string(error.what()).starts_with("cannot record call X")) << error.what();
  }
}

TEST(DatabaseTest, WriteThrowsBusyWhenAnotherWriterHoldsTheLockPastTheTimeout)
{
  DatabaseFixture fixture;
  // A short wait keeps the test fast; the time is an option of the store.
  const auto timeout = std::chrono::milliseconds(300);
  const auto database = Database::open(fixture.path().string(), {Access::read_write, timeout});
  SQLite::Database other(fixture.path().string(), SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");

  const auto start = std::chrono::steady_clock::now();
  try {
    database->write("record call X", [](store::Transaction&) {});
    ADD_FAILURE() << "write succeeded while another connection held the write lock";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::busy) << error.what();
    EXPECT_TRUE(contains(error.what(), "locked")) << error.what();
  }
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, timeout - std::chrono::milliseconds(50));
  other.exec("ROLLBACK");
}

} // namespace
} // namespace cfp::test
