// SPDX-License-Identifier: EUPL-1.2
// `cfp report html --out FILE [--call CODE]`: one self-contained HTML file with the calls, the
// cut-offs on a timeline, the EU contribution by state, the rankings with their funding line and
// every proposal; every value escaped; written atomically, 0600 when new.

#include "cli/import_fixture.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <fstream>
#include <regex>
#include <unistd.h>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

constexpr auto k_after = "2024-11-04T16:00:01Z";

fs::path write_file(const fs::path& path, const std::string& content)
{
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
  return path;
}

mode_t mode_of(const fs::path& path)
{
  struct stat info
  {
  };
  ::stat(path.c_str(), &info);
  return info.st_mode & 0777;
}

class ReportHtmlTest : public CliTest
{
protected:
  std::string page(const std::vector<std::string>& more = {}, const std::string& now = "2024-10-01T10:00:00Z")
  {
    std::vector<std::string> args{"report", "html", "--out", m_out.string()};
    args.insert(args.end(), more.begin(), more.end());
    const auto result = cfp(args, now);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, "");
    return read_file(m_out);
  }

  fs::path m_out = m_dir / "dashboard.html";
};

TEST_F(ReportHtmlTest, ASelfContainedPageWithEverySection)
{
  const auto html = page();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0U);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
  for (const auto* id : {"id=\"calls\"", "id=\"cutoffs\"", "id=\"timeline\"", "id=\"states\"", "id=\"states-chart\"",
                         "id=\"rankings\"", "id=\"proposals\"", "@media print"}) {
    EXPECT_NE(html.find(id), std::string::npos) << id;
  }
  // Nothing is fetched from anywhere: no script, no link, no URL but the SVG namespace.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(count_of(html, "http"), count_of(html, "xmlns=\"http://www.w3.org/2000/svg\""));
  // Four cut-offs on the timeline, with the two proposals submitted to the first of AI-01.
  EXPECT_EQ(count_of(html, "<g class=\"cutoff\""), 4U);
  EXPECT_NE(html.find("<g class=\"cutoff\" data-call=\"EUROHPC-2024-CEI-AI-01\" data-label=\"2024-11-04\" "
                      "data-status=\"open\" data-submitted=\"2\">"),
            std::string::npos);
  // One bar per hosting state that requests EU money: Spain (MIMER requests none).
  EXPECT_EQ(count_of(html, "<g class=\"bar\""), 1U);
  EXPECT_NE(html.find("<g class=\"bar\" data-state=\"ES\" data-eur=\"31000000.00\">"), std::string::npos);
  // Every proposal a row; the states' table ends with its total.
  EXPECT_EQ(count_of(html, "<tr class=\"row\" data-key=\"EUROHPC-2024-CEI-AI-01 "), 2U + 2U)
      << "2 proposals, 2 cut-offs";
  EXPECT_NE(html.find("<tr class=\"total\" data-key=\"\"><td></td><td>TOTAL</td><td class=\"num\">2</td>"),
            std::string::npos);
  // No scores yet: no ranking.
  EXPECT_NE(html.find("No scores yet"), std::string::npos);
  EXPECT_EQ(html.find("<line class=\"funding-line\""), std::string::npos);
}

TEST_F(ReportHtmlTest, TheRankingWithItsThresholdAndFundingLine)
{
  for (const char* expert : {"Ella", "Frans", "Greta"}) {
    ok({"expert", "add", expert, "--state", "FI"});
  }
  ok({"proposal", "add", "--call", k_call, "--acronym", "THIRD", "--title", "T", "--host", "DE", "--entity", "E",
      "--eu-contribution", "1.5bn"},
     "2024-10-02T10:00:00Z");
  ok({"proposal", "add", "--call", k_call, "--acronym", "WEAK", "--title", "T", "--host", "IT", "--entity", "E",
      "--eu-contribution", "0"},
     "2024-10-02T10:00:00Z");
  for (const auto& [ref, points] : std::vector<std::pair<std::string, std::string>>{
           {"BSC-AIF", "5"}, {"MIMER", "4.5"}, {"THIRD", "4"}, {"WEAK", "2"}}) {
    for (const char* expert : {"Ella", "Frans", "Greta"}) {
      ok({"score", "add", ref, "--expert", expert, "excellence=" + points, "impact=" + points,
          "implementation=" + points},
         k_after);
    }
  }
  const auto html = page({"--call", k_call}, k_after);
  EXPECT_EQ(count_of(html, "<section class=\"ranking\""), 1U);
  EXPECT_NE(html.find("<g class=\"ranked funded\" data-acronym=\"BSC-AIF\" data-status=\"funded\" data-rank=\"1\">"),
            std::string::npos);
  EXPECT_NE(html.find("<g class=\"ranked funded\" data-acronym=\"MIMER\" data-status=\"funded\" data-rank=\"2\">"),
            std::string::npos);
  EXPECT_NE(html.find("<g class=\"ranked reserve\" data-acronym=\"THIRD\" data-status=\"reserve\" data-rank=\"3\">"),
            std::string::npos);
  EXPECT_NE(html.find("<g class=\"ranked below_threshold\" data-acronym=\"WEAK\""), std::string::npos);
  EXPECT_NE(html.find("<line class=\"threshold\" data-points=\"10.0\""), std::string::npos);
  // The funding line runs under the second bar: between MIMER and THIRD.
  std::smatch line;
  ASSERT_TRUE(std::regex_search(html, line, std::regex(R"x(<line class="funding-line" x1="20" y1="([0-9.]+)")x")));
  EXPECT_EQ(line[1], "74.0") << "the second bar ends at 24 + 26 + 18; the line runs 6 below it";
  EXPECT_NE(html.find("funding line: budget 1,500,000,000.00 EUR"), std::string::npos);
  // --call: only that call's cut-offs.
  EXPECT_EQ(count_of(html, "<g class=\"cutoff\""), 2U);
}

