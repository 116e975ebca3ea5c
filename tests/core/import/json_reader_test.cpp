// SPDX-License-Identifier: EUPL-1.2
#include "core/import/json_reader.hpp"
#include "core/import/reader_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

using Names = std::vector<std::string>;

constexpr auto k_required = R"("call": "CALL-1", "acronym": "A", "title": "T", "host": "ES", "entity": "E")";

ReadResult read_json(const std::string& text)
{
  return read_with(core::detail::read_json_records, text, "in.json");
}

// A document of one record: the required keys plus `members` (", \"key\": value ...").
ReadResult read_one(const std::string& members)
{
  return read_json(std::string("[{") + k_required + members + "}]");
}

// `depth` brackets opened and closed: "[[[]]]" for 3.
std::string nested(int depth)
{
  return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']');
}

TEST(JsonProposalReaderTest, EachObjectOfTheArrayIsARecord)
{
  const auto result = read_json(std::string("[{") + k_required + "}, {" + k_required + "}]");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  const auto& values = result.records[0].values;
  EXPECT_EQ(values.call, "CALL-1");
  EXPECT_EQ(values.acronym, "A");
  EXPECT_EQ(values.input.title, "T");
  EXPECT_EQ(values.input.host, "ES");
  EXPECT_EQ(values.input.entity, "E");
  EXPECT_TRUE(result.records[0].errors.empty());
  EXPECT_TRUE(result.records[1].errors.empty());
}

TEST(JsonProposalReaderTest, TheRecordKeepsTheObjectAsReadInItsKeyOrder)
{
  const auto result = read_json(R"([{"title": "T", "call": "CALL-1", "sectors": ["b", "a"], "acronym": "A",
                                     "host": "ES", "entity": "E"}])");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].object.dump(),
            R"({"title":"T","call":"CALL-1","sectors":["b","a"],"acronym":"A","host":"ES","entity":"E"})");
}

TEST(JsonProposalReaderTest, AnEmptyArrayHasNoRecord)
{
  const auto result = read_json(" [ ]\n");
  EXPECT_FALSE(result.kind) << result.message;
  EXPECT_TRUE(result.records.empty());
}

TEST(JsonProposalReaderTest, AnEmptyFileIsAnErrorOfTheWholeFile)
{
  const auto result = read_json("");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message, "in.json:1: not a JSON array of objects: [json.exception.parse_error.101] parse error at "
                            "line 1, column 1: syntax error while parsing value - unexpected end of input; expected "
                            "'[', '{', or a literal");
}

TEST(JsonProposalReaderTest, ADocumentThatIsNotAnArrayIsAnErrorOfTheWholeFile)
{
  for (const std::string document : {"{}", R"({"proposals": []})", "5", "\"text\"", "null", "true"}) {
    const auto result = read_json(document);
    EXPECT_EQ(result.kind, ErrorKind::invalid_input) << document;
    EXPECT_EQ(result.message, "in.json:1: not a JSON array of objects: the document must be one JSON array of objects")
        << document;
    EXPECT_TRUE(result.records.empty()) << document;
  }
}

TEST(JsonProposalReaderTest, BrokenJsonNamesTheLineWhereTheParserStopped)
{
  const auto result = read_json(std::string("[\n{") + k_required + "},\n{\"call\": }\n]");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message, "in.json:3: not a JSON array of objects: [json.exception.parse_error.101] parse error at "
                            "line 3, column 10: syntax error while parsing value - unexpected '}'; expected '[', '{', "
                            "or a literal");
}

TEST(JsonProposalReaderTest, RecordsBeforeABreakAreHandedOverAsTheyAreRead)
{
  const auto result = read_json(std::string("[{") + k_required + "}, {" + k_required + "},\n");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message, "in.json:2: not a JSON array of objects: [json.exception.parse_error.101] parse error at "
                            "line 2, column 1: syntax error while parsing value - unexpected end of input; expected "
                            "'[', '{', or a literal");
  EXPECT_EQ(result.records.size(), 2u);
}

TEST(JsonProposalReaderTest, TextAfterTheArrayIsAnError)
{
  const auto result = read_json("[]\n\n[]");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message,
            "in.json:3: not a JSON array of objects: [json.exception.parse_error.101] parse error at "
            "line 3, column 1: syntax error while parsing value - unexpected '['; expected end of input");
}

