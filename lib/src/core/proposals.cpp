#include <cfp/core/proposals.hpp>

#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/states.hpp>
#include <cfp/error.hpp>
#include <cfp/store/repositories.hpp>
#include <cfp/store/records.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace cfp::core {

namespace {

using domain::Proposal;
using domain::ProposalStatus;

std::string brussels_time(domain::Instant instant)
{
  return domain::format_local(instant, *date::locate_zone(domain::k_brussels)) + " (Brussels time)";
}

std::string entity_of(const Proposal& proposal)
{
  return fmt::format("proposal {}/{}", proposal.call_code, proposal.acronym);
}

// Collects every broken rule so that one run of the command reports them all.
class Problems
{
public:
  void add(std::string message) { m_messages.push_back(std::move(message)); }

  template<typename T>
  std::optional<T> take(util::Result<T> result, std::string_view field)
  {
    if (!result) {
      add(fmt::format("{}: {}", field, result.error()));
      return std::nullopt;
    }
    return std::move(result).value();
  }

  void throw_if_any(std::string_view what) const
  {
    if (m_messages.size() == 1) {
      throw Error(ErrorKind::invalid_input, fmt::format("cannot {}: {}", what, m_messages.front()));
    }
    if (!m_messages.empty()) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("cannot {}:\n  {}", what, util::join(m_messages, "\n  ")));
    }
  }

private:
  std::vector<std::string> m_messages;
};

std::optional<std::string> resolve_state_into(store::Database& database, const std::string& input,
                                              std::string_view field, Problems& problems)
{
  try {
    return resolve_state(database, input, field);
  } catch (const Error& error) {
    problems.add(error.what());
    return std::nullopt;
  }
}

// Applies the options given in `input` onto `fields`, checking each value.
domain::ProposalFields apply_input(store::Database& database, domain::ProposalFields fields,
                                   const ProposalInput& input, std::string_view what)
{
  Problems problems;
  if (input.title) {
    fields.title = *input.title;
  }
  if (input.entity) {
    fields.entity = *input.entity;
  }
  if (input.host) {
    if (auto code = resolve_state_into(database, *input.host, "host", problems)) {
      fields.host = *code;
    }
  }
  if (input.partners) {
    fields.partners.clear();
    for (const auto& partner : *input.partners) {
      if (auto code = resolve_state_into(database, partner, "partner", problems)) {
        fields.partners.push_back(*code);
      }
    }
  }
  if (input.plan) {
    if (auto plan = problems.take(domain::parse_plan(*input.plan), "plan")) {
      fields.plan = *plan;
    }
  }
  if (input.experimental_platform) {
    fields.experimental_platform = *input.experimental_platform;
  }
  if (input.eu_contribution) {
    if (auto cents = problems.take(domain::parse_money(*input.eu_contribution), "EU contribution")) {
      fields.eu_contribution = *cents;
    }
  }
  if (input.national_contribution) {
    if (auto cents = problems.take(domain::parse_money(*input.national_contribution), "national contribution")) {
      fields.national_contribution = *cents;
    }
  }
  if (input.sectors) {
    fields.sectors.clear();
    for (const auto& sector : *input.sectors) {
      if (auto name = problems.take(domain::parse_sector(sector), "sector")) {
        fields.sectors.push_back(*name);
      }
    }
  }
  if (fields.host.empty() && !input.host) {
    problems.add("host: a host state is required (--host)");
  }
  for (const auto& error : domain::validate(fields)) {
    problems.add(fmt::format("{}: {}", error.field, error.message));
  }
  problems.throw_if_any(what);
  domain::canonicalize(fields);
  return fields;
}

// Refuses a submission at `at` naming a state that takes part in calls only from a later date.
void require_participating(store::Database& database, const domain::ProposalFields& fields, domain::Instant at)
{
  std::vector<std::string> codes{fields.host};
  codes.insert(codes.end(), fields.partners.begin(), fields.partners.end());
  // Participation starts at midnight, Brussels time, of the day recorded.
  const auto& brussels = *date::locate_zone(domain::k_brussels);
  for (const auto& state : store::StateRepository(database).list()) {
    if (!state.participating_since || std::find(codes.begin(), codes.end(), state.code) == codes.end()) {
      continue;
    }
    const date::local_days since{*state.participating_since};
    if (brussels.to_sys(since, date::choose::earliest) <= at) {
      continue;
    }
    throw Error(ErrorKind::refused,
                fmt::format("{} ({}) takes part in EuroHPC calls from {}; a proposal submitted on {} cannot name it",
                            state.code, state.name, date::format("%F", since),
                            date::format("%F", date::floor<date::days>(date::make_zoned(&brussels, at).get_local_time()))));
  }
}

