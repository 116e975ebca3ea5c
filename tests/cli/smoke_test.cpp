#include "support/support.hpp"

#include <gtest/gtest.h>

namespace cfp::test {
namespace {

TEST(CliSmokeTest, DbInitCreatesTheDatabase)
{
  TempDir dir;
  const auto result = run_cli(dir / "cfp.db", {"db", "init"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("schema version"), std::string::npos);
}

} // namespace
} // namespace cfp::test
