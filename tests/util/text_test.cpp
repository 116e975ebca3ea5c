// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/text.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

using util::display_width;
using util::edit_distance;
using util::has_control_characters;
using util::is_valid_utf8;
using util::trim;

// --- is_valid_utf8 ------------------------------------------------------------------------

TEST(TextTest, AsciiAndEmptyTextAreValidUtf8)
{
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("AI Factory"));
}

TEST(TextTest, MultiByteCharactersAreValidUtf8)
{
  EXPECT_TRUE(is_valid_utf8("café"));             // two bytes
  EXPECT_TRUE(is_valid_utf8("€ 日本語"));         // three bytes
  EXPECT_TRUE(is_valid_utf8("😀"));                // four bytes
  EXPECT_TRUE(is_valid_utf8("\xf4\x8f\xbf\xbf")); // U+10FFFF, the last code point
}

TEST(TextTest, Latin1BytesAreNotValidUtf8)
{
  EXPECT_FALSE(is_valid_utf8("caf\xe9"));
  EXPECT_FALSE(is_valid_utf8("\xff"));
}

TEST(TextTest, TruncatedSequencesAreNotValidUtf8)
{
  EXPECT_FALSE(is_valid_utf8("\xc3"));
  EXPECT_FALSE(is_valid_utf8("abc\xe2\x82"));
  EXPECT_FALSE(is_valid_utf8("\xf0\x9f\x98"));
  EXPECT_FALSE(is_valid_utf8("\xe2\x82x"));
}

TEST(TextTest, StrayContinuationBytesAreNotValidUtf8)
{
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(is_valid_utf8("a\xbf"
                             "b"));
}

TEST(TextTest, OverlongEncodingsAreNotValidUtf8)
{
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));
  EXPECT_FALSE(is_valid_utf8("\xe0\x80\xaf"));
  EXPECT_FALSE(is_valid_utf8("\xc1\xbf"));
}

TEST(TextTest, SurrogatesAndCodePointsBeyondUnicodeAreNotValidUtf8)
{
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));     // U+D800
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80")); // U+110000
}

TEST(TextTest, NulByteIsNotValidText)
{
  EXPECT_FALSE(is_valid_utf8(std::string("a\0b", 3)));
  EXPECT_FALSE(is_valid_utf8(std::string(1, '\0')));
}

// --- has_control_characters ---------------------------------------------------------------

TEST(TextTest, PrintableTextHasNoControlCharacters)
{
  EXPECT_FALSE(has_control_characters(""));
  EXPECT_FALSE(has_control_characters("AI Factory, 2025 — café 日本 😀"));
  EXPECT_FALSE(has_control_characters("\xc2\xa0")); // no-break space is printable
}

TEST(TextTest, C0ControlCharactersAreFound)
{
  EXPECT_TRUE(has_control_characters("a\tb"));
  EXPECT_TRUE(has_control_characters("a\nb"));
  EXPECT_TRUE(has_control_characters("\x1b[31mred"));
  EXPECT_TRUE(has_control_characters(std::string("a\0b", 3)));
  EXPECT_TRUE(has_control_characters("\x1f"));
}

TEST(TextTest, DeleteAndC1ControlCharactersAreFound)
{
  EXPECT_TRUE(has_control_characters("a\x7f"));
  EXPECT_TRUE(has_control_characters("a\xc2\x85z")); // U+0085 NEXT LINE
  EXPECT_TRUE(has_control_characters("\xc2\x9b"));   // U+009B CSI
  EXPECT_TRUE(has_control_characters("\xc2\x80"));
  EXPECT_TRUE(has_control_characters("\xc2\x9f"));
}

TEST(TextTest, AllowedControlCharactersAreNotReported)
{
  EXPECT_FALSE(has_control_characters("a\tb\nc\r\n", "\t\n\r"));
  EXPECT_TRUE(has_control_characters("a\tb\x0b", "\t\n\r"));
  EXPECT_TRUE(has_control_characters("a\tb", "\n"));
}

