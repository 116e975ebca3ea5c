// SPDX-License-Identifier: EUPL-1.2
// `cfp proposal list` and `export proposals`: the filters and the order as typed, checked and
// handed to the store, which filters and orders in one query and streams the rows.

#include <cfp/core/calls.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/record_fields.hpp>
#include <cfp/core/states.hpp>
#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace cfp::core {

namespace {

using store::ProposalSort;

// Each proposal field (record_fields.hpp) and the store's order by it.
constexpr std::array<std::pair<std::string_view, ProposalSort>, 19> k_sorts{{
    {"id", ProposalSort::id},
    {"call", ProposalSort::call},
    {"acronym", ProposalSort::acronym},
    {"title", ProposalSort::title},
    {"host", ProposalSort::host},
    {"partners", ProposalSort::partners},
    {"entity", ProposalSort::entity},
    {"plan", ProposalSort::plan},
    {"experimental_platform", ProposalSort::experimental_platform},
    {"eu_contribution_eur", ProposalSort::eu_contribution},
    {"national_contribution_eur", ProposalSort::national_contribution},
    {"sectors", ProposalSort::sectors},
    {"status", ProposalSort::status},
    {"cutoff", ProposalSort::cutoff},
    {"cutoff_closes_at", ProposalSort::cutoff_closes_at},
    {"submitted_at", ProposalSort::submitted_at},
    {"version", ProposalSort::version},
    {"withdrawal_reason", ProposalSort::withdrawal_reason},
    {"outcome", ProposalSort::outcome},
}};

store::ProposalOrder store_order(const ListOrder& order)
{
  store::ProposalOrder result;
  result.direction = order.direction;
  result.limit = order.limit;
  if (order.sort) {
    check_sort_field(*order.sort, field_names(proposal_fields()));
    const auto found =
        std::find_if(k_sorts.begin(), k_sorts.end(), [&](const auto& entry) { return entry.first == *order.sort; });
    if (found == k_sorts.end()) {
      throw Error(ErrorKind::internal, fmt::format("proposal field '{}' has no order in the store", *order.sort));
    }
    result.key = found->second;
  }
  return result;
}

// Each value parsed as `parse` reads it; the first that is not refused as invalid input,
// named by `option`.
template<typename T, typename Parse>
std::set<T> parsed(const std::vector<std::string>& values, Parse parse, std::string_view option)
{
  std::set<T> result;
  for (const auto& value : values) {
    result.insert(util::value_or_throw(parse(value), ErrorKind::invalid_input, std::string(option)));
  }
  return result;
}

// The labels typed, cut at commas (but a label that holds one), each a label of a cut-off of
// `calls` (of any call when there are none), else not found.
std::set<std::string> require_labels(const store::Transaction& tx, const std::vector<domain::Call>& calls,
                                     const std::vector<std::string>& typed, const std::vector<std::string>& typed_calls)
{
  std::vector<domain::Cutoff> cutoffs;
  if (calls.empty()) {
    cutoffs = tx.calls().cutoffs(std::nullopt);
  }
  for (const auto& call : calls) {
    auto of_call = tx.calls().cutoffs(call.id);
    cutoffs.insert(cutoffs.end(), of_call.begin(), of_call.end());
  }
  const auto is_label = [&](const std::string& label) {
    return std::any_of(cutoffs.begin(), cutoffs.end(),
                       [&](const domain::Cutoff& cutoff) { return util::iequals(cutoff.label, label); });
  };
  std::set<std::string> labels;
  for (const auto& label : split_values(typed, is_label)) {
    if (!is_label(label)) {
      std::vector<std::string> named;
      for (const auto& call : typed_calls) {
        named.push_back(util::excerpt(call));
      }
      const std::string where = named.empty()       ? ""
                                : named.size() == 1 ? " in call " + named.front()
                                                    : " in calls " + util::join(named, ", ");
      throw Error(ErrorKind::not_found, fmt::format("no cut-off labelled '{}'{}; 'cfp deadline list' shows them",
                                                    util::excerpt(label), where));
    }
    labels.insert(label);
  }
  return labels;
}

} // namespace

void for_each_proposal(Session& session, const ProposalQuery& query, const ListOrder& order,
                       const std::function<void(const domain::Proposal&)>& visit, const ListPasses& passes)
{
  const auto sorted = store_order(order);
  store::ProposalFilter filter;
  filter.detail = query.detail;
  filter.statuses = parsed<domain::ProposalStatus>(query.statuses, domain::parse_status, "--status");
  filter.sectors = parsed<std::string>(query.sectors, domain::parse_sector, "--sector");
  filter.outcomes = parsed<domain::Outcome>(query.outcomes, domain::parse_outcome, "--outcome");
  session.database.read("list the proposals", [&](const store::Transaction& tx) {
    const auto calls = require_calls(tx, query.calls);
    for (const auto& call : calls) {
      filter.call_ids.insert(call.id);
    }
    filter.cutoff_labels = require_labels(tx, calls, query.cutoffs, query.calls);
    filter.hosts = resolve_states(tx, query.hosts, "--host");
    filter.states = resolve_states(tx, query.states, "--state");
    run_passes(passes, [&] { tx.proposals().for_each(filter, sorted, visit); });
  });
}

std::vector<domain::Proposal> list_proposals(Session& session, const ProposalQuery& query)
{
  std::vector<domain::Proposal> proposals;
  for_each_proposal(session, query, {}, [&](const domain::Proposal& proposal) { proposals.push_back(proposal); });
  return proposals;
}

} // namespace cfp::core
