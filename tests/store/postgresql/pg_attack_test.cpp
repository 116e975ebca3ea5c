// SPDX-License-Identifier: EUPL-1.2
// What an attacker with a login role, or a careless connection string, could do to a server
// database, and what the server and cfp now refuse: entries forged into the audit log or
// numbered to block every later write, a lock held for ever, another team's database, a schema
// that shadows cfp's tables, a password hidden in a database name.

#include "store/postgresql/location.hpp"
#include "support/postgres.hpp"
#include "support/support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace cfp::test {
namespace {

class PgAttackTest : public PgTest
{
protected:
  // A login role of this database (named after it: roles belong to the whole cluster) in the
  // cfp role `group`, allowed to connect to it.
  std::string person(const ScratchPgDatabase& db, const std::string& group)
  {
    const auto name = db.name() + "_" + group;
    db.query(fmt::format("CREATE ROLE {} LOGIN IN ROLE cfp_{}", name, group));
    db.query(fmt::format("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}", db.name(), name));
    return name;
  }
  static std::string as(const ScratchPgDatabase& db, const std::string& role)
  {
    return db.location() + " user=" + role;
  }
};

TEST_F(PgAttackTest, NoRoleCanNumberForgeOrSealAnAuditEntryToBlockTheNextWrite)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
  const auto official = person(db, "official");
  const auto admin = person(db, "admin");
  ASSERT_EQ(run_cli(as(db, admin), {"call", "add", "C", "--title", "T"}).exit_code, 0);
  // A seal for the next entry, an entry numbered far ahead, an entry dated in the past.
  EXPECT_EQ(db.refusal("INSERT INTO audit_seal SELECT max(id) + 1, repeat('0', 64) FROM audit", official).substr(0, 5),
            "23001");
  EXPECT_EQ(db.refusal("INSERT INTO audit_related SELECT max(id) + 1, 'call', 1 FROM audit", official).substr(0, 5),
            "23001");
  EXPECT_EQ(db.refusal("INSERT INTO audit (id, at, actor, command, entity, action, subject_kind, real_at) VALUES"
                       " (9223372036854775807, now(), 'x', 'x', 'x', 'x', 'import', now())",
                       official)
                .substr(0, 5),
            "23001");
  EXPECT_EQ(db.refusal("INSERT INTO audit (id, at, actor, command, entity, action, subject_kind, real_at)"
                       " SELECT max(id) + 1, '2020-01-01', 'director-general', 'x', 'x', 'approve', 'import',"
                       " '2020-01-01' FROM audit",
                       official)
                .substr(0, 5),
            "23001");
  // Nothing they tried blocks the next write.
  const auto next = run_cli(as(db, admin), {"call", "add", "D", "--title", "T"});
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_EQ(run_cli(db.location(), {"log", "verify"}).exit_code, 0);
  // What they may still append carries the server's time and their own login role.
  EXPECT_EQ(db.refusal("INSERT INTO audit (id, at, actor, command, entity, action, subject_kind, real_at, db_role)"
                       " SELECT max(id) + 1, date_trunc('second', now()), 'director-general', 'x', 'x', 'approve',"
                       " 'import', date_trunc('second', now()), 'cfp_test' FROM audit",
                       official)
                .substr(0, 5),
            "42501")
      << "db_role is the server's to fill in";
  EXPECT_EQ(db.refusal("INSERT INTO audit (id, at, actor, command, entity, action, subject_kind, real_at)"
                       " SELECT max(id) + 1, date_trunc('second', now()), 'director-general', 'x', 'x', 'approve',"
                       " 'import', date_trunc('second', now()) FROM audit",
                       official),
            "");
  EXPECT_EQ(db.query("SELECT db_role FROM audit WHERE actor = 'director-general'"), official);
}

