// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The fixture of the rule-boundary tests: each rule of the core use cases pinned from both
// sides (the instant accepted and the one past it refused).

#include "support/support.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/transfer.hpp>
#include <cfp/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace cfp::test {

inline constexpr auto k_boundary_call = "EUROHPC-2024-CEI-AI-01";
inline constexpr auto k_boundary_late_call = "EUROHPC-2024-CEI-AI-03";

// A call that opens on 2024-09-10 (Brussels, 2024-09-09T22:00:00Z) with cut-offs on 2024-11-04
// and 2025-02-01 at 17:00 Brussels (16:00Z both); the clock reads 2024-10-01T10:00:00Z.
class RuleBoundariesTest : public ::testing::Test
{
protected:
  RuleBoundariesTest()
  {
    core::add_call(session(), {k_boundary_call, "AI Factories", "2024-09-10", "485M"});
    core::add_deadline(session(), {k_boundary_call, "2024-11-04", std::nullopt});
    core::add_deadline(session(), {k_boundary_call, "2025-02-01", std::nullopt});
  }

  core::Session& session() { return m_fixture.session(); }
  void now(const std::string& instant) { m_fixture.clock().set(utc(instant)); }

  static core::NewProposal request(const std::string& acronym, const std::string& host = "ES",
                                   std::vector<std::string> partners = {})
  {
    core::NewProposal result;
    result.call_code = k_boundary_call;
    result.acronym = acronym;
    result.input.title = "AI Factory " + acronym;
    result.input.host = host;
    result.input.partners = std::move(partners);
    result.input.entity = "Barcelona Supercomputing Center";
    result.input.eu_contribution = "10M";
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

  domain::Cutoff add_deadline(const std::string& when, const std::string& call = k_boundary_call)
  {
    return core::add_deadline(session(), {call, when, std::nullopt});
  }

  // Imports `csv` as the file "proposals.csv".
  core::ImportSummary import_csv(const std::string& csv, bool historical = false)
  {
    std::istringstream in(csv);
    core::ImportOptions options;
    options.historical = historical;
    options.source_name = "proposals.csv";
    options.format = core::DataFormat::csv;
    return core::import_proposals(session(), in, options);
  }

  DatabaseFixture m_fixture;
};

} // namespace cfp::test