TEST(JsonProposalReaderTest, ARecordSpanningLinesKeepsTheLineItStartsOn)
{
  const auto result = read_json("[\n"
                                "  {\n"
                                "    \"call\": \"CALL-1\",\n"
                                "    \"acronym\": \"A\", \"title\": \"T\", \"host\": \"ES\", \"entity\": \"E\"\n"
                                "  },\n"
                                "  {\"call\": \"CALL-1\", \"acronym\": \"B\", \"title\": \"T\", \"host\": \"ES\",\n"
                                "   \"entity\": \"E\"}, {\"call\": \"CALL-1\", \"acronym\": \"C\", \"title\": \"T\",\n"
                                "   \"host\": \"ES\", \"entity\": \"E\"}\n"
                                "]\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 3u);
  EXPECT_EQ(result.records[0].line, 2u);
  EXPECT_EQ(result.records[1].line, 6u);
  EXPECT_EQ(result.records[2].line, 7u);
}

TEST(JsonProposalReaderTest, AnErrorInARecordNamesTheLineTheRecordStartsOn)
{
  const auto result = read_json("[\n{\"call\": \"CALL-1\", \"acronym\": \"A\",\n\"title\": 5,\n\"host\": \"ES\", "
                                "\"entity\": \"E\"}\n]");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"2:title: must be a string, not number"}));
}

TEST(JsonProposalReaderTest, AScalarRecordKeepsItsOwnLine)
{
  // The parser reads one character past a number: when that is a line break, the number
  // still stood on the line before.
  const auto result = read_json("[\n1\n,\n\"text\"\n,\ntrue,\n2,3\n,null\n]");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 6u);
  const std::vector<std::size_t> lines{2, 4, 6, 7, 7, 8};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(result.records[i].line, lines[i]) << "record " << i;
    EXPECT_EQ(problems(result.records[i]),
              (Problems{std::to_string(lines[i]) + ":record: each record must be a JSON object"}))
        << "record " << i;
  }
}

TEST(JsonProposalReaderTest, ANumberRecordFollowedByCrLfKeepsItsLine)
{
  const auto result = read_json("[\r\n1\r\n,2]");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].line, 2u);
  EXPECT_EQ(result.records[1].line, 3u);
}

TEST(JsonProposalReaderTest, AnArrayRecordIsReadWholeAndIsNoObject)
{
  const auto result = read_json("[\n[1, [\"x\"], {\"a\": null}],\n{}\n]");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].object.dump(), R"([1,["x"],{"a":null}])");
  EXPECT_EQ(problems(result.records[0]), (Problems{"2:record: each record must be a JSON object"}));
  EXPECT_EQ(result.records[1].line, 3u);
}

TEST(JsonProposalReaderTest, AnUnknownKeyIsAnErrorListingTheKnownOnes)
{
  const auto result = read_one(R"(, "colour": "red")");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]),
            (Problems{std::string("1:colour: unknown key 'colour'; the keys are ") + k_known_columns}));
}

TEST(JsonProposalReaderTest, TheErrorKeyOfARejectsFileIsIgnored)
{
  const auto result = read_one(R"(, "error": {"any": ["thing"]})");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_TRUE(result.records[0].errors.empty()) << ::testing::PrintToString(problems(result.records[0]));
}

TEST(JsonProposalReaderTest, AKeyTwiceInARecordIsAnErrorAndTheLastValueIsKept)
{
  const auto result =
      read_json(std::string("[\n{") + k_required + R"(, "plan": "new", "plan": "none"},)" + "\n{" + k_required + "}]");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"2:plan: 'plan' appears twice in the record"}));
  EXPECT_EQ(result.records[0].values.input.plan, "none");
  EXPECT_TRUE(result.records[1].errors.empty()) << "the duplicate belongs to its record only";
}

TEST(JsonProposalReaderTest, KeysTwiceInANestedObjectAreNotTheRecordsKeys)
{
  const auto result = read_json(R"([[{"a": 1, "a": 2}]])");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: each record must be a JSON object"}));
}

TEST(JsonProposalReaderTest, AMissingRequiredKeyIsAnError)
{
  const auto result = read_json(R"([{"call": "CALL-1", "acronym": "A", "title": "T", "host": "ES"}])");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:entity: a value is required"}));
}

