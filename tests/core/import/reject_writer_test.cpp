// SPDX-License-Identifier: EUPL-1.2
#include "core/import/json_reader.hpp"
#include "core/import/ndjson_reader.hpp"
#include "core/import/reader_support.hpp"
#include "core/import/reject_writer.hpp"

#include <cfp/error.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>

namespace cfp::test {
namespace {

using core::DataFormat;
using core::detail::InputRecord;
using core::detail::RejectWriter;
using nlohmann::ordered_json;

InputRecord csv_record(std::size_t line, const std::string& raw)
{
  InputRecord record;
  record.line = line;
  record.raw = raw;
  return record;
}

InputRecord json_record(std::size_t line, const std::string& json, const std::string& raw = "")
{
  InputRecord record;
  record.line = line;
  record.raw = raw;
  record.object = ordered_json::parse(json);
  return record;
}

// A stream buffer that refuses every byte, as a full disk does.
class FullDisk : public std::streambuf
{
protected:
  int_type overflow(int_type) override { return traits_type::eof(); }
  std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
};

TEST(RejectWriterTest, CsvRepeatsTheHeaderWithAnErrorColumnThenEchoesEachRecordAsWritten)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::csv);
  writer.header("call,acronym,title,host,entity");
  writer.write(csv_record(2, "CALL-1,A,\"Two\nlines, \"\"quoted\"\"\",XX,E"),
               "host: 'XX' is not a participating state");
  writer.write(csv_record(5, "CALL-1,B,Short"), "record: 3 fields where the header has 5");
  writer.finish();
  EXPECT_EQ(out.str(), "call,acronym,title,host,entity,error\r\n"
                       "CALL-1,A,\"Two\nlines, \"\"quoted\"\"\",XX,E,host: 'XX' is not a participating state\r\n"
                       "CALL-1,B,Short,record: 3 fields where the header has 5\r\n");
}

TEST(RejectWriterTest, CsvQuotesAnErrorThatNeedsIt)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::csv);
  writer.header("call,acronym,title,host,entity,plan");
  writer.write(csv_record(2, "CALL-1,A,T,XX,E,rebuild"),
               "host: 'XX' is not a participating state; plan: 'rebuild' is not a plan; use new, upgrade or none");
  writer.write(csv_record(3, "CALL-1,B,T,ES,E,x"), "title: say \"no\"");
  writer.finish();
  EXPECT_EQ(out.str(), "call,acronym,title,host,entity,plan,error\r\n"
                       "CALL-1,A,T,XX,E,rebuild,\"host: 'XX' is not a participating state; plan: 'rebuild' is not a "
                       "plan; use new, upgrade or none\"\r\n"
                       "CALL-1,B,T,ES,E,x,\"title: say \"\"no\"\"\"\r\n");
}

TEST(RejectWriterTest, CsvWithoutRejectsIsTheHeaderAlone)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::csv);
  writer.header("call,acronym,title,host,entity");
  writer.finish();
  EXPECT_EQ(out.str(), "call,acronym,title,host,entity,error\r\n");
}

TEST(RejectWriterTest, CsvReusesTheErrorColumnOfARejectsFileImportedAgain)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::csv);
  writer.header("call,acronym,error,title,host,entity");
  InputRecord record = csv_record(2, "CALL-1,A,old error,T,XX,E");
  record.csv_fields = {"CALL-1", "A", "old error", "T", "XX", "E"};
  writer.write(record, "host: 'XX' is not a participating state");
  writer.write(csv_record(3, "CALL-1,B"), "record: 2 fields where the header has 6");
  writer.finish();
  EXPECT_EQ(out.str(), "call,acronym,error,title,host,entity\r\n"
                       "CALL-1,A,host: 'XX' is not a participating state,T,XX,E\r\n"
                       "CALL-1,B,record: 2 fields where the header has 6\r\n");
}

TEST(RejectWriterTest, CsvWithoutRejectsKeepsAnErrorColumnSingle)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::csv);
  writer.header("call,acronym,title,host,entity,error");
  writer.finish();
  EXPECT_EQ(out.str(), "call,acronym,title,host,entity,error\r\n");
}

