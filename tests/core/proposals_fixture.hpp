// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The fixture of the tests of the proposal use cases (tests/core/proposal_*_test.cpp).

#include "support/support.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/error.hpp>
#include <cfp/store/audit_repository.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/proposal_repository.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::test {

// A call that opens on 2024-09-10 (Brussels) with cut-offs on 2024-11-04 and 2025-02-01 at
// 17:00 Brussels (16:00Z both); the clock reads 2024-10-01T10:00:00Z.
class ProposalsTest : public ::testing::Test
{
protected:
  // Members rather than namespace constants: tests/cli has its own k_other_call.
  static constexpr auto k_call = "EUROHPC-2024-CEI-AI-01";
  static constexpr auto k_other_call = "EUROHPC-2025-AIF-02";

  ProposalsTest()
  {
    core::add_call(session(), {k_call, "AI Factories", "2024-09-10", "485M"});
    // Added latest first: the earliest open cut-off must win by time, not by insertion.
    core::add_deadline(session(), {k_call, "2025-02-01", std::nullopt});
    core::add_deadline(session(), {k_call, "2024-11-04", std::nullopt});
  }

  core::Session& session() { return m_fixture.session(); }
  void now(const std::string& instant) { m_fixture.clock().set(utc(instant)); }

  static core::NewProposal request(const std::string& acronym, const std::string& host = "ES",
                                   std::vector<std::string> partners = {}, const std::string& call = k_call)
  {
    core::NewProposal result;
    result.call_code = call;
    result.acronym = acronym;
    result.input.title = "AI Factory " + acronym;
    result.input.host = host;
    result.input.partners = std::move(partners);
    result.input.entity = "Barcelona Supercomputing Center";
    result.input.plan = "upgrade";
    result.input.experimental_platform = true;
    result.input.eu_contribution = "61M";
    result.input.national_contribution = "61_000_000.50";
    result.input.sectors = std::vector<std::string>{"Space", "health"};
    return result;
  }

  domain::Proposal add(const std::string& acronym, const std::string& host = "ES",
                       std::vector<std::string> partners = {})
  {
    return core::add_proposal(session(), request(acronym, host, std::move(partners))).proposal;
  }

  domain::Proposal add_draft(const std::string& acronym)
  {
    auto draft = request(acronym);
    draft.draft = true;
    return core::add_proposal(session(), draft).proposal;
  }

  core::ProposalChange retitle(const std::string& ref, const std::string& title)
  {
    core::ProposalInput input;
    input.title = title;
    return core::update_proposal(session(), ref, input);
  }

  std::int64_t audit_entries() { return m_fixture.audit_entries(); }

  // The proposal REF names, read in a transaction of its own.
  domain::Proposal resolve(const std::string& ref)
  {
    return m_fixture.database().read("resolve", [&](const store::Transaction& tx) { return core::resolve_proposal(tx, ref); });
  }

  // The newest audit entry, with its before and after documents parsed.
  struct LastAudit
  {
    domain::AuditEntry entry;
    nlohmann::json before;
    nlohmann::json after;
  };

  LastAudit last_audit()
  {
    const auto entries = core::list_audit(session(), std::nullopt, 1);
    LastAudit last;
    if (entries.empty()) {
      ADD_FAILURE() << "the audit log is empty";
      return last;
    }
    last.entry = entries.front();
    if (last.entry.before) {
      last.before = nlohmann::json::parse(*last.entry.before);
    }
    if (last.entry.after) {
      last.after = nlohmann::json::parse(*last.entry.after);
    }
    return last;
  }

  DatabaseFixture m_fixture;
};

} // namespace cfp::test
