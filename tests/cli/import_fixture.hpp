// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The fixture of the tests of batch import and export through the command line
// (tests/cli/import_*_test.cpp, tests/cli/export_test.cpp): files, standard input, and the
// fixture's two proposals as `export proposals` writes them.

#include "cli/cli_fixture.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace cfp::test {

inline constexpr auto k_now = "2024-10-01T10:00:00Z";
// The columns a submission needs: the five required ones and the EU contribution.
inline constexpr auto k_min_header = "call,acronym,title,host,entity,eu_contribution_eur\n";
inline constexpr auto k_full_header = "call,acronym,title,host,partners,entity,plan,experimental_platform,eu_contribution_eur,"
                                      "national_contribution_eur,sectors,status,submitted_at,withdrawal_reason\n";
// The fixture's two proposals as `export proposals` writes them.
inline constexpr auto k_bsc_row = "EUROHPC-2024-CEI-AI-01,BSC-AIF,BSC AI Factory,ES,PT;RO;TR,Barcelona Supercomputing "
                                  "Center,upgrade,true,31000000.00,,health;climate,submitted,2024-10-01T10:00:00Z,\n";
inline constexpr auto k_mimer_row = "EUROHPC-2024-CEI-AI-01,MIMER,MIMER AI Factory,SE,,Linköping University,new,false,0.00,"
                                    ",manufacturing,submitted,2024-10-01T10:00:00Z,\n";
inline constexpr auto k_two_new_rows = "call,acronym,title,host,entity,eu_contribution_eur\n"
                                       "EUROHPC-2024-CEI-AI-01,LUMI-AIF,LUMI AI Factory,FI,CSC,300M\n"
                                       "EUROHPC-2024-CEI-AI-01,JUPITER-AIF,JUPITER AI Factory,DE,"
                                       "Forschungszentrum Jülich,42M\n";
// sha256sum of k_two_new_rows, computed outside the program.
inline constexpr auto k_two_new_rows_sha256 = "123b2ab2d4ce95610f247a484f665123d57961ea21a2f0c83c8ba3f0bc62323d";

inline nlohmann::json as_json(const std::string& text)
{
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << text;
  return parsed;
}

inline std::string read_file(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}


/// Connects std::cin to `text` while it lives, for in-process runs reading standard input.
class StdinFrom
{
public:
  explicit StdinFrom(const std::string& text) : m_buffer(text), m_saved(std::cin.rdbuf(&m_buffer)) {}
  ~StdinFrom()
  {
    std::cin.rdbuf(m_saved);
    std::cin.clear();
  }
  StdinFrom(const StdinFrom&) = delete;
  StdinFrom& operator=(const StdinFrom&) = delete;

private:
  std::stringbuf m_buffer;
  std::streambuf* m_saved;
};

class ImportExportTest : public CliTest
{
protected:
  std::filesystem::path write(const std::string& name, const std::string& content)
  {
    const auto path = m_dir / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    return path;
  }

  /// Runs `import proposals FILE` and expects success; returns stderr.
  std::string import_ok(const std::filesystem::path& file, const std::string& now = k_now,
                        std::vector<std::string> extra = {})
  {
    std::vector<std::string> args{"import", "proposals", file.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = cfp(args, now);
    EXPECT_EQ(result.exit_code, 0) << "cfp " << ::testing::PrintToString(args) << "\nstderr: " << result.err;
    EXPECT_EQ(result.out, "");
    return result.err;
  }

  std::size_t versions_of(const std::string& ref) { return as_json(ok({"proposal", "history", ref, "--format", "json"})).size(); }

  nlohmann::json show(const std::string& ref) { return as_json(ok({"proposal", "show", ref, "--format", "json"})); }

  nlohmann::json audit(std::int64_t limit = 1000)
  {
    return as_json(ok({"log", "--format", "json", "--limit", std::to_string(limit)}));
  }

  /// Adds proposals with accents, quotes, commas, line breaks, emoji, a draft and a second call;
  /// the draft gives no contribution and A.1_b no national one (absent, not 0).
  void add_tricky_proposals()
  {
    ok({"proposal", "add", "--call", k_other_call, "--acronym", "QUOTE", "--title",
        "Café \"Ørsted\", Ålesund\nsecond line 🚀\r\nthird", "--host", "fr", "--partner", "de,it", "--entity",
        "  Entité, \"SA\" ; x ", "--plan", "none", "--eu-contribution", "1_250_000.50", "--national-contribution",
        "0.01", "--sector", "space,health"});
    ok({"proposal", "add", "--call", k_call, "--acronym", "DRAFTY", "--title", "Draft 😀, \"not yet\"", "--host", "gr",
        "--entity", "Ελληνικό Ίδρυμα\nΑθήνα", "--draft"});
    ok({"proposal", "add", "--call", k_other_call, "--acronym", "A.1_b", "--title", "\"", "--host", "PL", "--entity",
        ",", "--experimental-platform", "--eu-contribution", "2M", "--sector", "finance"});
  }

  /// Exports in `format`, imports that into an empty database given the same calls, and
  /// expects the second export to be byte for byte the first.
  void expect_round_trip(const std::string& format)
  {
    add_tricky_proposals();
    const std::string exported = ok({"export", "proposals", "--format", format});
    ASSERT_NE(exported.find("🚀"), std::string::npos) << exported;
    const auto proposals = write("proposals." + format, exported);
    const auto calls = write("calls.json", ok({"export", "calls"}));

    const auto copy = m_dir / "copy.db";
    const auto calls_import = run_cli(copy, {"import", "calls", calls.string()}, k_now);
    ASSERT_EQ(calls_import.exit_code, 0) << calls_import.err;
    const auto proposals_import = run_cli(copy, {"import", "proposals", proposals.string()}, k_now);
    ASSERT_EQ(proposals_import.exit_code, 0) << proposals_import.err;
    EXPECT_EQ(proposals_import.err, "imported 5 proposals: 5 inserted, 0 updated, 0 unchanged\n");

    const auto again = run_cli(copy, {"export", "proposals", "--format", format}, k_now);
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, exported);
  }
};

} // namespace cfp::test