TEST(TextTest, InvalidBytesAreNotControlCharacters)
{
  // Invalid UTF-8 is is_valid_utf8's business; a Latin-1 0x85 is not U+0085.
  EXPECT_FALSE(has_control_characters("caf\xe9"));
  EXPECT_FALSE(has_control_characters("\x85"));
}

// --- display_width ------------------------------------------------------------------------

TEST(TextTest, AsciiIsOneColumnACharacter)
{
  EXPECT_EQ(display_width(""), 0U);
  EXPECT_EQ(display_width("BSC-AIF"), 7U);
  EXPECT_EQ(display_width("a b"), 3U);
}

TEST(TextTest, PrecomposedAccentedLettersAreOneColumn)
{
  EXPECT_EQ(display_width("café"), 4U);
  EXPECT_EQ(display_width("Ñandú"), 5U);
  EXPECT_EQ(display_width("Łódź"), 4U);
  EXPECT_EQ(display_width("€"), 1U);
}

TEST(TextTest, CombiningMarksTakeNoColumn)
{
  EXPECT_EQ(display_width("cafe\xcc\x81"), 4U); // e + U+0301 COMBINING ACUTE ACCENT
  EXPECT_EQ(display_width("n\xcc\x83"
                          "o"),
            2U);                                     // n + U+0303 COMBINING TILDE
  EXPECT_EQ(display_width("a\xcc\x81\xcc\xa7"), 1U); // two marks on one letter
}

TEST(TextTest, CjkCharactersAreTwoColumns)
{
  EXPECT_EQ(display_width("日本"), 4U);
  EXPECT_EQ(display_width("한국어"), 6U);
  EXPECT_EQ(display_width("AI工厂"), 6U);
  EXPECT_EQ(display_width("\xef\xbc\xa1"), 2U); // U+FF21 FULLWIDTH LATIN CAPITAL LETTER A
}

TEST(TextTest, EmojiAreTwoColumns)
{
  EXPECT_EQ(display_width("😀"), 2U);
  EXPECT_EQ(display_width("ok 👍"), 5U);
}

TEST(TextTest, ZeroWidthSpaceTakesNoColumn)
{
  EXPECT_EQ(display_width("a\xe2\x80\x8b"
                          "b"),
            2U); // U+200B
}

TEST(TextTest, InvalidUtf8CountsOneColumnAByte)
{
  EXPECT_EQ(display_width("caf\xe9"), 4U);
  EXPECT_EQ(display_width("\xff\xfe"), 2U);
  EXPECT_EQ(display_width("\xe2\x82"), 2U);
}

// --- trim, case, join ---------------------------------------------------------------------

TEST(TextTest, WidthAndEscapesAfterAPlainAsciiStartAreReadCharacterByCharacter)
{
  // The printable ASCII at the start is taken whole; what follows it is still measured and
  // escaped character by character.
  EXPECT_EQ(util::display_width("MIMER AI Factory"), 16u);
  EXPECT_EQ(util::display_width("AI Factory Linköping"), 20u);
  EXPECT_EQ(util::display_width("AI 東京"), 7u);
  EXPECT_EQ(util::display_width("AI e\xcc\x81"), 4u); // e + combining acute
  EXPECT_EQ(util::display_width("AI\xff\xfe"), 4u);  // invalid bytes: one column each
  EXPECT_EQ(util::display_width(" ~"), 2u);
  EXPECT_EQ(util::escape_controls("MIMER AI Factory", util::LineFeeds::escape), "MIMER AI Factory");
  EXPECT_EQ(util::escape_controls("title\x01", util::LineFeeds::escape), "title\\x01");
  EXPECT_EQ(util::escape_controls("a\tb\nc", util::LineFeeds::escape), "a\\tb\\nc");
  EXPECT_EQ(util::escape_controls("a\tb\nc", util::LineFeeds::keep), "a\\tb\nc");
  EXPECT_EQ(util::escape_controls("Linköping\x7f", util::LineFeeds::escape), "Linköping\\x7f");
  EXPECT_EQ(util::escape_controls("AI\xff", util::LineFeeds::escape), "AI\\xff");
  EXPECT_EQ(util::escape_controls("AI \u202e evil", util::LineFeeds::escape), "AI \\u202e evil");
  EXPECT_EQ(util::escape_controls("", util::LineFeeds::escape), "");
}