TEST(RejectWriterTest, CsvClosesAQuoteLeftOpenBeforeTheErrorColumn)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::csv);
  writer.header("call,acronym,title,host,entity");
  writer.write(csv_record(2, "CALL-1,A,\"unclosed\n"), "record: a quoted field is not closed\nbefore the end");
  writer.write(csv_record(4, "CALL-1,B,a \"word\" inside,X"), "record: 4 fields where the header has 5");
  writer.finish();
  EXPECT_EQ(out.str(), "call,acronym,title,host,entity,error\r\n"
                       "CALL-1,A,\"unclosed\n\",\"record: a quoted field is not closed\nbefore the end\"\r\n"
                       "CALL-1,B,a \"word\" inside,X,record: 4 fields where the header has 5\r\n");
}

TEST(RejectWriterTest, CsvEchoesInvalidBytesOfARecordUnchanged)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::csv);
  writer.header("call,acronym,title,host,entity");
  writer.write(csv_record(2, "CALL-1,A,T\xFF,ES,E"), "record: field 3 is not valid UTF-8");
  writer.finish();
  EXPECT_EQ(out.str(),
            "call,acronym,title,host,entity,error\r\nCALL-1,A,T\xFF,ES,E,record: field 3 is not valid UTF-8\r\n");
}

TEST(RejectWriterTest, NdjsonWritesEachObjectWithAnErrorKeyOneALine)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::ndjson);
  writer.write(json_record(1, R"({"title": "T", "call": "CALL-1", "partners": ["PT"], "host": "XX"})"),
               "host: 'XX' is not a participating state");
  writer.write(json_record(3, R"({"acronym": "B"})"), "call: a value is required; title: a value is required");
  writer.finish();
  EXPECT_EQ(
      out.str(),
      R"({"title":"T","call":"CALL-1","partners":["PT"],"host":"XX","error":"host: 'XX' is not a participating state"})"
      "\n"
      R"({"acronym":"B","error":"call: a value is required; title: a value is required"})"
      "\n");
}

TEST(RejectWriterTest, AnEarlierErrorKeyIsReplacedInItsPlace)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::ndjson);
  writer.write(json_record(1, R"({"call": "CALL-1", "error": "old problem", "host": "XX"})"), "new problem");
  writer.finish();
  EXPECT_EQ(out.str(), R"({"call":"CALL-1","error":"new problem","host":"XX"})"
                       "\n");
}

TEST(RejectWriterTest, NdjsonPutsARecordThatIsNoObjectUnderRecord)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::ndjson);
  writer.write(json_record(1, "[1, \"x\"]", "[1, \"x\"]"), "record: each record must be a JSON object");
  writer.write(json_record(2, "5", "5"), "record: each record must be a JSON object");
  writer.finish();
  EXPECT_EQ(out.str(), R"({"record":[1,"x"],"error":"record: each record must be a JSON object"})"
                       "\n"
                       R"({"record":5,"error":"record: each record must be a JSON object"})"
                       "\n");
}

TEST(RejectWriterTest, NdjsonPutsABrokenLineUnderRecordAsText)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::ndjson);
  writer.write(csv_record(4, "{\"call\": "), "record: the line is not a JSON object");
  writer.finish();
  EXPECT_EQ(out.str(), R"({"record":"{\"call\": ","error":"record: the line is not a JSON object"})"
                       "\n");
}

TEST(RejectWriterTest, NdjsonReplacesInvalidUtf8SoThatTheRejectsFileIsValid)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::ndjson);
  writer.write(csv_record(2, "{\"title\": \"T\xFF\"}"), "record: the line is not valid UTF-8");
  writer.finish();
  EXPECT_EQ(out.str(), "{\"record\":\"{\\\"title\\\": \\\"T\xEF\xBF\xBD\\\"}\",\"error\":\"record: the line is not "
                       "valid UTF-8\"}\n");
  EXPECT_EQ(ordered_json::parse(out.str())["error"], "record: the line is not valid UTF-8");
}

TEST(RejectWriterTest, NdjsonWithoutRejectsIsEmpty)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::ndjson);
  writer.finish();
  EXPECT_EQ(out.str(), "");
}

