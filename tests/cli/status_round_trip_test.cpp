// SPDX-License-Identifier: EUPL-1.2
// Lossless round trips: a withdrawn proposal travels with its withdrawal reason, and export ->
// import -> export is byte-identical for every status, including a proposal resubmitted to a
// later cut-off.

#include "cli/import_fixture.hpp"

namespace cfp::test {
namespace {

constexpr auto k_later = "2024-12-01T10:00:00Z"; // after the 2024-11-04 cut-off closed

class StatusRoundTripTest : public ImportExportTest
{
protected:
  /// Expects importing `file` to be refused with `message` naming its line, and nothing to change.
  void import_refused(const std::filesystem::path& file, const std::string& message)
  {
    const auto before = dump_database(m_db);
    const auto result = cfp({"import", "proposals", file.string()});
    EXPECT_EQ(result.exit_code, 65) << result.err;
    EXPECT_EQ(result.out, "");
    EXPECT_NE(result.err.find(file.string() + message), std::string::npos) << result.err;
    EXPECT_EQ(dump_database(m_db), before);
  }

  /// Every status: submitted (BSC-AIF), a draft, withdrawn from an open cut-off, withdrawn
  /// from a closed one, and resubmitted to the next cut-off after a withdrawal.
  void add_every_status()
  {
    add_tricky_proposals();
    ok({"proposal", "add", "--call", k_call, "--acronym", "GONE", "--title", "Gone", "--host", "IT", "--entity",
        "CINECA", "--eu-contribution", "5M"});
    ok({"proposal", "withdraw", "GONE", "--reason", "Merged into \"IT4LIA\", see annex;\nsecond line"});
    ok({"proposal", "withdraw", "MIMER", "--reason", "co-funding"});
    ok({"proposal", "resubmit", "MIMER"}, k_later);
    ok({"proposal", "add", "--call", k_other_call, "--acronym", "PAUSED", "--title", "Paused", "--host", "CZ",
        "--entity", "IT4I", "--eu-contribution", "1M"},
       k_later);
    ok({"proposal", "withdraw", "PAUSED", "--reason", "paused"}, k_later);
  }

