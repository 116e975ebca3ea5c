// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "support/support.hpp"

#include <gtest/gtest.h>

namespace cfp::test {

inline constexpr auto k_call = "EUROHPC-2024-CEI-AI-01";
inline constexpr auto k_other_call = "EUROHPC-2024-CEI-AI-02";

/// A database holding both AI Factories calls with cut-offs on 2024-11-04 and 2025-02-01
/// (17:00 Brussels), and two proposals submitted on 2024-10-01: BSC-AIF and MIMER.
class CliTest : public ::testing::Test
{
protected:
  void SetUp() override;

  /// Runs cfp in-process on this test's database at CFP_NOW = `now`.
  CliResult cfp(const std::vector<std::string>& args, const std::string& now = "2024-10-01T10:00:00Z",
                const std::vector<std::string>& env = {})
  {
    return run_cli(m_db, args, now, env);
  }

  /// Runs `args`, expects it to succeed, and returns its stdout.
  std::string ok(const std::vector<std::string>& args, const std::string& now = "2024-10-01T10:00:00Z");

  /// Runs `args` and expects it to fail with `exit_code`, print nothing on stdout, print
  /// `message` on stderr and leave the database exactly as it was.
  void fails(const std::vector<std::string>& args, int exit_code, const std::string& message,
             const std::string& now = "2024-10-01T10:00:00Z", const std::vector<std::string>& env = {});

  TempDir m_dir;
  std::filesystem::path m_db = m_dir / "cfp.db";
};

} // namespace cfp::test
