// SPDX-License-Identifier: EUPL-1.2
// `cfp db backup` while another cfp process writes: an import of a few megabytes (one
// transaction) and then single additions. Every copy is whole, passes `db check`, and holds
// the database as it was at one moment: before the import, or after it and some additions.

#include "support/support.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <fstream>
#include <thread>

namespace cfp::test {
namespace {

constexpr int k_imported = 2000;
constexpr int k_added = 12;

TEST(BackupWhileWritingTest, EveryCopyIsOneMomentOfTheDatabaseAndPassesTheCheck)
{
  TempDir dir;
  const auto db = dir / "cfp.db";
  const std::vector<std::string> env{"CFP_DB=" + db.string(), "CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z",
                                     "PATH=/usr/bin:/bin"};
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"call", "add", "EUROHPC-2024-CEI-AI-01", "--title", "AI Factories"},
           {"deadline", "add", "EUROHPC-2024-CEI-AI-01", "2030-01-01"},
           {"proposal", "add", "--call", "EUROHPC-2024-CEI-AI-01", "--acronym", "FIRST", "--title", "First", "--host",
            "SE", "--entity", "E", "--eu-contribution", "0"}}) {
    const auto result = run_binary(args, env);
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  // Long titles make the file a few thousand pages, so that a copy takes many steps.
  const auto file = dir / "many.csv";
  {
    std::ofstream out(file, std::ios::binary);
    out << "call,acronym,title,host,entity,eu_contribution_eur\n";
    for (int i = 0; i < k_imported; ++i) {
      out << "EUROHPC-2024-CEI-AI-01,P" << i << ',' << std::string(1500, 'x') << i << ",FI,CSC,1M\n";
    }
  }

  std::atomic<bool> writing{true};
  std::vector<CliResult> writes;
  std::thread writer([&] {
    writes.push_back(run_binary({"import", "proposals", file.string(), "--quiet"}, env));
    for (int i = 0; i < k_added; ++i) {
      writes.push_back(
          run_binary({"proposal", "add", "--call", "EUROHPC-2024-CEI-AI-01", "--acronym", "ADDED" + std::to_string(i),
                      "--title", "Added", "--host", "ES", "--entity", "E", "--eu-contribution", "0"},
                     env));
    }
    writing = false;
  });
  std::vector<std::filesystem::path> copies;
  int restarts = 0;
  int during_writes = 0;
  while (writing) {
    const bool while_writing = writing;
    const auto copy = dir / ("copy" + std::to_string(copies.size()) + ".db");
    const auto result = run_cli(db, {"db", "backup", copy.string(), "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    restarts += nlohmann::json::parse(result.out).at("restarts").get<int>();
    during_writes += while_writing ? 1 : 0;
    copies.push_back(copy);
  }
  writer.join();
  for (const auto& write : writes) {
    ASSERT_EQ(write.exit_code, 0) << write.err;
  }
  EXPECT_GE(during_writes, 1);

  for (const auto& copy : copies) {
    const auto check = run_cli(copy, {"db", "check"});
    EXPECT_EQ(check.exit_code, 0) << copy << ": " << check.err << check.out;
    SQLite::Database opened(copy.string(), SQLite::OPEN_READONLY);
    const int proposals = opened.execAndGet("SELECT count(*) FROM proposal").getInt();
    EXPECT_TRUE(proposals == 1 || (proposals >= 1 + k_imported && proposals <= 1 + k_imported + k_added))
        << copy << " holds " << proposals << " proposals";
  }
  // Once the writers are done, a copy holds what the database holds.
  const auto final_copy = dir / "final.db";
  ASSERT_EQ(run_cli(db, {"db", "backup", final_copy.string()}).exit_code, 0);
  EXPECT_EQ(dump_database(final_copy), dump_database(db));
  // Figures for the reader of the test log, not goals.
  std::cout << "backups: " << copies.size() << ", " << during_writes << " while another process wrote, " << restarts
            << " restarts\n";
  RecordProperty("backups", static_cast<int>(copies.size()));
  RecordProperty("restarts", restarts);
}

} // namespace
} // namespace cfp::test
