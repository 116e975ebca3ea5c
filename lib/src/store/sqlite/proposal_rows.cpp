// SPDX-License-Identifier: EUPL-1.2
#include "proposal_rows.hpp"

#include "values.hpp"

#include <cfp/error.hpp>

namespace cfp::store::sqlite {

using domain::Proposal;

Proposal read_proposal(const SQLite::Statement& statement)
{
  const Row row(statement);
  Proposal proposal;
  auto& fields = proposal.fields;
  proposal.id = row.int64(0);
  proposal.call_code = row.text(1);
  proposal.acronym = row.text(2);
  fields.title = row.text(3);
  fields.host = row.text(4);
  fields.partners = split_list(row.text(5), ',');
  fields.entity = row.text(6);
  fields.plan = util::value_or_throw(domain::parse_plan(row.text(7)), ErrorKind::storage, "a stored plan");
  fields.experimental_platform = row.int64(8) != 0;
  fields.eu_contribution = row.optional_int64(9);
  fields.national_contribution = row.optional_int64(10);
  fields.sectors = split_list(row.text(11), ',');
  proposal.status = util::value_or_throw(domain::parse_status(row.text(12)), ErrorKind::storage, "a stored status");
  proposal.cutoff_id = row.optional_int64(13);
  proposal.cutoff_label = row.optional_text(14);
  proposal.cutoff_closes_at = row.optional_instant(15);
  proposal.submitted_at = row.optional_instant(16);
  proposal.withdrawal_reason = row.optional_text(17);
  proposal.version = static_cast<int>(row.int64(18));
  if (!row.is_null(19)) {
    proposal.outcome = util::value_or_throw(domain::parse_outcome(row.text(19)), ErrorKind::storage, "a stored outcome");
  }
  domain::canonicalize(fields);
  return proposal;
}

std::optional<Proposal> next_proposal(SQLite::Statement& statement)
{
  if (!statement.executeStep()) {
    return std::nullopt;
  }
  return read_proposal(statement);
}

} // namespace cfp::store::sqlite

#undef CFP_PROPOSAL_SELECT
#undef CFP_PROPOSAL_COLUMNS