TEST(RejectWriterTest, JsonWritesAnArrayOfTheObjectsWithAnErrorKeyOneALine)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::json);
  writer.write(json_record(2, R"({"call": "CALL-1", "title": 5})"), "title: must be a string, not number");
  writer.write(json_record(3, R"("text")"), "record: each record must be a JSON object");
  writer.write(json_record(4, R"({"host": "é"})"), "host: 'é' is not a participating state");
  writer.finish();
  EXPECT_EQ(out.str(), "[\n"
                       R"({"call":"CALL-1","title":5,"error":"title: must be a string, not number"},)"
                       "\n"
                       R"({"record":"text","error":"record: each record must be a JSON object"},)"
                       "\n"
                       R"({"host":"é","error":"host: 'é' is not a participating state"})"
                       "\n]\n");
  const auto parsed = ordered_json::parse(out.str());
  EXPECT_EQ(parsed.size(), 3u);
}

TEST(RejectWriterTest, JsonWithoutRejectsIsAnEmptyArray)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::json);
  writer.finish();
  EXPECT_EQ(out.str(), "[]\n");
}

TEST(RejectWriterTest, JsonPutsANullRecordUnderRecordAsNull)
{
  // A JSON record has no raw text: `[null]` must not come back as an empty string.
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::json);
  writer.write(json_record(1, "null"), "record: each record must be a JSON object");
  writer.finish();
  EXPECT_EQ(out.str(), "[\n"
                       R"({"record":null,"error":"record: each record must be a JSON object"})"
                       "\n]\n");
}

TEST(RejectWriterTest, ARecordNestedAsDeepAsAllowedComesBackAsTextAndReadsBack)
{
  // Found by reading (regressions/import_json/record_nested_as_deep_as_allowed.json): under
  // `record` a record nested 15 levels (16 with the file's array) went one level past the limit,
  // and the rejects file could not be read back.
  const auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  for (const auto format : {DataFormat::json, DataFormat::ndjson}) {
    const std::size_t deepest = format == DataFormat::json ? 15 : 16;
    std::ostringstream out;
    RejectWriter writer(&out, format);
    writer.write(json_record(1, nested(deepest - 1)), "record: each record must be a JSON object");
    writer.write(json_record(2, nested(deepest)), "record: each record must be a JSON object");
    writer.finish();
    const auto rejects = read_with(format == DataFormat::json ? ProposalReader{core::detail::read_json_records}
                                                              : ProposalReader{core::detail::read_ndjson_records},
                                   out.str(), "rejects");
    ASSERT_FALSE(rejects.kind) << rejects.message;
    ASSERT_EQ(rejects.records.size(), 2u);
    EXPECT_EQ(rejects.records[0].object["record"], ordered_json::parse(nested(deepest - 1)));
    EXPECT_EQ(rejects.records[1].object["record"], nested(deepest));
  }
}

TEST(RejectWriterTest, InvalidUtf8InAnErrorIsReplacedToo)
{
  std::ostringstream out;
  RejectWriter writer(&out, DataFormat::json);
  writer.write(json_record(1, R"({"host": "XX"})"), "host: 'X\xC3' is not a participating state");
  writer.finish();
  EXPECT_EQ(out.str(), "[\n{\"host\":\"XX\",\"error\":\"host: 'X\xEF\xBF\xBD' is not a participating state\"}\n]\n");
}

TEST(RejectWriterTest, FinishOnAStreamThatFailedIsAnInputFileError)
{
  for (const auto format : {DataFormat::csv, DataFormat::json, DataFormat::ndjson}) {
    FullDisk disk;
    std::ostream out(&disk);
    RejectWriter writer(&out, format);
    writer.header("call,acronym,title,host,entity");
    writer.write(json_record(2, R"({"host": "XX"})", "CALL-1,A,T,XX,E"), "host: 'XX' is not a participating state");
    try {
      writer.finish();
      ADD_FAILURE() << "finish() on a full disk did not throw (format " << static_cast<int>(format) << ")";
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::input_file);
      EXPECT_STREQ(error.what(), "cannot write the rejects file (disk full?); nothing was imported");
    }
  }
}

TEST(RejectWriterTest, FinishThrowsEvenWhenNothingWasRejected)
{
  FullDisk disk;
  std::ostream out(&disk);
  RejectWriter writer(&out, DataFormat::json);
  try {
    writer.finish();
    ADD_FAILURE() << "finish() on a full disk did not throw";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input_file);
    EXPECT_STREQ(error.what(), "cannot write the rejects file (disk full?); nothing was imported");
  }
}

} // namespace
} // namespace cfp::test
