// SPDX-License-Identifier: EUPL-1.2
// Many processes starting on a database that does not exist yet: one creates and migrates it
// under the write lock, the others find it done; none fails.

#include "support/support.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

namespace cfp::test {
namespace {

// Runs `count` copies of `command` (a bash command line in which $i is the copy's number, $0
// the cfp binary and $1 the database) at once; returns each copy's exit status, sorted, and
// what they all printed on stderr.
std::pair<std::vector<int>, std::string> run_at_once(int count, const std::string& command,
                                                     const std::filesystem::path& database, const TempDir& dir)
{
  const auto errors = dir / "stderr";
  const std::string script = "for i in $(seq 1 " + std::to_string(count) + "); do (" + command +
                             " >/dev/null 2>>\"$2\"; echo $?) & done; wait";
  const auto result =
    run_process({"/bin/bash", "-c", script, CFP_BINARY, database.string(), errors.string()},
                {"CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z", "CFP_BUSY_TIMEOUT_MS=30000"});
  std::vector<int> statuses;
  std::istringstream lines(result.out);
  for (int status = 0; lines >> status;) {
    statuses.push_back(status);
  }
  std::sort(statuses.begin(), statuses.end());
  std::ifstream in(errors);
  return {statuses, std::string(std::istreambuf_iterator<char>(in), {})};
}

TEST(FirstUseTest, SixteenWritersOnANewFileAllSucceed)
{
  TempDir dir;
  const auto path = dir / "new" / "cfp.db";
  const auto [statuses, errors] =
    run_at_once(16, "\"$0\" --db \"$1\" call add \"C-$i\" --title \"Call $i\"", path, dir);
  EXPECT_EQ(statuses, std::vector<int>(16, 0)) << errors;
  EXPECT_EQ(errors.find("cfp: error"), std::string::npos) << errors;
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM call").getInt(), 16);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM audit").getInt(), 16 * 4) << "a call and its three criteria each";
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM criterion").getInt(), 16 * 3);
}

TEST(FirstUseTest, OfEightInitsOfANewFileOneCreatesItAndTheOthersFindItUpToDate)
{
  TempDir dir;
  const auto path = dir / "cfp.db";
  const auto outcomes = dir / "outcomes";
  const auto [statuses, errors] =
    run_at_once(8, "\"$0\" --db \"$1\" --format csv db init | tail -n 1 >>\"$1.outcomes\"; (exit ${PIPESTATUS[0]})", path,
                dir);
  EXPECT_EQ(statuses, std::vector<int>(8, 0)) << errors;
  std::ifstream in(path.string() + ".outcomes");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line.substr(line.rfind(',') + 1));
  }
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "created\r"), 1) << ::testing::PrintToString(lines);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "up to date\r"), 7) << ::testing::PrintToString(lines);
}

} // namespace
} // namespace cfp::test
