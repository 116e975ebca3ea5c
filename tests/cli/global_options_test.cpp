// SPDX-License-Identifier: EUPL-1.2
#include "cli/cli_fixture.hpp"

#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

TEST(GlobalOptionsTest, GlobalOptionsMayStandBeforeOrAfterTheCommand)
{
  TempDir dir;
  const auto db = (dir / "x.db").string();
  const auto before = run_cli(dir / "unused.db", {"--db", db, "--format", "json", "db", "init"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  const auto after = run_cli(dir / "unused.db", {"db", "status", "--db", db, "--format", "json"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(nlohmann::json::parse(after.out)["path"], db);
  EXPECT_FALSE(std::filesystem::exists(dir / "unused.db"));
}

TEST(GlobalOptionsTest, VersionAndHelpSucceedOnStdout)
{
  TempDir dir;
  auto result = run_cli(dir / "cfp.db", {"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out.rfind("cfp ", 0), 0u);
  result = run_cli(dir / "cfp.db", {"proposal", "add", "--help", "--eu-contribution", "0"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("--experimental-platform"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "cfp.db"));
}

TEST(GlobalOptionsTest, DatabasePathComesFromCfpDbThenXdgDataHomeThenHome)
{
  TempDir dir;
  const auto run = [&](const std::vector<std::string>& env) {
    cli::Environment environment{{"CFP_USER", "tester"}};
    for (const auto& entry : env) {
      environment[entry.substr(0, entry.find('='))] = entry.substr(entry.find('=') + 1);
    }
    std::ostringstream out;
    std::ostringstream err;
    const int code = cli::run({"db", "init", "--format", "json"}, out, err, environment);
    EXPECT_EQ(code, 0) << err.str();
    return nlohmann::json::parse(out.str())["path"].get<std::string>();
  };
  const auto home = dir.path().string();
  EXPECT_EQ(run({"CFP_DB=" + home + "/a.db", "XDG_DATA_HOME=" + home + "/xdg", "HOME=" + home}), home + "/a.db");
  EXPECT_EQ(run({"XDG_DATA_HOME=" + home + "/xdg", "HOME=" + home}), home + "/xdg/cfp/cfp.db");
  EXPECT_EQ(run({"XDG_DATA_HOME=relative/path", "HOME=" + home}), home + "/.local/share/cfp/cfp.db");
  EXPECT_EQ(run({"XDG_DATA_HOME=", "HOME=" + home}), home + "/.local/share/cfp/cfp.db");
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path("relative")));
}

TEST(GlobalOptionsTest, WithoutHomeOrAnyPathTheUserIsToldWhatToSet)
{
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(cli::run({"db", "init"}, out, err, {}), 2);
  EXPECT_NE(err.str().find("give --db PATH or set CFP_DB"), std::string::npos);
}

TEST(GlobalOptionsTest, ReadOnlyCommandsNeverCreateTheDatabase)
{
  TempDir dir;
  const auto result = run_cli(dir / "sub" / "cfp.db", {"proposal", "list"});
  EXPECT_EQ(result.exit_code, 74);
  EXPECT_NE(result.err.find("cfp db init"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "sub"));
}

TEST(GlobalOptionsTest, WriteCommandsCreateTheDatabaseAndItsFolders)
{
  TempDir dir;
  const auto db = dir / "a" / "b" / "cfp.db";
  const auto result = run_cli(db, {"call", "add", "C1", "--title", "First"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::filesystem::exists(db));
  EXPECT_EQ(std::filesystem::status(db).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

TEST(GlobalOptionsTest, BusyTimeoutMustBeWholeMillisecondsUpToTenMinutes)
{
  TempDir dir;
  for (const std::string value : {"abc", "-1", "-0", "+5", "1.5", "600001", "5s", " 100", "99999999999999999999"}) {
    const auto result = run_cli(dir / "cfp.db", {"db", "init"}, "", {"CFP_BUSY_TIMEOUT_MS=" + value});
    EXPECT_EQ(result.exit_code, 2) << value;
    EXPECT_EQ(result.out, "") << value;
    EXPECT_NE(result.err.find("CFP_BUSY_TIMEOUT_MS '" + value + "': give a whole number of milliseconds from 0 to "
                              "600000"),
              std::string::npos)
      << result.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "cfp.db")) << value;
  }
  for (const std::string value : {"0", "250", "600000"}) {
    const auto result = run_cli(dir / "cfp.db", {"db", "init"}, "", {"CFP_BUSY_TIMEOUT_MS=" + value});
    EXPECT_EQ(result.exit_code, 0) << value << ": " << result.err;
  }
}

TEST(GlobalOptionsTest, AServerLocationWithAPasswordIsAUsageErrorAndNoFileIsMade)
{
  TempDir dir;
  const auto before = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  for (const std::string location : {"postgresql://alice:s3cret@db/cfp", "POSTGRESQL://alice:s3cret@db/cfp",
                                     "Postgres://alice:s3cret@db/cfp", " postgresql://alice:s3cret@db/cfp",
                                     "PG:host=db password=s3cret"}) {
    const auto result = run_cli(dir / "unused.db", {"--db", location, "db", "init"});
    EXPECT_EQ(result.exit_code, 2) << location;
    EXPECT_NE(result.err.find("the database location holds a password"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("s3cret"), std::string::npos) << result.err;
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path())) << "a file or folder was made for a server location";
  // A file whose name starts like a location is still a file when written as a path.
  const auto file = run_cli(dir / "unused.db", {"--db", "./pg:local.db", "db", "init"});
  EXPECT_EQ(file.exit_code, 0) << file.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "pg:local.db"));
  std::filesystem::current_path(before);
}

} // namespace
} // namespace cfp::test
