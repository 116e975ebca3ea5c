// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "../output/table.hpp"

#include <cfp/core/proposals.hpp>
#include <cfp/core/session.hpp>

#include <functional>
#include <vector>

namespace cfp::cli {

class Context;

/// What the command line of `proposal add` gave beside the fields of `request.input`.
struct GivenOnCommandLine
{
  bool call = false;
  bool acronym = false;
};

/// The options `proposal add` lacks to record `request` (its call, acronym, title, host and
/// entity, and its EU contribution unless it is a draft), as typed ("--call").
std::vector<std::string> missing_options(const core::NewProposal& request, const GivenOnCommandLine& given);

/// The lines describing a proposal about to be recorded.
using ProposalSummary = std::function<std::vector<Line>(const domain::Proposal&)>;

/// Asks on the terminal, one by one, for the fields `request` lacks and then for the optional
/// ones not given (offering the calls with an open cut-off, the states taking part and the
/// sectors, with defaults), each checked by the rules of add_proposal as it is answered; asks
/// again for any value the rules then refuse, shows what will be recorded and asks for a
/// confirmation. Throws refused ("cancelled") at the end of input or when the answer is no:
/// nothing is recorded then.
void ask_for_proposal(Context& context, core::Session& session, core::NewProposal& request,
                      const GivenOnCommandLine& given, const ProposalSummary& summary);

} // namespace cfp::cli
