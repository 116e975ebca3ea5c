// SPDX-License-Identifier: EUPL-1.2
// The ranking, which the store puts in order by bytes (store::Sorter), against the rules as
// cfp applied them in memory before: many proposals whose totals, consensus scores, submission
// times and acronyms tie at every level, every budget line, and the passes of a table.

#include "core/proposals_fixture.hpp"

#include <cfp/core/experts.hpp>
#include <cfp/core/ranking.hpp>
#include <cfp/core/scores.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <random>

namespace cfp::test {
namespace {

constexpr auto k_after = "2024-11-04T16:00:01Z";

// One row of a ranking, as compared.
struct Row
{
  std::optional<int> rank;
  std::string acronym;
  core::RankStatus status = core::RankStatus::incomplete;
  std::string reason;
  std::optional<domain::Cents> cumulative;
  std::optional<std::int64_t> weighted_total;
  std::vector<std::optional<domain::HalfPoints>> consensus;

  bool operator==(const Row&) const = default;
};

void PrintTo(const Row& row, std::ostream* out)
{
  *out << (row.rank ? std::to_string(*row.rank) : "-") << ' ' << row.acronym << ' ' << core::to_string(row.status)
       << " | " << row.reason << " | " << (row.cumulative ? std::to_string(*row.cumulative) : "-");
}

// The rules as cfp applied them before rankings were sorted by the store: every proposal held,
// classified, the passing ones sorted with this comparison, the others kept in the order read
// (those below a threshold sorted, stably, by weighted total).
std::vector<Row> reference_ranking(const std::vector<core::ProposalScores>& scored, int min_experts,
                                   std::optional<domain::Cents> budget)
{
  struct Ranked
  {
    core::ProposalScores scores;
    core::Totals totals;
    Row row;
  };
  std::vector<Ranked> passing;
  std::vector<Ranked> below;
  std::vector<Ranked> incomplete;
  for (const auto& scores : scored) {
    Ranked ranked{scores, core::totals_of(scores), {}};
    auto& row = ranked.row;
    row.acronym = scores.proposal.acronym;
    row.weighted_total = ranked.totals.weighted_total;
    for (const auto& criterion : scores.criteria) {
      row.consensus.push_back(criterion.consensus);
    }
    const auto too_few = std::find_if(scores.criteria.begin(), scores.criteria.end(), [&](const auto& criterion) {
      return static_cast<int>(criterion.scores.size()) < min_experts;
    });
    if (too_few != scores.criteria.end()) {
      row.status = core::RankStatus::incomplete;
      row.reason = fmt::format("{}: {} expert{}, fewer than {}", too_few->criterion.key, too_few->scores.size(),
                               too_few->scores.size() == 1 ? "" : "s", min_experts);
      incomplete.push_back(std::move(ranked));
      continue;
    }
    const auto missed = std::find_if(scores.criteria.begin(), scores.criteria.end(),
                                     [](const auto& criterion) { return !core::passes(criterion); });
    if (missed != scores.criteria.end()) {
      row.status = core::RankStatus::below_threshold;
      row.reason = fmt::format("{} {} < {}", missed->criterion.key, domain::format_points(*missed->consensus),
                               domain::format_points(missed->criterion.threshold));
      below.push_back(std::move(ranked));
    } else if (*ranked.totals.total < scores.overall_threshold) {
      row.status = core::RankStatus::below_threshold;
      row.reason = fmt::format("total {} < {}", domain::format_points(*ranked.totals.total),
                               domain::format_points(scores.overall_threshold));
      below.push_back(std::move(ranked));
    } else {
      row.status = core::RankStatus::passing;
      passing.push_back(std::move(ranked));
    }
  }
  std::sort(passing.begin(), passing.end(), [](const Ranked& a, const Ranked& b) {
    if (a.totals.weighted_total != b.totals.weighted_total) {
      return *a.totals.weighted_total > *b.totals.weighted_total;
    }
    for (std::size_t i = 0; i < a.scores.criteria.size(); ++i) {
      if (*a.scores.criteria[i].consensus != *b.scores.criteria[i].consensus) {
        return *a.scores.criteria[i].consensus > *b.scores.criteria[i].consensus;
      }
    }
    if (a.scores.proposal.submitted_at != b.scores.proposal.submitted_at) {
      return *a.scores.proposal.submitted_at < *b.scores.proposal.submitted_at;
    }
    return util::to_lower_ascii(a.scores.proposal.acronym) < util::to_lower_ascii(b.scores.proposal.acronym);
  });
  domain::Cents cumulative = 0;
  bool fits = true;
  for (std::size_t i = 0; i < passing.size(); ++i) {
    auto& row = passing[i].row;
    row.rank = static_cast<int>(i + 1);
    cumulative += passing[i].scores.proposal.fields.eu_contribution.value_or(0);
    row.cumulative = cumulative;
    if (i > 0) {
      const auto& above = passing[i - 1];
      const auto& mine = passing[i];
      if (above.totals.weighted_total == mine.totals.weighted_total) {
        for (std::size_t c = 0; c < mine.scores.criteria.size() && row.reason.empty(); ++c) {
          const auto m = *mine.scores.criteria[c].consensus;
          const auto t = *above.scores.criteria[c].consensus;
          if (m != t) {
            row.reason = fmt::format("{} {} < {}", mine.scores.criteria[c].criterion.key, domain::format_points(m),
                                     domain::format_points(t));
          }
        }
        if (row.reason.empty()) {
          row.reason = mine.scores.proposal.submitted_at != above.scores.proposal.submitted_at
                           ? fmt::format("submitted later: {} > {}",
                                         domain::format_utc(*mine.scores.proposal.submitted_at),
                                         domain::format_utc(*above.scores.proposal.submitted_at))
                           : fmt::format("acronym {} after {}", mine.scores.proposal.acronym,
                                         above.scores.proposal.acronym);
        }
      }
    }
    if (budget) {
      if (fits && cumulative > *budget) {
        fits = false;
        const auto over = fmt::format("over the budget: {} > {}", domain::format_money_plain(cumulative),
                                      domain::format_money_plain(*budget));
        row.reason = row.reason.empty() ? over : row.reason + "; " + over;
      }
      row.status = fits ? core::RankStatus::funded : core::RankStatus::reserve;
    }
  }
  std::stable_sort(below.begin(), below.end(), [](const Ranked& a, const Ranked& b) {
    return a.totals.weighted_total.value_or(0) > b.totals.weighted_total.value_or(0);
  });
  std::vector<Row> rows;
  for (const auto* part : {&passing, &below, &incomplete}) {
    for (const auto& ranked : *part) {
      rows.push_back(ranked.row);
    }
  }
  return rows;
}

class RankingTest : public ProposalsTest
{
protected:
  RankingTest()
  {
    for (const char* expert : {"Ella", "Frans", "Greta"}) {
      core::add_expert(session(), {expert, "FI", std::nullopt, std::nullopt});
    }
  }

