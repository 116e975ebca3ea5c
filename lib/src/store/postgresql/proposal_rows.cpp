// SPDX-License-Identifier: EUPL-1.2
#include "proposal_rows.hpp"

#include <cfp/error.hpp>
#include <cfp/util/result.hpp>

namespace cfp::store::postgresql {

using domain::Proposal;

std::vector<std::string> split_list(std::string_view text)
{
  std::vector<std::string> parts;
  while (!text.empty()) {
    const auto comma = text.find(',');
    parts.emplace_back(text.substr(0, comma));
    text.remove_prefix(comma == std::string_view::npos ? text.size() : comma + 1);
  }
  return parts;
}

std::optional<domain::Outcome> outcome_at(const Result& rows, int row, int column)
{
  if (rows.is_null(row, column)) {
    return std::nullopt;
  }
  return util::value_or_throw(domain::parse_outcome(rows.text(row, column)), ErrorKind::storage, "a stored outcome");
}

domain::ProposalStatus status_at(const Result& rows, int row, int column)
{
  return util::value_or_throw(domain::parse_status(rows.text(row, column)), ErrorKind::storage, "a stored status");
}

Proposal read_proposal(const Result& rows, int row)
{
  Proposal proposal;
  auto& fields = proposal.fields;
  proposal.id = rows.int64(row, 0);
  proposal.call_code = rows.string(row, 1);
  proposal.acronym = rows.string(row, 2);
  fields.title = rows.string(row, 3);
  fields.host = rows.string(row, 4);
  fields.partners = split_list(rows.text(row, 5));
  fields.entity = rows.string(row, 6);
  fields.plan = util::value_or_throw(domain::parse_plan(rows.text(row, 7)), ErrorKind::storage, "a stored plan");
  fields.experimental_platform = rows.boolean(row, 8);
  fields.eu_contribution = rows.optional_int64(row, 9);
  fields.national_contribution = rows.optional_int64(row, 10);
  fields.sectors = split_list(rows.text(row, 11));
  proposal.status = status_at(rows, row, 12);
  proposal.cutoff_id = rows.optional_int64(row, 13);
  proposal.cutoff_label = rows.optional_string(row, 14);
  proposal.cutoff_closes_at = optional_instant_at(rows, row, 15);
  proposal.submitted_at = optional_instant_at(rows, row, 16);
  proposal.withdrawal_reason = rows.optional_string(row, 17);
  proposal.version = static_cast<int>(rows.int64(row, 18));
  proposal.outcome = outcome_at(rows, row, 19);
  domain::canonicalize(fields);
  return proposal;
}

} // namespace cfp::store::postgresql

#undef CFP_PG_PROPOSAL_SELECT
#undef CFP_PG_PROPOSAL_COLUMNS
#undef CFP_PG_PARTNERS
