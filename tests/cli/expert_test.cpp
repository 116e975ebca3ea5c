// SPDX-License-Identifier: EUPL-1.2
// `cfp expert add|list|show|conflict|conflicts`: experts with unique names, and every conflict of
// interest: the expert's state hosting or partnering a proposal, the expert's organisation being
// its hosting entity, or one declared with a reason.

#include "cli/cli_fixture.hpp"

#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using json = nlohmann::ordered_json;

// CSV as cfp writes it: each record ends with CR LF.
std::string crlf(std::string text)
{
  std::string out;
  for (const char c : text) {
    out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  return out;
}

class ExpertTest : public CliTest
{
protected:
  void SetUp() override
  {
    CliTest::SetUp();
    ok({"expert", "add", "Ana Silva", "--state", "pt", "--organisation", "University of Porto", "--email",
        "ana@up.pt"});
    ok({"expert", "add", "Marta Rossi", "--state", "IT", "--organisation", "barcelona SUPERCOMPUTING center"});
    ok({"expert", "add", "Pekka Virtanen", "--state", "FI"});
    ok({"expert", "add", "Eva Lindqvist", "--state", "SE"});
  }
};

TEST_F(ExpertTest, AnExpertIsRecordedListedAndShown)
{
  EXPECT_EQ(ok({"expert", "list", "--format", "csv"}), crlf("name,state,organisation,email\n"
                                                            "Ana Silva,PT,University of Porto,ana@up.pt\n"
                                                            "Eva Lindqvist,SE,,\n"
                                                            "Marta Rossi,IT,barcelona SUPERCOMPUTING center,\n"
                                                            "Pekka Virtanen,FI,,\n"));
  EXPECT_EQ(ok({"expert", "show", "ana silva"}), "name:         Ana Silva\n"
                                                 "state:        PT\n"
                                                 "organisation: University of Porto\n"
                                                 "email:        ana@up.pt\n");
  const auto entry = json::parse(ok({"log", "--limit", "1", "--format", "json"})).at(0);
  EXPECT_EQ(entry.at("action"), "add");
  EXPECT_EQ(entry.at("entity"), "expert Eva Lindqvist");
  EXPECT_EQ(entry.at("after").at("state"), "SE");
}

TEST_F(ExpertTest, BadValuesAndATakenNameAreRefused)
{
  fails({"expert", "add", "ANA SILVA", "--state", "ES"}, 1, "expert 'Ana Silva' exists already");
  fails({"expert", "add", "Jan", "--state", "XX"}, 65, "--state: 'XX' is not a participating state");
  fails({"expert", "add", "Jan", "--state", "FI", "--email", "jan@fi"}, 65, "--email: 'jan@fi' is not an e-mail");
  fails({"expert", "add", "Jan", "--state", "FI", "--organisation", " CSC"}, 65,
        "--organisation: the organisation must not begin or end with a space");
  fails({"expert", "add", "Jan\rAdmin", "--state", "FI"}, 65, "expert name: the name contains a control character");
  fails({"expert", "add", "", "--state", "FI"}, 65, "expert name: the name must not be empty");
  fails({"expert", "add", "Jan"}, 2, "--state is required");
  fails({"expert", "show", "Nobody"}, 1, "no expert 'Nobody'; 'cfp expert list' shows the experts");
}

TEST_F(ExpertTest, ConflictsAreDerivedFromStatesAndOrganisationsAndDeclared)
{
  ok({"expert", "conflict", "pekka virtanen", "MIMER", "--reason", "Co-author of the host's roadmap"});
  EXPECT_EQ(
      ok({"expert", "conflicts", "--format", "csv"}),
      crlf("expert,expert_state,call,acronym,cause,detail\n"
           "Ana Silva,PT,EUROHPC-2024-CEI-AI-01,BSC-AIF,partner_state,PT is a partner of the proposal\n"
           "Eva Lindqvist,SE,EUROHPC-2024-CEI-AI-01,MIMER,host_state,SE hosts the proposal\n"
           "Marta Rossi,IT,EUROHPC-2024-CEI-AI-01,BSC-AIF,organisation,\"the expert's organisation is the hosting "
           "entity, Barcelona Supercomputing Center\"\n"
           "Pekka Virtanen,FI,EUROHPC-2024-CEI-AI-01,MIMER,declared,Co-author of the host's roadmap\n"));
  EXPECT_EQ(ok({"expert", "conflicts", "--expert", "Eva Lindqvist", "--format", "csv"}),
            crlf("expert,expert_state,call,acronym,cause,detail\n"
                 "Eva Lindqvist,SE,EUROHPC-2024-CEI-AI-01,MIMER,host_state,SE hosts the proposal\n"));
  EXPECT_EQ(ok({"expert", "conflicts", "--call", k_other_call, "--format", "csv"}),
            crlf("expert,expert_state,call,acronym,cause,detail\n"));
  const auto shown = json::parse(ok({"expert", "show", "Pekka Virtanen", "--format", "json"}));
  EXPECT_EQ(shown.at("declared_conflicts").dump(),
            R"([{"expert":"Pekka Virtanen","call":"EUROHPC-2024-CEI-AI-01","acronym":"MIMER",)"
            R"("reason":"Co-author of the host's roadmap",)"
            R"("declared_at":"2024-10-01T10:00:00Z"}])");
  const auto entry = json::parse(ok({"log", "--limit", "1", "--format", "json"})).at(0);
  EXPECT_EQ(entry.at("action"), "declare conflict");
  EXPECT_EQ(entry.at("entity"), "expert Pekka Virtanen");
  EXPECT_EQ(entry.at("after").at("proposal"), "EUROHPC-2024-CEI-AI-01/MIMER");
}

TEST_F(ExpertTest, ADerivedConflictFollowsTheProposalAndADraftHasNone)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "DRAFTY", "--title", "Draft", "--host", "FI", "--entity", "CSC",
      "--draft"});
  EXPECT_EQ(ok({"expert", "conflicts", "--expert", "Pekka Virtanen", "--format", "csv"}),
            crlf("expert,expert_state,call,acronym,cause,detail\n"));
  ok({"proposal", "update", "MIMER", "--partner", "FI"});
  EXPECT_EQ(ok({"expert", "conflicts", "--expert", "Pekka Virtanen", "--format", "csv"}),
            crlf("expert,expert_state,call,acronym,cause,detail\n"
                 "Pekka Virtanen,FI,EUROHPC-2024-CEI-AI-01,MIMER,partner_state,FI is a partner of the proposal\n"));
}