  void add_at(const std::string& acronym, const std::string& submitted, const std::string& eu)
  {
    now(submitted);
    auto proposal = request(acronym);
    proposal.input.eu_contribution = eu;
    core::add_proposal(session(), proposal);
  }

  void score(const std::string& ref, const std::string& expert, const std::vector<std::string>& points)
  {
    now(k_after);
    core::add_score(session(), {ref, expert,
                                {"excellence=" + points[0], "impact=" + points[1], "implementation=" + points[2]},
                                std::nullopt});
  }

  // The rows rank_proposals lists, in order.
  std::vector<Row> ranked(const core::RankRequest& request)
  {
    now(k_after);
    std::vector<Row> rows;
    core::rank_proposals(session(), request,
                         {[](const core::Ranking&) { return core::ListPasses{}; },
                          [&](const core::RankedProposal& r) {
                            rows.push_back({r.rank, r.acronym, r.status, r.reason, r.cumulative,
                                            r.totals.weighted_total, r.consensus});
                          }});
    return rows;
  }

  // The rows the rules as applied before give.
  std::vector<Row> expected(int min_experts, std::optional<domain::Cents> budget)
  {
    now(k_after);
    std::vector<core::ProposalScores> scored;
    core::for_each_scored(session(), {std::nullopt, {k_call}},
                          [&](const core::ProposalScores& scores) { scored.push_back(scores); });
    return reference_ranking(scored, min_experts, budget);
  }
};

TEST_F(RankingTest, TheStoresOrderIsTheRulesOrderWithTiesAtEveryLevel)
{
  // Acronyms whose order ignoring case is not their order by bytes (Zeta after alpha, a_b
  // before aB), submission times and scores from few values, so that every rule breaks ties.
  const std::vector<std::string> stems{"alpha", "Zeta", "aB", "a_b", "B.2", "b-1", "ZZ", "m", "M9", "q.q"};
  const std::vector<std::string> times{"2024-10-01T10:00:00Z", "2024-10-02T10:00:00Z", "2024-10-02T10:00:01Z"};
  const std::vector<std::string> points{"2.5", "3", "3.5", "4", "4", "4.5", "4.5", "5"};
  const std::vector<std::string> amounts{"1M", "2M", "2M", "5M", "0"};
  std::mt19937 random(20241104);
  std::vector<std::string> acronyms;
  for (int round = 0; round < 7; ++round) {
    for (const auto& stem : stems) {
      const auto acronym = round == 0 ? stem : fmt::format("{}{}", stem, round);
      acronyms.push_back(acronym);
      add_at(acronym, times[random() % times.size()], amounts[random() % amounts.size()]);
    }
  }
  for (const auto& acronym : acronyms) {
    // None, one, two or three experts; all three the same scores half the time.
    const auto experts = random() % 4;
    const std::vector<std::string> same{points[random() % points.size()], points[random() % points.size()],
                                        points[random() % points.size()]};
    const bool agree = random() % 2 == 0;
    const std::vector<std::string> names{"Ella", "Frans", "Greta"};
    for (std::size_t e = 0; e < experts; ++e) {
      score(acronym, names[e],
            agree ? same
                  : std::vector<std::string>{points[random() % points.size()], points[random() % points.size()],
                                             points[random() % points.size()]});
    }
    if (experts > 0 && random() % 5 == 0) {
      core::set_consensus(session(), {acronym, {"impact=" + points[random() % points.size()]}, std::nullopt});
    }
  }
  // The experts' proposals are all at the first cut-off, which has passed.
  for (const int min_experts : {1, 2}) {
    const auto without_budget = expected(min_experts, std::nullopt);
    ASSERT_EQ(without_budget.size(), acronyms.size());
    // A budget the line falls inside, one reached exactly by a proposal, none at all.
    std::optional<domain::Cents> exactly;
    for (const auto& row : without_budget) {
      if (row.rank && *row.rank == 5) {
        exactly = row.cumulative;
      }
    }
    ASSERT_TRUE(exactly.has_value());
    for (const auto& [budget, text] : std::vector<std::pair<std::optional<domain::Cents>, std::optional<std::string>>>{
             {*exactly, domain::format_money_plain(*exactly)},
             {*exactly - 1, domain::format_money_plain(*exactly - 1)},
             {domain::Cents{0}, std::string("0")}}) {
      core::RankRequest request{k_call, std::nullopt, text, std::to_string(min_experts), false};
      EXPECT_EQ(ranked(request), expected(min_experts, budget)) << "min experts " << min_experts << ", budget "
                                                                << *text;
    }
  }
}

TEST_F(RankingTest, PassingOnesTiedOnEverythingButAcronymGoByAcronymIgnoringCase)
{
  // Byte order would put Zeta before alpha and aB before a_b.
  for (const char* acronym : {"Zeta", "alpha", "aB", "a_b", "NONE"}) {
    add_at(acronym, "2024-10-02T10:00:00Z", "1M");
  }
  for (const char* acronym : {"Zeta", "alpha", "aB", "a_b"}) {
    score(acronym, "Ella", {"4", "4", "4"});
  }
  const auto rows = ranked({k_call, std::nullopt, std::nullopt, "1", false});
  std::vector<std::string> order;
  for (const auto& row : rows) {
    order.push_back(row.acronym + (row.reason.empty() ? "" : " | " + row.reason));
  }
  EXPECT_EQ(order, (std::vector<std::string>{"a_b", "aB | acronym aB after a_b", "alpha | acronym alpha after aB",
                                             "Zeta | acronym Zeta after alpha",
                                             "NONE | excellence: 0 experts, fewer than 1"}));
}

TEST_F(RankingTest, ATableIsGivenTheSameRowsTwiceEvenWhenAScoreIsRecordedBetween)
{
  add_at("ALPHA", "2024-10-02T10:00:00Z", "1M");
  add_at("BETA", "2024-10-02T10:00:00Z", "1M");
  add_at("GAMMA", "2024-10-02T10:00:00Z", "1M");
  score("ALPHA", "Ella", {"4", "4", "4"});
  score("BETA", "Ella", {"3.5", "4", "4"});
  now(k_after);
  auto other_database = store::Database::open(m_fixture.path().string());
  core::FixedClock other_clock(utc(k_after));
  core::Session other{*other_database, other_clock, "other", "cfp other", *date::locate_zone("Europe/Brussels")};
  std::vector<std::string> seen;
  int begun = 0;
  const auto summary = core::rank_proposals(
      session(), {k_call, std::nullopt, std::nullopt, "1", false},
      {[&](const core::Ranking& ranking) {
         ++begun;
         EXPECT_EQ(ranking.ranked, 2);
         EXPECT_EQ(ranking.incomplete, 1);
         return core::ListPasses{2, [&] {
                                   seen.emplace_back("|");
                                   // BETA above ALPHA once this commits: not in this read.
                                   core::add_score(other, {"BETA", "Frans", {"excellence=5", "impact=5",
                                                                             "implementation=5"}, std::nullopt});
                                 }};
       },
       [&](const core::RankedProposal& r) { seen.push_back(r.acronym + " " + std::string(to_string(r.status))); }});
  EXPECT_EQ(begun, 1);
  EXPECT_EQ(seen, (std::vector<std::string>{"ALPHA funded", "BETA funded", "GAMMA incomplete", "|", "ALPHA funded",
                                            "BETA funded", "GAMMA incomplete"}));
  EXPECT_EQ(summary.statuses, (std::array<std::int64_t, 5>{2, 0, 0, 0, 1})) << "counted once";
  EXPECT_EQ(ranked({k_call, std::nullopt, std::nullopt, "1", false}).front().acronym, "BETA")
      << "the score was recorded";
}

} // namespace
} // namespace cfp::test
