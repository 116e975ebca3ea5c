// SPDX-License-Identifier: EUPL-1.2
// `deadline list` says where each cut-off stands at the report time: `not_open` before its
// call opens, `open` up to and at its closing second, `closed` after; `seconds_left` counts
// down to the closing and goes negative after it.

#include "cli/cli_fixture.hpp"

#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using json = nlohmann::ordered_json;

class DeadlineStatusTest : public CliTest
{
protected:
  void SetUp() override
  {
    CliTest::SetUp();
    // A call that opens on 1 March 2026, with a cut-off on 2 April 2026 at 17:00 Brussels
    // (summer time: 15:00 UTC).
    ok({"call", "add", "EUROHPC-2026-LATER", "--title", "Later", "--opens", "2026-03-01"}, "2026-01-10T10:00:00Z");
    ok({"deadline", "add", "EUROHPC-2026-LATER", "2026-04-02"}, "2026-01-10T10:00:00Z");
  }

  // status and seconds_left of the cut-off, as `deadline list --format json` gives them at `now`.
  std::string at(const std::string& now)
  {
    const auto rows = json::parse(ok({"deadline", "list", "--call", "EUROHPC-2026-LATER", "--format", "json"}, now));
    return rows.at(0).at("status").get<std::string>() + " " + rows.at(0).at("seconds_left").dump() + " " +
           rows.at(0).at("open").dump();
  }
};

TEST_F(DeadlineStatusTest, ACutOffIsNotOpenBeforeItsCallOpensOpenToItsSecondAndClosedAfter)
{
  EXPECT_EQ(at("2026-02-28T22:59:59Z"), "not_open 2822401 false") << "a second before the call opens (CET)";
  EXPECT_EQ(at("2026-02-28T23:00:00Z"), "open 2822400 true");
  EXPECT_EQ(at("2026-04-02T14:59:59Z"), "open 1 true");
  EXPECT_EQ(at("2026-04-02T15:00:00Z"), "open 0 true") << "the closing second still takes submissions";
  EXPECT_EQ(at("2026-04-02T15:00:01Z"), "closed -1 false");
}

TEST_F(DeadlineStatusTest, TheTableSaysTheStatusAndOpenListsWhatHasNotClosed)
{
  const auto table = ok({"deadline", "list", "--call", "EUROHPC-2026-LATER"}, "2026-02-01T10:00:00Z");
  EXPECT_NE(table.find("2026-04-02 17:00:00 CEST"), std::string::npos) << table;
  EXPECT_NE(table.find("not_open"), std::string::npos) << table;
  const auto open = json::parse(ok({"deadline", "list", "--open", "--format", "json"}, "2026-02-01T10:00:00Z"));
  ASSERT_EQ(open.size(), 1u) << "the fixture's cut-offs of 2024 and 2025 have closed";
  EXPECT_EQ(open.at(0).at("status"), "not_open");
  EXPECT_EQ(json::parse(ok({"deadline", "list", "--open", "--format", "json"}, "2026-04-02T15:00:01Z")).size(), 0u);
  // The time left as report deadlines gives it: seconds in the last hour, how long ago once closed.
  EXPECT_NE(ok({"deadline", "list", "--call", "EUROHPC-2026-LATER"}, "2026-04-02T14:59:30Z").find("0d 00h 00m 30s"),
            std::string::npos);
  EXPECT_NE(ok({"deadline", "list", "--call", "EUROHPC-2026-LATER"}, "2026-04-05T15:00:00Z").find("closed 3d ago"),
            std::string::npos);
}

} // namespace
} // namespace cfp::test
