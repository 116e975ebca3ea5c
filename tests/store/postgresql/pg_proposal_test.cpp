// SPDX-License-Identifier: EUPL-1.2
// Proposals on the PostgreSQL backend: the proposal commands, lists in every order, imports,
// exports and reports give the same output as on a file; the server stamps proposals with its
// own clock; a role that writes proposals cannot rewrite one behind the history's or the audit
// log's back; a long list is read a batch at a time.

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

struct Step
{
  std::vector<std::string> command;
  std::string now;
};

constexpr char k_call[] = "EUROHPC-2024-CEI-AI-01";

// An official's proposals through a call's two cut-offs: added, updated, submitted, withdrawn,
// resubmitted after the first cut-off closed, one draft deleted; then everything read back.
std::vector<Step> proposal_steps(const std::string& import_file)
{
  const std::string early = "2024-10-01T10:00:00Z";
  const std::string later = "2024-10-25T09:00:00Z";
  const std::string closed = "2024-11-10T09:00:00Z";
  const std::string alpha = std::string(k_call) + "/ALPHA-AIF";
  std::vector<Step> steps{
      {{"call", "add", k_call, "--title", "AI Factories", "--budget", "400000000", "--opens", "2024-09-10"}, early},
      {{"deadline", "add", k_call, "2024-11-04", "--label", "first"}, early},
      {{"deadline", "add", k_call, "2025-02-01", "--label", "Second"}, early},
      {{"call", "add", "eurohpc-2025-other", "--title", "Another call"}, early},
      {{"deadline", "add", "EUROHPC-2025-OTHER", "2025-06-02 12:00", "--label", "only"}, early},
      {{"proposal",
        "add",
        "--call",
        k_call,
        "--acronym",
        "ALPHA-AIF",
        "--title",
        "Alpha AI Factory",
        "--host",
        "at",
        "--partner",
        "si,HR",
        "--entity",
        "Alpha Centre",
        "--plan",
        "upgrade",
        "--eu-contribution",
        "120M",
        "--national-contribution",
        "120_000_000",
        "--sector",
        "space,health"},
       early},
      {{"proposal", "add", "--call", k_call, "--acronym", "beta-aif", "--title", "beta factory", "--host", "DE",
        "--entity", "Beta Institute", "--sector", "climate", "--draft"},
       early},
      {{"proposal", "add", "--call", k_call, "--acronym", "Gamma", "--title", "Gamma \"quoted\", with commas", "--host",
        "FR", "--partner", "DE", "--entity", "Gamma Lab", "--eu-contribution", "5M", "--experimental-platform"},
       early},
      {{"proposal", "add", "--call", "EUROHPC-2025-OTHER", "--acronym", "ALPHA-AIF", "--title", "Alpha elsewhere",
        "--host", "AT", "--entity", "Alpha Centre", "--eu-contribution", "1M"},
       early},
      {{"proposal", "add", "--call", k_call, "--acronym", "GONE", "--title", "A mistake", "--host", "PT", "--entity",
        "Nobody", "--draft"},
       early},
      {{"proposal", "update", std::string(k_call) + "/ALPHA-AIF", "--title", "Alpha AI Factory, second", "--partner",
        "CZ,SI", "--eu-contribution", "125.5M"},
       early},
      {{"proposal", "update", "BETA-AIF", "--eu-contribution", "3M", "--national-contribution", "0"}, early},
      {{"proposal", "submit", "beta-aif"}, early},
      {{"proposal", "delete", "GONE"}, early},
      {{"import", "proposals", import_file}, early},
      {{"proposal", "withdraw", "gamma", "--reason", "Hardware offer late.\nWe come back."}, later},
      {{"proposal", "resubmit", "GAMMA", "--eu-contribution", "6M"}, closed},
      // The first cut-off has closed: experts score its proposals, and the call is ranked.
      {{"expert", "add", "Piotr Nowak", "--state", "PL", "--organisation", "PSNC", "--email", "p@example.eu"}, closed},
      {{"expert", "add", "Émile Zola", "--state", "FR"}, closed},
      {{"expert", "add", "ANNA  schmidt", "--state", "DE"}, closed},
      {{"expert", "conflict", "anna schmidt", alpha, "--reason", "Former employer"}, closed},
      {{"score", "add", alpha, "excellence=4.5", "impact=4", "implementation=3.5", "--expert", "Piotr Nowak"}, closed},
      {{"score", "add", alpha, "excellence=4", "impact=4", "implementation=4", "--expert", "ÉMILE ZOLA", "--comment",
        "Strong, \"quoted\""},
       closed},
      {{"score", "add", "beta-aif", "excellence=3", "impact=3", "implementation=3", "--expert", "Piotr Nowak"}, closed},
      {{"score", "add", "beta-aif", "excellence=3.5", "impact=2.5", "implementation=3", "--expert", "piotr nowak",
        "--comment", "Second look"},
       closed},
      {{"score", "add", std::string(k_call) + "/DELTA", "excellence=2", "impact=2", "implementation=2", "--expert",
        "Émile Zola"},
       closed},
      {{"consensus", "set", alpha, "excellence=4.5", "impact=4", "implementation=4", "--comment", "Agreed"}, closed},
      {{"rank", k_call, "--cutoff", "first", "--budget", "130M", "--min-experts", "1", "--apply"}, closed},
  };
  const std::vector<std::vector<std::string>> reads{
      {"proposal", "list"},
      {"proposal", "list", "--format", "json"},
      {"proposal", "list", "--format", "csv", "--desc"},
      {"proposal", "list", "--state", "DE", "--format", "csv"},
      {"proposal", "list", "--host", "AT,FR", "--status", "submitted,withdrawn"},
      {"proposal", "list", "--cutoff", "SECOND", "--call", k_call, "--format", "csv"},
      {"proposal", "list", "--sector", "space,climate", "--limit", "2", "--format", "csv"},
      {"proposal", "list", "--outcome", "selected"},
      {"proposal", "show", std::string(k_call) + "/ALPHA-AIF", "--format", "json"},
      {"proposal", "show", "gamma"},
      {"proposal", "history", "GAMMA", "--format", "json"},
      {"proposal", "history", "beta-aif"},
      {"export", "proposals", "--format", "json"},
      {"export", "proposals", "--call", "EUROHPC-2025-OTHER"},
      {"report", "deadlines", "--all", "--format", "json"},
      {"report", "states", "--format", "json"},
      {"report", "states", "--call", k_call, "--cutoff", "first", "--format", "csv"},
      {"report", "calls", "--format", "json"},
      {"expert", "list", "--format", "json"},
      {"expert", "show", "piotr  NOWAK"},
      {"expert", "conflicts", "--format", "json"},
      {"score", "list", alpha, "--format", "json"},
      {"score", "list", "--call", k_call, "--format", "csv"},
      {"score", "list", "--call", k_call, "--sort", "spread", "--desc"},
      {"score", "summary", alpha},
      {"score", "history", "beta-aif", "--format", "json"},
      {"export", "scores", "--call", k_call},
      {"rank", k_call, "--cutoff", "first", "--format", "json"},
      {"rank", k_call, "--cutoff", "first", "--budget", "5M", "--min-experts", "2"},
      {"log", "--format", "json"},
      {"log", "--call", k_call, "--action", "withdraw", "--format", "json"},
      {"log", "verify"},
  };
  for (const auto& read : reads) {
    steps.push_back({read, closed});
  }
  // Every order, both ways.
  for (const std::string field :
       {"id", "call", "acronym", "title", "host", "partners", "entity", "plan", "experimental_platform",
        "eu_contribution_eur", "national_contribution_eur", "sectors", "status", "cutoff", "cutoff_closes_at",
        "submitted_at", "version", "withdrawal_reason", "outcome"}) {
    steps.push_back({{"proposal", "list", "--sort", field, "--format", "csv"}, closed});
    steps.push_back({{"proposal", "list", "--sort", field, "--desc", "--format", "csv"}, closed});
  }
  return steps;
}