TEST_F(ReportHtmlTest, ALongRankingShowsItsFirstHundredInTheChartAndEveryOneInTheTable)
{
  for (const char* expert : {"Ella", "Frans", "Greta"}) {
    ok({"expert", "add", expert, "--state", "FI"});
  }
  // 120 proposals of 15M that all pass (4 to 5 points a criterion): the 1.5bn budget funds 100.
  std::string proposals = "call,acronym,title,host,entity,eu_contribution_eur,submitted_at\n";
  std::string scores = "call,acronym,expert,criterion,score,comment\n";
  const auto score = [&](const std::string& acronym, double points) {
    for (const char* expert : {"Ella", "Frans", "Greta"}) {
      for (const char* criterion : {"excellence", "impact", "implementation"}) {
        scores += fmt::format("{},{},{},{},{:.1f},\n", k_call, acronym, expert, criterion, points);
      }
    }
  };
  for (int i = 0; i < 120; ++i) {
    const auto acronym = fmt::format("P{:03}", i);
    proposals += fmt::format("{},{},T,DE,E,15M,2024-10-02T10:00:00Z\n", k_call, acronym);
    score(acronym, 5.0 - 0.5 * (i / 40));
  }
  ok({"import", "proposals", write_file(m_dir / "p.csv", proposals).string()}, "2024-10-03T10:00:00Z");
  ok({"import", "scores", write_file(m_dir / "s.csv", scores).string()}, k_after);
  // With BSC-AIF and MIMER, which have no scores, 122 proposals in the ranking.
  auto html = page({}, k_after);
  EXPECT_EQ(count_of(html, "<g class=\"ranked "), 100U);
  EXPECT_EQ(count_of(html, "<g class=\"ranked funded\""), 100U);
  EXPECT_NE(html.find("The chart shows the first 100 of 122 proposals; the table lists them all."), std::string::npos);
  EXPECT_EQ(count_of(html, "<tr class=\"row\" data-key=\"P0"), 100U) << "the ranking's table";
  EXPECT_EQ(count_of(html, "<tr class=\"row\" data-key=\"P1"), 20U);
  EXPECT_EQ(count_of(html, "<tr class=\"row\" data-key=\"EUROHPC-2024-CEI-AI-01 P"), 120U) << "the proposals' table";
  EXPECT_EQ(count_of(html, "<line class=\"funding-line\""), 1U) << "under the 100th, the last funded";

  // Two more that cost nothing and rank first: 102 funded, the line falls below the chart.
  scores = "call,acronym,expert,criterion,score,comment\n";
  score("FREE1", 5);
  score("FREE2", 5);
  ok({"import", "proposals",
      write_file(m_dir / "q.csv", "call,acronym,title,host,entity,eu_contribution_eur,submitted_at\n" +
                                      std::string(k_call) + ",FREE1,T,DE,E,0,2024-10-02T09:00:00Z\n" +
                                      std::string(k_call) + ",FREE2,T,DE,E,0,2024-10-02T09:00:00Z\n")
          .string()},
     "2024-10-03T10:00:00Z");
  ok({"import", "scores", write_file(m_dir / "free.csv", scores).string()}, k_after);
  html = page({}, k_after);
  EXPECT_NE(html.find("The chart shows the first 100 of 124 proposals; the funding line falls after rank 102, below "
                      "it; the table lists them all."),
            std::string::npos);
  EXPECT_EQ(count_of(html, "<line class=\"funding-line\""), 0U);
}