TEST_F(ExpertTest, ADeclarationIsRefusedTwiceOrForWhatDoesNotExist)
{
  ok({"expert", "conflict", "Pekka Virtanen", k_call + std::string("/MIMER"), "--reason", "Former employee"});
  fails({"expert", "conflict", "PEKKA VIRTANEN", "MIMER", "--reason", "Again"}, 1,
        "a conflict of Pekka Virtanen with EUROHPC-2024-CEI-AI-01/MIMER is declared already: Former employee");
  fails({"expert", "conflict", "Nobody", "MIMER", "--reason", "R"}, 1, "no expert 'Nobody'");
  fails({"expert", "conflict", "Pekka Virtanen", "NOPE", "--reason", "R"}, 1, "no proposal 'NOPE'");
  fails({"expert", "conflict", "Pekka Virtanen", "BSC-AIF", "--reason", " "}, 65,
        "--reason: the reason must not be empty");
  fails({"expert", "conflict", "Pekka Virtanen", "BSC-AIF"}, 2, "--reason is required");
  fails({"expert", "conflicts", "--call", "NO-SUCH"}, 1, "no call 'NO-SUCH'");
  fails({"expert", "conflicts", "--expert", "Nobody"}, 1, "no expert 'Nobody'");
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

using json = nlohmann::ordered_json;

class ExpertUnicodeTest : public CliTest
{
};

TEST_F(ExpertUnicodeTest, AnOrganisationIsTheEntityWhateverItsCaseSpacingOrUnicodeForm)
{
  // MIMER's entity is "Linköping University".
  int number = 0;
  for (const std::string organisation : {"LINKÖPING UNIVERSITY", "linköping  university",
                                         "Linko\xcc\x88ping University", "Linköping\xc2\xa0University"}) {
    const auto name = "Expert " + std::to_string(++number);
    ok({"expert", "add", name, "--state", "MT", "--organisation", organisation});
    const auto listed = ok({"expert", "conflicts", "--expert", name, "--format", "json"});
    EXPECT_NE(listed.find("\"organisation\""), std::string::npos) << organisation << ": " << listed;
  }
}

TEST_F(ExpertUnicodeTest, NamesAreOneWhateverTheirCaseOrUnicodeForm)
{
  ok({"expert", "add", "Émilie Roux", "--state", "FR"});
  fails({"expert", "add", "ÉMILIE ROUX", "--state", "FR"}, 1, "expert 'Émilie Roux' exists already");
  fails({"expert", "add", "E\xcc\x81milie Roux", "--state", "FR"}, 1, "exists already"); // E + combining acute
  fails({"expert", "add", "Émilie  Roux", "--state", "FR"}, 1, "exists already");
  fails({"expert", "add", "\xc2\xa0Jan", "--state", "FI"}, 65, "the name must not begin or end with a space");
  fails({"expert", "add", "\xc2\xa0", "--state", "FI"}, 65, "the name must not be empty");
  EXPECT_NE(ok({"expert", "show", "émilie roux"}).find("Émilie Roux"), std::string::npos);
}

TEST_F(ExpertUnicodeTest, ADeclarationPrintsTheSameFieldsInEveryFormatAndItsReasonHasALimit)
{
  ok({"expert", "add", "Pekka Virtanen", "--state", "FI"});
  const auto result = cfp({"expert", "conflict", "Pekka Virtanen", "MIMER", "--reason", "Former employee"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "expert:   Pekka Virtanen\n"
                        "proposal: EUROHPC-2024-CEI-AI-01/MIMER\n"
                        "reason:   Former employee\n"
                        "declared: 2024-10-01 12:00:00 CEST\n");
  ok({"expert", "add", "Eva Lindqvist", "--state", "SE"});
  const auto declared =
      json::parse(ok({"expert", "conflict", "Eva Lindqvist", "BSC-AIF", "--reason", "Co-author", "--format", "json"}));
  EXPECT_EQ(declared.dump(), R"({"expert":"Eva Lindqvist","call":"EUROHPC-2024-CEI-AI-01","acronym":"BSC-AIF",)"
                             R"("reason":"Co-author","declared_at":"2024-10-01T10:00:00Z"})");
  fails({"expert", "conflict", "Pekka Virtanen", "BSC-AIF", "--reason", std::string(2001, 'r')}, 65,
        "--reason: the reason is longer than 2000 characters");
}

TEST_F(ExpertUnicodeTest, ConflictsAreListedByCallAndAcronymIgnoringCase)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "Mango", "--title", "T", "--host", "SE", "--entity", "E",
      "--eu-contribution", "0"});
  ok({"expert", "add", "Eva Lindqvist", "--state", "SE"});
  const auto listed = json::parse(ok({"expert", "conflicts", "--format", "json"}));
  ASSERT_EQ(listed.size(), 2u) << listed.dump();
  EXPECT_EQ(listed[0].at("acronym"), "Mango");
  EXPECT_EQ(listed[1].at("acronym"), "MIMER");
}

} // namespace
} // namespace cfp::test
