// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/csv_reader.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

namespace cfp::test {
namespace {

using util::CsvReader;
using util::CsvRecord;

// The reader refills its buffer every 64 KiB: inputs longer than that cross a refill.
constexpr std::size_t k_buffer = std::size_t{1} << 16;

using Fields = std::vector<std::string>;

// Every record of `text`, in order.
std::vector<CsvRecord> read_all(const std::string& text)
{
  std::istringstream in(text);
  CsvReader reader(in);
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (reader.next(record)) {
    records.push_back(record);
  }
  return records;
}

TEST(CsvReaderTest, PlainRecordsComeWithTheirFieldsLinesAndRawBytes)
{
  const auto records = read_all("call,acronym,title\nEUROHPC-01,BSC-AIF,BSC AI Factory\nX,,\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"call", "acronym", "title"}));
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[0].raw, "call,acronym,title");
  EXPECT_EQ(records[0].error, "");
  EXPECT_EQ(records[1].fields, (Fields{"EUROHPC-01", "BSC-AIF", "BSC AI Factory"}));
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].raw, "EUROHPC-01,BSC-AIF,BSC AI Factory");
  EXPECT_EQ(records[2].fields, (Fields{"X", "", ""}));
  EXPECT_EQ(records[2].line, 3u);
  EXPECT_EQ(records[2].raw, "X,,");
}

TEST(CsvReaderTest, TheLastRecordMayLackALineBreak)
{
  const auto records = read_all("a,b\nc,d");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].raw, "c,d");
  EXPECT_EQ(records[1].error, "");
}

TEST(CsvReaderTest, SpacesAndTabsArePartOfTheField)
{
  const auto records = read_all(" padded , tab\there \n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{" padded ", " tab\there "}));
}

TEST(CsvReaderTest, AnEmptyInputHasNoRecord)
{
  std::istringstream in("");
  CsvReader reader(in);
  CsvRecord record;
  EXPECT_FALSE(reader.next(record));
  EXPECT_FALSE(reader.next(record));
  EXPECT_EQ(reader.bytes_read(), 0u);
}

TEST(CsvReaderTest, NextIsFalseOnceTheInputIsRead)
{
  std::istringstream in("a\n");
  CsvReader reader(in);
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.fields, (Fields{"a"}));
  EXPECT_FALSE(reader.next(record));
  EXPECT_FALSE(reader.next(record));
}

TEST(CsvReaderTest, AReusedRecordKeepsNothingOfThePreviousOne)
{
  std::istringstream in("a\"b,c,d,e\nf\n");
  CsvReader reader(in);
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  ASSERT_NE(record.error, "");
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.fields, (Fields{"f"}));
  EXPECT_EQ(record.raw, "f");
  EXPECT_EQ(record.error, "");
  EXPECT_EQ(record.line, 2u);
}

TEST(CsvReaderTest, AQuotedFieldMayHoldCommas)
{
  const auto records = read_all("\"AI Factory, Iberia\",ES\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"AI Factory, Iberia", "ES"}));
  EXPECT_EQ(records[0].raw, "\"AI Factory, Iberia\",ES");
  EXPECT_EQ(records[0].error, "");
}

TEST(CsvReaderTest, ADoubledQuoteInAQuotedFieldIsOneQuote)
{
  const auto records = read_all("\"say \"\"AI\"\"\",\"\"\"\",\"\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"say \"AI\"", "\"", ""}));
  EXPECT_EQ(records[0].raw, "\"say \"\"AI\"\"\",\"\"\"\",\"\"");
  EXPECT_EQ(records[0].error, "");
}

TEST(CsvReaderTest, AQuotedFieldMaySpanLinesAndTheRecordKeepsItsFirstLine)
{
  const auto records = read_all("h1,h2\nBSC,\"line one\nline two\nline three\"\nNEXT,x\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields, (Fields{"BSC", "line one\nline two\nline three"}));
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].raw, "BSC,\"line one\nline two\nline three\"");
  // The next record starts on line 5: the two breaks inside the quotes count.
  EXPECT_EQ(records[2].fields, (Fields{"NEXT", "x"}));
  EXPECT_EQ(records[2].line, 5u);
}

