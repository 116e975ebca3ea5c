// SPDX-License-Identifier: EUPL-1.2
// A stored JSON object shown as it is must read exactly as reading and writing it again would.

#include "output/compact_json.hpp"
#include "output/value_text.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace cfp::test {
namespace {

using nlohmann::ordered_json;

// What the CSV of a JSON object shows when it is read and written again.
std::string rewritten(const std::string& text)
{
  return cli::dump_json(ordered_json::parse(text));
}

class Generator
{
public:
  explicit Generator(std::uint32_t seed) : m_random(seed) {}

  ordered_json object(int depth)
  {
    ordered_json value = ordered_json::object();
    const int keys = pick(0, 6);
    for (int i = 0; i < keys; ++i) {
      value[text() + std::to_string(i)] = any(depth + 1);
    }
    return value;
  }

  std::string text()
  {
    // Plain letters, the characters the writer escapes, control characters and characters of
    // two, three and four bytes.
    static const std::vector<std::string> pieces{
        "a",  "Z",  " ",    "\"",   "\\",   "/",    "\b",           "\f",          "\n",
        "\r", "\t", "\x01", "\x1f", "\x7f", "é",    "東",           "\xF0\x9F\x98\x80", "\xEF\xBF\xBF",
        "",   "{",  "}",    ",",    ":",    "[",    "\u2028",       "\x00",
    };
    std::string out;
    const int length = pick(0, 8);
    for (int i = 0; i < length; ++i) {
      const auto& piece = pieces[static_cast<std::size_t>(pick(0, static_cast<int>(pieces.size()) - 1))];
      out += piece == "\x00" ? std::string(1, '\0') : piece;
    }
    return out;
  }

  ordered_json any(int depth)
  {
    switch (pick(0, depth > 4 ? 5 : 7)) {
    case 0:
      return nullptr;
    case 1:
      return pick(0, 1) == 1;
    case 2: {
      static const std::vector<std::int64_t> numbers{0, 1, -1, 42, 123456789, std::numeric_limits<std::int64_t>::max(),
                                                      std::numeric_limits<std::int64_t>::min()};
      return numbers[static_cast<std::size_t>(pick(0, static_cast<int>(numbers.size()) - 1))];
    }
    case 3:
      return std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(pick(0, 3));
    case 4:
    case 5:
      return text();
    case 6:
      return object(depth);
    default: {
      ordered_json array = ordered_json::array();
      const int size = pick(0, 4);
      for (int i = 0; i < size; ++i) {
        array.push_back(any(depth + 1));
      }
      return array;
    }
    }
  }

  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }

private:
  std::mt19937 m_random;
};

TEST(CompactJsonTest, EveryObjectAsTheWriterWritesItIsTakenAsItIs)
{
  Generator generator(20261201);
  for (int i = 0; i < 3000; ++i) {
    const auto text = cli::dump_json(generator.object(0));
    ASSERT_TRUE(cli::is_compact_json_object(text)) << text;
    ASSERT_EQ(rewritten(text), text);
  }
  EXPECT_TRUE(cli::is_compact_json_object(R"({})"));
  EXPECT_TRUE(cli::is_compact_json_object(R"({"a":{},"b":[],"c":[[]],"d":{"a":1}})"));
  EXPECT_TRUE(cli::is_compact_json_object(R"({"n":-9223372036854775808,"m":18446744073709551615})"));
  EXPECT_TRUE(cli::is_compact_json_object(R"({"c":"\u0000\u001f\u000b","s":"a/b"})"));
}

TEST(CompactJsonTest, ATextWrittenAnyOtherWayIsTurnedDown)
{
  const std::vector<std::string> others{
      "",
      "null",
      "[]",
      R"("text")",
      R"({ })",
      R"({"a": 1})",
      R"({"a":1} )",
      R"( {"a":1})",
      R"({"a":1}{})",
      R"({"a":1,})",
      R"({"a":1,"a":2})",
      R"({"o":{"k":1,"k":1}})",
      R"({"a":1.0})",
      R"({"a":1e3})",
      R"({"a":-0})",
      R"({"a":01})",
      R"({"a":+1})",
      R"({"a":-9223372036854775809})",
      R"({"a":18446744073709551616})",
      R"({"a":"\/"})",
      R"({"a":"\u0041"})",
      R"({"a":"\u001F"})",
      R"({"a":"\u0009"})",
      R"({"a":"\u00e9"})",
      R"({"a":"\ud83d\ude00"})",
      R"({"a":"\x"})",
      "{\"a\":\"\t\"}",
      "{\"a\":\"\xC3\"}",
      "{\"a\":\"\xC0\xAF\"}",
      "{\"a\":\"\xED\xA0\x80\"}",
      "{\"a\":\"\xF4\x90\x80\x80\"}",
      "{\"a\":\"\xFF\"}",
      R"({"a":tru})",
      R"({"a":True})",
      R"({"a":[1,2})",
      R"({"a":[1 2]})",
      R"({"a")",
      R"({"a":)",
      R"({a:1})",
  };
  for (const auto& text : others) {
    EXPECT_FALSE(cli::is_compact_json_object(text)) << text;
  }
  std::string many = "{";
  for (int i = 0; i < 300; ++i) {
    many += (i > 0 ? ",\"" : "\"") + std::to_string(i) + "\":0";
  }
  EXPECT_FALSE(cli::is_compact_json_object(many + "}")) << "more keys than are checked against each other";
}

