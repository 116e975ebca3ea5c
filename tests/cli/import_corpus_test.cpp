// SPDX-License-Identifier: EUPL-1.2
// The corpus of bad proposal files in tests/data/import/bad/: each one is refused with the exit
// code and the `FILE:LINE: column: message` that expected.tsv gives, nothing on stdout, and an
// unchanged database, with and without --dry-run.
#include "cli/cli_fixture.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

namespace cfp::test {
namespace {

const std::filesystem::path k_corpus = std::filesystem::path(CFP_SOURCE_DIR) / "tests" / "data" / "import" / "bad";
constexpr auto k_default_now = "2024-10-01T10:00:00Z";

/// One line of expected.tsv.
struct BadFile
{
  std::string file;
  int exit_code = 0;
  std::string message; ///< starts with the file's name: "ragged_row.csv:3: record: ..."
  std::string now;
};

std::ostream& operator<<(std::ostream& out, const BadFile& bad)
{
  return out << bad.file;
}

std::vector<std::string> split_tabs(const std::string& line)
{
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    parts.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) {
      return parts;
    }
    start = tab + 1;
  }
}

std::vector<BadFile> read_manifest()
{
  std::vector<BadFile> files;
  std::ifstream in(k_corpus / "expected.tsv", std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') {
      continue;
    }
    const auto parts = split_tabs(line);
    BadFile bad;
    bad.file = parts.at(0);
    bad.exit_code = std::stoi(parts.at(1));
    bad.message = parts.at(2);
    bad.now = parts.size() > 3 && !parts[3].empty() ? parts[3] : k_default_now;
    files.push_back(bad);
  }
  return files;
}

class ImportCorpusTest : public CliTest, public ::testing::WithParamInterface<BadFile>
{
protected:
  /// Like CliTest::fails, except that record errors come before the final "cfp: error: " line.
  void import_fails(const std::vector<std::string>& args, const BadFile& bad)
  {
    const std::string before = dump_database(m_db);
    const auto result = cfp(args, bad.now);
    const std::string context = "cfp " + ::testing::PrintToString(args) + "\nstderr:\n" + result.err;
    EXPECT_EQ(result.exit_code, bad.exit_code) << context;
    EXPECT_EQ(result.out, "") << context;
    // The file is named as given on the command line (here an absolute path).
    const std::string message = (k_corpus / bad.message).string();
    EXPECT_NE(result.err.find(message), std::string::npos) << "expected: " << message << '\n' << context;
    EXPECT_TRUE(result.err.rfind("cfp: error: ", 0) == 0 || result.err.find("\ncfp: error: ") != std::string::npos)
      << context;
    ASSERT_FALSE(result.err.empty());
    EXPECT_EQ(result.err.back(), '\n') << context;
    EXPECT_EQ(dump_database(m_db), before) << "the database changed: " << context;
  }
};

TEST_P(ImportCorpusTest, IsRefusedNamingTheLineAndWritesNothing)
{
  const auto& bad = GetParam();
  import_fails({"import", "proposals", (k_corpus / bad.file).string()}, bad);
}

TEST_P(ImportCorpusTest, DryRunRefusesItTheSameWay)
{
  const auto& bad = GetParam();
  import_fails({"import", "proposals", (k_corpus / bad.file).string(), "--dry-run"}, bad);
}

std::string test_name(const ::testing::TestParamInfo<BadFile>& info)
{
  std::string name = info.param.file;
  std::replace_if(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) == 0; },
                  '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(BadFiles, ImportCorpusTest, ::testing::ValuesIn(read_manifest()), test_name);

TEST(ImportCorpusManifestTest, ListsEveryFileOfTheCorpusAndAtLeastFortyFive)
{
  const auto manifest = read_manifest();
  EXPECT_GE(manifest.size(), 45u);
  std::set<std::string> listed;
  for (const auto& bad : manifest) {
    EXPECT_TRUE(listed.insert(bad.file).second) << bad.file << " is listed twice";
    EXPECT_TRUE(std::filesystem::is_regular_file(k_corpus / bad.file)) << bad.file << " is missing";
    EXPECT_EQ(bad.message.rfind(bad.file + ":", 0), 0u) << bad.file << ": the message must start with FILE:LINE";
  }
  for (const auto& entry : std::filesystem::directory_iterator(k_corpus)) {
    const std::string name = entry.path().filename().string();
    if (name != "expected.tsv") {
      EXPECT_EQ(listed.count(name), 1u) << name << " is not in expected.tsv";
    }
  }
}

