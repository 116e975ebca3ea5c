// SPDX-License-Identifier: EUPL-1.2
// A proposal's snapshot (format 1), as history and the audit log keep it and as its SHA-256
// receipt covers it: a version with both contributions keeps the bytes it always had, and a
// contribution never given is null, read back as absent (not 0).

#include <cfp/core/proposals.hpp>
#include <cfp/store/snapshot.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

namespace cfp::test {
namespace {

// Written by cfp before contributions could be absent.
constexpr auto k_stored =
    R"({"id":7,"call":"CALL-A","acronym":"P-1","title":"T","host":"ES","partners":["PT"],"entity":"E",)"
    R"("plan":"upgrade","experimental_platform":true,"eu_contribution_eur":"31000000.00",)"
    R"("national_contribution_eur":"0.00","sectors":["health"],"status":"submitted","cutoff":"2024-11-04",)"
    R"("cutoff_closes_at":"2024-11-04T16:00:00Z","submitted_at":"2024-10-01T10:00:00Z","version":2,)"
    R"("withdrawal_reason":null})";

domain::Proposal submitted()
{
  domain::Proposal proposal;
  proposal.id = 7;
  proposal.call_code = "CALL-A";
  proposal.acronym = "P-1";
  proposal.fields.title = "T";
  proposal.fields.host = "ES";
  proposal.fields.partners = {"PT"};
  proposal.fields.entity = "E";
  proposal.fields.plan = domain::Plan::upgrade;
  proposal.fields.experimental_platform = true;
  proposal.fields.eu_contribution = 3'100'000'000;
  proposal.fields.national_contribution = 0;
  proposal.fields.sectors = {"health"};
  proposal.status = domain::ProposalStatus::submitted;
  proposal.cutoff_label = "2024-11-04";
  proposal.cutoff_closes_at = domain::Instant{std::chrono::seconds{1730736000}};
  proposal.submitted_at = domain::Instant{std::chrono::seconds{1727776800}};
  proposal.version = 2;
  return proposal;
}

TEST(ProposalSnapshotTest, AVersionWithBothContributionsKeepsItsBytesAndItsReceipt)
{
  EXPECT_EQ(store::snapshot(submitted()), k_stored);
  EXPECT_EQ(core::version_digest(submitted()), "adaf2de8086914dc42d2d99b17c14f4b9c476e566fddb77efd1b51242cbdebf6");
  const auto read = store::proposal_from_snapshot(k_stored, 1);
  EXPECT_EQ(read.fields, submitted().fields);
  EXPECT_EQ(read.fields.national_contribution, domain::Cents{0}) << "a stored 0 stays 0, never absent";
  EXPECT_EQ(store::snapshot(read), k_stored);
}

TEST(ProposalSnapshotTest, AnAbsentContributionIsNullAndReadBackAsAbsent)
{
  auto draft = submitted();
  draft.status = domain::ProposalStatus::draft;
  draft.cutoff_label.reset();
  draft.cutoff_closes_at.reset();
  draft.submitted_at.reset();
  draft.fields.eu_contribution.reset();
  draft.fields.national_contribution.reset();
  const auto text = store::snapshot(draft);
  EXPECT_NE(text.find(R"("eu_contribution_eur":null,"national_contribution_eur":null,)"), std::string::npos) << text;
  const auto read = store::proposal_from_snapshot(text, 1);
  EXPECT_FALSE(read.fields.eu_contribution);
  EXPECT_FALSE(read.fields.national_contribution);
  EXPECT_EQ(store::snapshot(read), text);
  EXPECT_NE(core::version_digest(draft), core::version_digest([&] {
              auto zero = draft;
              zero.fields.eu_contribution = 0;
              return zero;
            }()))
      << "absent and 0 are different content";
}

// The snapshot as cfp wrote it through a JSON document, before it was written directly.
std::string through_a_document(const domain::Proposal& proposal)
{
  using nlohmann::ordered_json;
  const auto& fields = proposal.fields;
  const auto optional = [](const auto& value) { return value ? ordered_json(*value) : ordered_json(nullptr); };
  const auto money = [](const std::optional<domain::Cents>& cents) {
    return cents ? ordered_json(domain::format_money_plain(*cents)) : ordered_json(nullptr);
  };
  const auto instant = [](const std::optional<domain::Instant>& at) {
    return at ? ordered_json(domain::format_utc(*at)) : ordered_json(nullptr);
  };
  return ordered_json{
      {"id", proposal.id},
      {"call", proposal.call_code},
      {"acronym", proposal.acronym},
      {"title", fields.title},
      {"host", fields.host},
      {"partners", fields.partners},
      {"entity", fields.entity},
      {"plan", domain::to_string(fields.plan)},
      {"experimental_platform", fields.experimental_platform},
      {"eu_contribution_eur", money(fields.eu_contribution)},
      {"national_contribution_eur", money(fields.national_contribution)},
      {"sectors", fields.sectors},
      {"status", domain::to_string(proposal.status)},
      {"cutoff", optional(proposal.cutoff_label)},
      {"cutoff_closes_at", instant(proposal.cutoff_closes_at)},
      {"submitted_at", instant(proposal.submitted_at)},
      {"version", proposal.version},
      {"withdrawal_reason", optional(proposal.withdrawal_reason)},
  }
      .dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

TEST(ProposalSnapshotTest, WrittenDirectlyItHasTheBytesTheDocumentGaveWhateverTheText)
{
  // Texts of every kind the serializer treats apart: plain ASCII, quotes and backslashes,
  // control characters, DEL, accented and wide characters, four-byte characters and bytes that
  // are not UTF-8 (replaced), so that every receipt stays what it was.
  static const std::vector<std::string> pieces{
      "MIMER", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", std::string(1, '\0'), "\x01", "\x1f", "\x7f",
      "Linköping", "東京", "\xF0\x9F\x98\x80", "\xC3", "\xFF", "\xED\xA0\x80", "\xE2\x80\xA8", "",
  };
  std::mt19937 random(11);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  const auto text = [&] {
    std::string out;
    for (std::size_t i = pick(5); i > 0; --i) {
      out += pieces[pick(pieces.size())];
    }
    return out;
  };
  for (int i = 0; i < 2000; ++i) {
    auto proposal = submitted();
    proposal.id = i % 3 == 0 ? -static_cast<std::int64_t>(random()) : static_cast<std::int64_t>(random());
    proposal.call_code = text();
    proposal.acronym = text();
    proposal.fields.title = text();
    proposal.fields.host = text();
    proposal.fields.partners.clear();
    for (std::size_t n = pick(4); n > 0; --n) {
      proposal.fields.partners.push_back(text());
    }
    proposal.fields.entity = text();
    proposal.fields.experimental_platform = pick(2) == 1;
    if (pick(3) == 0) {
      proposal.fields.eu_contribution.reset();
    } else {
      proposal.fields.eu_contribution = static_cast<domain::Cents>(random()) * (pick(2) == 1 ? -1 : 1);
    }
    proposal.fields.sectors.assign(pick(3), text());
    if (pick(2) == 0) {
      proposal.cutoff_label.reset();
      proposal.cutoff_closes_at.reset();
    } else {
      proposal.cutoff_label = text();
    }
    proposal.withdrawal_reason = pick(2) == 0 ? std::nullopt : std::optional{text()};
    proposal.version = static_cast<int>(random() % 1000);
    ASSERT_EQ(store::snapshot(proposal), through_a_document(proposal)) << i;
  }
}

} // namespace
} // namespace cfp::test
