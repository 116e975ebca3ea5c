// SPDX-License-Identifier: EUPL-1.2
// The dashboard in a real browser: the page `cfp report html` writes is loaded by headless
// Chromium, and the document it builds must hold the charts, bars, funding line and rows, with a
// hostile title shown as text. Skipped, loudly, only where Chromium is not installed (the test
// set-up installs it: scripts/install-deps.sh chromium).

#include "cli/cli_fixture.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

constexpr auto k_chromium = "/usr/bin/chromium";
constexpr auto k_after = "2024-11-04T16:00:01Z";

class DashboardBrowserTest : public CliTest
{
protected:
  void SetUp() override
  {
    if (!fs::exists(k_chromium)) {
      std::cerr << "\n*** SKIPPED: " << k_chromium << " is missing, so the dashboard was NOT checked in a browser;"
                << " install it with scripts/install-deps.sh chromium ***\n\n";
      GTEST_SKIP() << "Chromium is not installed";
    }
    CliTest::SetUp();
  }

  // Runs headless Chromium on `page` with `mode` (--dump-dom, --screenshot=FILE).
  CliResult chromium(const fs::path& page, const std::string& mode)
  {
    const auto profile = m_dir / "chromium-profile";
    return run_process({"/usr/bin/timeout", "180", k_chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
                        "--user-data-dir=" + profile.string(), "--window-size=1200,2400", mode,
                        "file://" + page.string()},
                       {"HOME=" + m_dir.path().string(), "PATH=/usr/bin:/bin"});
  }
};

TEST_F(DashboardBrowserTest, TheBrowserBuildsTheChartsRowsAndFundingLineAndShowsAHostileTitleAsText)
{
  // A hostile call title and proposal title, scores for a ranking with a funding line.
  ok({"call", "add", "EVIL", "--title", "<script>document.title='pwned'</script><b>bold</b>", "--opens", "2024-09-10",
      "--budget", "40M"},
     "2024-09-01T09:00:00Z");
  ok({"deadline", "add", "EVIL", "2024-11-04"}, "2024-09-01T09:00:00Z");
  ok({"proposal", "add", "--call", "EVIL", "--acronym", "ONE", "--title", "</td></tr></table><h1>injected</h1>",
      "--host", "IT", "--entity", "E", "--eu-contribution", "30M"});
  ok({"proposal", "add", "--call", "EVIL", "--acronym", "TWO", "--title", "Second", "--host", "FI", "--entity", "E",
      "--eu-contribution", "20M"});
  for (const char* expert : {"Ella", "Frans", "Greta"}) {
    ok({"expert", "add", expert, "--state", "SE"});
  }
  for (const char* ref : {"EVIL/ONE", "EVIL/TWO"}) {
    for (const char* expert : {"Ella", "Frans", "Greta"}) {
      ok({"score", "add", ref, "--expert", expert, "excellence=4", "impact=4", "implementation=4"}, k_after);
    }
  }
  const auto page = m_dir / "dashboard.html";
  const auto written = run_binary({"report", "html", "--out", page.string()},
                                  {"CFP_DB=" + m_db.string(), "CFP_NOW=" + std::string(k_after)});
  ASSERT_EQ(written.exit_code, 0) << written.err;

  const auto loaded = chromium(page, "--dump-dom");
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  const auto& dom = loaded.out;
  ASSERT_NE(dom.find("<svg id=\"timeline\""), std::string::npos) << dom.substr(0, 2000);
  // The timeline: the five cut-offs of three calls, with the proposals submitted to each.
  EXPECT_EQ(count_of(dom, "<g class=\"cutoff\""), 5U);
  EXPECT_NE(dom.find("data-call=\"EUROHPC-2024-CEI-AI-01\" data-label=\"2024-11-04\" data-status=\"closed\" "
                     "data-submitted=\"2\""),
            std::string::npos);
  // The states' bars: Spain, Italy and Finland request EU money.
  EXPECT_EQ(count_of(dom, "<g class=\"bar\""), 3U);
  EXPECT_NE(dom.find("<g class=\"bar\" data-state=\"IT\" data-eur=\"30000000.00\">"), std::string::npos);
  // The ranking of EVIL: ONE funded (earlier submission breaks the tie), TWO over the 40M budget.
  EXPECT_NE(dom.find("<g class=\"ranked funded\" data-acronym=\"ONE\""), std::string::npos);
  EXPECT_NE(dom.find("<g class=\"ranked reserve\" data-acronym=\"TWO\""), std::string::npos);
  EXPECT_EQ(count_of(dom, "<line class=\"funding-line\""), 1U);
  EXPECT_EQ(count_of(dom, "<line class=\"threshold\""), 1U);
  // Every proposal a row of the one proposals table, which the hostile title did not close.
  const auto proposals = dom.substr(dom.find("<table id=\"proposals-table\">"));
  EXPECT_EQ(count_of(proposals.substr(0, proposals.find("</table>")), "<tr class=\"row\""), 4U);
  EXPECT_EQ(count_of(dom, "<h1"), 1U) << "no injected heading";
  // The hostile call title is text: no script ran (the title is as written) and no element came of it.
  EXPECT_EQ(count_of(dom, "<script"), 0U);
  EXPECT_EQ(count_of(dom, "<b>"), 0U);
  EXPECT_NE(dom.find("&lt;script&gt;document.title='pwned'&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(dom.find("<title>pwned</title>"), std::string::npos);

  // A screenshot, to look at by hand: the browser renders the page.
  const auto shot = m_dir / "dashboard.png";
  const auto screenshot = chromium(page, "--screenshot=" + shot.string());
  ASSERT_EQ(screenshot.exit_code, 0) << screenshot.err;
  EXPECT_GT(fs::file_size(shot), 20'000U);
}

} // namespace
} // namespace cfp::test