TEST(JsonProposalReaderTest, NullEmptyOrBlankRequiredValuesAreMissing)
{
  const auto result = read_json(R"([{"call": null, "acronym": "", "title": "  ", "host": "ES", "entity": "E"}])");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:call: a value is required", "1:acronym: a value is required",
                                                   "1:title: a value is required"}));
}

TEST(JsonProposalReaderTest, AnEmptyObjectMissesEveryRequiredValue)
{
  const auto result = read_json("[{}]");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]),
            (Problems{"1:call: a value is required", "1:acronym: a value is required", "1:title: a value is required",
                      "1:host: a value is required", "1:entity: a value is required"}));
}

TEST(JsonProposalReaderTest, TextMustBeAString)
{
  const std::vector<std::pair<std::string, std::string>> cases{
      {"5", "number"}, {"-1.5", "number"}, {"true", "boolean"}, {"[\"T\"]", "array"}, {"{\"t\": \"T\"}", "object"}};
  for (const auto& [value, type] : cases) {
    const auto result =
        read_json(R"([{"call": "CALL-1", "acronym": "A", "title": )" + value + R"(, "host": "ES", "entity": "E"}])");
    ASSERT_EQ(result.records.size(), 1u) << value;
    EXPECT_EQ(problems(result.records[0]), (Problems{"1:title: must be a string, not " + type})) << value;
  }
}

TEST(JsonProposalReaderTest, AStringIsTakenAsWritten)
{
  const auto result = read_json(R"([{"call": "CALL-1", "acronym": "A", "title": " Café \"x\"\n ", "host": "es",
                                     "entity": "\u00c9cole"}])");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_TRUE(result.records[0].errors.empty());
  EXPECT_EQ(result.records[0].values.input.title, " Café \"x\"\n ");
  EXPECT_EQ(result.records[0].values.input.host, "es");
  EXPECT_EQ(result.records[0].values.input.entity, "École");
}

TEST(JsonProposalReaderTest, AListIsAnArrayOfStrings)
{
  const auto result = read_one(R"(, "partners": ["PT", " ro "], "sectors": [])");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_TRUE(result.records[0].errors.empty());
  EXPECT_EQ(result.records[0].values.input.partners, (Names{"PT", " ro "}));
  EXPECT_EQ(result.records[0].values.input.sectors, Names{});
}

TEST(JsonProposalReaderTest, ANullListIsAnEmptyList)
{
  const auto result = read_one(R"(, "partners": null)");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_TRUE(result.records[0].errors.empty());
  EXPECT_EQ(result.records[0].values.input.partners, Names{});
}

TEST(JsonProposalReaderTest, AListThatIsNoArrayOfStringsIsAnError)
{
  for (const std::string value : {R"("PT;RO")", "[1, 2]", R"(["PT", null])", R"([["PT"]])", "true", "{}"}) {
    const auto result = read_one(R"(, "partners": )" + value);
    ASSERT_EQ(result.records.size(), 1u) << value;
    EXPECT_EQ(problems(result.records[0]),
              (Problems{R"(1:partners: must be an array of strings, such as ["PT", "RO"])"}))
        << value;
  }
}

TEST(JsonProposalReaderTest, AFlagIsABooleanOrAStringOfTheCsvForms)
{
  const std::vector<std::pair<std::string, bool>> cases{{"true", true},    {"false", false},    {R"("yes")", true},
                                                        {R"("0")", false}, {R"("TRUE")", true}, {"null", false}};
  for (const auto& [value, expected] : cases) {
    const auto result = read_one(R"(, "experimental_platform": )" + value);
    ASSERT_EQ(result.records.size(), 1u) << value;
    EXPECT_TRUE(result.records[0].errors.empty()) << value;
    EXPECT_EQ(result.records[0].values.input.experimental_platform, expected) << value;
  }
}

TEST(JsonProposalReaderTest, AFlagOfAnotherTypeOrWordIsAnError)
{
  const auto word = read_one(R"(, "experimental_platform": "maybe")");
  ASSERT_EQ(word.records.size(), 1u);
  EXPECT_EQ(problems(word.records[0]),
            (Problems{"1:experimental_platform: 'maybe' is not a boolean; use true, false, yes, no, 1 or 0"}));
  const auto number = read_one(R"(, "experimental_platform": 1)");
  ASSERT_EQ(number.records.size(), 1u);
  EXPECT_EQ(problems(number.records[0]), (Problems{"1:experimental_platform: must be a string, not number"}));
}