  void expect_round_trip(const std::string& format)
  {
    add_every_status();
    const std::string exported = ok({"export", "proposals", "--format", format}, k_later);
    for (const auto* status : {"draft", "submitted", "withdrawn"}) {
      EXPECT_NE(exported.find(status), std::string::npos) << status;
    }
    const auto proposals = write("proposals." + format, exported);
    const auto calls = write("calls.json", ok({"export", "calls"}, k_later));
    const auto copy = m_dir / "copy.db";
    ASSERT_EQ(run_cli(copy, {"import", "calls", calls.string()}, k_later).exit_code, 0);
    const auto imported = run_cli(copy, {"import", "proposals", proposals.string(), "--historical"}, k_later);
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    const auto again = run_cli(copy, {"export", "proposals", "--format", format}, k_later);
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, exported);
    // The copy has the withdrawn proposals withdrawn, with their reasons.
    const auto gone = as_json(run_cli(copy, {"proposal", "show", "GONE", "--format", "json"}, k_later).out);
    EXPECT_EQ(gone["status"], "withdrawn");
    EXPECT_EQ(gone["withdrawal_reason"], "Merged into \"IT4LIA\", see annex;\nsecond line");
    EXPECT_EQ(gone["cutoff"], "2024-11-04");
  }
};

TEST_F(StatusRoundTripTest, CsvOfEveryStatusComesBackByteForByte)
{
  expect_round_trip("csv");
}

TEST_F(StatusRoundTripTest, JsonOfEveryStatusComesBackByteForByte)
{
  expect_round_trip("json");
}

TEST_F(StatusRoundTripTest, NdjsonOfEveryStatusComesBackByteForByte)
{
  expect_round_trip("ndjson");
}

TEST_F(StatusRoundTripTest, AWithdrawnRecordWithItsReasonIsCreatedWithdrawn)
{
  const auto file = write("withdrawn.csv", "call,acronym,title,host,entity,eu_contribution_eur,status,submitted_at,"
                                           "withdrawal_reason\n" +
                                               std::string(k_call) +
                                               ",LUMI-AIF,LUMI AI Factory,FI,CSC,100M,withdrawn,2024-10-01T09:00:00Z,"
                                               "\"Resubmitting, later\"\n");
  EXPECT_EQ(import_ok(file), "imported 1 proposals: 1 inserted, 0 updated, 0 unchanged\n");
  const auto lumi = show("LUMI-AIF");
  EXPECT_EQ(lumi["status"], "withdrawn");
  EXPECT_EQ(lumi["withdrawal_reason"], "Resubmitting, later");
  EXPECT_EQ(lumi["cutoff"], "2024-11-04");
  EXPECT_EQ(lumi["submitted_at"], "2024-10-01T09:00:00Z");
  // The same record again changes nothing.
  EXPECT_EQ(import_ok(file), "imported 1 proposals: 0 inserted, 0 updated, 1 unchanged\n");
}

TEST_F(StatusRoundTripTest, AWithdrawnRecordNeedsItsReasonAndOnlyItHasOne)
{
  const std::string header = "call,acronym,title,host,entity,status,withdrawal_reason\n";
  const auto without = write("without.csv", header + k_call + ",LUMI-AIF,LUMI,FI,CSC,withdrawn,\n");
  import_refused(without, ":2: withdrawal_reason: a withdrawn proposal needs the reason it was withdrawn for");
  const auto submitted = write("submitted.csv", header + k_call + ",LUMI-AIF,LUMI,FI,CSC,submitted,why\n");
  import_refused(submitted, ":2: withdrawal_reason: only a withdrawn proposal has a withdrawal reason; this record is "
                            "submitted");
  const auto control = write("control.csv", header + k_call + ",LUMI-AIF,LUMI,FI,CSC,withdrawn,\"bad\x1b[31m\"\n");
  import_refused(control, ":2: withdrawal_reason: ");
}

TEST_F(StatusRoundTripTest, AnImportCannotWithdrawOrChangeAReason)
{
  ok({"proposal", "withdraw", "MIMER", "--reason", "co-funding"});
  const std::string header = "call,acronym,title,host,entity,status,withdrawal_reason\n";
  const auto other = write("other.csv", header + k_call +
                                            ",MIMER,MIMER AI Factory,SE,Linköping University,"
                                            "withdrawn,another reason\n");
  import_refused(other, ":2: status: MIMER is withdrawn; an import cannot change");
  const auto withdraw = write("withdraw.csv", header + k_call +
                                                  ",BSC-AIF,BSC AI Factory,ES,Barcelona "
                                                  "Supercomputing Center,withdrawn,why\n");
  import_refused(withdraw, ":2: status: ");
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

TEST_F(StatusRoundTripTest, AnImportThatWouldWithdrawSaysHowToWithdraw)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "DRAFTY", "--title", "t", "--host", "FI", "--entity", "e",
      "--draft"});
  const std::string header = "call,acronym,title,host,entity,status,withdrawal_reason\n";
  const auto submitted = write("submitted.csv", header + k_call +
                                                    ",MIMER,MIMER AI Factory,SE,Linköping University,"
                                                    "withdrawn,why\n");
  import_refused(submitted, ":2: status: an import cannot withdraw MIMER; use 'cfp proposal withdraw MIMER --reason "
                            "TEXT'");
  const auto draft =
      write("draft.csv", "call,acronym,title,host,entity,eu_contribution_eur,status,withdrawal_reason\n" +
                             std::string(k_call) + ",DRAFTY,t,FI,e,1M,withdrawn,why\n");
  import_refused(draft, ":2: status: DRAFTY is a draft; only a submitted proposal can be withdrawn");
}

} // namespace
} // namespace cfp::test