// Assigns the cut-off a submission now belongs to, or refuses when none is open.
void submit_now(store::Database& database, const domain::Call& call, Proposal& proposal, domain::Instant now)
{
  if (call.opens_at && now < *call.opens_at) {
    throw Error(ErrorKind::refused, fmt::format("call {} opens at {}; proposals can be submitted from then on",
                                                call.code, brussels_time(*call.opens_at)));
  }
  const auto cutoffs = store::CallRepository(database).cutoffs(call.id);
  const auto cutoff = domain::cutoff_for_submission(now, cutoffs);
  if (!cutoff) {
    const auto last = domain::last_cutoff(cutoffs);
    if (!last) {
      throw Error(ErrorKind::refused, fmt::format("call {} has no cut-off yet; add one with 'cfp deadline add {} "
                                                  "WHEN' or keep the proposal as a --draft",
                                                  call.code, call.code));
    }
    throw Error(ErrorKind::refused, fmt::format("no cut-off of call {} is open: the last one, '{}', closed at {}",
                                                call.code, last->label, brussels_time(last->closes_at)));
  }
  require_participating(database, proposal.fields, now);
  proposal.status = ProposalStatus::submitted;
  proposal.submitted_at = now;
  proposal.cutoff_id = cutoff->id;
  proposal.cutoff_label = cutoff->label;
  proposal.cutoff_closes_at = cutoff->closes_at;
  proposal.withdrawal_reason.reset();
}

// Refuses any change to a proposal whose cut-off has passed.
void require_open(const Proposal& proposal, domain::Instant now, std::string_view what)
{
  if (proposal.cutoff_closes_at && now > *proposal.cutoff_closes_at) {
    throw Error(ErrorKind::refused,
                fmt::format("cannot {}: {} belongs to cut-off '{}', which closed at {}; it is read-only now", what,
                            proposal.acronym, proposal.cutoff_label.value_or("?"),
                            brussels_time(*proposal.cutoff_closes_at)));
  }
}

// Stores `after` as the next version of `before` and logs the change.
void save_version(Session& session, const Proposal& before, Proposal& after, const std::string& action)
{
  const auto now = session.clock.now();
  after.version = before.version + 1;
  store::ProposalRepository(session.database).update(after, now, session.actor);
  record_audit(session, entity_of(after), action, after.id, store::proposal_json(before), store::proposal_json(after));
}

} // namespace

Proposal resolve_proposal(store::Database& database, const std::string& ref)
{
  store::ProposalRepository proposals(database);
  const std::string text(util::trim(ref));
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (!text.empty() && error == std::errc{} && end == text.data() + text.size()) {
    if (auto proposal = proposals.find(id)) {
      return *proposal;
    }
    // An all-digit acronym ("2025") is still found when no proposal has that id.
    if (proposals.find_by_acronym(text).empty()) {
      throw Error(ErrorKind::not_found, fmt::format("no proposal with id {}", id));
    }
  }
  if (const auto slash = text.find('/'); slash != std::string::npos) {
    const auto call = require_call(database, text.substr(0, slash));
    if (auto proposal = proposals.find(call.id, text.substr(slash + 1))) {
      return *proposal;
    }
    throw Error(ErrorKind::not_found, fmt::format("no proposal '{}' in call {}", text.substr(slash + 1), call.code));
  }
  auto found = proposals.find_by_acronym(text);
  if (found.empty()) {
    throw Error(ErrorKind::not_found,
                fmt::format("no proposal '{}'; 'cfp proposal list' shows the proposals", text));
  }
  if (found.size() > 1) {
    std::vector<std::string> refs;
    for (const auto& proposal : found) {
      refs.push_back(proposal.call_code + "/" + proposal.acronym);
    }
    throw Error(ErrorKind::refused,
                fmt::format("'{}' is an acronym in several calls; name one: {}", text, util::join(refs, ", ")));
  }
  return found.front();
}

Proposal add_proposal(Session& session, const NewProposal& request)
{
  const std::string what = fmt::format("record proposal {}", request.acronym);
  if (auto problem = domain::check_acronym(request.acronym)) {
    throw Error(ErrorKind::invalid_input, fmt::format("cannot {}: {}", what, *problem));
  }
  Proposal proposal;
  proposal.acronym = request.acronym;
  session.database.write(what, [&] {
    const auto call = require_call(session.database, request.call_code);
    proposal.call_code = call.code;
    store::ProposalRepository proposals(session.database);
    if (auto existing = proposals.find(call.id, request.acronym)) {
      throw Error(ErrorKind::refused, fmt::format("cannot {}: acronym {} is already used in call {} (proposal {})",
                                                  what, existing->acronym, call.code, existing->id));
    }
    proposal.fields = apply_input(session.database, {}, request.input, what);
    const auto now = session.clock.now();
    if (!request.draft) {
      submit_now(session.database, call, proposal, now);
    }
    proposal.version = 1;
    proposal.id = proposals.insert(call.id, proposal, now, session.actor);
    record_audit(session, entity_of(proposal), "add", proposal.id, std::nullopt, store::proposal_json(proposal));
  });
  return proposal;
}

