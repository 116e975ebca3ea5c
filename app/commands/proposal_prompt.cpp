// SPDX-License-Identifier: EUPL-1.2
#include "proposal_prompt.hpp"

#include "../context.hpp"
#include "../prompt.hpp"
#include "proposal_options.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/core/reports.hpp>
#include <cfp/core/states.hpp>
#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::cli {

namespace {

const std::string k_cancelled = "cancelled: nothing was recorded";

// A list typed as people type lists: separated by commas, spaces or both.
std::vector<std::string> list_of(const std::string& answer)
{
  std::vector<std::string> items;
  std::string item;
  for (const char c : answer + ",") {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!item.empty()) {
        items.push_back(item);
      }
      item.clear();
    } else {
      item += c;
    }
  }
  return items;
}

// Asks for the fields one at a time; each answer is checked by the rules themselves.
class ProposalQuestions
{
public:
  ProposalQuestions(Context& context, core::Session& session, core::NewProposal& request)
      : m_context(context), m_session(session), m_request(request), m_prompter(context.in(), context.err())
  {
  }

  Prompter& prompter() { return m_prompter; }

  // Asks for `field` (the rules' name) until the rules take the answer.
  void ask(std::string_view field)
  {
    auto& input = m_request.input;
    if (field == "call") {
      offer_calls();
    }
    for (;;) {
      if (field == "call") {
        m_request.call_code = canonical_call(m_prompter.ask("Call", m_default_call));
        if (m_request.call_code.empty()) {
          m_prompter.say("  a call is required");
          continue;
        }
      } else if (field == "acronym") {
        m_request.acronym = m_prompter.ask("Acronym (letters, digits, '-', '_', '.'; unique in the call)");
      } else if (field == "title") {
        input.title = m_prompter.ask("Title");
      } else if (field == "host") {
        offer_states();
        input.host = m_prompter.ask("Host state (code)");
        if (input.host->empty()) {
          m_prompter.say("  a host state is required");
          continue;
        }
      } else if (field == "partners") {
        offer_states();
        input.partners = list_of(m_prompter.ask("Partner states (codes separated by commas; Enter for none)"));
      } else if (field == "entity") {
        input.entity = m_prompter.ask("Hosting entity");
      } else if (field == "plan") {
        input.plan = m_prompter.ask("AI supercomputer: new, upgrade or none", "new");
      } else if (field == "eu_contribution_eur") {
        input.eu_contribution =
            m_prompter.ask(m_request.draft ? "EU contribution in euros, such as 485M or 1.5bn (Enter to leave it out)"
                                           : "EU contribution in euros, such as 485M or 1.5bn");
      } else if (field == "national_contribution_eur") {
        input.national_contribution =
            m_prompter.ask("National contribution in euros, such as 120M (Enter to leave it out)");
      } else if (field == "sectors") {
        std::vector<std::string> sectors(domain::k_sectors.begin(), domain::k_sectors.end());
        m_prompter.offer("sectors:", sectors);
        input.sectors = list_of(m_prompter.ask("Target sectors (separated by commas; Enter for none)"));
      } else {
        throw Error(ErrorKind::internal, fmt::format("no question for the field '{}'", field));
      }
      const auto problems = problems_of(field);
      if (problems.empty()) {
        return;
      }
      for (const auto& problem : problems) {
        m_prompter.say("  " + problem);
      }
    }
  }

  // The problems the rules find with `field` as it stands.
  std::vector<std::string> problems_of(std::string_view field)
  {
    std::vector<std::string> messages;
    for (const auto& problem : core::check_new_proposal(m_session, m_request).problems) {
      if (problem.field == field) {
        messages.push_back(problem.message);
      }
    }
    return messages;
  }

private:
  // The calls a proposal can be submitted to now, each with its open cut-off; the default is
  // the only one. A draft may go to any call.
  void offer_calls()
  {
    const auto open = core::list_deadlines(m_session, {}, core::DeadlineSet::open_only);
    const auto now = m_session.clock.now();
    std::vector<std::string> codes;
    for (const auto& deadline : open) {
      if (std::find(codes.begin(), codes.end(), deadline.cutoff.call_code) == codes.end()) {
        codes.push_back(deadline.cutoff.call_code);
        m_prompter.say(fmt::format("  open: {}, cut-off '{}', closes {} ({} left)", deadline.cutoff.call_code,
                                   deadline.cutoff.label,
                                   domain::format_local(deadline.cutoff.closes_at, m_context.zone()),
                                   core::format_time_left(now, deadline.cutoff.closes_at)));
      }
    }
    if (codes.size() == 1) {
      m_default_call = codes.front();
    }
    if (codes.empty()) {
      std::vector<std::string> all;
      for (const auto& call : core::list_calls(m_session)) {
        all.push_back(call.code);
      }
      if (all.empty()) {
        throw Error(ErrorKind::not_found, "there is no call yet; 'cfp call add' records one (or 'cfp import calls')");
      }
      m_prompter.say("  no cut-off is open now: a proposal can only be kept as a draft");
      if (!m_request.draft) {
        if (!m_prompter.confirm("Keep it as a draft, to submit when a cut-off opens?", false)) {
          throw Error(ErrorKind::refused, k_cancelled);
        }
        m_request.draft = true;
      }
      m_prompter.offer("calls:", all);
    }
  }

