// SPDX-License-Identifier: EUPL-1.2
// What people see of stored text: escape_controls (tables, `label: value` lines, messages) and
// excerpt (a value quoted in a message).

#include <cfp/util/text.hpp>

#include <gtest/gtest.h>

#include <string>

namespace cfp::test {
namespace {

using util::escape_controls;
using util::excerpt;
using util::is_valid_utf8;
using util::LineFeeds;

TEST(EscapeTest, PlainTextAccentsAndWideCharactersStayAsTheyAre)
{
  EXPECT_EQ(escape_controls(""), "");
  EXPECT_EQ(escape_controls("Linköping University, 東京大学 😀 €2M"), "Linköping University, 東京大学 😀 €2M");
}

TEST(EscapeTest, LineBreaksAndTabsAreNamed)
{
  EXPECT_EQ(escape_controls("one\ntwo\r\nthree\tfour"), "one\\ntwo\\r\\nthree\\tfour");
}

TEST(EscapeTest, LineFeedsMayBeKeptForMessagesOfSeveralLines)
{
  EXPECT_EQ(escape_controls("one\ntwo\r\x1b[2J", LineFeeds::keep), "one\ntwo\\r\\x1b[2J");
}

TEST(EscapeTest, EscapeAndTheOtherC0ControlsAndDelAreHex)
{
  EXPECT_EQ(escape_controls("\x1b]0;owned\x07"), "\\x1b]0;owned\\x07");
  EXPECT_EQ(escape_controls(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(escape_controls("\x01\x1f\x7f"), "\\x01\\x1f\\x7f");
}

TEST(EscapeTest, C1ControlsAreUnicodeEscapes)
{
  EXPECT_EQ(escape_controls("\xc2\x80"), "\\u0080");
  EXPECT_EQ(escape_controls("a\xc2\x85"
                            "b"),
            "a\\u0085b"); // NEL
  EXPECT_EQ(escape_controls("\xc2\x9b"
                            "2J"),
            "\\u009b2J");                                            // CSI
  EXPECT_EQ(escape_controls("\xc2\x9f\xc2\xa0"), "\\u009f\xc2\xa0"); // U+00A0 is no control
}

TEST(EscapeTest, BidirectionalControlsAreUnicodeEscapes)
{
  EXPECT_EQ(escape_controls("abc\u202egpj.exe"), "abc\\u202egpj.exe");
  const std::pair<const char*, const char*> controls[] = {
      {"\u061c", "\\u061c"}, {"\u200e", "\\u200e"}, {"\u200f", "\\u200f"}, {"\u202a", "\\u202a"},
      {"\u202b", "\\u202b"}, {"\u202c", "\\u202c"}, {"\u202d", "\\u202d"}, {"\u202e", "\\u202e"},
      {"\u2066", "\\u2066"}, {"\u2067", "\\u2067"}, {"\u2068", "\\u2068"}, {"\u2069", "\\u2069"},
  };
  for (const auto& [control, expected] : controls) {
    EXPECT_EQ(escape_controls(control), expected);
  }
  // Their neighbours are ordinary characters.
  EXPECT_EQ(escape_controls("\u2029\u2065\u206a\u200d"), "\u2029\u2065\u206a\u200d");
}

TEST(EscapeTest, BytesThatAreNotUtf8AreHexEachByte)
{
  EXPECT_EQ(escape_controls("caf\xe9"), "caf\\xe9");
  EXPECT_EQ(escape_controls("\xe2\x82"
                            "x"),
            "\\xe2\\x82x");                                      // a sequence cut short
  EXPECT_EQ(escape_controls("\xc0\xaf"), "\\xc0\\xaf");          // overlong
  EXPECT_EQ(escape_controls("\xed\xa0\x80"), "\\xed\\xa0\\x80"); // a surrogate
}

TEST(EscapeTest, ABackslashStaysAsItIs)
{
  EXPECT_EQ(escape_controls("C:\\x1b\\n"), "C:\\x1b\\n");
}

TEST(EscapeTest, EscapingTwiceChangesNothingMore)
{
  const std::string once = escape_controls("a\x1b[31m\r\n\xc2\x85\u202e\xff");
  EXPECT_EQ(escape_controls(once), once);
  EXPECT_TRUE(is_valid_utf8(once));
}

TEST(ExcerptTest, AShortValueIsEscapedWhole)
{
  EXPECT_EQ(excerpt("€2M"), "€2M");
  EXPECT_EQ(excerpt("a\nb"), "a\\nb");
}

TEST(ExcerptTest, ANulDoesNotEndTheExcerpt)
{
  const auto shown = excerpt(std::string("new\0 and more", 13));
  EXPECT_EQ(shown, "new\\x00 and more");
  EXPECT_EQ(shown.find('\0'), std::string::npos);
}

TEST(ExcerptTest, ALongValueIsCutAtTheLimitWithAnEllipsis)
{
  const std::string value(100, 'x');
  EXPECT_EQ(excerpt(value, 10), "xxxxxxxxxx…");
  EXPECT_EQ(excerpt(std::string(80, 'x')), std::string(80, 'x'));
  EXPECT_EQ(excerpt(std::string(81, 'x')), std::string(80, 'x') + "…");
}

TEST(ExcerptTest, ACutNeverSplitsACharacter)
{
  // The limit falls on the second and on the third byte of '€' (three bytes): the cut goes before it.
  for (const std::size_t limit : {8u, 9u}) {
    const auto shown = excerpt("xxxxxxx€2M and more", limit);
    EXPECT_EQ(shown, "xxxxxxx…") << limit;
    EXPECT_TRUE(is_valid_utf8(shown)) << limit;
  }
  EXPECT_EQ(excerpt("xxxxxxx€2M and more", 10), "xxxxxxx€…");
}

TEST(ExcerptTest, ACutNeverSplitsAnEscape)
{
  EXPECT_EQ(excerpt("ab\x1b[2J", 4), "ab…");
  EXPECT_EQ(excerpt("ab\x1b[2J", 6), "ab\\x1b…");
  EXPECT_EQ(excerpt("ab\u202e", 7), "ab…");
}

TEST(CharacterAtTest, GivesTheWholeCharacterOrTheByteAlone)
{
  EXPECT_EQ(util::character_at("€2M", 0), "€");
  EXPECT_EQ(util::character_at("2😀", 1), "😀");
  EXPECT_EQ(util::character_at("x\xe9y", 1), "\xe9");
  EXPECT_EQ(util::character_at("\xe2\x82", 0), "\xe2"); // cut short
  EXPECT_EQ(util::character_at("ab", 2), "");
}

} // namespace
} // namespace cfp::test