TEST(CsvReaderTest, ACrLfInsideQuotesIsKeptInTheField)
{
  const auto records = read_all("\"Two\r\nlines\",x\r\nnext\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"Two\r\nlines", "x"}));
  EXPECT_EQ(records[0].raw, "\"Two\r\nlines\",x");
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
  EXPECT_EQ(records[1].line, 3u);
}

TEST(CsvReaderTest, AQuotedFieldMayEndTheInput)
{
  const auto records = read_all("a,\"b\"");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(records[0].error, "");
}

TEST(CsvReaderTest, CrLfAndLfEndLinesAlikeAndNeitherIsInTheRawBytes)
{
  const auto records = read_all("a,b\r\nc,d\ne,f\r\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(records[0].raw, "a,b");
  EXPECT_EQ(records[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ(records[1].raw, "c,d");
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[2].fields, (Fields{"e", "f"}));
  EXPECT_EQ(records[2].raw, "e,f");
  EXPECT_EQ(records[2].line, 3u);
}

TEST(CsvReaderTest, AnEmptyLastFieldBeforeCrLfIsKept)
{
  const auto records = read_all("a,\r\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"a", ""}));
  EXPECT_EQ(records[0].raw, "a,");
}

TEST(CsvReaderTest, AByteOrderMarkIsDroppedFromTheFirstField)
{
  const auto records = read_all("\xEF\xBB\xBF"
                                "call,acronym\r\nX,Y\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"call", "acronym"}));
  EXPECT_EQ(records[0].raw, "call,acronym");
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[0].error, "");
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, AByteOrderMarkAloneIsAnEmptyInput)
{
  std::istringstream in("\xEF\xBB\xBF");
  CsvReader reader(in);
  CsvRecord record;
  EXPECT_FALSE(reader.next(record));
  EXPECT_EQ(reader.bytes_read(), 3u);
}

TEST(CsvReaderTest, AByteOrderMarkIsDroppedOnlyAtTheStart)
{
  const auto records = read_all("a\n\xEF\xBB\xBF"
                                "b\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"\xEF\xBB\xBF"
                                       "b"}));
  EXPECT_EQ(records[1].error, "");
}

TEST(CsvReaderTest, AnIncompleteByteOrderMarkIsReportedAndReadingGoesOnAtTheNextLine)
{
  const auto records = read_all("\xEF\xBB"
                                "call,acronym\nX,Y\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "the file starts with an incomplete byte order mark");
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[0].raw, "call,acronym");
  EXPECT_EQ(records[1].fields, (Fields{"X", "Y"}));
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].error, "");
}

TEST(CsvReaderTest, AFileOfOnlyAnIncompleteByteOrderMarkIsReported)
{
  const auto records = read_all("\xEF");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error, "the file starts with an incomplete byte order mark");
  EXPECT_EQ(records[0].line, 1u);
}

