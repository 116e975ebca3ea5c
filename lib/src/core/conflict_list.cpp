// SPDX-License-Identifier: EUPL-1.2
// `expert conflicts`: every declared conflict and every conflict the rules derive between an
// expert and a submitted proposal, put in order by the store (store::Sorter): the proposals are
// read once, however many, and none is held.
#include <cfp/core/calls.hpp>
#include <cfp/core/experts.hpp>
#include <cfp/core/list_order.hpp>
#include <cfp/store/expert_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/sorter.hpp>
#include <cfp/util/byte_record.hpp>
#include <cfp/util/text.hpp>

#include <algorithm>
#include <set>

namespace cfp::core {

namespace {

// An expert the list shows, with the key their organisation is compared by.
struct Listed
{
  domain::Expert expert;
  std::optional<std::string> organisation_key;
};

// Adds `conflict` of the expert at `position` (in the order of names) to `sorter`: by expert,
// then call and acronym as the store orders them (ignoring ASCII case), then cause; then in the
// order added.
class ConflictRows
{
public:
  explicit ConflictRows(store::Sorter& sorter) : m_sorter(sorter) {}

  void add(std::int64_t position, const ConflictListing& conflict)
  {
    m_key.clear();
    m_key.ascending(position);
    m_key.text(util::to_lower_ascii(conflict.call_code));
    m_key.text(util::to_lower_ascii(conflict.acronym));
    m_key.ascending(static_cast<std::int64_t>(conflict.cause));
    m_key.ascending(m_added++);
    m_row.clear();
    m_row.text(conflict.expert);
    m_row.text(conflict.expert_state);
    m_row.text(conflict.call_code);
    m_row.text(conflict.acronym);
    m_row.integer(static_cast<std::int64_t>(conflict.cause));
    m_row.text(conflict.detail);
    m_sorter.add(m_key.bytes(), m_row.bytes());
  }

  static ConflictListing read(std::string_view bytes)
  {
    util::ByteReader row(bytes);
    ConflictListing conflict;
    conflict.expert = row.text();
    conflict.expert_state = row.text();
    conflict.call_code = row.text();
    conflict.acronym = row.text();
    conflict.cause = static_cast<domain::ConflictCause>(row.integer());
    conflict.detail = row.text();
    return conflict;
  }

private:
  store::Sorter& m_sorter;
  util::SortKey m_key;
  util::ByteWriter m_row;
  std::int64_t m_added = 0;
};

} // namespace

void for_each_conflict(Session& session, const ConflictQuery& query,
                       const std::function<void(const ConflictListing&)>& visit, const ListPasses& passes)
{
  session.database.read("list the conflicts", [&](const store::Transaction& tx) {
    const auto calls = require_calls(tx, query.calls);
    std::set<std::int64_t> expert_ids;
    const auto names_expert = [&](const std::string& name) { return tx.experts().find(name).has_value(); };
    for (const auto& name : split_values(query.experts, names_expert)) {
      expert_ids.insert(require_expert(tx, name).id);
    }
    std::vector<Listed> experts; // by name
    for (auto& expert : tx.experts().list()) {
      if (expert_ids.empty() || expert_ids.count(expert.id) > 0) {
        auto key = expert.organisation ? std::optional(util::comparison_key(*expert.organisation)) : std::nullopt;
        experts.push_back({std::move(expert), std::move(key)});
      }
    }
    const bool organisations = std::any_of(experts.begin(), experts.end(),
                                           [](const Listed& listed) { return listed.organisation_key.has_value(); });
    const auto sorter = tx.sorter();
    ConflictRows rows(*sorter);
    store::ProposalFilter filter;
    for (const auto& call : calls) {
      filter.call_ids.insert(call.id);
    }
    filter.statuses = {domain::ProposalStatus::submitted};
    tx.proposals().for_each(filter, [&](const domain::Proposal& proposal) {
      const auto entity_key = organisations ? util::comparison_key(proposal.fields.entity) : std::string();
      for (std::size_t i = 0; i < experts.size(); ++i) {
        const auto& [expert, organisation_key] = experts[i];
        for (auto& conflict : domain::derived_conflicts(expert, proposal.fields, organisation_key, entity_key)) {
          rows.add(static_cast<std::int64_t>(i), {expert.name, expert.state, proposal.call_code, proposal.acronym,
                                                  conflict.cause, std::move(conflict.detail)});
        }
      }
    });
    const auto of_calls = [&](const std::string& code) {
      return calls.empty() || std::any_of(calls.begin(), calls.end(),
                                          [&](const domain::Call& call) { return util::iequals(call.code, code); });
    };
    for (const auto& conflict : tx.experts().declared_conflicts(std::nullopt)) {
      const auto listed = std::find_if(experts.begin(), experts.end(),
                                       [&](const Listed& l) { return l.expert.id == conflict.expert_id; });
      if (listed != experts.end() && of_calls(conflict.call_code)) {
        rows.add(listed - experts.begin(), {listed->expert.name, listed->expert.state, conflict.call_code,
                                            conflict.acronym, domain::ConflictCause::declared, conflict.reason});
      }
    }
    run_passes(passes, [&] { sorter->for_each([&](std::string_view row) { visit(ConflictRows::read(row)); }); });
    return 0;
  });
}

} // namespace cfp::core
