// SPDX-License-Identifier: EUPL-1.2
// The long lists go through the real program a row at a time: over a database of many scored
// proposals (written by SQL straight into the file: the import would take minutes in a debug
// build), `rank`, `report html`, `proposal list`, `log`, `score list` and `expert conflicts`
// print every row, right, and no cfp process needs more memory at its peak than a bound that
// holding the rows would break many times over (support/memory.hpp; not checked under a
// sanitizer). tests/bench/speed_benchmark.sh prints the same figures for a release build.

#include "support/memory.hpp"
#include "support/support.hpp"

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

// Enough that rows held would break the bound (a proposal held took some 4 KiB in a ranking or
// the dashboard, 3 KiB in score list, 0.6 KiB in expert conflicts), few enough for a debug build.
constexpr int k_proposals = 50000;
constexpr long k_peak_rss_limit_kib = 32 * 1024;
constexpr auto k_now = "2024-11-10T00:00:00Z";

// The proposals, all submitted to the cut-off of 2024-11-04 and hosted by DE, each scored by Ella
// (FI) on the three criteria; Hans (DE) has a conflict with every one; an audit entry each.
constexpr const char* k_generate[] = {
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
    "INSERT INTO proposal (call_id, acronym, title, host, entity, plan, experimental_platform, eu_contribution_cents, "
    "national_contribution_cents, status, cutoff_id, submitted_at, version, created_at, updated_at, updated_by) "
    "SELECT k.call_id, printf('P%07d', i), printf('Proposal number %d', i), 'DE', 'Entity ' || (i % 1000), 'new', 0, "
    "(i % 97 + 1) * 10000000, 0, 'submitted', k.id, printf('2024-10-%02dT10:00:00Z', i % 28 + 1), 1, "
    "'2024-10-01T10:00:00Z', '2024-10-01T10:00:00Z', 'tester' FROM n, cutoff k WHERE k.label = '2024-11-04'",
    "INSERT INTO evaluation (proposal_id, cutoff_id, expert_id, comment, version, recorded_at, recorded_real_at, "
    "recorded_simulated, recorded_by) SELECT p.id, p.cutoff_id, e.id, NULL, 1, '2024-11-05T10:00:00Z', "
    "'2024-11-05T10:00:00Z', 0, 'tester' FROM proposal p, expert e WHERE e.name = 'Ella'",
    // Half points 5 to 10: some proposals below a threshold, many ties.
    "INSERT INTO score (evaluation_id, criterion_id, score) SELECT v.id, k.id, 5 + (v.proposal_id * 7 + k.position * 3) "
    "% 6 FROM evaluation v JOIN proposal p ON p.id = v.proposal_id JOIN criterion k ON k.call_id = p.call_id",
    "INSERT INTO audit (at, actor, command, entity, action, subject_kind, subject_id, before, after, real_at, simulated) "
    "SELECT '2024-10-01T10:00:00Z', 'tester', 'cfp proposal add', 'proposal C-1/' || acronym, 'add', 'proposal', id, "
    "NULL, '{}', '2024-10-01T10:00:00Z', 0 FROM proposal",
};

std::string read_file(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    lines.push_back(line);
  }
  return lines;
}

std::size_t count_of(const std::string& text, const std::string& what)
{
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) {
    ++count;
  }
  return count;
}

