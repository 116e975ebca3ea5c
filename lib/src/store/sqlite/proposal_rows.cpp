// SPDX-License-Identifier: EUPL-1.2
#include "proposal_rows.hpp"

#include "values.hpp"

#include <cfp/error.hpp>

namespace cfp::store::sqlite {

using domain::Proposal;

Proposal read_proposal(const SQLite::Statement& statement)
{
  Proposal proposal;
  auto& fields = proposal.fields;
  proposal.id = statement.getColumn(0).getInt64();
  proposal.call_code = statement.getColumn(1).getString();
  proposal.acronym = statement.getColumn(2).getString();
  fields.title = statement.getColumn(3).getString();
  fields.host = statement.getColumn(4).getString();
  fields.partners = split_list(statement.getColumn(5).getString(), ',');
  fields.entity = statement.getColumn(6).getString();
  fields.plan =
      util::value_or_throw(domain::parse_plan(statement.getColumn(7).getString()), ErrorKind::storage, "a stored plan");
  fields.experimental_platform = statement.getColumn(8).getInt() != 0;
  fields.eu_contribution = column_optional_int64(statement.getColumn(9));
  fields.national_contribution = column_optional_int64(statement.getColumn(10));
  fields.sectors = split_list(statement.getColumn(11).getString(), ',');
  proposal.status = util::value_or_throw(domain::parse_status(statement.getColumn(12).getString()), ErrorKind::storage,
                                         "a stored status");
  proposal.cutoff_id = column_optional_int64(statement.getColumn(13));
  proposal.cutoff_label = column_optional_string(statement.getColumn(14));
  proposal.cutoff_closes_at = column_optional_instant(statement.getColumn(15));
  proposal.submitted_at = column_optional_instant(statement.getColumn(16));
  proposal.withdrawal_reason = column_optional_string(statement.getColumn(17));
  proposal.version = statement.getColumn(18).getInt();
  if (const auto outcome = column_optional_string(statement.getColumn(19))) {
    proposal.outcome = util::value_or_throw(domain::parse_outcome(*outcome), ErrorKind::storage, "a stored outcome");
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