TEST(CsvReaderTest, AFirstCharacterEncodedFromEfIsNotTakenForAByteOrderMark)
{
  // U+FF21 FULLWIDTH LATIN CAPITAL LETTER A is EF BC A1: valid UTF-8, not a byte order mark.
  const auto records = read_all("\xEF\xBC\xA1,b\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error, "");
  EXPECT_EQ(records[0].fields, (Fields{"\xEF\xBC\xA1", "b"}));
  EXPECT_EQ(records[0].raw, "\xEF\xBC\xA1,b");
}

TEST(CsvReaderTest, EmptyLinesAreSkippedAndStillCounted)
{
  const auto records = read_all("\n\nh\r\n\r\n\n\na,b\n\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"h"}));
  EXPECT_EQ(records[0].line, 3u);
  EXPECT_EQ(records[1].fields, (Fields{"a", "b"}));
  EXPECT_EQ(records[1].line, 7u);
}

TEST(CsvReaderTest, OnlyEmptyLinesAreAnEmptyInput)
{
  EXPECT_TRUE(read_all("\n\r\n\n").empty());
}

TEST(CsvReaderTest, ALineOfSpacesIsARecordNotAnEmptyLine)
{
  const auto records = read_all("a\n  \nb\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields, (Fields{"  "}));
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, InvalidUtf8NamesTheFieldAndTheRestOfTheRecordIsRead)
{
  const auto records = read_all("a,b\xff,c\nnext\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "field 2 is not valid UTF-8");
  EXPECT_EQ(records[0].fields, (Fields{"a", "b\xff", "c"}));
  EXPECT_EQ(records[0].raw, "a,b\xff,c");
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].error, "");
}

TEST(CsvReaderTest, OnlyTheFirstInvalidFieldOfARecordIsNamed)
{
  const auto records = read_all("ok,\xC3,\xFF\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error, "field 2 is not valid UTF-8");
  EXPECT_EQ(records[0].fields.size(), 3u);
}

TEST(CsvReaderTest, InvalidUtf8InAQuotedFieldIsReported)
{
  const auto records = read_all("\"x\xC0\xAF\",y\nnext\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "field 1 is not valid UTF-8");
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
}

TEST(CsvReaderTest, ANulByteIsNotAllowed)
{
  const std::string text = std::string("a,b") + '\0' + "c\nnext\n";
  const auto records = read_all(text);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "a NUL byte is not allowed");
  EXPECT_EQ(records[0].fields, (Fields{"a", std::string("b") + '\0' + "c"}));
  EXPECT_EQ(records[0].raw, std::string("a,b") + '\0' + "c");
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, AQuoteInsideAnUnquotedFieldIsAnErrorAndTheRestOfTheLineIsSkipped)
{
  const auto records = read_all("a,b\"c,d\nnext,1\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "a quote inside an unquoted field (quote the whole field and double the quote)");
  EXPECT_EQ(records[0].raw, "a,b\"c,d");
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[1].fields, (Fields{"next", "1"}));
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].error, "");
}

TEST(CsvReaderTest, AfterAStrayQuoteALaterQuotedFieldStillHidesItsLineBreaks)
{
  // The quoted field after the stray quote spans lines 1 to 3: none of them is a record.
  const auto records = read_all("a,b\"c,\"x\nSMUGGLED,1\ny\",z\nnext,2\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "a quote inside an unquoted field (quote the whole field and double the quote)");
  EXPECT_EQ(records[0].raw, "a,b\"c,\"x\nSMUGGLED,1\ny\",z");
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[1].fields, (Fields{"next", "2"}));
  EXPECT_EQ(records[1].line, 4u);
}

TEST(CsvReaderTest, TextAfterAClosingQuoteIsAnError)
{
  const auto records = read_all("\"T\"x,ES\nnext\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "a closing quote must be followed by a comma or the end of the line");
  EXPECT_EQ(records[0].raw, "\"T\"x,ES");
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, AfterTextFollowingAClosingQuoteQuotesStillCountWhileSkipping)
{
  const auto records = read_all("h\nR1,\"T\"x,ES,\"note:\nEUROHPC,SMUGGLED,T,ES,E\nend\"\r\nGOOD,1\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].error, "a closing quote must be followed by a comma or the end of the line");
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].raw, "R1,\"T\"x,ES,\"note:\nEUROHPC,SMUGGLED,T,ES,E\nend\"");
  EXPECT_EQ(records[2].fields, (Fields{"GOOD", "1"}));
  EXPECT_EQ(records[2].line, 5u);
}

TEST(CsvReaderTest, AClosingQuoteMayBeFollowedByCrLf)
{
  const auto records = read_all("\"a\"\r\n\"b\"\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"a"}));
  EXPECT_EQ(records[0].error, "");
  EXPECT_EQ(records[1].fields, (Fields{"b"}));
  EXPECT_EQ(records[1].error, "");
}

TEST(CsvReaderTest, ALoneCarriageReturnInsideARecordIsAnError)
{
  const auto records = read_all("a\rb,c\nnext\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "a carriage return outside quotes that does not end the line");
  EXPECT_EQ(records[0].raw, "a\rb,c");
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, ALoneCarriageReturnAfterAClosingQuoteIsAnError)
{
  const auto records = read_all("\"a\"\rb\nnext\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "a carriage return outside quotes that does not end the line");
  EXPECT_EQ(records[0].raw, "\"a\"\rb");
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
}

TEST(CsvReaderTest, ALoneCarriageReturnAtTheEndOfTheInputIsAnError)
{
  const auto records = read_all("a,b\r");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error, "a carriage return outside quotes that does not end the line");
  EXPECT_EQ(records[0].line, 1u);
}

TEST(CsvReaderTest, CarriageReturnsOnALineOfNothingElseAreSkippedLikeABlankLine)
{
  // A stray CR at the end of a file, or on a line of its own, is no record.
  const auto records = read_all("h\na\n\r\n\r\r\nb\n\r");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"h"}));
  EXPECT_EQ(records[1].fields, (Fields{"a"}));
  EXPECT_EQ(records[2].fields, (Fields{"b"}));
  EXPECT_EQ(records[2].line, 5u);
  for (const auto& record : records) {
    EXPECT_EQ(record.error, "") << record.raw;
  }
}