// What each step printed and its exit status, with what differs by nature left out: the
// machine's real time and the seals that cover it, and the database's own name.
std::vector<std::string> outputs_on(const std::string& db, const std::vector<Step>& steps)
{
  std::vector<std::string> outputs;
  for (const auto& [command, now] : steps) {
    const auto result = run_cli(db, command, now);
    EXPECT_EQ(result.exit_code, 0) << fmt::format("{}", fmt::join(command, " ")) << ": " << result.err;
    auto out = std::regex_replace(result.out, std::regex(R"(("[a-z_]*real_at"): *"[^"]*")"), "$1: \"\"");
    out = std::regex_replace(out, std::regex("last seal: *[0-9a-f]{64}"), "last seal:");
    outputs.push_back(fmt::format("{}\n{}", fmt::join(command, " "), out));
  }
  return outputs;
}

std::string write_import(const TempDir& dir)
{
  const auto path = (dir / "proposals.csv").string();
  std::ofstream(path)
      << "call,acronym,title,host,entity,partners,plan,experimental_platform,eu_contribution_eur,"
         "national_contribution_eur,sectors,status\n"
      << k_call << ",DELTA,Delta from a file,IT,Delta Spa,ES;PT,new,false,7000000,,manufacturing,"
      << "submitted\n"
      << k_call << ",epsilon,Epsilon draft,ES,Epsilon SL,,none,true,,,,draft\n"
      << "EUROHPC-2025-OTHER,Delta,Delta again,IT,Delta Spa,,new,false,9.99,1,finance;space,submitted\n";
  return path;
}

class PgProposalTest : public PgTest
{
protected:
  // A login role of this database (named after it: roles belong to the whole cluster) in the
  // cfp role `group`, allowed to connect to it.
  static std::string person(const ScratchPgDatabase& db, const std::string& group)
  {
    const auto name = db.name() + "_" + group;
    db.query(fmt::format("CREATE ROLE {} LOGIN IN ROLE cfp_{}", name, group));
    db.query(fmt::format("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}", db.name(), name));
    return name;
  }
};

TEST_F(PgProposalTest, ProposalsAndScoresReadTheSameAsOnAFileInEveryListOrderReportAndExport)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init", "--sandbox"}).exit_code, 0);
  TempDir dir;
  const auto steps = proposal_steps(write_import(dir));
  const auto on_file = outputs_on((dir / "cfp.db").string(), steps);
  const auto on_server = outputs_on(db.location(), steps);
  ASSERT_EQ(on_file.size(), on_server.size());
  for (std::size_t i = 0; i < on_file.size(); ++i) {
    EXPECT_EQ(on_server[i], on_file[i]) << "step " << i;
  }
  // The steps did what they say, so that the comparison compares something.
  EXPECT_EQ(db.query("SELECT count(*) FROM proposal"), "7");
  EXPECT_EQ(db.query("SELECT count(*) FROM proposal_round"), "1");
  EXPECT_EQ(db.query("SELECT string_agg(acronym || ':' || status || ':' || version, ' ' ORDER BY id) FROM proposal"),
            "ALPHA-AIF:submitted:2 beta-aif:submitted:3 Gamma:submitted:3 ALPHA-AIF:submitted:1 DELTA:submitted:1 "
            "epsilon:draft:1 Delta:submitted:1");
  EXPECT_EQ(db.query("SELECT count(*) || ' ' || (SELECT count(*) FROM evaluation_version) || ' '"
                     " || (SELECT count(*) FROM consensus) FROM evaluation"),
            "4 1 3");
  EXPECT_EQ(db.query("SELECT string_agg(acronym || ':' || outcome, ' ' ORDER BY id) FROM proposal"
                     " WHERE outcome IS NOT NULL"),
            "ALPHA-AIF:selected beta-aif:rejected DELTA:rejected");
  EXPECT_NE(on_server[on_server.size() - 39].find("intact"), std::string::npos) << "log verify";
}