TEST_F(ReportHtmlTest, EveryValueIsEscaped)
{
  ok({"call", "add", "EVIL", "--title", "<script>alert('x')</script> & \"quotes\"", "--opens", "2024-09-10"},
     "2024-09-01T09:00:00Z");
  ok({"deadline", "add", "EVIL", "2024-12-01", "--label", "<b>bold</b>"}, "2024-09-01T09:00:00Z");
  ok({"proposal", "add", "--call", "EVIL", "--acronym", "X", "--title", "</td></tr></table><img src=x onerror=1>",
      "--host", "FI", "--entity", "Entity", "--eu-contribution", "0"});
  const auto html = page({"--call", "EVIL"});
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("<title>EVIL: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;</title>"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;img src=x onerror=1&gt;"), std::string::npos);
  EXPECT_NE(html.find("data-label=\"&lt;b&gt;bold&lt;/b&gt;\""), std::string::npos);
}

TEST_F(ReportHtmlTest, WrittenAtomicallyNewFilesPrivateExistingOnesKeepTheirMode)
{
  page();
  EXPECT_EQ(mode_of(m_out), 0600U);
  fs::permissions(m_out,
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
  page();
  EXPECT_EQ(mode_of(m_out), 0644U) << "a page shared on purpose stays shared";
  // A failure leaves the page as it was and nothing beside it.
  const auto before = read_file(m_out);
  fails({"report", "html", "--out", m_out.string(), "--call", "NOPE"}, 1, "no call 'NOPE'");
  EXPECT_EQ(read_file(m_out), before);
  for (const auto& entry : fs::directory_iterator(m_dir.path())) {
    const auto name = entry.path().filename().string();
    EXPECT_TRUE(name == "dashboard.html" || name.rfind("cfp.db", 0) == 0) << "left behind: " << name;
  }
}

TEST_F(ReportHtmlTest, AnotherUsersFileIsReplacedByAPrivateOne)
{
  if (::geteuid() != 0) {
    GTEST_SKIP() << "only root can give a file to another user";
  }
  // Root replacing nobody's world-writable file must not hand the dashboard to nobody.
  write_file(m_out, "bait");
  ASSERT_EQ(::chown(m_out.c_str(), 65534, 65534), 0);
  fs::permissions(m_out, fs::perms::all & ~(fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec));
  page();
  struct stat info
  {
  };
  ASSERT_EQ(::stat(m_out.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600U);
  EXPECT_EQ(info.st_uid, 0U);
}

TEST_F(ReportHtmlTest, AFolderAboveThatOthersMayWriteIsRefusedToo)
{
  const fs::path shared = m_dir / "shared";
  fs::create_directories(shared / "mine");
  fs::permissions(shared, fs::perms::all);
  fails({"report", "html", "--out", (shared / "mine" / "page.html").string()}, 66,
        "other users may write the folder " + fs::canonical(shared).string());
  // Sticky, as /tmp is: allowed.
  fs::permissions(shared, fs::perms::all | fs::perms::sticky_bit);
  page();
  const auto result = cfp({"report", "html", "--out", (shared / "mine" / "page.html").string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST_F(ReportHtmlTest, TheSummaryNamesTheFileOnOneLine)
{
  const auto odd = m_dir / "two\nlines.html";
  const auto result = cfp({"report", "html", "--out", odd.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err,
            "wrote " + (m_dir / "two\\nlines.html").string() + ": 2 calls, 4 cut-offs, 2 proposals, 0 rankings\n");
  EXPECT_TRUE(fs::exists(odd));
}

TEST_F(ReportHtmlTest, RefusesOutputsThatAreNotAFileOfItsOwn)
{
  fails({"report", "html", "--out", m_db.string()}, 66, "the database");
  fails({"report", "html", "--out", m_db.string() + "-wal"}, 66, "the database");
  fs::create_symlink(m_dir / "elsewhere.html", m_dir / "link.html");
  fails({"report", "html", "--out", (m_dir / "link.html").string()}, 66, "symbolic link");
  EXPECT_FALSE(fs::exists(m_dir / "elsewhere.html"));
  ASSERT_EQ(::mkfifo((m_dir / "fifo").c_str(), 0600), 0);
  fails({"report", "html", "--out", (m_dir / "fifo").string()}, 66, "FIFO");
  fails({"report", "html", "--out", m_dir.path().string()}, 66, "folder");
  fails({"report", "html", "--out", "-"}, 2, "--out: name the HTML file to write");
  fails({"report", "html", "--out", ""}, 2, "--out: name the HTML file to write");
  fails({"report", "html", "--out", (m_dir / "missing" / "page.html").string()}, 66, "cannot write");
  fails({"report", "html", "--out", m_out.string(), "--format", "json"}, 2, "--format does not apply");
  fails({"report", "html"}, 2, "--out is required");
  const fs::path shared = m_dir / "shared";
  fs::create_directory(shared);
  fs::permissions(shared, fs::perms::all);
  fails({"report", "html", "--out", (shared / "page.html").string()}, 66, "other users");
  EXPECT_FALSE(fs::exists(m_out));
}

TEST_F(ReportHtmlTest, AnEmptyDatabaseGivesAPageThatSaysSo)
{
  const TempDir empty;
  const auto db = empty / "empty.db";
  ASSERT_EQ(run_cli(db, {"db", "init"}).exit_code, 0);
  const auto result = run_cli(db, {"report", "html", "--out", (empty / "page.html").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "wrote " + (empty / "page.html").string() + ": 0 calls, 0 cut-offs, 0 proposals, 0 rankings\n");
  const auto html = read_file(empty / "page.html");
  EXPECT_NE(html.find("No cut-offs yet."), std::string::npos);
  EXPECT_NE(html.find("No EU contribution requested yet."), std::string::npos);
  EXPECT_NE(html.find("No proposals yet."), std::string::npos);
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
}

} // namespace
} // namespace cfp::test