TEST(JsonProposalReaderTest, MoneyMayBeAnIntegerOrAString)
{
  const auto result = read_one(R"(, "eu_contribution_eur": 31000000, "national_contribution_eur": "12.5k")");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_TRUE(result.records[0].errors.empty());
  EXPECT_EQ(result.records[0].values.input.eu_contribution, "31000000");
  EXPECT_EQ(result.records[0].values.input.national_contribution, "12.5k");
  // The sign is for the money rules to refuse, not the reader.
  const auto negative = read_one(R"(, "eu_contribution_eur": -5)");
  ASSERT_EQ(negative.records.size(), 1u);
  EXPECT_TRUE(negative.records[0].errors.empty());
  EXPECT_EQ(negative.records[0].values.input.eu_contribution, "-5");
}

TEST(JsonProposalReaderTest, NullMoneyIsAbsentNotZero)
{
  const auto result = read_one(R"(, "eu_contribution_eur": null)");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].values.input.eu_contribution, "") << "given, as absent";
  EXPECT_FALSE(read_one("").records.at(0).values.input.eu_contribution) << "not given at all";
}

TEST(JsonProposalReaderTest, MoneyAsANumberThatIsNoIntegerIsAnError)
{
  for (const std::string value : {"1.5", "1.0", "1e3"}) {
    const auto result = read_one(R"(, "eu_contribution_eur": )" + value);
    ASSERT_EQ(result.records.size(), 1u) << value;
    EXPECT_EQ(problems(result.records[0]),
              (Problems{"1:eu_contribution_eur: a JSON number is accepted only when it is an integer; write other "
                        "amounts as strings such as \"1250000.50\""}))
        << value;
  }
}

TEST(JsonProposalReaderTest, MoneyOfAnotherTypeIsAnError)
{
  const auto result = read_one(R"(, "eu_contribution_eur": true, "national_contribution_eur": ["1"])");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:eu_contribution_eur: must be a string, not boolean",
                                                   "1:national_contribution_eur: must be a string, not array"}));
}

TEST(JsonProposalReaderTest, AnInstantIsAStringOrNull)
{
  const auto given = read_one(R"(, "submitted_at": "2024-11-04 17:00", "status": "submitted")");
  ASSERT_EQ(given.records.size(), 1u);
  EXPECT_TRUE(given.records[0].errors.empty());
  EXPECT_EQ(given.records[0].values.submitted_at, "2024-11-04 17:00");
  EXPECT_EQ(given.records[0].values.status, "submitted");
  const auto null = read_one(R"(, "submitted_at": null, "status": null, "plan": null)");
  ASSERT_EQ(null.records.size(), 1u);
  EXPECT_TRUE(null.records[0].errors.empty());
  EXPECT_FALSE(null.records[0].values.submitted_at);
  EXPECT_EQ(null.records[0].values.status, "submitted");
  EXPECT_EQ(null.records[0].values.input.plan, "new");
  const auto number = read_one(R"(, "submitted_at": 1730736000)");
  ASSERT_EQ(number.records.size(), 1u);
  EXPECT_EQ(problems(number.records[0]), (Problems{"1:submitted_at: must be a string, not number"}));
}

TEST(JsonProposalReaderTest, EveryTypeErrorOfARecordIsReported)
{
  const auto result = read_json(R"([{"call": 1, "acronym": "A", "title": "T", "host": true, "entity": "E",
                                     "colour": "red", "partners": "PT"}])");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]),
            (Problems{"1:call: must be a string, not number", "1:host: must be a string, not boolean",
                      std::string("1:colour: unknown key 'colour'; the keys are ") + k_known_columns,
                      R"(1:partners: must be an array of strings, such as ["PT", "RO"])"}));
}

TEST(JsonProposalReaderTest, SixteenLevelsOfNestingAreRead)
{
  // The array of the document, the record, and 14 more levels.
  const auto result = read_one(R"(, "sectors": )" + nested(14));
  EXPECT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{R"(1:sectors: must be an array of strings, such as ["PT", "RO"])"}));
}

TEST(JsonProposalReaderTest, SeventeenLevelsOfNestingAreRefused)
{
  const auto result = read_json(std::string("[\n{") + k_required + ",\n\"sectors\": " + nested(15) + "}]");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message, "in.json:3: not a JSON array of objects: values nested more than 16 levels deep");
  EXPECT_TRUE(result.records.empty());
}

