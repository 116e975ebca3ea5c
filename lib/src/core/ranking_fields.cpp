// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/ranking_fields.hpp>
#include <cfp/domain/score.hpp>

namespace cfp::core {

namespace {

using domain::Value;

Value points(std::optional<domain::HalfPoints> value)
{
  return value ? Value(domain::Decimal{domain::format_points(*value)}) : Value();
}

} // namespace

RankFields rank_fields(const std::vector<domain::Criterion>& criteria)
{
  RankFields result;
  auto& fields = result.fields;
  fields = {
      {"rank", FieldKind::integer,
       [](const RankedProposal& r, const Display&) { return r.rank ? Value(std::int64_t{*r.rank}) : Value(); }},
      {"acronym", FieldKind::text,
       [](const RankedProposal& r, const Display&) { return Value(r.acronym); }},
      {"host", FieldKind::text,
       [](const RankedProposal& r, const Display&) { return Value(r.host); }},
      {"total", FieldKind::text, [](const RankedProposal& r, const Display&) { return points(r.totals.total); }},
      {"weighted_total", FieldKind::text,
       [](const RankedProposal& r, const Display&) {
         return r.totals.weighted_total ? Value(domain::Decimal{domain::format_weighted(*r.totals.weighted_total)})
                                        : Value();
       }},
  };
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    result.keys.push_back(std::make_unique<std::string>(criteria[i].key));
    fields.push_back({*result.keys.back(), FieldKind::text, [i](const RankedProposal& r, const Display&) {
                        return i < r.consensus.size() ? points(r.consensus[i]) : Value();
                      }});
  }
  fields.push_back({"eu_contribution_eur", FieldKind::money, [](const RankedProposal& r, const Display&) {
                      const auto& requested = r.eu_contribution;
                      return requested ? Value(domain::Money{*requested}) : Value();
                    }});
  fields.push_back({"cumulative_eur", FieldKind::money, [](const RankedProposal& r, const Display&) {
                      return r.cumulative ? Value(domain::Money{*r.cumulative}) : Value();
                    }});
  fields.push_back({"status", FieldKind::text,
                    [](const RankedProposal& r, const Display&) { return Value(std::string(to_string(r.status))); }});
  fields.push_back({"reason", FieldKind::text, [](const RankedProposal& r, const Display&) {
                      return r.reason.empty() ? Value() : Value(r.reason);
                    }});
  return result;
}

} // namespace cfp::core
