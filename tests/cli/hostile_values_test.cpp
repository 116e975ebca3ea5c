// SPDX-License-Identifier: EUPL-1.2
// Hostile values through every way in: flags, CSV, JSON, NDJSON and `import calls`. Each value
// is either stored and given back byte for byte, or refused with exit 65 and nothing changed;
// nothing else (no crash, no other exit code, no value altered on the way).

#include "cli/import_fixture.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace cfp::test {
namespace {

struct Hostile
{
  const char* name;
  std::string value;
  bool via_argv = true; ///< a command line cannot hold a NUL byte
};

void PrintTo(const Hostile& hostile, std::ostream* out)
{
  *out << hostile.name;
}

std::vector<Hostile> hostile_values()
{
  return {
      {"quotes", R"(He said "hi", it's 'fine' \ ok)"},
      {"sql", "'); DROP TABLE proposal; --"},
      {"sql_double", "\"); DELETE FROM audit; --"},
      {"nul", std::string("before\0after", 12), false},
      {"two_mib", std::string(2 * 1024 * 1024, 'x')},
      {"right_to_left_override", "\u202eecila"},
      {"arabic", "مصنع الذكاء الاصطناعي"},
      {"combining", "Cafe\u0301 e\u0301\u0301\u0301\u0301"},
      {"invalid_utf8", "bad \xff\xfe bytes"},
      {"lone_continuation", "\x80"},
      {"overlong", "\xc0\xaf"},
      {"escape_sequence", "\x1b[2J\x1b[31mred"},
      {"carriage_return", "line\rover"},
      {"newline", "two\nlines"},
      {"tab", "a\tb"},
      {"emoji", "\xf0\x9f\x87\xaa\xf0\x9f\x87\xba"},
      {"csv_formula", "=HYPERLINK(\"http://x\")"},
  };
}

// `value` as a JSON string: quotes, backslashes and control characters escaped, every other
// byte as it is (so invalid UTF-8 reaches the reader as raw bytes).
std::string json_string(const std::string& value)
{
  std::string out = "\"";
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      out += fmt::format("\\u{:04x}", byte);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string csv_field(const std::string& value)
{
  std::string out = "\"";
  for (const char c : value) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

class HostileValuesTest : public ImportExportTest, public ::testing::WithParamInterface<Hostile>
{
protected:
  // What a run that takes the value must have done: exit 0 and the value back as it was, or
  // exit 65 and the database as it was.
  void expect_stored_or_refused(const CliResult& run, const std::string& before, const std::function<std::string()>& read_back,
                                const std::string& way)
  {
    const std::string& value = GetParam().value;
    if (run.exit_code == 0) {
      EXPECT_EQ(read_back(), value) << way << ": stored, but not as it was given";
    } else {
      EXPECT_EQ(run.exit_code, 65) << way << ": " << run.err.substr(0, 500);
      EXPECT_NE(run.err.find("cfp: error: "), std::string::npos) << way << ": " << run.err.substr(0, 500);
      EXPECT_EQ(dump_database(m_db), before) << way << ": refused, yet the database changed";
    }
  }

  std::string title_of(const std::string& acronym)
  {
    const auto shown = cfp({"proposal", "show", acronym, "--format", "json"});
    EXPECT_EQ(shown.exit_code, 0) << shown.err;
    const auto parsed = nlohmann::json::parse(shown.out, nullptr, false);
    if (parsed.is_discarded()) {
      ADD_FAILURE() << "proposal show printed JSON that does not parse";
      return {};
    }
    return parsed["title"].get<std::string>();
  }
};

TEST_P(HostileValuesTest, AsATitleFlagIsStoredAsItIsOrRefused)
{
  if (!GetParam().via_argv) {
    GTEST_SKIP() << "a command line cannot hold this value";
  }
  const auto before = dump_database(m_db);
  const auto run = cfp({"proposal", "add", "--call", k_call, "--acronym", "HOSTILE", "--title", GetParam().value,
                        "--host", "FI", "--entity", "Centre", "--eu-contribution", "0"});
  expect_stored_or_refused(run, before, [&] { return title_of("HOSTILE"); }, "--title");
}

TEST_P(HostileValuesTest, InACsvJsonOrNdjsonFileIsStoredAsItIsOrRefused)
{
  const std::string& value = GetParam().value;
  const std::vector<std::pair<std::string, std::string>> files{
      {"in.csv", std::string(k_min_header) + k_call + ",HOSTILE-CSV," + csv_field(value) + ",FI,Centre,1M\n"},
      {"in.json",
       fmt::format(R"([{{"call": "{}", "acronym": "HOSTILE-JSON", "title": {}, "host": "FI", "entity": "C", )"
                   R"("eu_contribution_eur": "1M"}}])",
                   k_call,
                   json_string(value))},
      {"in.ndjson",
       fmt::format(R"({{"call": "{}", "acronym": "HOSTILE-NDJSON", "title": {}, "host": "FI", "entity": "C", )"
                   R"("eu_contribution_eur": "1M"}})",
                   k_call, json_string(value)) +
           "\n"},
  };
  for (const auto& [name, content] : files) {
    const std::string acronym = name == "in.csv" ? "HOSTILE-CSV" : name == "in.json" ? "HOSTILE-JSON" : "HOSTILE-NDJSON";
    const auto before = dump_database(m_db);
    const auto run = cfp({"import", "proposals", write(name, content).string()});
    expect_stored_or_refused(run, before, [&] { return title_of(acronym); }, name);
  }
}

TEST_P(HostileValuesTest, AsACallTitleInImportCallsIsStoredAsItIsOrRefused)
{
  const auto before = dump_database(m_db);
  const auto file = write("calls.json", fmt::format(R"({{"calls": [{{"code": "HOSTILE-CALL", "title": {}}}]}})",
                                                    json_string(GetParam().value)));
  const auto run = cfp({"import", "calls", file.string()});
  expect_stored_or_refused(
      run, before,
      [&] {
        const auto parsed = nlohmann::json::parse(ok({"call", "show", "HOSTILE-CALL", "--format", "json"}), nullptr, false);
        return parsed.is_discarded() ? std::string("(unparsable JSON)") : parsed["title"].get<std::string>();
      },
      "import calls");
}

TEST_P(HostileValuesTest, AsTheActorIsRecordedAsItIsOrRefused)
{
  if (!GetParam().via_argv) {
    GTEST_SKIP() << "a command line cannot hold this value";
  }
  const auto before = dump_database(m_db);
  const auto run = cfp({"--as", GetParam().value, "call", "add", "ACTOR-CALL", "--title", "T"});
  expect_stored_or_refused(
      run, before,
      [&] {
        const auto parsed = nlohmann::json::parse(ok({"log", "--limit", "1", "--format", "json"}), nullptr, false);
        return parsed.is_discarded() ? std::string("(unparsable JSON)") : parsed[0]["actor"].get<std::string>();
      },
      "--as");
}

INSTANTIATE_TEST_SUITE_P(Values, HostileValuesTest, ::testing::ValuesIn(hostile_values()),
                         [](const ::testing::TestParamInfo<Hostile>& param) { return std::string(param.param.name); });

} // namespace
} // namespace cfp::test