TEST(JsonProposalReaderTest, NestingOfObjectsCountsLikeArrays)
{
  // The array of the document and 16 objects, the record the first.
  std::string deep = "1";
  for (int i = 0; i < 16; ++i) {
    deep = "{\"a\": " + deep + "}";
  }
  const auto result = read_json("[" + deep + "]");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message, "in.json:1: not a JSON array of objects: values nested more than 16 levels deep");
}

TEST(JsonProposalReaderTest, FarDeeperNestingIsRefusedWithoutCrashing)
{
  const auto result = read_json("[" + nested(100000) + "]");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message, "in.json:1: not a JSON array of objects: values nested more than 16 levels deep");
}

// ---- limits: no record makes the reader hold or spend more than its limits allow ------------

constexpr std::size_t k_mib = std::size_t{1} << 20;
// Just over the limit of a record.
constexpr std::size_t k_over_four_mib = 4 * k_mib + 1024;

// `count` members "kN": 1, comma-separated.
std::string numbered_keys(std::size_t count)
{
  std::string members;
  for (std::size_t i = 0; i < count; ++i) {
    members += (i == 0 ? "\"k" : ", \"k") + std::to_string(i) + "\": 1";
  }
  return members;
}

// An array of `count` strings "PT".
std::string array_of(std::size_t count)
{
  std::string items = "[";
  for (std::size_t i = 0; i < count; ++i) {
    items += i == 0 ? "\"PT\"" : ", \"PT\"";
  }
  return items + "]";
}

TEST(JsonProposalReaderTest, AStringOfOneMebibyteIsReadButNotOneByteMore)
{
  const std::string longest(k_mib, 'a');
  const auto kept = read_json(R"([{"call": "CALL-1", "acronym": "A", "title": ")" + longest +
                              R"(", "host": "ES", "entity": "E"}])");
  ASSERT_EQ(kept.records.size(), 1u);
  EXPECT_TRUE(kept.records[0].errors.empty()) << ::testing::PrintToString(problems(kept.records[0]));
  EXPECT_EQ(kept.records[0].values.input.title, longest);

  const auto refused = read_json(R"([{"call": "CALL-1", "acronym": "A", "title": ")" + longest +
                                 R"(a", "host": "ES", "entity": "E"},)" + "\n{" + k_required + "}]");
  ASSERT_FALSE(refused.kind) << refused.message;
  ASSERT_EQ(refused.records.size(), 2u);
  EXPECT_EQ(problems(refused.records[0]), (Problems{"1:title: a string is longer than 1 MiB"}));
  // The value is not kept; the rest of the record is, for the rejects file.
  EXPECT_EQ(refused.records[0].object.dump(),
            R"({"call":"CALL-1","acronym":"A","title":null,"host":"ES","entity":"E"})");
  EXPECT_TRUE(refused.records[1].errors.empty());
  EXPECT_EQ(refused.records[1].line, 2u);
}

TEST(JsonProposalReaderTest, AStringIsMeasuredInTheBytesItReadsAs)
{
  // 3.6 MB written, 600 kB read.
  std::string escaped;
  for (std::size_t i = 0; i < 600'000; ++i) {
    escaped += "\\u0041";
  }
  const auto result = read_one(R"(, "error": ")" + escaped + "\"");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_TRUE(result.records[0].errors.empty()) << ::testing::PrintToString(problems(result.records[0]));
}

TEST(JsonProposalReaderTest, AStringOverOneMebibyteInsideAValueMakesTheValueNull)
{
  const auto result = read_one(R"(, "partners": ["PT", ")" + std::string(k_mib + 1, 'x') + R"(", "RO"])");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:partners: a string is longer than 1 MiB"}));
  EXPECT_TRUE(result.records[0].object["partners"].is_null());
}

TEST(JsonProposalReaderTest, AnArrayOf1024ItemsIsReadBut1025AreAnError)
{
  const auto kept = read_one(R"(, "sectors": )" + array_of(1024));
  ASSERT_EQ(kept.records.size(), 1u);
  EXPECT_TRUE(kept.records[0].errors.empty()) << ::testing::PrintToString(problems(kept.records[0]));
  EXPECT_EQ(kept.records[0].values.input.sectors->size(), 1024u);

  const auto refused = read_one(R"(, "sectors": )" + array_of(1025) + R"(, "plan": "none")");
  ASSERT_EQ(refused.records.size(), 1u);
  EXPECT_EQ(problems(refused.records[0]), (Problems{"1:sectors: an array has more than 1024 items"}));
  EXPECT_TRUE(refused.records[0].object["sectors"].is_null());
  EXPECT_EQ(refused.records[0].object["plan"], "none");
}

