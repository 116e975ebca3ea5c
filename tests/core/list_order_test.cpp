// SPDX-License-Identifier: EUPL-1.2
// How lists held in memory are ordered and cut, how --limit is read and how a filter's values
// are cut at commas.

#include "support/support.hpp"

#include <cfp/core/list_order.hpp>
#include <cfp/error.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

using core::compare_values;
using domain::Value;

struct Row
{
  std::string name;
  std::optional<std::int64_t> size;
};

const core::Fields<Row>& row_fields()
{
  static const core::Fields<Row> fields{
      {"name", core::FieldKind::text, [](const Row& row, const core::Display&) { return Value(row.name); }},
      {"size", core::FieldKind::integer,
       [](const Row& row, const core::Display&) { return row.size ? Value(*row.size) : Value(); }},
  };
  return fields;
}

std::vector<std::string> names(const std::vector<Row>& rows)
{
  std::vector<std::string> result;
  for (const auto& row : rows) {
    result.push_back(row.name);
  }
  return result;
}

std::vector<std::string> ordered(core::ListOrder order)
{
  // The default order: as given.
  std::vector<Row> rows{{"b", 2}, {"A", std::nullopt}, {"c", 1}, {"d", 2}, {"e", std::nullopt}};
  core::order_rows(rows, row_fields(), order, {});
  return names(rows);
}

TEST(ListOrderTest, ByAFieldWithMissingValuesLastAndTiesInTheDefaultOrder)
{
  using V = std::vector<std::string>;
  EXPECT_EQ(ordered({"size", core::Direction::ascending, std::nullopt}), (V{"c", "b", "d", "A", "e"}));
  EXPECT_EQ(ordered({"size", core::Direction::descending, std::nullopt}), (V{"b", "d", "c", "A", "e"}));
  EXPECT_EQ(ordered({"name", core::Direction::ascending, std::nullopt}), (V{"A", "b", "c", "d", "e"}));
}

TEST(ListOrderTest, DescendingWithoutAFieldReversesAndTheLimitCuts)
{
  using V = std::vector<std::string>;
  EXPECT_EQ(ordered({std::nullopt, core::Direction::descending, std::nullopt}), (V{"e", "d", "c", "A", "b"}));
  EXPECT_EQ(ordered({std::nullopt, core::Direction::ascending, 2}), (V{"b", "A"}));
  EXPECT_EQ(ordered({"size", core::Direction::descending, 1}), (V{"b"}));
  EXPECT_EQ(ordered({"size", core::Direction::ascending, 50}).size(), 5u);
}

TEST(ListOrderTest, AnUnknownFieldIsAUsageErrorListingTheFields)
{
  try {
    ordered({"colour", core::Direction::ascending, std::nullopt});
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::usage);
    EXPECT_EQ(error.message(), "--sort: unknown field 'colour'; sort by one of: name, size");
  }
}

TEST(ListOrderTest, ValuesCompareByTheirKind)
{
  EXPECT_LT(compare_values(Value(std::string("alpha")), Value(std::string("Beta"))), 0);
  EXPECT_EQ(compare_values(Value(std::string("MIMER")), Value(std::string("mimer"))), 0);
  EXPECT_LT(compare_values(Value(std::int64_t{9}), Value(std::int64_t{10})), 0);
  EXPECT_LT(compare_values(Value(false), Value(true)), 0);
  EXPECT_LT(compare_values(Value(domain::Money{-1}), Value(domain::Money{INT64_MAX})), 0);
  EXPECT_GT(compare_values(Value(utc("2025-02-01T16:00:00Z")), Value(utc("2024-11-04T16:00:00Z"))), 0);
  EXPECT_LT(compare_values(Value(std::vector<std::string>{"health"}), Value(std::vector<std::string>{"health", "a"})),
            0);
  EXPECT_LT(compare_values(Value(std::vector<std::string>{}), Value(std::vector<std::string>{"AT"})), 0);
  EXPECT_GT(compare_values(Value(std::vector<std::string>{"PT"}), Value(std::vector<std::string>{"ES", "PT"})), 0);
  EXPECT_LT(compare_values(Value(domain::Decimal{"9.5"}), Value(domain::Decimal{"10"})), 0);
  EXPECT_EQ(compare_values(Value(domain::Decimal{"4.50"}), Value(domain::Decimal{"4.5"})), 0);
  EXPECT_LT(compare_values(Value(domain::Decimal{"-2"}), Value(domain::Decimal{"-1.5"})), 0);
  EXPECT_LT(compare_values(Value(domain::Decimal{"0.25"}), Value(domain::Decimal{"0.3"})), 0);
}

TEST(ListOrderTest, LimitIsAWholeNumberOfOneOrMore)
{
  EXPECT_EQ(core::parse_limit("1"), 1);
  EXPECT_EQ(core::parse_limit("250"), 250);
  for (const auto* text : {"0", "-3", "", "ten", "5x", "2.5", "99999999999999999999", " 3"}) {
    try {
      core::parse_limit(text);
      ADD_FAILURE() << "'" << text << "' accepted";
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::usage);
      EXPECT_EQ(error.message(), "--limit: '" + std::string(text) + "' is not a whole number of 1 or more");
    }
  }
}

TEST(ListOrderTest, FilterValuesAreCutAtCommasUnlessTheWholeNamesSomething)
{
  const auto nothing = [](const std::string&) { return false; };
  EXPECT_EQ(core::split_values({"FI,SE", "DK", " NO , ,IS"}, nothing),
            (std::vector<std::string>{"FI", "SE", "DK", "NO", "IS"}));
  const auto label = [](const std::string& text) { return text == "June, late"; };
  EXPECT_EQ(core::split_values({"June, late", "May,June"}, label),
            (std::vector<std::string>{"June, late", "May", "June"}));
  EXPECT_EQ(core::split_values({""}, nothing), (std::vector<std::string>{""}));
}

} // namespace
} // namespace cfp::test