  // The state codes, listed once.
  void offer_states()
  {
    if (m_states_offered) {
      return;
    }
    std::vector<std::string> codes;
    for (const auto& state : core::list_states(m_session, core::StateSet::all)) {
      codes.push_back(state.code);
    }
    m_prompter.offer("states taking part:", codes);
    m_states_offered = true;
  }

  // The call's code as stored when `answer` names it in another case.
  std::string canonical_call(const std::string& answer)
  {
    for (const auto& call : core::list_calls(m_session)) {
      if (util::to_lower_ascii(call.code) == util::to_lower_ascii(answer)) {
        return call.code;
      }
    }
    return answer;
  }

  Context& m_context;
  core::Session& m_session;
  core::NewProposal& m_request;
  Prompter m_prompter;
  std::string m_default_call;
  bool m_states_offered = false;
};

} // namespace

std::vector<std::string> missing_options(const core::NewProposal& request, const GivenOnCommandLine& given)
{
  const auto& input = request.input;
  std::vector<std::string> missing;
  if (!given.call) {
    missing.emplace_back("--call");
  }
  if (!given.acronym) {
    missing.emplace_back("--acronym");
  }
  if (!input.title) {
    missing.emplace_back("--title");
  }
  if (!input.host) {
    missing.emplace_back("--host");
  }
  if (!input.entity) {
    missing.emplace_back("--entity");
  }
  if (!request.draft && !input.eu_contribution) {
    missing.emplace_back("--eu-contribution");
  }
  return missing;
}

void ask_for_proposal(Context& context, core::Session& session, core::NewProposal& request,
                      const GivenOnCommandLine& given, const ProposalSummary& summary)
{
  ProposalQuestions questions(context, session, request);
  auto& prompter = questions.prompter();
  prompter.say("Recording a proposal. Enter takes the value in [brackets]; Ctrl-D cancels and records nothing.");
  const auto& input = request.input;
  // The required fields, then the optional ones the command line did not give.
  const std::vector<std::pair<std::string_view, bool>> fields{
      {"call", !given.call},
      {"acronym", !given.acronym},
      {"title", !input.title},
      {"host", !input.host},
      {"partners", !input.partners},
      {"entity", !input.entity},
      {"plan", !input.plan},
      {"eu_contribution_eur", !input.eu_contribution},
      {"national_contribution_eur", !input.national_contribution},
      {"sectors", !input.sectors},
  };
  for (const auto& [field, asked] : fields) {
    if (asked) {
      questions.ask(field);
    }
    if (field == "plan" && !input.experimental_platform) {
      request.input.experimental_platform = prompter.confirm("Experimental platform?", false);
    }
  }
  // What the rules refuse of the whole (a value given on the command line, a submission no
  // cut-off takes) is asked again, one problem at a time, or the proposal kept as a draft.
  for (;;) {
    const auto check = core::check_new_proposal(session, request);
    if (!check.problems.empty()) {
      const auto& problem = check.problems.front();
      if (problem.field == "submission") {
        prompter.say(problem.message);
        if (request.draft || !prompter.confirm("Keep it as a draft, to submit later?", false)) {
          throw Error(ErrorKind::refused, k_cancelled);
        }
        request.draft = true;
      } else {
        prompter.say(fmt::format("{}: {}", option_of_field(problem.field), problem.message));
        questions.ask(problem.field);
      }
      continue;
    }
    prompter.say("\nTo be recorded:");
    const auto lines = summary(check.proposal);
    std::size_t width = 0;
    for (const auto& line : lines) {
      width = std::max(width, util::display_width(line.first));
    }
    for (const auto& [label, value] : lines) {
      // One line a field, whatever the value holds (a title may hold line breaks).
      prompter.say(fmt::format("  {}{}  {}", label, std::string(width - util::display_width(label), ' '),
                               util::escape_controls(value)));
    }
    for (const auto& warning : check.warnings) {
      prompter.say("warning: " + warning);
    }
    const bool yes = request.draft ? prompter.confirm("Record it as a draft?", true)
                                   : prompter.confirm(fmt::format("Submit it now to cut-off '{}'?",
                                                                  check.proposal.cutoff_label.value_or("?")),
                                                      true);
    if (!yes) {
      throw Error(ErrorKind::refused, k_cancelled);
    }
    if (request.draft) {
      return;
    }
    // What was confirmed is what is recorded: a cut-off that closed while the person answered
    // is said, and what would be recorded now is shown again; add_proposal refuses any other
    // cut-off than the one confirmed.
    const auto now = core::check_new_proposal(session, request);
    if (now.problems.empty() && now.proposal.cutoff_id == check.proposal.cutoff_id) {
      request.cutoff_id = check.proposal.cutoff_id;
      return;
    }
    prompter.say(fmt::format("cut-off '{}' no longer takes the submission (it closed or changed meanwhile)",
                             check.proposal.cutoff_label.value_or("?")));
  }
}

} // namespace cfp::cli
