// SPDX-License-Identifier: EUPL-1.2
// A migration that the file's condition stops (here: no room to write, through a file-size
// limit on the real process) is a storage error, exit 74, and leaves the file as it was.

#include "support/support.hpp"

#include "store/sqlite/migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace cfp::test {
namespace {

// A schema-2 file with a call and `entries` audit entries of about 1 KiB each, so that
// rebuilding the audit table writes far more than the limit below.
void write_schema_two_file(const std::filesystem::path& path, int entries)
{
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  for (const auto& migration : store::sqlite::embedded_migrations()) {
    if (migration.version <= 2) {
      db.exec(migration.sql);
    }
  }
  db.exec(fmt::format("PRAGMA application_id = {}", store::sqlite::k_application_id));
  db.exec("PRAGMA user_version = 2");
  db.exec("INSERT INTO call (id, code, title, created_at) VALUES (1, 'CALL-A', 'A', '2024-09-01T09:00:00Z')");
  db.exec("BEGIN");
  SQLite::Statement insert(db, "INSERT INTO audit (at, actor, command, entity, action, after) VALUES "
                               "('2024-09-01T09:00:00Z', 'alice', 'cfp call add CALL-A', 'call CALL-A', 'add', ?1)");
  const std::string after = "{\"note\":\"" + std::string(1000, 'x') + "\"}";
  for (int i = 0; i < entries; ++i) {
    insert.bind(1, after);
    insert.exec();
    insert.reset();
  }
  db.exec("COMMIT");
}

TEST(MigrationFailureTest, NoRoomToWriteDuringAMigrationIsAStorageErrorAndTheFileStaysAsItWas)
{
  TempDir dir;
  const auto path = dir / "old.db";
  write_schema_two_file(path, 2000);
  const auto before = dump_database(path);
  ASSERT_GT(std::filesystem::file_size(path), 1'500'000u);

  // 512 KiB a file at most; SIGXFSZ ignored, so that a write past it fails with EFBIG.
  const auto result = run_process({"/bin/bash", "-c", "trap '' XFSZ; ulimit -f 512; exec \"$0\" --db \"$1\" db init",
                                   CFP_BINARY, path.string()},
                                  {"CFP_USER=tester", "PATH=/usr/bin:/bin"});
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("cfp: error: cannot migrate the database to schema version 3: "), std::string::npos)
    << result.err;
  EXPECT_EQ(dump_database(path), before);

  // Given room, the same file migrates.
  const auto again = run_binary({"--db", path.string(), "db", "init"}, {"CFP_USER=tester"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("migrated from version 2"), std::string::npos) << again.out;
}

} // namespace
} // namespace cfp::test