TEST(CompactJsonTest, WhatItTakesReadsBackTheSameWhateverTheText)
{
  // Texts near the writer's: its output with one byte changed, added or taken away.
  Generator generator(7);
  static const std::string bytes =
      std::string("{}[]\":,\\/ -+.0123456789eEtrufalsn\x01\x7f\x80\xC3\xA9\xED") + std::string(1, '\0');
  int taken = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = cli::dump_json(generator.object(0));
    const auto at = static_cast<std::size_t>(generator.pick(0, static_cast<int>(text.size())));
    const char byte = bytes[static_cast<std::size_t>(generator.pick(0, static_cast<int>(bytes.size()) - 1))];
    switch (generator.pick(0, 2)) {
    case 0:
      if (at < text.size()) {
        text[at] = byte;
      }
      break;
    case 1:
      text.insert(at, 1, byte);
      break;
    default:
      if (at < text.size()) {
        text.erase(at, 1);
      }
    }
    if (cli::is_compact_json_object(text)) {
      ++taken;
      const auto read = ordered_json::parse(text, nullptr, false);
      ASSERT_TRUE(read.is_object()) << text;
      ASSERT_EQ(cli::dump_json(read), text);
    }
  }
  EXPECT_GT(taken, 1000) << "the changes should leave many texts still compact";
}

TEST(CompactJsonTest, DeepNestingIsCheckedWithoutRecursion)
{
  const std::size_t depth = 1'000'000;
  const std::string deep = "{\"a\":" + std::string(depth, '[') + std::string(depth, ']') + "}";
  EXPECT_TRUE(cli::is_compact_json_object(deep));
  EXPECT_FALSE(cli::is_compact_json_object(deep.substr(0, deep.size() - 2) + "}"));
  std::string objects;
  for (std::size_t i = 0; i < depth / 10; ++i) {
    objects += "{\"k\":";
  }
  objects += "1" + std::string(depth / 10, '}');
  EXPECT_TRUE(cli::is_compact_json_object(objects));
}

TEST(CompactJsonTest, ADocumentNestedDeeperThanTheSchemaAllowsShowsAsNullNotACrash)
{
  // Reading, copying and writing a document recurse a level at a time: 100,000 levels overflow
  // the stack. The schema's json_valid refuses 2,000; a file edited behind cfp's back may not.
  const std::size_t depth = 100'000;
  const std::string spaced = "{\"a\": " + std::string(depth, '[') + std::string(depth, ']') + "}";
  EXPECT_TRUE(cli::json_value(domain::JsonText{spaced}).is_null());
  EXPECT_EQ(cli::csv_text(domain::JsonText{spaced}), "");
  EXPECT_TRUE(cli::json_value(domain::JsonText{std::string(depth, '{')}).is_null());
  // Up to the limit, a document reads as always; brackets inside strings do not count.
  const auto within = "{\"a\": " + std::string(cli::k_max_json_depth - 1, '[') +
                      std::string(cli::k_max_json_depth - 1, ']') + "}";
  EXPECT_EQ(cli::json_value(domain::JsonText{within}).dump().size(), within.size() - 1);
  const std::string brackets = "{\"a\": \"" + std::string(depth, '[') + "\\\"\"}";
  EXPECT_TRUE(cli::json_depth_at_most(brackets, 1));
  EXPECT_EQ(cli::json_value(domain::JsonText{brackets})["a"].get<std::string>().size(), depth + 1);
  EXPECT_FALSE(cli::json_depth_at_most("[[", 1));
  EXPECT_TRUE(cli::json_depth_at_most("[]]]{}", 1));
}

} // namespace
} // namespace cfp::test