TEST(CsvReaderTest, ALoneCarriageReturnAtTheStartOfALineIsAnError)
{
  // Classic Mac line ends ("\r" alone) are not line ends: a line starting with one is no empty line.
  const auto records = read_all("a\n\rb\nnext\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].error, "a carriage return outside quotes that does not end the line");
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].raw, "\rb");
  EXPECT_EQ(records[2].fields, (Fields{"next"}));
  EXPECT_EQ(records[2].line, 3u);
}

TEST(CsvReaderTest, AnUnterminatedQuoteEndsTheInputWithAnError)
{
  const auto records = read_all("h\na,\"never closed\nmore,lines\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].error, "a quoted field is not closed before the end of the file");
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].fields, (Fields{"a", "never closed\nmore,lines\n"}));
  EXPECT_EQ(records[1].raw, "a,\"never closed\nmore,lines\n");
}

TEST(CsvReaderTest, AStrayQuoteWhoseQuotedRestIsNeverClosedEndsTheInput)
{
  const auto records = read_all("a\"b,\"c\nd\ne\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error, "a quote inside an unquoted field (quote the whole field and double the quote)");
  EXPECT_EQ(records[0].raw, "a\"b,\"c\nd\ne\n");
}

TEST(CsvReaderTest, AFieldLongerThanTheBufferIsReadWhole)
{
  const std::string big(k_buffer * 2 + 17, 'x');
  const auto records = read_all("a," + big + ",b\nnext\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"a", big, "b"}));
  EXPECT_EQ(records[0].raw, "a," + big + ",b");
  EXPECT_EQ(records[0].error, "");
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, ARecordOfManyFieldsLongerThanTheBufferIsReadWhole)
{
  Fields fields;
  std::string line;
  // Fewer fields than the reader's limit, each long enough that the record exceeds the buffer.
  for (int i = 0; i < 1000; ++i) {
    fields.push_back("f" + std::to_string(i) + std::string(90, 'x'));
    line += (i == 0 ? "" : ",") + fields.back();
  }
  ASSERT_GT(line.size(), k_buffer);
  const auto records = read_all(line + "\r\nnext\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, fields);
  EXPECT_EQ(records[0].raw, line);
  EXPECT_EQ(records[0].error, "");
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, AQuotedFieldWithLineBreaksLongerThanTheBufferKeepsTheLineCount)
{
  std::string text;
  for (int i = 0; i < 3000; ++i) {
    text += "line of about forty bytes, with a comma\n";
  }
  ASSERT_GT(text.size(), k_buffer);
  const auto records = read_all("h\nx,\"" + text + "\"\nnext\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields, (Fields{"x", text}));
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[2].fields, (Fields{"next"}));
  EXPECT_EQ(records[2].line, 3003u);
}

TEST(CsvReaderTest, ManyRecordsAcrossTheBufferBoundaryAreReadWithTheirLines)
{
  std::string text;
  for (int i = 0; i < 10000; ++i) {
    text += "R" + std::to_string(i) + ",value\r\n";
  }
  ASSERT_GT(text.size(), k_buffer);
  const auto records = read_all(text);
  ASSERT_EQ(records.size(), 10000u);
  for (std::size_t i = 0; i < records.size(); ++i) {
    ASSERT_EQ(records[i].fields, (Fields{"R" + std::to_string(i), "value"})) << i;
    ASSERT_EQ(records[i].line, i + 1) << i;
    ASSERT_EQ(records[i].error, "") << i;
  }
}

// Builds "P...P" + `tail` so that `tail` starts `offset` bytes before the end of the first buffer.
std::string with_tail_at_boundary(const std::string& tail, std::size_t offset)
{
  return std::string(k_buffer - offset, 'P') + tail;
}

TEST(CsvReaderTest, ACrLfSplitByTheBufferBoundaryEndsTheLine)
{
  // The CR is the buffer's last byte, the LF the next buffer's first.
  const auto text = with_tail_at_boundary("\r\nnext\n", 1);
  ASSERT_EQ(text[k_buffer - 1], '\r');
  const auto records = read_all(text);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "");
  EXPECT_EQ(records[0].fields, (Fields{std::string(k_buffer - 1, 'P')}));
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, AClosingQuoteAsTheBuffersLastByteIsFollowedByTheNextBuffer)
{
  // "x,\"PPP...P\"" with the closing quote the buffer's last byte and a comma after it.
  const std::string head = "x,\"";
  std::string text = head + std::string(k_buffer - head.size() - 1, 'P') + "\",y\nnext\n";
  ASSERT_EQ(text[k_buffer - 1], '"');
  const auto records = read_all(text);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "");
  EXPECT_EQ(records[0].fields, (Fields{"x", std::string(k_buffer - head.size() - 1, 'P'), "y"}));
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
}

TEST(CsvReaderTest, ADoubledQuoteSplitByTheBufferBoundaryIsOneQuote)
{
  const std::string head = "\"";
  std::string text = head + std::string(k_buffer - head.size() - 1, 'P') + "\"\"Q\",y\n";
  ASSERT_EQ(text[k_buffer - 1], '"');
  ASSERT_EQ(text[k_buffer], '"');
  const auto records = read_all(text);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error, "");
  EXPECT_EQ(records[0].fields, (Fields{std::string(k_buffer - 2, 'P') + "\"Q", "y"}));
}

