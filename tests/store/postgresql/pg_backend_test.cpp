// SPDX-License-Identifier: EUPL-1.2
// The PostgreSQL backend through the command line, on a database of the run's throwaway server
// (scripts/with-postgres.sh): the same commands give the same output as on a file, the server's
// clock is "now", a simulated one only in a sandbox, and what is not a cfp database is refused.

#include "support/postgres.hpp"
#include "support/support.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>

namespace cfp::test {
namespace {

using json = nlohmann::json;

constexpr char k_now[] = "2024-10-01T10:00:00Z";

// The commands of an official setting up a call, each with its output.
const std::vector<std::vector<std::string>> k_setup{
    {"call", "add", "EUROHPC-2024-CEI-AI-01", "--title", "AI Factories", "--budget", "400000000", "--opens",
     "2024-09-10"},
    {"deadline", "add", "EUROHPC-2024-CEI-AI-01", "2024-11-04", "--label", "first"},
    {"deadline", "add", "EUROHPC-2024-CEI-AI-01", "2025-02-01", "--label", "second"},
    {"call", "add", "eurohpc-2025-other", "--title", "Another call"},
    {"deadline", "add", "EUROHPC-2025-OTHER", "2025-06-02 12:00", "--label", "only"},
    {"deadline", "update", "EUROHPC-2024-CEI-AI-01", "second", "--when", "2025-02-03"},
    {"criterion", "add", "eurohpc-2025-other", "ethics", "--name", "Ethics", "--weight", "0.5", "--position", "1"},
    {"criterion", "set", "EUROHPC-2025-OTHER", "impact", "--threshold", "3.5"},
    {"call", "update", "EUROHPC-2025-OTHER", "--budget", "1.5bn"},
    {"deadline", "remove", "EUROHPC-2025-OTHER", "only"},
};

// What each setup command and a few reads printed, with the real time of each audit entry
// (the machine's clock, recorded beside CFP_NOW) left out.
std::vector<std::string> outputs_on(const std::string& db)
{
  std::vector<std::string> outputs;
  auto commands = k_setup;
  for (const auto& read : std::vector<std::vector<std::string>>{
           {"call", "list", "--format", "json"},
           {"deadline", "list", "--format", "json"},
           {"deadline", "list", "--open", "--format", "csv"},
           {"criterion", "list", "EUROHPC-2025-OTHER", "--format", "json"},
           {"call", "list"},
           {"state", "list", "--format", "csv"},
           {"log", "--format", "json"},
           {"log", "--actor", "TESTER", "--action", "add", "--call", "eurohpc-2025-other", "--format", "json"},
           {"log", "--sort", "actor", "--since", "2024-10-01", "--limit", "3", "--format", "json"},
           {"log", "verify"},
       }) {
    commands.push_back(read);
  }
  for (const auto& command : commands) {
    const auto result = run_cli(db, command, k_now);
    EXPECT_EQ(result.exit_code, 0) << fmt::format("{}", fmt::join(command, " ")) << ": " << result.err;
    // The seals cover the real time too.
    const auto without_real_time =
        std::regex_replace(result.out, std::regex(R"("real_at": *"[^"]*")"), "\"real_at\": \"\"");
    outputs.push_back(std::regex_replace(without_real_time, std::regex("last seal: *[0-9a-f]{64}"), "last seal:"));
  }
  return outputs;
}

class PgBackendTest : public PgTest
{
};

TEST_F(PgBackendTest, DbInitCreatesTheSchemaOnceAndThenFindsItUpToDate)
{
  ScratchPgDatabase db;
  const auto first = run_cli(db.location(), {"db", "init", "--format", "json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto created = json::parse(first.out);
  EXPECT_EQ(created.at("outcome"), "created");
  EXPECT_GE(created.at("schema_version").get<int>(), 1);
  EXPECT_EQ(created.at("path"),
            "postgresql://cfp_test@" + test_server()->substr(5, test_server()->find(' ') - 5) + "/" + db.name());
  const auto again = run_cli(db.location(), {"db", "init", "--format", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(json::parse(again.out).at("outcome"), "up to date");
  const auto status = run_cli(db.location(), {"db", "status", "--format", "json"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_EQ(json::parse(status.out).at("schema_version"), created.at("schema_version"));
  EXPECT_NE(db.query("SELECT count(*) FROM state"), "0") << "the participating states are seeded";
}

TEST_F(PgBackendTest, CallsCutoffsCriteriaAndTheLogReadTheSameAsOnAFile)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init", "--sandbox"}).exit_code, 0);
  TempDir dir;
  const auto on_file = outputs_on((dir / "cfp.db").string());
  const auto on_server = outputs_on(db.location());
  ASSERT_EQ(on_file.size(), on_server.size());
  for (std::size_t i = 0; i < on_file.size(); ++i) {
    EXPECT_EQ(on_server[i], on_file[i]) << "output " << i;
  }
  EXPECT_NE(on_server.back().find("intact"), std::string::npos) << on_server.back();
  // Every command on a sandbox says what it is, on stderr, whatever its output.
  const auto listed = run_cli(db.location(), {"call", "list", "--format", "json"});
  EXPECT_EQ(listed.err, "note: postgresql://cfp_test@" + test_server()->substr(5, test_server()->find(' ') - 5) + "/" +
                            db.name() + " is a test sandbox: what it holds are not real records\n");
}

TEST_F(PgBackendTest, CfpNowIsRefusedOutsideASandboxAndNothingIsWritten)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
  const auto result = run_cli(db.location(), {"call", "add", "C", "--title", "T"}, k_now);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("CFP_NOW cannot be used"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("db init --sandbox"), std::string::npos) << result.err;
  EXPECT_EQ(db.query("SELECT count(*) FROM call"), "0");
  EXPECT_EQ(db.query("SELECT count(*) FROM audit"), "0");
  // A sandbox is made only in a new database.
  const auto late = run_cli(db.location(), {"db", "init", "--sandbox"});
  EXPECT_EQ(late.exit_code, 1);
  EXPECT_NE(late.err.find("is not a test sandbox"), std::string::npos) << late.err;
  EXPECT_EQ(db.query("SELECT sandbox::text FROM cfp_meta"), "false");
}

TEST_F(PgBackendTest, TheServersClockStampsEveryRecord)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
  // Every change of the setup, stamped with the time of its own transaction (the server refuses
  // any other time outside a sandbox).
  for (const auto& command : k_setup) {
    const auto result = run_cli(db.location(), command);
    EXPECT_EQ(result.exit_code, 0) << fmt::format("{}", fmt::join(command, " ")) << ": " << result.err;
  }
  // Recorded with the server's now(), to the second, and not as simulated.
  EXPECT_EQ(db.query("SELECT bool_and(abs(extract(epoch FROM now() - at)) < 60 AND real_at = at AND NOT simulated)"
                     "::text FROM audit"),
            "true");
  EXPECT_EQ(db.query("SELECT (extract(epoch FROM created_at) = floor(extract(epoch FROM created_at)))::text FROM call"),
            "true");
}

TEST_F(PgBackendTest, DocumentsAreRefusedBeforeAnythingIsWritten)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init", "--sandbox"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"call", "add", "C", "--title", "T"}, k_now).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"deadline", "add", "C", "2024-11-04"}, k_now).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(),
                    {"proposal", "add", "--call", "C", "--acronym", "AIF", "--title", "T", "--host", "DE", "--entity",
                     "E", "--draft"},
                    k_now)
                .exit_code,
            0);
  TempDir dir;
  const auto pdf = (dir / "proposal.pdf").string();
  std::ofstream(pdf) << "%PDF-1.4\n%%EOF\n";
  const auto before = db.query("SELECT count(*) FROM audit");
  const auto result = run_cli(db.location(), {"proposal", "attach", "AIF", pdf, "--part", "part-b"}, k_now);
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("does not keep documents on a PostgreSQL database yet"), std::string::npos) << result.err;
  EXPECT_EQ(db.query("SELECT count(*) FROM audit"), before);
  EXPECT_EQ(db.query("SELECT count(*) FROM document_content"), "0");
}

TEST_F(PgBackendTest, ADatabaseOfAnotherProgramOrOfANewerCfpIsRefused)
{
  {
    ScratchPgDatabase db;
    db.query("CREATE TABLE invoices (id integer)");
    const auto result = run_cli(db.location(), {"db", "init"});
    EXPECT_EQ(result.exit_code, 74);
    EXPECT_NE(result.err.find("is not a cfp database"), std::string::npos) << result.err;
    EXPECT_EQ(db.query("SELECT (to_regclass('cfp_meta') IS NULL)::text"), "true");
  }
  {
    ScratchPgDatabase db;
    ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
    db.query("UPDATE cfp_meta SET schema_version = 999");
    const auto result = run_cli(db.location(), {"call", "list"});
    EXPECT_EQ(result.exit_code, 74);
    EXPECT_NE(result.err.find("newer than this cfp knows"), std::string::npos) << result.err;
  }
  {
    ScratchPgDatabase db;
    const auto result = run_cli(db.location(), {"call", "list"});
    EXPECT_EQ(result.exit_code, 74);
    EXPECT_NE(result.err.find("holds no cfp data yet; create it with 'cfp db init'"), std::string::npos) << result.err;
    EXPECT_EQ(db.query("SELECT (to_regclass('cfp_meta') IS NULL)::text"), "true") << "a read creates nothing";
  }
}

TEST_F(PgBackendTest, TheServerKeepsTheAuditLogAppendOnlyAndLogVerifyFindsATamperedEntry)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"call", "add", "C", "--title", "T"}).exit_code, 0);
  EXPECT_NE(db.refusal("UPDATE audit SET actor = 'someone else'"), "");
  EXPECT_NE(db.refusal("DELETE FROM audit"), "");
  EXPECT_NE(db.refusal("DELETE FROM audit_seal"), "");
  ASSERT_EQ(run_cli(db.location(), {"log", "verify"}).exit_code, 0);
  // Only an owner who switches the triggers off can change it; the seals show it, and db check
  // names the switched-off trigger.
  db.query("ALTER TABLE audit DISABLE TRIGGER USER");
  db.query("UPDATE audit SET actor = 'someone else' WHERE id = 1");
  const auto verify = run_cli(db.location(), {"log", "verify"});
  EXPECT_NE(verify.exit_code, 0) << verify.out;
  const auto check = run_cli(db.location(), {"db", "check"});
  EXPECT_NE(check.exit_code, 0);
  EXPECT_NE((check.out + check.err).find("is disabled"), std::string::npos) << check.out << check.err;
}