TEST_F(PgAttackTest, AWriteWaitsNoLongerThanWaitForALockHeldElsewhereEvenWithWaitZero)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
  BackgroundProcess holder(
      {"/usr/bin/psql", db.conninfo(), "-c", "BEGIN; LOCK TABLE write_lock IN EXCLUSIVE MODE; SELECT pg_sleep(30)"},
      {});
  for (int i = 0;
       i < 200 && db.query("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                           " WHERE c.relname = 'write_lock' AND l.granted AND l.mode = 'ExclusiveLock'") != "1";
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  for (const std::string wait : {"0", "1"}) {
    const auto start = std::chrono::steady_clock::now();
    const auto result = run_cli(db.location(), {"--wait", wait, "call", "add", "C" + wait, "--title", "T"});
    const auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(result.exit_code, 75) << result.err;
    EXPECT_LT(waited, std::chrono::seconds(std::stoi(wait) + 5)) << "--wait " << wait;
  }
  EXPECT_EQ(db.query("SELECT count(*) FROM call"), "0");
}

TEST_F(PgAttackTest, ARoleOfOneDatabaseCannotReachAnotherOfTheSameServer)
{
  ScratchPgDatabase ours;
  ScratchPgDatabase theirs;
  ASSERT_EQ(run_cli(ours.location(), {"db", "init"}).exit_code, 0);
  ASSERT_EQ(run_cli(theirs.location(), {"db", "init"}).exit_code, 0);
  const auto admin = person(ours, "admin");
  EXPECT_EQ(run_cli(as(ours, admin), {"call", "add", "C", "--title", "T"}).exit_code, 0);
  const auto elsewhere = run_cli(theirs.location() + " user=" + admin, {"call", "add", "C", "--title", "T"});
  EXPECT_EQ(elsewhere.exit_code, 74) << elsewhere.err;
  EXPECT_NE(elsewhere.err.find("permission denied for database"), std::string::npos) << elsewhere.err;
  EXPECT_EQ(theirs.query("SELECT count(*) FROM call"), "0");
}

TEST_F(PgAttackTest, ALoginRolesOwnSchemaDoesNotShadowCfpsTables)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"call", "add", "REAL", "--title", "T"}).exit_code, 0);
  const auto admin = person(db, "admin");
  db.query(fmt::format("CREATE SCHEMA AUTHORIZATION {0}; CREATE TABLE {0}.call (LIKE public.call INCLUDING ALL);"
                       " ALTER TABLE {0}.call OWNER TO {0}",
                       admin));
  const auto listed =
      run_cli(as(db, admin) + " options='-c search_path=" + admin + ",public'", {"call", "list", "--format", "csv"});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("\nREAL,"), std::string::npos) << listed.out;
  ASSERT_EQ(run_cli(as(db, admin), {"call", "add", "MINE", "--title", "T"}).exit_code, 0);
  EXPECT_EQ(db.query("SELECT count(*) FROM public.call"), "2");
  EXPECT_EQ(db.query(fmt::format("SELECT count(*) FROM {}.call", admin)), "0");
  EXPECT_EQ(db.query("SELECT count(*) FROM public.criterion"), "6");
}

TEST_F(PgAttackTest, CfpNowOnANewServerDatabaseMakesNothingSoThatItCanStillBecomeASandbox)
{
  ScratchPgDatabase db;
  const auto result = run_cli(db.location(), {"call", "add", "C", "--title", "T"}, "2024-10-01T10:00:00Z");
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("CFP_NOW cannot be used on a new server database"), std::string::npos) << result.err;
  EXPECT_EQ(db.query("SELECT (to_regclass('cfp_meta') IS NULL)::text"), "true");
  const auto sandbox = run_cli(db.location(), {"db", "init", "--sandbox"});
  EXPECT_EQ(sandbox.exit_code, 0) << sandbox.err;
  EXPECT_EQ(run_cli(db.location(), {"call", "add", "C", "--title", "T"}, "2024-10-01T10:00:00Z").exit_code, 0);
}

