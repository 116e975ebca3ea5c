// SPDX-License-Identifier: EUPL-1.2
// Replays every `console` example of docs/cli.md with the real cfp binary, in the order the
// document's "About the examples" paragraph gives, and compares what cfp prints with what the
// document shows, so that the document cannot drift from the code. One ctest test runs them
// all (each example depends on the ones before it); a failure names the document's line.

#include "docs/cli_document.hpp"
#include "docs/example_replay.hpp"

#include <date/date.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include <iterator>
#include <regex>
#include <sstream>

namespace cfp::test::docs {
namespace {

// One test parameter per example, in replay order, so that a full run replays each example once.
std::vector<std::size_t> example_indices()
{
  std::vector<std::size_t> indices(document().examples.size());
  for (std::size_t i = 0; i < indices.size(); ++i) {
    indices[i] = i;
  }
  return indices;
}

// "line_0047_proposal_list": the example's line, then the first words of its cfp command (or
// the option, as in "cfp --version", or the first word of a command that is not cfp).
std::string test_name(const ::testing::TestParamInfo<std::size_t>& info)
{
  const Example& example = document().examples[info.param];
  std::istringstream stream(example.command);
  const std::vector<std::string> words{std::istream_iterator<std::string>(stream), {}};
  static const std::regex k_name("[a-z]+");
  auto word = std::find(words.begin(), words.end(), "cfp");
  std::string slug;
  for (int taken = 0; word != words.end() && ++word != words.end() && taken < 2;) {
    if (*word == "--db" || *word == "--as" || *word == "--tz" || *word == "--format") {
      ++word; // and its value
    } else if (std::regex_match(*word, k_name) || (slug.empty() && word->starts_with("--"))) {
      slug += (slug.empty() ? "" : "_") + std::regex_replace(*word, std::regex("[^a-z]"), "");
      taken += word->starts_with("--") ? 2 : 1;
    }
    if (word == words.end()) {
      break;
    }
  }
  if (slug.empty()) {
    slug = std::regex_replace(words.front(), std::regex("[^a-z]"), "");
  }
  const std::string line = std::to_string(example.line);
  return "line_" + std::string(4 - std::min<std::size_t>(4, line.size()), '0') + line + "_" + slug;
}

TEST(CliExamplesDocumentTest, ShowsEveryExampleInAWayThisTestCanReplay)
{
  ASSERT_EQ(document().problem, "");
  EXPECT_FALSE(document().examples.empty());
}

// `text` with every UTC instant of today, yesterday or tomorrow (the machine's clock, which the
// examples never use otherwise) written as k_real_time.
std::string mark_real_times(const std::string& text)
{
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  std::vector<std::string> days;
  for (const int offset : {-1, 0, 1}) {
    const date::year_month_day day{today + std::chrono::days{offset}};
    days.push_back(date::format("%F", day));
  }
  static const std::regex k_instant(R"((\d{4}-\d\d-\d\d)T\d\d:\d\d:\d\dZ)");
  std::string marked;
  auto begin = std::sregex_iterator(text.begin(), text.end(), k_instant);
  std::size_t last = 0;
  for (auto match = begin; match != std::sregex_iterator(); ++match) {
    const auto position = static_cast<std::size_t>(match->position(0));
    marked += text.substr(last, position - last);
    const bool real = std::find(days.begin(), days.end(), (*match)[1].str()) != days.end();
    marked += real ? std::string(k_real_time) : match->str(0);
    last = position + static_cast<std::size_t>(match->length(0));
  }
  return marked + text.substr(last);
}

// For the maintainer after a deliberate change of output: with CFP_UPDATE_DOCS=1, rewrites the
// stdout and stderr blocks of docs/cli.md that differ from what cfp prints (real times as
// k_real_time). Review the diff; an example that gains or loses a block is left to be edited.
TEST(CliExamplesDocumentTest, RewritesItsBlocksFromCfpsOutputWhenAsked)
{
  if (std::getenv("CFP_UPDATE_DOCS") == nullptr) {
    GTEST_SKIP() << "set CFP_UPDATE_DOCS=1 to rewrite the examples of docs/cli.md from cfp's output";
  }
  ASSERT_EQ(document().problem, "");
  std::vector<std::string> lines;
  {
    std::ifstream in(k_document, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      lines.push_back(line);
    }
  }
  struct Edit
  {
    int first_line;
    std::size_t count;
    std::vector<std::string> lines;
  };
  std::vector<Edit> edits;
  for (std::size_t i = 0; i < document().examples.size(); ++i) {
    const auto& example = document().examples[i];
    const auto& outcome = replay().outcome(i);
    const auto out = mark_real_times(outcome.out);
    if (with_placeholders(example.out, outcome.out) != example.out) {
      edits.push_back({example.out_line, lines_of(example.out).size(), lines_of(out)});
    }
    if (example.err_line > 0 && with_placeholders(example.err, outcome.err) != example.err) {
      edits.push_back({example.err_line, lines_of(example.err).size(), lines_of(mark_real_times(outcome.err))});
    }
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.first_line > b.first_line; });
  for (const auto& edit : edits) {
    const auto first = lines.begin() + (edit.first_line - 1);
    lines.erase(first, first + static_cast<std::ptrdiff_t>(edit.count));
    lines.insert(lines.begin() + (edit.first_line - 1), edit.lines.begin(), edit.lines.end());
  }
  std::ofstream out(k_document, std::ios::binary | std::ios::trunc);
  for (const auto& line : lines) {
    out << line << '\n';
  }
  std::cout << edits.size() << " blocks of docs/cli.md rewritten\n";
}

/// One example of docs/cli.md, by its place in the replay order.
class CliExamplesTest : public ::testing::TestWithParam<std::size_t>
{
};

TEST_P(CliExamplesTest, PrintsWhatTheDocumentShows)
{
  const Example& example = document().examples[GetParam()];
  const Outcome& outcome = replay().outcome(GetParam());
  if (outcome.mismatches.empty()) {
    return;
  }
  std::string earlier;
  for (const int line : outcome.earlier_lines) {
    earlier += (earlier.empty() ? "" : ", ") + std::to_string(line);
  }
  ADD_FAILURE_AT(k_document.c_str(), example.line)
      << "the example of " << example.chapter << (example.section.empty() ? "" : " > " + example.section)
      << " differs from what cfp prints\n$ " << example.command << '\n'
      << outcome.mismatches
      << (earlier.empty() ? "" : "(earlier examples in the same folder differ too, at lines " + earlier + ")\n");
}

INSTANTIATE_TEST_SUITE_P(CliMd, CliExamplesTest, ::testing::ValuesIn(example_indices()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CliExamplesTest);

} // namespace
} // namespace cfp::test::docs