TEST(CsvReaderTest, TextAfterAClosingQuoteAcrossTheBufferBoundaryIsAnError)
{
  const std::string head = "\"";
  std::string text = head + std::string(k_buffer - head.size() - 1, 'P') + "\"x,y\nnext\n";
  ASSERT_EQ(text[k_buffer - 1], '"');
  const auto records = read_all(text);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "a closing quote must be followed by a comma or the end of the line");
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, AByteOrderMarkBeforeAFirstRecordLongerThanTheBufferIsDropped)
{
  const std::string text = "\xEF\xBB\xBF" + std::string(k_buffer, 'h') + "\nv\n";
  const auto records = read_all(text);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{std::string(k_buffer, 'h')}));
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, BytesReadCountsEveryByteConsumedSoFar)
{
  const std::string text = "\xEF\xBB\xBF"
                           "a,b\r\n\n\"c\nd\",e\nf";
  std::istringstream in(text);
  CsvReader reader(in);
  CsvRecord record;
  EXPECT_EQ(reader.bytes_read(), 0u);
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(reader.bytes_read(), 8u); // BOM, "a,b" and CRLF
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(reader.bytes_read(), 17u); // the empty line and "\"c\nd\",e\n"
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(reader.bytes_read(), text.size());
  EXPECT_FALSE(reader.next(record));
  EXPECT_EQ(reader.bytes_read(), text.size());
}

