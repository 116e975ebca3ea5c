// SPDX-License-Identifier: EUPL-1.2
// `cfp help`, `cfp help TOPIC` and `cfp help COMMAND`.
#include "cli/cli_fixture.hpp"

#include "help_topics.hpp"

#include <cfp/domain/money.hpp>
#include <cfp/util/text.hpp>

#include <sstream>

namespace cfp::test {
namespace {

class HelpTest : public CliTest
{
};

TEST_F(HelpTest, HelpAloneShowsTheUsageAndListsTheTopics)
{
  const auto help = cfp({"help"});
  EXPECT_EQ(help.exit_code, 0) << help.err;
  EXPECT_EQ(help.out.rfind(cfp({"--help"}).out, 0), 0u) << "it starts with the usage";
  for (const auto& topic : cli::help_topics()) {
    EXPECT_NE(help.out.find("  " + std::string(topic.name) + " "), std::string::npos) << topic.name;
  }
  EXPECT_NE(cfp({"--help"}).out.find("cfp help"), std::string::npos) << "--help points to the topics";
}

TEST_F(HelpTest, EachTopicIsAPageOfItsOwnInAnyCase)
{
  for (const auto& topic : cli::help_topics()) {
    const auto page = cfp({"help", std::string(topic.name)});
    EXPECT_EQ(page.exit_code, 0) << topic.name;
    EXPECT_EQ(page.out, topic.text);
    EXPECT_EQ(page.err, "");
    std::istringstream lines(page.out);
    for (std::string line; std::getline(lines, line);) {
      EXPECT_LE(util::display_width(line), 96u) << topic.name << ": " << line;
    }
    EXPECT_EQ(cfp({"help", util::to_upper_ascii(std::string(topic.name))}).out, page.out);
  }
  EXPECT_NE(cfp({"help", "dates"}).out.find("17:00"), std::string::npos);
  EXPECT_NE(cfp({"help", "environment"}).out.find("CFP_NOW"), std::string::npos);
}

TEST_F(HelpTest, TheMoneyTopicsExamplesAreWhatCfpReads)
{
  for (const char* valid : {"485M", "1.5bn", "12_000.50", "0.001k", "31.5M", "31_500_000", "600M", "2_000_000", "2M",
                            "1.5M"}) {
    EXPECT_TRUE(domain::parse_money(valid).ok()) << valid;
  }
  for (const char* refused : {"1,000", "1.000", "1,5M", "2 000 000", "€5", ".5M", "12.M", "-5"}) {
    EXPECT_FALSE(domain::parse_money(refused).ok()) << refused;
  }
  EXPECT_EQ(domain::parse_money("0.001k").value(), 100);
}

TEST_F(HelpTest, HelpOfACommandIsItsHelp)
{
  EXPECT_EQ(cfp({"help", "proposal", "list"}).out, cfp({"proposal", "list", "--help"}).out);
  EXPECT_EQ(cfp({"help", "rank"}).out, cfp({"rank", "--help"}).out);
  EXPECT_NE(cfp({"help", "proposal"}).out.find("list"), std::string::npos);
}

TEST_F(HelpTest, AnUnknownTopicIsAUsageErrorWithTheClosest)
{
  fails({"help", "mony"}, 2, "cfp: error: no help topic or command 'mony'; did you mean 'money'?");
  fails({"help", "propsal"}, 2, "did you mean 'proposal'?");
  fails({"help", "frobnicate"}, 2, "no help topic or command 'frobnicate'; 'cfp help' lists them");
  fails({"help", "\x1b[2J"}, 2, "'\\x1b[2J'");
}

} // namespace
} // namespace cfp::test