Proposal submit_proposal(Session& session, const std::string& ref)
{
  Proposal after;
  session.database.write(fmt::format("submit proposal {}", ref), [&] {
    const auto before = resolve_proposal(session.database, ref);
    const auto now = session.clock.now();
    if (before.status == ProposalStatus::submitted) {
      throw Error(ErrorKind::refused, fmt::format("{} is already submitted (to cut-off '{}'); use 'cfp proposal "
                                                  "update' to change it",
                                                  before.acronym, before.cutoff_label.value_or("?")));
    }
    require_open(before, now, fmt::format("resubmit {}", before.acronym));
    after = before;
    submit_now(session.database, require_call(session.database, before.call_code), after, now);
    save_version(session, before, after, "submit");
  });
  return after;
}

UpdateOutcome update_proposal(Session& session, const std::string& ref, const ProposalInput& input)
{
  if (input.empty()) {
    throw Error(ErrorKind::usage, "proposal update needs at least one field option (such as --title or --host); "
                                  "see 'cfp proposal update --help'");
  }
  UpdateOutcome outcome;
  session.database.write(fmt::format("update proposal {}", ref), [&] {
    const auto before = resolve_proposal(session.database, ref);
    const auto now = session.clock.now();
    const std::string what = fmt::format("update {}", before.acronym);
    require_open(before, now, what);
    Proposal after = before;
    after.fields = apply_input(session.database, before.fields, input, what);
    if (after.fields == before.fields) {
      outcome = {before, false};
      return;
    }
    // The latest version is the one that counts: a submitted proposal is submitted again now.
    if (after.status == ProposalStatus::submitted) {
      submit_now(session.database, require_call(session.database, before.call_code), after, now);
    }
    save_version(session, before, after, "update");
    outcome = {after, true};
  });
  return outcome;
}

Proposal withdraw_proposal(Session& session, const std::string& ref, const std::string& reason)
{
  if (auto problem = domain::check_text(reason, "reason")) {
    throw Error(ErrorKind::invalid_input, fmt::format("--reason: {}", *problem));
  }
  Proposal after;
  session.database.write(fmt::format("withdraw proposal {}", ref), [&] {
    const auto before = resolve_proposal(session.database, ref);
    const auto now = session.clock.now();
    if (before.status != ProposalStatus::submitted) {
      throw Error(ErrorKind::refused, fmt::format("{} is {}, not submitted; only a submitted proposal can be "
                                                  "withdrawn",
                                                  before.acronym, domain::to_string(before.status)));
    }
    require_open(before, now, fmt::format("withdraw {}", before.acronym));
    after = before;
    after.status = ProposalStatus::withdrawn;
    after.withdrawal_reason = reason;
    save_version(session, before, after, "withdraw");
  });
  return after;
}

Proposal show_proposal(Session& session, const std::string& ref)
{
  Proposal proposal;
  session.database.read(fmt::format("show proposal {}", ref),
                        [&] { proposal = resolve_proposal(session.database, ref); });
  return proposal;
}

std::vector<domain::ProposalVersion> proposal_history(Session& session, const std::string& ref)
{
  std::vector<domain::ProposalVersion> versions;
  session.database.read(fmt::format("read the history of proposal {}", ref), [&] {
    const auto proposal = resolve_proposal(session.database, ref);
    versions = store::ProposalRepository(session.database).history(proposal.id);
  });
  return versions;
}

std::vector<Proposal> list_proposals(Session& session, const ProposalQuery& query)
{
  store::ProposalFilter filter;
  if (query.status) {
    filter.status = util::value_or_throw(domain::parse_status(*query.status), ErrorKind::invalid_input, "--status");
  }
  if (query.sector) {
    filter.sector = util::value_or_throw(domain::parse_sector(*query.sector), ErrorKind::invalid_input, "--sector");
  }
  filter.cutoff_label = query.cutoff;
  std::vector<Proposal> proposals;
  session.database.read("list the proposals", [&] {
    if (query.call) {
      filter.call_id = require_call(session.database, *query.call).id;
    }
    if (query.cutoff) {
      const auto cutoffs = store::CallRepository(session.database).cutoffs(filter.call_id);
      if (std::none_of(cutoffs.begin(), cutoffs.end(),
                       [&](const domain::Cutoff& cutoff) { return util::iequals(cutoff.label, *query.cutoff); })) {
        throw Error(ErrorKind::not_found, fmt::format("no cut-off labelled '{}'{}; 'cfp deadline list' shows them",
                                                      *query.cutoff, query.call ? " in call " + *query.call : ""));
      }
    }
    if (query.host) {
      filter.host = resolve_state(session.database, *query.host, "--host");
    }
    if (query.state) {
      filter.state = resolve_state(session.database, *query.state, "--state");
    }
    proposals = store::ProposalRepository(session.database).list(filter);
  });
  return proposals;
}

} // namespace cfp::core