TEST(TextTest, TrimRemovesAsciiWhiteSpaceAtBothEnds)
{
  EXPECT_EQ(trim("  ES  "), "ES");
  EXPECT_EQ(trim("\t\r\n\f\v ES \v\f\n\r\t"), "ES");
  EXPECT_EQ(trim("ES"), "ES");
}

TEST(TextTest, TrimKeepsInnerWhiteSpace)
{
  EXPECT_EQ(trim("  United Kingdom\t"), "United Kingdom");
  EXPECT_EQ(trim("a \n b"), "a \n b");
}

TEST(TextTest, TrimOfBlankTextIsEmpty)
{
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim("\t\n"), "");
}

TEST(TextTest, TrimLeavesNonAsciiSpaceAlone)
{
  EXPECT_EQ(trim("\xc2\xa0"
                 "ES"),
            "\xc2\xa0"
            "ES");
}

TEST(TextTest, CaseConversionTouchesOnlyAsciiLetters)
{
  EXPECT_EQ(util::to_upper_ascii("es-é_1"), "ES-é_1");
  EXPECT_EQ(util::to_lower_ascii("ÉCOLE Ab"), "École ab");
}

TEST(TextTest, IequalsIgnoresAsciiCaseOnly)
{
  EXPECT_TRUE(util::iequals("Health", "HEALTH"));
  EXPECT_FALSE(util::iequals("health", "healt"));
  EXPECT_FALSE(util::iequals("é", "É"));
}

TEST(TextTest, JoinPutsTheSeparatorBetweenParts)
{
  EXPECT_EQ(util::join({}, ", "), "");
  EXPECT_EQ(util::join({"ES"}, ", "), "ES");
  EXPECT_EQ(util::join({"ES", "PT", "RO"}, ", "), "ES, PT, RO");
}

// --- edit_distance ------------------------------------------------------------------------

TEST(TextTest, EditDistanceOfEqualStringsIsZero)
{
  EXPECT_EQ(edit_distance("", ""), 0U);
  EXPECT_EQ(edit_distance("es", "es"), 0U);
}

TEST(TextTest, EditDistanceToEmptyIsTheLength)
{
  EXPECT_EQ(edit_distance("abc", ""), 3U);
  EXPECT_EQ(edit_distance("", "abcd"), 4U);
}

TEST(TextTest, EditDistanceCountsOneForEachInsertionDeletionOrSubstitution)
{
  EXPECT_EQ(edit_distance("ex", "es"), 1U);
  EXPECT_EQ(edit_distance("esp", "es"), 1U);
  EXPECT_EQ(edit_distance("s", "es"), 1U);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3U);
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2U);
}

TEST(TextTest, EditDistanceCountsATranspositionAsTwo)
{
  EXPECT_EQ(edit_distance("es", "se"), 2U);
}

TEST(TextTest, EditDistanceIsSymmetric)
{
  const std::vector<std::string> words{"", "a", "es", "spain", "sweden", "kitten", "sitting"};
  for (const auto& a : words) {
    for (const auto& b : words) {
      EXPECT_EQ(edit_distance(a, b), edit_distance(b, a)) << a << " / " << b;
    }
  }
}

TEST(TextTest, EditDistanceIsCaseSensitive)
{
  EXPECT_EQ(edit_distance("ES", "es"), 2U);
}

} // namespace
} // namespace cfp::test
