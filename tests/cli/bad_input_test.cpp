// SPDX-License-Identifier: EUPL-1.2
// Every kind of bad input: a clear message, a non-zero exit code, nothing on stdout and an
// unchanged database (CliTest::fails checks all four).
#include "cli/cli_fixture.hpp"

#include <algorithm>

namespace cfp::test {
namespace {

struct BadInput
{
  std::string name;
  std::vector<std::string> args;
  int exit_code;
  std::string message;
  std::vector<std::string> env = {};
};

std::ostream& operator<<(std::ostream& out, const BadInput& input)
{
  return out << input.name;
}

class BadInputTest : public CliTest, public ::testing::WithParamInterface<BadInput>
{
};

TEST_P(BadInputTest, IsRefusedWithAClearMessageAndChangesNothing)
{
  const auto& input = GetParam();
  fails(input.args, input.exit_code, input.message, "2024-10-01T10:00:00Z", input.env);
}

std::vector<std::string> add_with(std::vector<std::string> extra)
{
  std::vector<std::string> args{"proposal", "add", "--call", k_call, "--acronym", "NEW", "--title", "T",
                                "--host", "FI", "--entity", "CSC"};
  args.insert(args.end(), extra.begin(), extra.end());
  if (std::find(extra.begin(), extra.end(), "--eu-contribution") == extra.end()) {
    args.insert(args.end(), {"--eu-contribution", "0"}); // a submission states it
  }
  return args;
}

std::vector<std::string> add_replacing(const std::string& option, const std::string& value)
{
  auto args = add_with({});
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == option) {
      args[i + 1] = value;
    }
  }
  return args;
}