TEST(JsonProposalReaderTest, ALongArrayDeeperInAValueMakesTheValueNull)
{
  const auto result = read_one(R"(, "error": {"a": [)" + array_of(1025) + "]}");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:error: an array has more than 1024 items"}));
  EXPECT_TRUE(result.records[0].object["error"].is_null());
}

TEST(JsonProposalReaderTest, ARecordThatIsALongArrayIsNotKept)
{
  const auto result = read_json("[\n" + array_of(1025) + ",\n{" + k_required + "}]");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"2:record: an array has more than 1024 items"}));
  EXPECT_TRUE(result.records[0].object.is_null());
  EXPECT_TRUE(result.records[1].errors.empty());
}

TEST(JsonProposalReaderTest, ARecordOf64KeysIsReadBut65AreAnError)
{
  // The five required keys and 59 unknown ones: each unknown key is an error of its own.
  const auto kept = read_one(", " + numbered_keys(59) + R"(, "error": "not counted")");
  ASSERT_EQ(kept.records.size(), 1u);
  EXPECT_EQ(kept.records[0].errors.size(), 59u);
  EXPECT_EQ(kept.records[0].errors.front().column, "k0");

  const auto refused = read_json("[{" + std::string(k_required) + ", " + numbered_keys(60) + "},\n{" + k_required +
                                 "}]");
  ASSERT_EQ(refused.records.size(), 2u);
  EXPECT_EQ(problems(refused.records[0]), (Problems{"1:record: the record has more than 64 keys"}));
  EXPECT_TRUE(refused.records[0].object.is_null());
  EXPECT_TRUE(refused.records[1].errors.empty());
}

TEST(JsonProposalReaderTest, ARecordOfManyKeysIsRefusedInOnePass)
{
  // 200,000 keys: quadratic work (a linear map, a linear search for duplicates) took minutes.
  const auto result = read_json("[{" + numbered_keys(200'000) + "}]");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: the record has more than 64 keys"}));
}

TEST(JsonProposalReaderTest, AnObjectOfMoreThan64KeysInAValueMakesTheValueNull)
{
  const auto result = read_one(R"(, "error": {)" + numbered_keys(65) + "}");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:error: an object has more than 64 keys"}));
  EXPECT_TRUE(result.records[0].object["error"].is_null());
}

TEST(JsonProposalReaderTest, AKeyOverOneMebibyteIsNotKept)
{
  const auto result = read_one(", \"" + std::string(k_mib + 1, 'k') + "\": 1");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: a key is longer than 1 MiB"}));
  EXPECT_TRUE(result.records[0].object.is_null());
}

TEST(JsonProposalReaderTest, AKeyThreeTimesIsReportedOnce)
{
  const auto result = read_one(R"(, "plan": "new", "plan": "upgrade", "plan": "none")");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:plan: 'plan' appears twice in the record"}));
  EXPECT_EQ(result.records[0].values.input.plan, "none");
}

// Records over 4 MiB, cut at each kind of place, and the record after them: what comes before
// the place, what fills it (inside a string or blanks), and what comes after.
struct CutPlace
{
  std::string before;
  char filler;
  std::string after;
};

void PrintTo(const CutPlace& place, std::ostream* out)
{
  *out << place.before << place.filler << "..." << place.after;
}

class JsonRecordOverFourMebibytesTest : public ::testing::TestWithParam<CutPlace>
{
};

TEST_P(JsonRecordOverFourMebibytesTest, IsInvalidAndReadingGoesOnWithTheNextRecord)
{
  const auto& place = GetParam();
  const auto result = read_json("[\n{" + std::string(k_required) + "},\n" + place.before +
                                std::string(k_over_four_mib, place.filler) + place.after + ",\n\n{" + k_required +
                                "}\n]");
  ASSERT_FALSE(result.kind) << result.message.substr(0, 300);
  ASSERT_EQ(result.records.size(), 3u);
  EXPECT_TRUE(result.records[0].errors.empty());
  EXPECT_EQ(problems(result.records[1]), (Problems{"3:record: the record is longer than 4 MiB"}));
  EXPECT_TRUE(result.records[1].object.is_null());
  EXPECT_TRUE(result.records[2].errors.empty()) << ::testing::PrintToString(problems(result.records[2]));
  EXPECT_EQ(result.records[2].line, 5u);
}

INSTANTIATE_TEST_SUITE_P(EachPlace, JsonRecordOverFourMebibytesTest,
                         ::testing::Values(CutPlace{R"({"title": ")", 'a', R"("})"},         // in a string value
                                           CutPlace{R"({")", 'k', R"(": 1})"},               // in a key
                                           CutPlace{R"({"title":)", ' ', R"("T"})"},         // before a value
                                           CutPlace{R"({"title")", ' ', R"(: "T"})"},        // before the colon
                                           CutPlace{R"({"title": "T",)", ' ', R"("a": 1})"}, // before a key
                                           CutPlace{"{", ' ', "}"},                          // in an empty object
                                           CutPlace{"[[1,", '\t', "2]]"},                    // in nested arrays
                                           // brackets and quotes in what is skipped
                                           CutPlace{R"({"a": [{"b": ")", 'a', R"("}, "x\"]", 1]})"},
                                           CutPlace{R"(")", 'a', R"(")"})); // a record that is a string

