// SPDX-License-Identifier: EUPL-1.2
// store::Sorter on SQLite: rows given back by the bytes of their keys, equal keys in the order
// added, as often as asked, in a read of a database opened read-only; one sorter at a time.

#include "support/support.hpp"

#include <cfp/error.hpp>
#include <cfp/store/database.hpp>
#include <cfp/store/sorter.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

std::vector<std::string> rows_of(const store::Sorter& sorter)
{
  std::vector<std::string> rows;
  sorter.for_each([&](std::string_view row) { rows.emplace_back(row); });
  return rows;
}

TEST(SorterTest, RowsComeBackByTheBytesOfTheirKeysEqualKeysAsAdded)
{
  DatabaseFixture fixture;
  const auto read_only = store::Database::open(fixture.path().string(), {store::Access::read_only});
  read_only->read("sort", [&](const store::Transaction& tx) {
    const auto sorter = tx.sorter();
    sorter->add("b", "second b");
    sorter->add(std::string("a\0", 2), "a and a zero byte");
    sorter->add("\xff", "high byte");
    sorter->add("a", "a");
    sorter->add("b", "third b");
    sorter->add("", "empty key");
    sorter->add("b", std::string("\0row", 4));
    const std::vector<std::string> expected{"empty key", "a", "a and a zero byte", "second b", "third b",
                                            std::string("\0row", 4), "high byte"};
    EXPECT_EQ(rows_of(*sorter), expected);
    EXPECT_EQ(rows_of(*sorter), expected) << "a second time";
    EXPECT_THROW(tx.sorter(), Error) << "one sorter at a time";
  });
  // The next one, in the same read, starts empty.
  read_only->read("sort twice", [&](const store::Transaction& tx) {
    tx.sorter()->add("k", "first sorter's");
    const auto sorter = tx.sorter();
    EXPECT_TRUE(rows_of(*sorter).empty());
  });
  // Gone with its sorter: the next read sorts afresh.
  read_only->read("sort again", [&](const store::Transaction& tx) {
    const auto sorter = tx.sorter();
    EXPECT_TRUE(rows_of(*sorter).empty());
    sorter->add("k", "v");
    EXPECT_EQ(rows_of(*sorter), std::vector<std::string>{"v"});
  });
}

} // namespace
} // namespace cfp::test