TEST_F(PgAttackTest, DbCheckNamesAGuardSwitchedToReplicaAndAMetaTableOfNoVersionIsRefused)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
  db.query("ALTER TABLE audit ENABLE REPLICA TRIGGER audit_is_append_only_delete");
  const auto check = run_cli(db.location(), {"db", "check"});
  EXPECT_NE(check.exit_code, 0);
  EXPECT_NE((check.out + check.err).find("audit_is_append_only_delete of audit is disabled"), std::string::npos)
      << check.out << check.err;
  db.query("UPDATE cfp_meta SET schema_version = -5");
  const auto opened = run_cli(db.location(), {"db", "init"});
  EXPECT_EQ(opened.exit_code, 74) << opened.err;
  EXPECT_NE(opened.err.find("gives schema version -5"), std::string::npos) << opened.err;
}

TEST_F(PgAttackTest, AFunctionOfAnotherProgramNamedLikeCfpsIsAnotherProgramsDatabase)
{
  ScratchPgDatabase db;
  db.query("CREATE FUNCTION nocase(value text) RETURNS text LANGUAGE sql IMMUTABLE RETURN upper(value)");
  const auto result = run_cli(db.location(), {"db", "init"});
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_NE(result.err.find("is not a cfp database (it holds another program's"), std::string::npos) << result.err;
  EXPECT_EQ(db.query("SELECT (to_regclass('cfp_meta') IS NULL)::text"), "true") << "the migration rolled back";
}

TEST(PgLocationAttackTest, APasswordInANestedDatabaseNameOrAKeysPassphraseIsRefused)
{
  for (const std::string location :
       {"pg:dbname='host=h password=s3cr3t'", "postgresql://h/?dbname=host%3Dh%20password%3Ds3cr3t",
        "pg:host=h dbname=postgresql://u:s3cr3t@h/d", "pg:host=h sslpassword=s3cr3t"}) {
    const auto result = run_cli(location, {"call", "list"});
    EXPECT_EQ(result.exit_code, 2) << location << ": " << result.err;
    EXPECT_NE(result.err.find("holds a password"), std::string::npos) << result.err;
    EXPECT_EQ((result.out + result.err).find("s3cr3t"), std::string::npos) << result.err;
  }
  const auto port = run_cli("postgresql://h:99999/d", {"call", "list"});
  EXPECT_EQ(port.exit_code, 2) << port.err;
  EXPECT_NE(port.err.find("is not a number from 1 to 65535"), std::string::npos) << port.err;
}

TEST(PgLocationAttackTest, AQuietNetworkIsNoticedUnlessTheLocationSaysOtherwise)
{
  const auto location = store::postgresql::parse_location("pg:host=db.example dbname=cfp");
  for (const auto* setting : {"connect_timeout=10", "tcp_user_timeout=30000", "keepalives_idle=10",
                              "keepalives_interval=5", "keepalives_count=3", "client_encoding=UTF8"}) {
    EXPECT_NE(location.conninfo.find(setting), std::string::npos) << location.conninfo;
  }
  EXPECT_EQ(location.shown, "postgresql://db.example/cfp");
  const auto own = store::postgresql::parse_location("postgresql://u@h:5433/d?keepalives_idle=60&connect_timeout=3");
  EXPECT_NE(own.conninfo.find("keepalives_idle='60'"), std::string::npos) << own.conninfo;
  EXPECT_EQ(own.conninfo.find("keepalives_idle=10"), std::string::npos) << own.conninfo;
  EXPECT_EQ(own.conninfo.find("connect_timeout=10"), std::string::npos) << own.conninfo;
  EXPECT_EQ(own.shown, "postgresql://u@h:5433/d");
  EXPECT_EQ(store::postgresql::parse_location("pg:service=cfp").shown, "postgresql://service:cfp/");
}

} // namespace
} // namespace cfp::test