// ---- Many invalid records: at most 50 messages, then a count of the rest ------------------------

class ImportManyErrorsTest : public CliTest
{
protected:
  /// A CSV file of `rows` records after the header, each with a bad host (and a bad plan when
  /// `two_errors`); record i starts on line i + 2.
  std::filesystem::path many_bad_rows(int rows, bool two_errors)
  {
    const auto path = m_dir / "many.csv";
    std::ofstream out(path, std::ios::binary);
    out << "call,acronym,title,host,entity,eu_contribution_eur,plan\n";
    for (int i = 0; i < rows; ++i) {
      out << k_call << ",BAD-" << i << ",Title " << i << ",XX,Entity,1M," << (two_errors ? "rebuild" : "new") << '\n';
    }
    return path;
  }

  static std::vector<std::string> lines_of(const std::string& text)
  {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      lines.push_back(line);
    }
    return lines;
  }
};

TEST_F(ImportManyErrorsTest, SixtyInvalidRecordsShowFiftyErrorsThenAndTenMore)
{
  const auto path = many_bad_rows(60, false);
  const std::string before = dump_database(m_db);
  const auto result = cfp({"import", "proposals", path.string()});
  EXPECT_EQ(result.exit_code, 65) << result.err;
  EXPECT_EQ(result.out, "");
  const auto lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 52u) << result.err;
  EXPECT_EQ(lines[0].rfind(path.string() + ":2: host: 'XX' is not a participating state", 0), 0u) << lines[0];
  EXPECT_EQ(lines[49].rfind(path.string() + ":51: host: ", 0), 0u) << lines[49];
  EXPECT_EQ(lines[50], "... and 10 more");
  EXPECT_EQ(lines[51], "cfp: error: 60 of 60 records are invalid; nothing was imported");
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(ImportManyErrorsTest, FiftyInvalidRecordsShowEveryErrorAndNoMoreLine)
{
  const auto path = many_bad_rows(50, false);
  const auto result = cfp({"import", "proposals", path.string()});
  EXPECT_EQ(result.exit_code, 65) << result.err;
  const auto lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 51u) << result.err;
  EXPECT_EQ(lines[50], "cfp: error: 50 of 50 records are invalid; nothing was imported");
  EXPECT_EQ(result.err.find("... and"), std::string::npos);
}

TEST_F(ImportManyErrorsTest, TheMoreCountCountsErrorsNotShownWhenRecordsHaveSeveralErrors)
{
  // 60 records with two errors each: 120 errors, 50 shown, 70 not shown.
  const auto path = many_bad_rows(60, true);
  const std::string before = dump_database(m_db);
  const auto result = cfp({"import", "proposals", path.string()});
  EXPECT_EQ(result.exit_code, 65) << result.err;
  const auto lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 52u) << result.err;
  EXPECT_EQ(lines[0].rfind(path.string() + ":2: host: ", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1].rfind(path.string() + ":2: plan: 'rebuild' is not a plan", 0), 0u) << lines[1];
  EXPECT_EQ(lines[50], "... and 70 more");
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(ImportManyErrorsTest, DryRunShowsTheSameFiftyErrorsAndCount)
{
  const auto path = many_bad_rows(60, false);
  const std::string before = dump_database(m_db);
  const auto result = cfp({"import", "proposals", path.string(), "--dry-run"});
  EXPECT_EQ(result.exit_code, 65) << result.err;
  const auto lines = lines_of(result.err);
  ASSERT_EQ(lines.size(), 52u) << result.err;
  EXPECT_EQ(lines[50], "... and 10 more");
  EXPECT_EQ(lines[51], "cfp: error: 60 of 60 records are invalid; nothing was imported (dry run)");
  EXPECT_EQ(dump_database(m_db), before);
}

} // namespace
} // namespace cfp::test
