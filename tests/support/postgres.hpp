// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The PostgreSQL server of a test run: scripts/with-postgres.sh starts a throwaway cluster and
// names it in CFP_TEST_POSTGRES; each test makes its own database in it and drops it after.

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace cfp::test {

/// The connection string of the test server, or nullopt when none was started.
std::optional<std::string> test_server();

/// Whether a test that needs the server must fail rather than skip without it
/// (CFP_REQUIRE_POSTGRES=1, which scripts/with-postgres.sh sets).
bool server_required();

/// A new, empty database on the test server, dropped (with any session still on it) when this
/// goes.
class ScratchPgDatabase
{
public:
  ScratchPgDatabase();
  ~ScratchPgDatabase();
  ScratchPgDatabase(const ScratchPgDatabase&) = delete;
  ScratchPgDatabase& operator=(const ScratchPgDatabase&) = delete;

  /// The database as --db takes it: "pg:host=... user=... dbname=...".
  const std::string& location() const { return m_location; }
  /// The libpq connection string of the database, for a second connection.
  const std::string& conninfo() const { return m_conninfo; }
  const std::string& name() const { return m_name; }

  /// Runs `sql` as the server's superuser on this database; returns the first column of the
  /// first row ("" when there is none). Fails the test when the server refuses it.
  std::string query(const std::string& sql) const;
  /// The same as the login role `role` (the superuser when empty), returning the server's
  /// refusal, SQLSTATE first ("" when it ran).
  std::string refusal(const std::string& sql, const std::string& role = "") const;

private:
  std::string m_name;
  std::string m_conninfo;
  std::string m_location;
};

/// A test that needs the server: skipped without one, or failed when the run requires it.
class PgTest : public ::testing::Test
{
protected:
  void SetUp() override
  {
    if (!test_server()) {
      if (server_required()) {
        FAIL() << "CFP_REQUIRE_POSTGRES is set but CFP_TEST_POSTGRES names no server";
      }
      GTEST_SKIP() << "no PostgreSQL server for the tests: run them through scripts/with-postgres.sh";
    }
  }
};

} // namespace cfp::test
