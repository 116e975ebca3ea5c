// SPDX-License-Identifier: EUPL-1.2
// Values quoted in messages: cut only between characters, never by a NUL, and a rejects file
// holding such a message reads back.

#include "cli/import_fixture.hpp"

#include <cfp/util/csv_reader.hpp>
#include <cfp/util/text.hpp>

namespace cfp::test {
namespace {

class MessageExcerptTest : public ImportExportTest
{
protected:
  std::vector<std::string> add_with_eu_contribution(const std::string& amount)
  {
    return {"proposal", "add", "--call",   k_call, "--acronym",         "EURO", "--title", "T",
            "--host",   "ES",  "--entity", "E",    "--eu-contribution", amount};
  }

  /// The error column of each record of a rejects file, read as CSV.
  std::vector<std::string> errors_in(const std::filesystem::path& rejects)
  {
    std::istringstream in(read_file(rejects));
    util::CsvReader reader(in);
    util::CsvRecord record;
    std::vector<std::string> errors;
    EXPECT_TRUE(reader.next(record));
    const auto column = std::find(record.fields.begin(), record.fields.end(), "error") - record.fields.begin();
    while (reader.next(record)) {
      EXPECT_EQ(record.error, "") << "line " << record.line;
      errors.push_back(record.fields.at(static_cast<std::size_t>(column)));
    }
    return errors;
  }
};

TEST_F(MessageExcerptTest, AnUnexpectedCharacterInAnAmountIsQuotedWhole)
{
  fails(add_with_eu_contribution("€2M"), 65, "unexpected character '€'");
  fails(add_with_eu_contribution("2.5€"), 65, "unexpected character '€' after the decimal point");
  const auto result = cfp(add_with_eu_contribution("€2M"));
  EXPECT_TRUE(util::is_valid_utf8(result.err)) << result.err;
}

TEST_F(MessageExcerptTest, ALongValueIsCutBeforeTheCharacterThatCrossesTheLimit)
{
  // 78 bytes, then the three of '€': the limit (80 bytes) falls inside it.
  const std::string host = std::string(78, 'x') + "€2M";
  const auto result = cfp({"proposal", "add", "--call", k_call, "--acronym", "EURO", "--title", "T", "--host", host,
                           "--entity", "E", "--eu-contribution", "0"});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_TRUE(util::is_valid_utf8(result.err)) << result.err;
  EXPECT_NE(result.err.find("'" + std::string(78, 'x') + "…' is not a participating state"), std::string::npos)
      << result.err;
}

TEST_F(MessageExcerptTest, ANulInAValueDoesNotCutTheMessage)
{
  const auto calls =
      write("calls.json", std::string("{\"calls\": [{\"code\": \"BAD\\u0000CODE\", \"title\": \"T\"}]}"));
  fails({"import", "calls", calls.string()}, 65,
        "calls[0]: call code 'BAD\\x00CODE': a call code is 1 to 64 letters, digits, '-', '_' or '.'");
}

TEST_F(MessageExcerptTest, TheMessageOfARejectedRecordReadsBackFromTheRejectsFile)
{
  const auto input = write("in.csv", std::string(k_min_header) +
                                         "EUROHPC-2024-CEI-AI-01,GOOD,Good,ES,E,2M\n"
                                         "EUROHPC-2024-CEI-AI-01,EURO,Euro,ES,E,€2M\n"
                                         "EUROHPC-2024-CEI-AI-01,LONG,Long," +
                                         std::string(78, 'x') + "€2M,E,1M\n");
  const auto rejects = m_dir / "rejects.csv";
  import_ok(input, k_now, {"--skip-invalid", "--rejects", rejects.string()});
  const auto text = read_file(rejects);
  EXPECT_TRUE(util::is_valid_utf8(text)) << text;
  const auto errors = errors_in(rejects);
  ASSERT_EQ(errors.size(), 2u) << text;
  EXPECT_NE(errors[0].find("unexpected character '€'"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find(std::string(78, 'x') + "…' is not a participating state"), std::string::npos) << errors[1];

  // Imported again, the rejects file gives the same problems, not an unreadable record.
  const auto again = m_dir / "again.csv";
  import_ok(rejects, k_now, {"--skip-invalid", "--rejects", again.string()});
  EXPECT_EQ(errors_in(again), errors);
}

} // namespace
} // namespace cfp::test
