// SPDX-License-Identifier: EUPL-1.2
// Replays every `console` example of docs/cli.md with the real cfp binary, in the order the
// document's "About the examples" paragraph gives, and compares what cfp prints with what the
// document shows, so that the document cannot drift from the code. One ctest test runs them
// all (each example depends on the ones before it); a failure names the document's line.

#include "docs/cli_document.hpp"
#include "docs/example_replay.hpp"

#include <gtest/gtest.h>

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
