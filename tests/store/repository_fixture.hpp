// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the repository tests share: a fresh database, a write transaction for each test body,
// and rows made the way core makes them.

#include "support/support.hpp"

#include <cfp/domain/call.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/store/audit_repository.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/proposal_repository.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::test {

using domain::Proposal;
using domain::ProposalStatus;

using domain::ProposalStatus;

/// The stamp of a change recorded at `at` by `actor`, its real time the same.
inline domain::Stamp stamp(domain::Instant at, const std::string& actor)
{
  return {at, at, false, actor};
}

inline date::local_seconds wall(const std::string& text)
{
  const auto parsed = domain::parse_wall_time(text);
  EXPECT_TRUE(parsed.ok()) << text;
  return parsed ? parsed.value() : date::local_seconds{};
}

inline domain::Cutoff cutoff(const std::string& label, const std::string& closes_at, const std::string& wall_time)
{
  domain::Cutoff result;
  result.label = label;
  result.closes_at = utc(closes_at);
  result.wall_time = wall(wall_time);
  result.zone = "Europe/Brussels";
  return result;
}

inline std::vector<std::string> acronyms(const std::vector<Proposal>& proposals)
{
  std::vector<std::string> result;
  for (const auto& proposal : proposals) {
    result.push_back(proposal.call_code + "/" + proposal.acronym);
  }
  return result;
}
class RepositoryTest : public ::testing::Test
{
protected:
  // Runs `body` in one write transaction, whose repositories calls(), proposals() and audit() hand out.
  void in_transaction(const std::function<void()>& body)
  {
    m_fixture.database().write("test", [&](store::Transaction& tx) {
      m_tx = &tx;
      body();
      m_tx = nullptr;
    });
  }

  store::CallRepository& calls() { return m_tx->calls(); }
  store::ProposalRepository& proposals() { return m_tx->proposals(); }
  store::AuditRepository& audit() { return m_tx->audit(); }

  domain::Call make_call(const std::string& code)
  {
    domain::Call call;
    call.code = code;
    call.title = "AI Factories";
    call.id = calls().insert(call, utc("2024-09-01T08:00:00Z"));
    return call;
  }

  // A submitted proposal of `call` for `cutoff_id` (a draft when it has none).
  Proposal make_proposal(const domain::Call& call, const std::string& acronym, const std::string& host,
                         std::vector<std::string> partners, std::vector<std::string> sectors,
                         std::optional<std::int64_t> cutoff_id)
  {
    Proposal proposal;
    proposal.call_code = call.code;
    proposal.acronym = acronym;
    proposal.fields.title = "AI Factory " + acronym;
    proposal.fields.host = host;
    proposal.fields.partners = std::move(partners);
    proposal.fields.entity = "Entity of " + acronym;
    proposal.fields.plan = domain::Plan::upgrade;
    proposal.fields.experimental_platform = true;
    proposal.fields.eu_contribution = 12'345'678'901;
    proposal.fields.national_contribution = 99;
    proposal.fields.sectors = std::move(sectors);
    // ProposalFields keeps partners sorted and sectors in the calls' order; core does this before storing.
    domain::canonicalize(proposal.fields);
    if (cutoff_id) {
      proposal.status = ProposalStatus::submitted;
      proposal.cutoff_id = cutoff_id;
      proposal.submitted_at = utc("2024-10-01T10:00:00Z");
    }
    return proposal;
  }

  DatabaseFixture m_fixture;
  store::Transaction* m_tx = nullptr;
};
class ProposalListRepositoryTest : public RepositoryTest
{
protected:
  ProposalListRepositoryTest()
  {
    in_transaction([&] { insert_proposals(); });
  }

  void insert_proposals()
  {
    m_a = make_call("AAA-CALL");
    m_b = make_call("EUROHPC-2024-CEI-AI-01");
    const auto b_first =
        calls().insert_cutoff(m_b.id, cutoff("2024-11-04", "2024-11-04T16:00:00Z", "2024-11-04T17:00:00"));
    const auto b_second =
        calls().insert_cutoff(m_b.id, cutoff("2025-02-01", "2025-02-01T16:00:00Z", "2025-02-01T17:00:00"));
    const auto a_first =
        calls().insert_cutoff(m_a.id, cutoff("2025-02-01", "2025-02-01T16:00:00Z", "2025-02-01T17:00:00"));
    const auto at = utc("2024-10-01T10:00:00Z");
    proposals().insert(m_b.id, make_proposal(m_b, "zeta", "ES", {"FR"}, {"health"}, b_first), stamp(at, "t"));
    proposals().insert(m_b.id, make_proposal(m_b, "Alpha", "DE", {"ES", "IT"}, {"climate", "health"}, b_second), stamp(at, "t"));
    proposals().insert(m_b.id, make_proposal(m_b, "beta", "FR", {}, {"space"}, std::nullopt), stamp(at, "t"));
    auto omega = make_proposal(m_a, "Omega", "IT", {"DE"}, {"finance"}, a_first);
    omega.status = ProposalStatus::withdrawn;
    omega.withdrawal_reason = "no co-funding";
    proposals().insert(m_a.id, omega, stamp(at, "t"));
  }

  std::vector<std::string> list(const store::ProposalFilter& filter) { return acronyms(proposals().list(filter)); }

  domain::Call m_a;
  domain::Call m_b;
};

} // namespace cfp::test
