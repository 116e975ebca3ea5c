// SPDX-License-Identifier: EUPL-1.2
#include "cli/cli_fixture.hpp"

namespace cfp::test {

void CliTest::SetUp()
{
  const std::string before_opening = "2024-09-01T09:00:00Z";
  for (const auto* call : {k_call, k_other_call}) {
    ok({"call", "add", call, "--title", "AI Factories", "--opens", "2024-09-10", "--budget", "1.5bn"}, before_opening);
    ok({"deadline", "add", call, "2024-11-04"}, before_opening);
    ok({"deadline", "add", call, "2025-02-01"}, before_opening);
  }
  ok({"proposal", "add", "--call", k_call, "--acronym", "BSC-AIF", "--title", "BSC AI Factory", "--host", "ES",
      "--partner", "PT,RO,TR", "--entity", "Barcelona Supercomputing Center", "--plan", "upgrade",
      "--experimental-platform", "--eu-contribution", "31M", "--sector", "health,climate"});
  ok({"proposal", "add", "--call", k_call, "--acronym", "MIMER", "--title", "MIMER AI Factory", "--host", "SE",
      "--entity", "Linköping University", "--eu-contribution", "0", "--sector", "manufacturing"});
}

std::string CliTest::ok(const std::vector<std::string>& args, const std::string& now)
{
  const auto result = cfp(args, now);
  EXPECT_EQ(result.exit_code, 0) << "cfp " << ::testing::PrintToString(args) << "\nstderr: " << result.err;
  return result.out;
}

void CliTest::fails(const std::vector<std::string>& args, int exit_code, const std::string& message,
                    const std::string& now, const std::vector<std::string>& env)
{
  const std::string before = dump_database(m_db);
  const auto result = cfp(args, now, env);
  EXPECT_EQ(result.exit_code, exit_code) << "cfp " << ::testing::PrintToString(args) << "\nstderr: " << result.err;
  EXPECT_EQ(result.out, "") << "cfp " << ::testing::PrintToString(args);
  EXPECT_EQ(result.err.rfind("cfp: error: ", 0), 0u) << result.err;
  EXPECT_NE(result.err.find(message), std::string::npos)
    << "cfp " << ::testing::PrintToString(args) << "\nexpected: " << message << "\nstderr: " << result.err;
  EXPECT_EQ(dump_database(m_db), before) << "the database changed: cfp " << ::testing::PrintToString(args);
}

} // namespace cfp::test