const BadInput k_bad_inputs[] = {
  // Usage errors: exit 2.
  {"UnknownCommand", {"frobnicate"}, 2, "frobnicate"},
  {"NoCommand", {}, 2, "'cfp' needs a command: db, state, call"},
  {"UnknownOption", {"proposal", "list", "--colour"}, 2, "--colour"},
  {"MissingRequiredOption", {"proposal", "add", "--call", k_call, "--acronym", "X"}, 2, "missing --title, --host, --entity, --eu-contribution"},
  {"MissingArgument", {"proposal", "show"}, 2, "REF is required"},
  {"BadFormat", {"proposal", "list", "--format", "xml"}, 2, "xml"},
  {"UpdateWithoutFields", {"proposal", "update", "MIMER"}, 2, "at least one field option"},
  {"ContradictoryPlatformFlags",
   {"proposal", "update", "MIMER", "--experimental-platform", "--no-experimental-platform"},
   2,
   "exclude each other"},
  {"ClearAndSetPartners", {"proposal", "update", "MIMER", "--clear-partners", "--partner", "NO"}, 2, "exclude"},
  {"EmptyDbPath", {"--db", "", "proposal", "list"}, 2, "--db needs a path"},
  {"ZeroLogLimit", {"log", "--limit", "0"}, 2, "--limit: '0' is not a whole number of 1 or more"},

  // Invalid values: exit 65.
  {"ImpossibleDate", {"deadline", "add", k_call, "2025-02-30"}, 65, "2025-02-30 is not a date"},
  {"ImpossibleTime", {"deadline", "add", k_call, "2025-03-01 24:01"}, 65, "24:01:00 is not a time of day"},
  {"GarbageDate", {"deadline", "add", k_call, "next friday"}, 65, "use YYYY-MM-DD"},
  {"SkippedWallTime", {"deadline", "add", k_call, "2025-03-30 02:30"}, 65, "does not exist in Europe/Brussels"},
  {"AmbiguousWallTime", {"deadline", "add", k_call, "2025-10-26 02:30"}, 65, "add an offset"},
  {"OffsetOutOfRange", {"deadline", "add", k_call, "2025-03-01T17:00:00+19:00"}, 65, "offset is out of range"},
  {"EmptyLabel", {"deadline", "add", k_call, "2025-03-01", "--label", ""}, 65, "a cut-off label is 1 to 64"},
  {"BadCallCode", {"call", "add", "EURO HPC", "--title", "x"}, 65, "a call code is 1 to 64"},
  {"EmptyCallTitle", {"call", "add", "NEW-CALL", "--title", " "}, 65, "title must not be empty"},
  {"BadBudget", {"call", "add", "NEW-CALL", "--title", "x", "--budget", "lots"}, 65, "budget 'lots'"},
  {"NegativeBudget", {"call", "add", "NEW-CALL", "--title", "x", "--budget", "-5"}, 65, "negative"},
  {"OverflowingBudget", {"call", "add", "NEW-CALL", "--title", "x", "--budget", "99999999999bn"}, 65, "too large"},
  {"BadOpening", {"call", "add", "NEW-CALL", "--title", "x", "--opens", "2025-13-01"}, 65, "not a date"},
  {"UnknownHost", add_replacing("--host", "XX"), 65, "host: 'XX' is not a participating state"},
  {"HostByNameSuggestsCode", add_replacing("--host", "Finland"), 65, "did you mean FI?"},
  {"UnknownPartner", add_with({"--partner", "ZZ"}), 65, "--partner: 'ZZ' is not a participating state"},
  {"HostAsPartner", add_with({"--partner", "fi"}), 65, "FI is the host state and cannot also be a partner"},
  {"DuplicatePartner", add_with({"--partner", "SE,se"}), 65, "SE is named twice as a partner"},
  {"GreekAliasAsPartnerOfGreekHost", add_replacing("--host", "EL"), 0, ""},
  {"UnknownSector", add_with({"--sector", "tourism"}), 65, "'tourism' is not a sector"},
  {"DuplicateSector", add_with({"--sector", "health,Health"}), 65, "health is named twice"},
  {"BadPlan", add_with({"--plan", "maybe"}), 65, "'maybe' is not a plan"},
  {"BadMoney", add_with({"--eu-contribution", "12,5"}), 65, "--eu-contribution: "},
  {"NegativeMoney", add_with({"--national-contribution", "-1"}), 65, "negative"},
  {"FractionalCents", add_with({"--eu-contribution", "1.005"}), 65, "at most two decimals"},
  {"EmptyTitle", add_replacing("--title", ""), 65, "title must not be empty"},
  {"EmptyEntity", add_replacing("--entity", "  "), 65, "entity must not be empty"},
  {"InvalidUtf8Title", add_replacing("--title", "Caf\xc3"), 65, "not valid UTF-8"},
  {"ControlCharacterInEntity", add_replacing("--entity", "CSC\x07"), 65, "control character"},
  {"BadAcronym", add_replacing("--acronym", "BSC AIF"), 65, "not a valid acronym"},
  {"LongAcronym", add_replacing("--acronym", std::string(33, 'A')), 65, "not a valid acronym"},
  {"EveryProblemAtOnce",
   {"proposal", "add", "--call", k_call, "--acronym", "X", "--title", "", "--host", "XX", "--entity", "e", "--sector",
    "foo"},
   65,
   "host: 'XX'"},
  {"EmptyWithdrawalReason", {"proposal", "withdraw", "MIMER", "--reason", ""}, 65, "reason must not be empty"},
  {"BadStatusFilter", {"proposal", "list", "--status", "lost"}, 65, "'lost' is not a status"},
  {"BadSectorFilter", {"proposal", "list", "--sector", "tourism"}, 65, "'tourism' is not a sector"},
  {"BadStateFilter", {"proposal", "list", "--state", "XY"}, 65, "'XY' is not a participating state"},
  {"BadZoneFlag", {"--tz", "Mars/Olympus", "deadline", "list"}, 65, "--tz: unknown time zone 'Mars/Olympus'"},
  {"BadZoneVariable", {"deadline", "list"}, 65, "CFP_TZ: unknown time zone", {"CFP_TZ=Nowhere"}},
  {"BadNowVariable", {"deadline", "list"}, 65, "CFP_NOW 'yesterday'", {"CFP_NOW=yesterday"}},
  {"ActorWithControlCharacter", {"proposal", "update", "MIMER", "--title", "x", "--as", "a\nb"}, 65, "--as: the actor"},

  // Refused by a rule or not found: exit 1.
  {"UnknownCall", add_replacing("--call", "NOPE"), 1, "no call 'NOPE'"},
  {"DuplicateAcronymAnyCase", add_replacing("--acronym", "mimer"), 1, "--acronym: MIMER is already used in call"},
  {"DuplicateCall", {"call", "add", k_call, "--title", "again"}, 1, "exists already"},
  {"DuplicateCallOtherCase", {"call", "add", "eurohpc-2024-cei-ai-01", "--title", "again"}, 1, "exists already"},
  {"DuplicateCutoffLabel", {"deadline", "add", k_call, "2025-06-01", "--label", "2024-11-04"}, 1, "labelled"},
  {"DuplicateCutoffInstant", {"deadline", "add", k_call, "2025-02-01T16:00:00Z", "--label", "x"}, 1, "already"},
  {"CutoffBeforeOpening", {"deadline", "add", k_call, "2024-09-01", "--label", "x"}, 1, "not after the opening"},
  {"DeadlineForUnknownCall", {"deadline", "add", "NOPE", "2025-06-01"}, 1, "no call 'NOPE'"},
  {"UnknownProposal", {"proposal", "show", "NOPE"}, 1, "no proposal 'NOPE'"},
  {"UnknownProposalId", {"proposal", "show", "999"}, 1, "no proposal with id 999"},
  {"UnknownProposalInCall", {"proposal", "show", "EUROHPC-2024-CEI-AI-02/MIMER"}, 1, "no proposal 'MIMER' in call"},
  {"WithdrawTwice", {"proposal", "withdraw", "NOPE", "--reason", "x"}, 1, "no proposal 'NOPE'"},
  {"SubmitSubmitted", {"proposal", "submit", "MIMER"}, 1, "already submitted"},
  {"ShowUnknownCall", {"call", "show", "NOPE"}, 1, "no call 'NOPE'"},
  {"LogForUnknownProposal", {"log", "--ref", "NOPE"}, 1, "no proposal 'NOPE'"},
};

std::vector<BadInput> refused_inputs()
{
  std::vector<BadInput> inputs;
  for (const auto& input : k_bad_inputs) {
    if (input.exit_code != 0) {
      inputs.push_back(input);
    }
  }
  return inputs;
}

INSTANTIATE_TEST_SUITE_P(CliBadInput, BadInputTest, ::testing::ValuesIn(refused_inputs()),
                         [](const ::testing::TestParamInfo<BadInput>& param_info) { return param_info.param.name; });

TEST_F(CliTest, SubmittingBeforeTheCallOpensIsRefused)
{
  fails(add_with({}), 1, "opens at 2024-09-10 00:00:00 CEST", "2024-09-09T21:59:59Z");
}

TEST_F(CliTest, SubmittingToACallWithoutCutoffsIsRefusedButADraftIsKept)
{
  ok({"call", "add", "EMPTY-CALL", "--title", "No cut-offs yet"});
  auto args = add_replacing("--call", "EMPTY-CALL");
  fails(args, 1, "has no cut-off yet");
  args.push_back("--draft");
  ok(args);
}

} // namespace
} // namespace cfp::test