TEST_F(PgProposalTest, AFailedImportWritesNothingAndNamesTheLine)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init", "--sandbox"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"call", "add", k_call, "--title", "T"}, "2024-10-01T10:00:00Z").exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"deadline", "add", k_call, "2024-11-04"}, "2024-10-01T10:00:00Z").exit_code, 0);
  TempDir dir;
  const auto path = (dir / "proposals.csv").string();
  std::ofstream(path) << "call,acronym,title,host,entity,eu_contribution_eur\n"
                      << k_call << ",ONE,One,DE,E,1000\n"
                      << k_call << ",TWO,Two,DE,E,1000\n"
                      << k_call << ",one,One again,FR,E,1000\n";
  const auto before = db.query("SELECT count(*) FROM audit");
  const auto result = run_cli(db.location(), {"import", "proposals", path}, "2024-10-01T10:00:00Z");
  EXPECT_EQ(result.exit_code, 65) << result.err;
  EXPECT_NE(result.err.find(path + ":4"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("line 2"), std::string::npos) << "the line of the first: " << result.err;
  EXPECT_EQ(db.query("SELECT count(*) FROM proposal"), "0");
  EXPECT_EQ(db.query("SELECT count(*) FROM audit"), before);
}

TEST_F(PgProposalTest, TheServersClockRecordsAndSubmitsProposals)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"call", "add", "C", "--title", "T"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"deadline", "add", "C", "2099-11-04"}).exit_code, 0);
  const auto added = run_cli(db.location(), {"proposal", "add", "--call", "C", "--acronym", "AIF", "--title", "T",
                                             "--host", "DE", "--entity", "E", "--draft"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  ASSERT_EQ(run_cli(db.location(), {"proposal", "update", "AIF", "--eu-contribution", "1000"}).exit_code, 0);
  const auto submitted = run_cli(db.location(), {"proposal", "submit", "AIF"});
  ASSERT_EQ(submitted.exit_code, 0) << submitted.err;
  EXPECT_EQ(
      db.query("SELECT (abs(extract(epoch FROM now() - submitted_at)) < 60 AND submitted_at = updated_at"
               " AND updated_real_at = updated_at AND NOT updated_simulated AND version = 3)::text FROM proposal"),
      "true");
  EXPECT_EQ(db.query("SELECT bool_and(recorded_real_at = recorded_at AND NOT recorded_simulated)::text"
                     " FROM proposal_version"),
            "true");
  const auto history = run_cli(db.location(), {"proposal", "history", "AIF", "--format", "json"});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_EQ(json::parse(history.out).size(), 3U) << history.out;
}

TEST_F(PgProposalTest, AnOfficialCannotRewriteAProposalBehindTheHistoryOrTheLog)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"call", "add", "C", "--title", "T"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"deadline", "add", "C", "2099-11-04"}).exit_code, 0);
  const auto official = person(db, "official");
  const auto as_official = db.location() + " user=" + official;
  const auto added =
      run_cli(as_official, {"proposal", "add", "--call", "C", "--acronym", "AIF", "--title", "T", "--host", "DE",
                            "--partner", "FR", "--entity", "E", "--eu-contribution", "1000", "--as", "Olga Official"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(db.query("SELECT actor || ' / ' || db_role FROM audit ORDER BY id DESC LIMIT 1"),
            "Olga Official / " + official);
  const auto before = db.query("SELECT row(p.*)::text FROM proposal p");

  // Each of these, through psql or any program, is refused by the server (23001).
  for (const std::string sql : {
           // Backdated: submitted before the cut-off that has not closed, a month ago.
           "UPDATE proposal SET submitted_at = now() - interval '30 days', updated_at = now() - interval '30 days'",
           // Changed in place, no new version, nothing in the history.
           "UPDATE proposal SET title = 'changed'",
           // A new version without the old one in the history.
           "UPDATE proposal SET title = 'changed', version = 2, updated_at = date_trunc('second', now()),"
           " updated_real_at = date_trunc('second', now())",
           // A partner more, with the proposal left as it was.
           "INSERT INTO proposal_partner SELECT id, 'IT' FROM proposal",
           "DELETE FROM proposal_partner",
           // A history entry that is not the version being replaced.
           "INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot)"
           " SELECT id, 1, now() - interval '1 day', 'x', '{}' FROM proposal",
           // A new proposal stamped by the client's clock.
           "INSERT INTO proposal (call_id, acronym, title, host, entity, plan, experimental_platform,"
           " eu_contribution_cents, status, cutoff_id, submitted_at, version, created_at, updated_at)"
           " SELECT call_id, 'NEW', 't', 'DE', 'e', 'new', false, 1, 'submitted', cutoff_id, now() - interval '1 day', "
           "1,"
           " now() - interval '1 day', now() - interval '1 day' FROM proposal",
           // A proposal recorded properly but with no audit entry.
           "INSERT INTO proposal (id, call_id, acronym, title, host, entity, plan, experimental_platform, status,"
           " version, created_at, updated_at, updated_real_at)"
           " SELECT 99, call_id, 'NEW', 't', 'DE', 'e', 'new', false, 'draft', 1, date_trunc('second', now()),"
           " date_trunc('second', now()), date_trunc('second', now()) FROM proposal",
           // Even the outcome alone (the evaluation's decision, no new version) needs its entry
           // in the log: refused when the transaction commits.
           "UPDATE proposal SET outcome = 'selected'",
       }) {
    EXPECT_EQ(db.refusal(sql, official).substr(0, 5), "23001") << sql;
  }
  EXPECT_EQ(db.query("SELECT row(p.*)::text FROM proposal p"), before);
  EXPECT_EQ(db.query("SELECT count(*) FROM proposal_partner"), "1");
  // cfp's own changes pass.
  const auto updated = run_cli(as_official, {"proposal", "update", "AIF", "--partner", "IT"});
  EXPECT_EQ(updated.exit_code, 0) << updated.err;
  EXPECT_EQ(db.query("SELECT version || ' ' || (SELECT string_agg(state_code, ',') FROM proposal_partner)"
                     " FROM proposal"),
            "2 IT");
  EXPECT_EQ(run_cli(db.location(), {"log", "verify"}).exit_code, 0);
}

TEST_F(PgProposalTest, NoSessionOfAnOfficialDisarmsTheGuards)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"call", "add", "C", "--title", "T"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"deadline", "add", "C", "2099-11-04"}).exit_code, 0);
  const auto official = person(db, "official");
  ASSERT_EQ(run_cli(db.location() + " user=" + official,
                    {"proposal", "add", "--call", "C", "--acronym", "AIF", "--title", "T", "--host", "DE", "--partner",
                     "FR", "--entity", "E", "--eu-contribution", "1000"})
                .exit_code,
            0);
  const auto before = db.query("SELECT row(p.*)::text FROM proposal p");
  const auto entries = db.query("SELECT count(*) FROM audit");
  // An audit entry of the session's own, as a person with psql can write one.
  const std::string entry = "INSERT INTO audit (id, at, actor, command, entity, action, subject_kind, real_at)"
                            " SELECT max(id) + 1, date_trunc('second', now()), 'x', 'x', 'proposal C/AIF', 'update',"
                            " 'proposal', date_trunc('second', now()) FROM public.audit;";
  for (const std::string& sql : std::vector<std::string>{
           // Temporary tables that would stand in for cfp's inside the guards.
           "CREATE TEMPORARY TABLE cfp_meta AS SELECT true AS sandbox;"
           " UPDATE proposal SET submitted_at = now() - interval '30 days', updated_at = now() - interval '30 days';",
           "CREATE TEMPORARY TABLE cfp_meta AS SELECT true AS sandbox;"
           " INSERT INTO audit (id, at, actor, command, entity, action, subject_kind, real_at)"
           " SELECT max(id) + 1, '2001-01-01', 'x', 'x', 'x', 'x', 'import', '2001-01-01' FROM public.audit;",
           "CREATE TEMPORARY TABLE audit (id bigint, xmin_ int); UPDATE proposal SET outcome = NULL, title = 'x';",
           "CREATE TEMPORARY TABLE proposal AS SELECT * FROM public.proposal;"
           " INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot, recorded_real_at)"
           " SELECT id, 1, '2001-01-01', 'x', '{}', '2001-01-01' FROM public.proposal;",
           // A history entry with the right stamps and a content that does not read.
           "INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot, recorded_real_at)"
           " SELECT id, 1, updated_at, updated_by, '{}', updated_real_at FROM proposal;" +
               entry,
           // Back to a draft, which could then be deleted with its history.
           "UPDATE proposal SET status = 'draft', cutoff_id = NULL, submitted_at = NULL;" + entry,
           // A write that changes nothing, to change the partners beside it; an outcome, which is
           // the administrator's; another id.
           "UPDATE proposal SET title = title; INSERT INTO proposal_partner SELECT id, 'IT' FROM proposal;" + entry,
           "UPDATE proposal SET outcome = 'selected';" + entry,
           "UPDATE proposal SET outcome = 'selected', title = 'x';" + entry,
           "UPDATE proposal SET id = 77;" + entry,
       }) {
    EXPECT_EQ(db.refusal(sql, official).substr(0, 5), "23001") << sql;
  }
  EXPECT_EQ(db.refusal("INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot,"
                       " recorded_real_at) SELECT id, 1, updated_at, updated_by,"
                       " replace(replace(s, '\"title\":\"T\"', '\"title\":\"Forged\"'), 'x', 'x'), updated_real_at"
                       " FROM proposal, (SELECT '{\"id\":1,\"call\":\"C\",\"acronym\":\"AIF\",\"title\":\"T\"}' s) f;",
                       official)
                .substr(0, 5),
            "23001");
  EXPECT_EQ(db.query("SELECT row(p.*)::text FROM proposal p"), before);
  EXPECT_EQ(db.query("SELECT count(*) FROM audit"), entries);
  EXPECT_EQ(db.query("SELECT count(*) FROM proposal_version"), "0");
  // cfp's own change by the official passes, and its history entry is the replaced version.
  const auto updated = run_cli(db.location() + " user=" + official, {"proposal", "update", "AIF", "--title", "U"});
  EXPECT_EQ(updated.exit_code, 0) << updated.err;
  EXPECT_EQ(db.query("SELECT (snapshot::json->>'title') || ' ' || version FROM proposal_version"), "T 1");
}