class ListingMemoryTest : public ::testing::Test
{
protected:
  // One database for every test: it takes a while to write.
  static void SetUpTestSuite()
  {
    s_dir = new TempDir;
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"call", "add", "C-1", "--title", "AI Factories", "--budget", "100M"},
             {"deadline", "add", "C-1", "2024-11-04"},
             {"expert", "add", "Ella", "--state", "FI"},
             {"expert", "add", "Hans", "--state", "DE"}}) {
      const auto result = run_binary(args, env("2024-10-01T10:00:00Z"));
      ASSERT_EQ(result.exit_code, 0) << result.err;
    }
    SQLite::Database db(db_path().string(), SQLite::OPEN_READWRITE);
    db.exec("BEGIN");
    for (const char* sql : k_generate) {
      SQLite::Statement statement(db, sql);
      if (statement.getBindParameterCount() > 0) {
        statement.bind(1, k_proposals);
      }
      statement.exec();
    }
    db.exec("COMMIT");
  }

  static void TearDownTestSuite()
  {
    delete s_dir;
    s_dir = nullptr;
  }

  static fs::path db_path() { return *s_dir / "cfp.db"; }

  static std::vector<std::string> env(const std::string& now = k_now)
  {
    return {"CFP_DB=" + db_path().string(), "CFP_USER=tester", "CFP_NOW=" + now, "PATH=/usr/bin:/bin",
            "TMPDIR=" + s_dir->path().string()};
  }

  // cfp with `args`, its standard output in a file, and that output.
  static std::pair<Measured, std::string> cfp(const std::vector<std::string>& args)
  {
    std::vector<std::string> argv{CFP_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto out = *s_dir / "out.txt";
    {
      std::ofstream created(out);
    }
    auto measured = run_measured(argv, env(), StdoutTo{out});
    EXPECT_EQ(measured.result.exit_code, 0) << measured.result.err;
    return {measured, read_file(out)};
  }

  // Prints the peak and checks it, unless a sanitizer inflates it.
  static void expect_small(const std::string& what, const Measured& measured)
  {
    std::cout << "[          ] peak RSS of " << what << ": "
              << fmt::format("{:.1f}", static_cast<double>(measured.peak_rss_kib) / 1024) << " MiB\n";
    EXPECT_GT(measured.peak_rss_kib, 0) << what << ": ended before its memory was read";
    if (k_memory_unchecked != nullptr) {
      GTEST_SKIP() << "the bound of " << k_peak_rss_limit_kib / 1024 << " MiB is not checked: "
                   << k_memory_unchecked;
    }
    EXPECT_LT(measured.peak_rss_kib, k_peak_rss_limit_kib) << what;
  }

  static inline TempDir* s_dir = nullptr;
};

TEST_F(ListingMemoryTest, RankListsEveryProposalInOrderHoldingNone)
{
  const auto [table, text] = cfp({"rank", "C-1", "--min-experts", "1"});
  const auto lines = lines_of(text);
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(k_proposals) + 1) << "a header and a line a proposal";
  EXPECT_NE(lines.at(1).find(" funded"), std::string::npos) << lines.at(1);
  // The ranks count up from 1 down the passing proposals; the rest have none.
  std::int64_t expected_rank = 1;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string first;
    std::istringstream(lines[i]) >> first;
    if (first.find_first_not_of("0123456789") != std::string::npos) {
      break; // an acronym: no rank
    }
    ASSERT_EQ(first, std::to_string(expected_rank++)) << lines[i];
  }
  EXPECT_GT(expected_rank, 1000);
  EXPECT_NE(table.result.err.find(fmt::format("{} proposals of C-1", k_proposals)), std::string::npos)
      << table.result.err;
  expect_small("rank", table);
}

TEST_F(ListingMemoryTest, TheDashboardWritesEveryProposalHoldingNone)
{
  const auto page = *s_dir / "dashboard.html";
  const auto [measured, out] = cfp({"report", "html", "--out", page.string()});
  const auto html = read_file(page);
  EXPECT_EQ(count_of(html, "data-key=\"C-1 P"), static_cast<std::size_t>(k_proposals)) << "the proposals' table";
  EXPECT_EQ(count_of(html, "<tr class=\"row\" data-key=\"P"), static_cast<std::size_t>(k_proposals))
      << "the ranking's table";
  EXPECT_NE(measured.result.err.find(fmt::format("{} proposals, 1 ranking", k_proposals)), std::string::npos)
      << measured.result.err;
  expect_small("report html", measured);
}

TEST_F(ListingMemoryTest, ProposalListLogScoreListAndConflictsHoldNoRow)
{
  const auto [list, proposals] = cfp({"proposal", "list"});
  EXPECT_EQ(lines_of(proposals).size(), static_cast<std::size_t>(k_proposals) + 1);
  const auto [log, entries] = cfp({"log", "--limit", std::to_string(k_proposals * 2)});
  EXPECT_GE(lines_of(entries).size(), static_cast<std::size_t>(k_proposals) + 1);
  const auto [scores, rows] = cfp({"score", "list", "--call", "C-1"});
  EXPECT_EQ(lines_of(rows).size(), static_cast<std::size_t>(k_proposals) * 3 + 1) << "a line a criterion";
  const auto [conflicts, listed] = cfp({"expert", "conflicts"});
  EXPECT_EQ(lines_of(listed).size(), static_cast<std::size_t>(k_proposals) + 1) << "Hans: DE hosts every one";
  expect_small("proposal list", list);
  expect_small("log", log);
  expect_small("score list", scores);
  expect_small("expert conflicts", conflicts);
}

} // namespace
} // namespace cfp::test
