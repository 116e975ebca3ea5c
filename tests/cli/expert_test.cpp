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
            R"([{"call":"EUROHPC-2024-CEI-AI-01","acronym":"MIMER","reason":"Co-author of the host's roadmap",)"
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