TEST_F(PgBackendTest, EachRoleMayDoItsWorkAndNoMore)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"call", "add", "C", "--title", "T"}).exit_code, 0);
  // Login roles of this database's people (roles belong to the whole cluster: named after it).
  const auto person = [&](const std::string& role) {
    const auto name = db.name() + "_" + role;
    db.query(fmt::format("CREATE ROLE {} LOGIN IN ROLE cfp_{}", name, role));
    db.query(fmt::format("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}", db.name(), name));
    return name;
  };
  const auto reader = person("reader");
  const auto evaluator = person("evaluator");
  const auto official = person("official");
  const auto admin = person("admin");
  const auto as = [&](const std::string& role) { return db.location() + " user=" + role; };

  const auto read = run_cli(as(reader), {"call", "list", "--format", "csv"});
  EXPECT_EQ(read.exit_code, 0) << read.err;
  EXPECT_NE(read.out.find("\nC,"), std::string::npos) << read.out;
  for (const auto& role : {reader, evaluator, official}) {
    const auto write = run_cli(as(role), {"call", "add", "D-" + role, "--title", "T"});
    EXPECT_EQ(write.exit_code, 1) << role << ": " << write.err;
    EXPECT_NE(write.err.find("the database role may not do this"), std::string::npos) << write.err;
  }
  EXPECT_EQ(db.query("SELECT count(*) FROM call"), "1");
  EXPECT_EQ(db.query("SELECT count(*) FROM audit"), "4");
  // The server refuses them whatever program asks.
  EXPECT_EQ(db.refusal("INSERT INTO audit (at, actor, command, entity, action, subject_kind) VALUES "
                       "(now(), 'x', 'x', 'x', 'x', 'import')",
                       reader)
                .substr(0, 5),
            "42501");
  EXPECT_EQ(db.refusal("UPDATE proposal SET title = 'changed'", evaluator).substr(0, 5), "42501");
  EXPECT_EQ(db.refusal("DELETE FROM proposal", evaluator).substr(0, 5), "42501");
  EXPECT_EQ(db.refusal("UPDATE score SET score = 10", official).substr(0, 5), "42501");
  EXPECT_EQ(db.refusal("UPDATE cutoff SET label = 'x'", official).substr(0, 5), "42501");
  EXPECT_EQ(db.refusal("UPDATE audit SET actor = 'x'", admin).substr(0, 5), "42501");
  EXPECT_EQ(db.refusal("UPDATE audit SET actor = 'x'").substr(0, 5), "23001") << "append-only for the owner too";
  const auto added = run_cli(as(admin), {"call", "add", "E", "--title", "T", "--as", "Anna Admin"});
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(db.query("SELECT count(*) FROM call"), "2");
  // The server records the login role beside the name given, and no role may give it.
  EXPECT_EQ(db.query("SELECT actor || ' / ' || db_role FROM audit ORDER BY id DESC LIMIT 1"), "Anna Admin / " + admin);
  EXPECT_EQ(db.query("SELECT db_role FROM audit ORDER BY id LIMIT 1"), "cfp_test");
  EXPECT_EQ(db.refusal("INSERT INTO audit (at, actor, command, entity, action, subject_kind, db_role)"
                       " VALUES (now(), 'x', 'x', 'x', 'x', 'import', 'someone else')",
                       official)
                .substr(0, 5),
            "42501");
}

