// SPDX-License-Identifier: EUPL-1.2
// `cfp --version`: the project's version and the commit the binary was built from.
#include "cli/cli_fixture.hpp"

#include "version.hpp"

#include <filesystem>
#include <regex>

namespace cfp::test {
namespace {

class VersionTest : public CliTest
{
};

TEST_F(VersionTest, NamesTheVersionOfTheProjectAndTheCommit)
{
  const auto result = cfp({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
  const std::string commit(cli::build_commit());
  EXPECT_EQ(result.out, "cfp " CFP_VERSION " (commit " + commit + ")\n");
  EXPECT_TRUE(std::regex_match(commit, std::regex("[0-9a-f]{7,40}(-dirty)?|unknown"))) << commit;
  EXPECT_EQ(cfp({"proposal", "list", "--version"}).out, result.out) << "after a command too";
}

TEST_F(VersionTest, TheCommitIsTheOneTheSourcesAreAt)
{
  const std::filesystem::path git = "/usr/bin/git";
  if (!std::filesystem::exists(std::filesystem::path(CFP_SOURCE_DIR) / ".git") || !std::filesystem::exists(git)) {
    EXPECT_EQ(cli::build_commit(), "unknown") << "sources outside git";
    return;
  }
  const auto head = run_process({git.string(), "-C", CFP_SOURCE_DIR, "rev-parse", "--short=7", "HEAD"},
                                {"PATH=/usr/bin:/bin", "HOME=" + m_dir.path().string()});
  const std::string commit(cli::build_commit());
  if (head.exit_code != 0) {
    EXPECT_EQ(commit, "unknown") << "git cannot read the sources (" << head.err << "): neither could the build";
    return;
  }
  EXPECT_EQ(commit.substr(0, commit.find('-')) + "\n", head.out) << "built at another commit: build again";
}

} // namespace
} // namespace cfp::test