TEST(JsonProposalReaderTest, ARecordThatIsALongNumberIsCutAfterADigit)
{
  const auto result = read_json("[0." + std::string(k_over_four_mib, '5') + ",\n{" + k_required + "}]");
  ASSERT_FALSE(result.kind) << result.message.substr(0, 300);
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: the record is longer than 4 MiB"}));
  EXPECT_EQ(result.records[1].line, 2u);
}

TEST(JsonProposalReaderTest, AnArrayOfNumbersOverFourMebibytesIsInvalid)
{
  // What made the reader hold 16 bytes and more a number: a record that is one long array.
  std::string numbers = "[";
  for (std::size_t i = 0; i < k_over_four_mib / 2; ++i) {
    numbers += "1,";
  }
  const auto result = read_json("[" + numbers + "1],\n{" + k_required + "}]");
  ASSERT_FALSE(result.kind) << result.message.substr(0, 300);
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: the record is longer than 4 MiB"}));
}

TEST(JsonProposalReaderTest, AFileThatEndsInsideARecordOverFourMebibytesIsBroken)
{
  const auto result = read_json("[\n{\"title\": \"" + std::string(k_over_four_mib, 'a') + "\n\n");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_TRUE(result.message.starts_with("in.json:4: not a JSON array of objects: ")) << result.message.substr(0, 300);
  // The record was handed over (as too long) before the end of the file was found.
  EXPECT_EQ(result.records.size(), 1u);
}

TEST(JsonProposalReaderTest, TheParsersMessageIsCutShort)
{
  // The parser quotes the token it stopped at: here 2 MiB of a string with a line break in it.
  const auto result = read_json("[\"" + std::string(2 * k_mib, 'a') + "\n\"]");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_LT(result.message.size(), 1200u);
  EXPECT_TRUE(result.message.ends_with("...")) << result.message;
}

TEST(JsonProposalReaderTest, RecordsWithoutStringsOrNumbersComeAsTheyAreWritten)
{
  // JsonInput slips `0` records in between them (json_input.hpp); none reaches the import.
  std::string text = "[[]";
  for (int i = 0; i < 100'000; ++i) {
    text += ",\n[]";
  }
  const auto result = read_json(text + "]");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 100'001u);
  for (std::size_t i = 0; i < result.records.size(); ++i) {
    ASSERT_EQ(result.records[i].line, i + 1);
    ASSERT_EQ(problems(result.records[i]),
              (Problems{std::to_string(i + 1) + ":record: each record must be a JSON object"}));
  }
}

TEST(JsonProposalReaderTest, LinesAreCountedThroughLongBlanks)
{
  const std::string blank_lines(200'000, '\n');
  const auto result = read_json(blank_lines + "[" + blank_lines + "{" + k_required + "}" + blank_lines + ", 5" +
                                blank_lines + "]" + blank_lines + "x");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_TRUE(result.message.starts_with("in.json:1000001: not a JSON array of objects: ")) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].line, 400'001u);
  EXPECT_TRUE(result.records[0].errors.empty());
  EXPECT_EQ(result.records[1].line, 600'001u);
}

} // namespace
} // namespace cfp::test