TEST(CsvReaderTest, BytesReadCountsInputLongerThanTheBuffer)
{
  const std::string text = std::string(k_buffer * 3 + 5, 'z') + "\n";
  std::istringstream in(text);
  CsvReader reader(in);
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(reader.bytes_read(), text.size());
}

TEST(CsvReaderTest, BytesReadIncludesTheSkippedRestOfAMalformedRecord)
{
  const std::string text = "a\"b,c\nd\n";
  std::istringstream in(text);
  CsvReader reader(in);
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(reader.bytes_read(), 6u);
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(reader.bytes_read(), text.size());
}

TEST(CsvReaderTest, AQuotedWordInsideAnUnquotedFieldDoesNotSwallowTheRecordsAfterIt)
{
  // The stray quote makes the record malformed; the quote that closes the word opens nothing,
  // since only a quote at the start of a field opens a quoted field.
  const auto records = read_all("a,b \"c\",d\nnext,1\n\"quoted,field\",2\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].error, "a quote inside an unquoted field (quote the whole field and double the quote)");
  EXPECT_EQ(records[0].raw, "a,b \"c\",d");
  EXPECT_EQ(records[1].fields, (Fields{"next", "1"}));
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[2].fields, (Fields{"quoted,field", "2"}));
}

TEST(CsvReaderTest, AQuotedFieldStartingInTheRestOfAMalformedRecordStillSpansLines)
{
  const auto records = read_all("a\"b,\"x\ny\",c\nnext\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_NE(records[0].error, "");
  EXPECT_EQ(records[0].raw, "a\"b,\"x\ny\",c");
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
  EXPECT_EQ(records[1].line, 3u);
}

TEST(CsvReaderTest, AFieldLongerThanOneMebibyteIsMalformedAndReadingGoesOnAtTheNextLine)
{
  const std::string huge(CsvReader::k_max_field_bytes + 1, 'x');
  const auto records = read_all("h\na," + huge + ",b\nnext\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].error, "field 2 is longer than 1 MiB");
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_TRUE(records[1].fields.empty());
  EXPECT_TRUE(records[1].raw.empty()) << "too long to echo";
  EXPECT_EQ(records[2].fields, (Fields{"next"}));
  EXPECT_EQ(records[2].line, 3u);
}

TEST(CsvReaderTest, AStrayOpeningQuoteSwallowsAtMostOneMebibyteAndTheRestOfItsLine)
{
  // Without the limit the quote would make the rest of the file one field.
  std::string text = "h\n\"stray,1\n";
  for (int i = 0; i < 40000; ++i) {
    text += "row" + std::to_string(i) + ",some text that makes the file long\n";
  }
  const auto records = read_all(text);
  ASSERT_GE(records.size(), 3u);
  EXPECT_EQ(records[1].error, "field 1 is longer than 1 MiB");
  EXPECT_EQ(records[1].line, 2u);
  // Reading goes on at the line end after the first MiB.
  EXPECT_EQ(records.back().fields.at(0), "row39999");
  EXPECT_EQ(records.back().error, "");
}

TEST(CsvReaderTest, ARecordLongerThanFourMebibytesIsMalformed)
{
  std::string line;
  for (int i = 0; i < 1000; ++i) {
    line += (i == 0 ? "" : ",") + std::string(5000, 'y');
  }
  const auto records = read_all("h\n" + line + "\nnext\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].error, "the record is longer than 4 MiB");
  EXPECT_TRUE(records[1].fields.empty());
  EXPECT_EQ(records[2].fields, (Fields{"next"}));
}

TEST(CsvReaderTest, MoreThanOneThousandAndTwentyFourFieldsIsMalformedWithoutHoldingThem)
{
  const auto records = read_all("h\n" + std::string(5'000'000, ',') + "\nnext\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].error, "more than 1024 fields");
  EXPECT_TRUE(records[1].fields.empty());
  EXPECT_EQ(records[2].fields, (Fields{"next"}));
  EXPECT_EQ(records[2].line, 3u);
}

} // namespace
} // namespace cfp::test