TEST_F(PgProposalTest, ARoleThatMayNotMakeTemporaryTablesIsToldWhatItLacks)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"call", "add", "C", "--title", "T"}).exit_code, 0);
  const auto name = db.name() + "_official";
  db.query(fmt::format("CREATE ROLE {} LOGIN IN ROLE cfp_official", name));
  db.query(fmt::format("GRANT CONNECT ON DATABASE {} TO {}", db.name(), name));
  TempDir dir;
  const auto path = (dir / "proposals.csv").string();
  std::ofstream(path) << "call,acronym,title,host,entity,status\nC,ONE,One,DE,E,draft\n";
  for (const auto& command : std::vector<std::vector<std::string>>{{"import", "proposals", path, "--dry-run"},
                                                                   {"import", "proposals", path}}) {
    const auto result = run_cli(db.location() + " user=" + name, command);
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(result.err.find("may not create temporary tables"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("GRANT TEMPORARY ON DATABASE"), std::string::npos) << result.err;
  }
  EXPECT_EQ(db.query("SELECT count(*) FROM proposal"), "0");
}

TEST_F(PgProposalTest, ALongListIsReadABatchAtATimeInOrder)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_cli(db.location(), {"db", "init", "--sandbox"}).exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"call", "add", "C", "--title", "T"}, "2024-10-01T10:00:00Z").exit_code, 0);
  ASSERT_EQ(run_cli(db.location(), {"deadline", "add", "C", "2024-11-04"}, "2024-10-01T10:00:00Z").exit_code, 0);
  // 1,234 submissions (more than two batches of the cursor) with the audit entry the server asks
  // for.
  db.query("BEGIN;"
           " INSERT INTO proposal (call_id, acronym, title, host, entity, plan, experimental_platform, status, version,"
           "  eu_contribution_cents, cutoff_id, submitted_at, created_at, updated_at)"
           " SELECT 1, 'P' || lpad(n::text, 5, '0'), 'Title ' || n, 'DE', 'E', 'new', false, 'submitted', 1, 100, 1,"
           "  now(), now(), now()"
           " FROM generate_series(1, 1234) n;"
           " INSERT INTO audit (id, at, actor, command, entity, action, subject_kind, real_at)"
           " SELECT max(id) + 1, now(), 'test', 'test', 'proposal', 'add', 'proposal', now() FROM audit;"
           " COMMIT");
  const auto listed = run_cli(db.location(), {"proposal", "list", "--sort", "acronym", "--desc", "--format", "csv"},
                              "2024-10-02T10:00:00Z");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::vector<std::string> acronyms;
  std::istringstream lines(listed.out);
  std::string line;
  std::getline(lines, line); // the header
  while (std::getline(lines, line)) {
    acronyms.push_back(line.substr(line.find(',', line.find(',') + 1) + 1, 6));
  }
  ASSERT_EQ(acronyms.size(), 1234U);
  EXPECT_EQ(acronyms.front(), "P01234");
  EXPECT_EQ(acronyms[500], "P00734");
  EXPECT_EQ(acronyms.back(), "P00001");
  // A sort of more rows than a batch of the sorter (the conflicts the rules find between an
  // expert of the hosts' state and each proposal), by call and acronym.
  ASSERT_EQ(run_cli(db.location(), {"expert", "add", "Hans Huber", "--state", "DE"}, "2024-10-02T10:00:00Z").exit_code,
            0);
  const auto conflicts = run_cli(db.location(), {"expert", "conflicts", "--format", "csv"}, "2024-10-02T10:00:00Z");
  ASSERT_EQ(conflicts.exit_code, 0) << conflicts.err;
  EXPECT_EQ(std::count(conflicts.out.begin(), conflicts.out.end(), '\n'), 1235) << conflicts.out.substr(0, 300);
  EXPECT_LT(conflicts.out.find(",P00001,"), conflicts.out.find(",P01234,"));
  // The log, read through its cursor too: 1,200 entries more, newest first.
  db.query("INSERT INTO audit (id, at, actor, command, entity, action, subject_kind, real_at)"
           " SELECT (SELECT max(id) FROM audit) + n, now(), 'test', 'test', 'entry ' || n, 'note', 'import', now()"
           " FROM generate_series(1, 1200) n");
  const auto log = run_cli(db.location(), {"log", "--limit", "100000", "--format", "csv"}, "2024-10-02T10:00:00Z");
  ASSERT_EQ(log.exit_code, 0) << log.err;
  const auto entries = std::stol(db.query("SELECT count(*) FROM audit"));
  EXPECT_EQ(std::count(log.out.begin(), log.out.end(), '\n'), entries + 1);
  EXPECT_LT(log.out.find(",entry 1200,"), log.out.find(",entry 1,"));
  // A limit ends the reading early; the transaction is left usable for what follows.
  const auto limited =
      run_cli(db.location(), {"proposal", "list", "--limit", "3", "--format", "csv"}, "2024-10-02T10:00:00Z");
  ASSERT_EQ(limited.exit_code, 0) << limited.err;
  EXPECT_EQ(std::count(limited.out.begin(), limited.out.end(), '\n'), 4);
}

} // namespace
} // namespace cfp::test