TEST(PgLocationTest, APasswordInTheLocationIsRefusedAndNeverRepeated)
{
  TempDir dir;
  const auto input = (dir / "proposals.csv").string();
  std::ofstream(input) << "call,acronym\n";
  for (const std::string location :
       {"postgresql://official:s3cr3t@db.example/cfp", "pg:host=db.example password=s3cr3t",
        "postgres://official@db.example/cfp?password=s3cr3t", " PostgreSQL://u:s3cr3t@h/d"}) {
    // A dry run looks for a database file first: a server location is left to the store.
    for (const auto& command :
         std::vector<std::vector<std::string>>{{"call", "list"}, {"import", "proposals", input, "--dry-run"}}) {
      const auto result = run_cli(location, command);
      EXPECT_EQ(result.exit_code, 2) << location;
      EXPECT_NE(result.err.find("holds a password"), std::string::npos) << result.err;
      EXPECT_NE(result.err.find("~/.pgpass"), std::string::npos) << result.err;
      EXPECT_EQ((result.out + result.err).find("s3cr3t"), std::string::npos) << result.err;
    }
  }
}

TEST(PgLocationTest, AConnectionStringLibpqCannotReadOrAServerThatIsNotThereIsSaidPlainly)
{
  for (const std::string location :
       {"pg:", "pg:   ", "pg:host=h nonsense", "pg:host='unterminated", "postgresql://h:port/d"}) {
    const auto result = run_cli(location, {"call", "list"});
    EXPECT_EQ(result.exit_code, 2) << location << ": " << result.err;
    EXPECT_EQ(result.err.rfind("cfp: error: ", 0), 0u) << result.err;
  }
  const auto absent = run_cli("pg:host=/nonexistent/cfp-socket-folder dbname=cfp connect_timeout=2", {"call", "list"});
  EXPECT_EQ(absent.exit_code, 74) << absent.err;
  EXPECT_NE(absent.err.find("cannot connect to the database postgresql://"), std::string::npos) << absent.err;
}

} // namespace
} // namespace cfp::test
