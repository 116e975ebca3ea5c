// SPDX-License-Identifier: EUPL-1.2
// Values packed into bytes and read back; sort keys whose bytes compare as their values do.

#include <cfp/error.hpp>
#include <cfp/util/byte_record.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace cfp::test {
namespace {

TEST(ByteRecordTest, WhatIsPackedIsReadBackInOrder)
{
  util::ByteWriter writer;
  writer.integer(std::numeric_limits<std::int64_t>::min());
  writer.text(std::string("a\0b", 3));
  writer.flag(true);
  writer.optional_integer(std::nullopt);
  writer.optional_integer(-7);
  writer.text("");
  util::ByteReader reader(writer.bytes());
  EXPECT_EQ(reader.integer(), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(reader.text(), std::string("a\0b", 3));
  EXPECT_TRUE(reader.flag());
  EXPECT_EQ(reader.optional_integer(), std::nullopt);
  EXPECT_EQ(reader.optional_integer(), -7);
  EXPECT_EQ(reader.text(), "");
  EXPECT_TRUE(reader.done());
  EXPECT_THROW(reader.flag(), Error) << "a read past the end";
}

// Bytes compared as a store compares them: unsigned, a prefix first.
bool bytes_less(const std::string& a, const std::string& b)
{
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return static_cast<unsigned char>(x) < static_cast<unsigned char>(y);
  });
}

TEST(SortKeyTest, KeysCompareAsTheirValuesDoAscendingDescendingAndText)
{
  // Values chosen to tie often at every level, with the extremes and text that begins other text.
  const std::vector<std::int64_t> numbers{std::numeric_limits<std::int64_t>::min(), -1, 0, 1, 255, 256,
                                          std::numeric_limits<std::int64_t>::max()};
  const std::vector<std::string> texts{"", "a", "ab", std::string("a\0", 2), std::string("a\0b", 3), "a\x01", "b",
                                       "\xff", "\xc3\xa9"};
  std::mt19937_64 random(20241104);
  using Values = std::tuple<std::int64_t, std::int64_t, std::string, std::int64_t>;
  std::vector<Values> values;
  for (int i = 0; i < 2000; ++i) {
    values.emplace_back(numbers[random() % numbers.size()], numbers[random() % numbers.size()],
                        texts[random() % texts.size()], numbers[random() % numbers.size()]);
  }
  const auto key_of = [](const Values& v) {
    util::SortKey key;
    key.ascending(std::get<0>(v));
    key.descending(std::get<1>(v));
    key.text(std::get<2>(v));
    key.ascending(std::get<3>(v));
    return key.bytes();
  };
  for (std::size_t i = 0; i + 1 < values.size(); ++i) {
    const auto& a = values[i];
    const auto& b = values[i + 1];
    // The second number descending: compared the other way round.
    const auto order = [](const Values& v, const Values& w) {
      return std::tie(std::get<0>(v), std::get<1>(w), std::get<2>(v), std::get<3>(v)) <
             std::tie(std::get<0>(w), std::get<1>(v), std::get<2>(w), std::get<3>(w));
    };
    const bool expected = order(a, b);
    EXPECT_EQ(bytes_less(key_of(a), key_of(b)), expected) << i;
    EXPECT_EQ(key_of(a) == key_of(b), a == b) << i;
  }
}

} // namespace
} // namespace cfp::test
