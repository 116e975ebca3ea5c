// SPDX-License-Identifier: EUPL-1.2
#include "proposal_repository.hpp"

#include "proposal_rows.hpp"
#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/store/snapshot.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::store::sqlite {

namespace {

// The VALUES of an insert of N child rows of one proposal: (?1, ?2), (?1, ?3) ... (?1, ?N+1).
#define CFP_ROWS_1 " VALUES (?1, ?2)"
#define CFP_ROWS_2 CFP_ROWS_1 ", (?1, ?3)"
#define CFP_ROWS_3 CFP_ROWS_2 ", (?1, ?4)"
#define CFP_ROWS_4 CFP_ROWS_3 ", (?1, ?5)"
#define CFP_ROWS_5 CFP_ROWS_4 ", (?1, ?6)"
#define CFP_ROWS_6 CFP_ROWS_5 ", (?1, ?7)"
#define CFP_ROWS_7 CFP_ROWS_6 ", (?1, ?8)"
#define CFP_ROWS_8 CFP_ROWS_7 ", (?1, ?9)"
#define CFP_INSERTS(table)                                                                                             \
  {                                                                                                                    \
    table CFP_ROWS_1, table CFP_ROWS_2, table CFP_ROWS_3, table CFP_ROWS_4, table CFP_ROWS_5, table CFP_ROWS_6,        \
        table CFP_ROWS_7, table CFP_ROWS_8                                                                             \
  }

constexpr SqliteProposalRepository::RowInserts k_sector_rows =
    CFP_INSERTS("INSERT INTO proposal_sector (proposal_id, sector)");

#undef CFP_INSERTS
#undef CFP_ROWS_8
#undef CFP_ROWS_7
#undef CFP_ROWS_6
#undef CFP_ROWS_5
#undef CFP_ROWS_4
#undef CFP_ROWS_3
#undef CFP_ROWS_2
#undef CFP_ROWS_1

using domain::Instant;
using domain::Proposal;

// The one row a lookup by key finds; the statement is reset so that it holds no read open.
std::optional<Proposal> only(SQLite::Statement& statement)
{
  auto proposal = next_proposal(statement);
  statement.reset();
  return proposal;
}

// Binds the columns of a proposal's current version, numbered alike in INSERT and UPDATE:
// ?3 title ... ?14 version, ?15 the time of the change, ?16 the actor, ?17 the real time,
// ?18 whether the time was simulated.
void bind_current(SQLite::Statement& statement, const Proposal& proposal, const domain::Stamp& stamp,
                  StampText& stamp_text)
{
  const auto& fields = proposal.fields;
  statement.bind(3, fields.title);
  statement.bind(4, fields.host);
  statement.bind(5, fields.entity);
  statement.bind(6, std::string(domain::to_string(fields.plan)));
  statement.bind(7, fields.experimental_platform ? 1 : 0);
  bind_optional(statement, 8, fields.eu_contribution);
  bind_optional(statement, 9, fields.national_contribution);
  statement.bind(10, std::string(domain::to_string(proposal.status)));
  bind_optional(statement, 11, proposal.cutoff_id);
  bind_instant(statement, 12, proposal.submitted_at);
  bind_optional(statement, 13, proposal.withdrawal_reason);
  statement.bind(14, proposal.version);
  const auto& [at, real_at] = stamp_text.of(stamp);
  statement.bind(15, at);
  statement.bind(16, stamp.actor);
  statement.bind(17, real_at);
  statement.bind(18, stamp.simulated ? 1 : 0);
}

} // namespace

std::int64_t SqliteProposalRepository::insert(std::int64_t call_id, const Proposal& proposal,
                                              const domain::Stamp& stamp)
{
  static constexpr char k_sql[] =
      "INSERT INTO proposal (id, call_id, acronym, title, host, entity, plan, experimental_platform,"
      " eu_contribution_cents, national_contribution_cents, status, cutoff_id, submitted_at, withdrawal_reason,"
      " version, created_at, updated_at, updated_by, updated_real_at, updated_simulated)"
      // After any id the audit log names, so that a deleted draft's id is never reused.
      // Two scalar subqueries, each one step down an index: a UNION would be materialised.
      " VALUES (max(coalesce((SELECT max(id) FROM proposal), 0),"
      "  coalesce((SELECT max(subject_id) FROM audit WHERE subject_kind = 'proposal'), 0)) + 1,"
      " ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16, ?17, ?18)";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, call_id);
  statement.bind(2, proposal.acronym);
  bind_current(statement, proposal, stamp, m_stamp_text);
  statement.exec();
  Proposal stored = proposal;
  stored.id = m_db.getLastInsertRowid();
  write_children(stored);
  return stored.id;
}

void SqliteProposalRepository::update(const Proposal& proposal, const domain::Stamp& stamp)
{
  // The version being replaced goes to the history first, as it was recorded.
  const auto current = find(proposal.id);
  const auto recorded = recorded_of(proposal.id);
  if (!current || !recorded) {
    throw Error(ErrorKind::internal, fmt::format("proposal {} vanished during an update", proposal.id));
  }
  write_snapshot(*current, *recorded);

  // Partners go first, so that the host may become a former partner without tripping the trigger.
  static constexpr char k_remove_partners[] = "DELETE FROM proposal_partner WHERE proposal_id = ?1";
  auto& remove_partners = m_statements.get(k_remove_partners);
  remove_partners.bind(1, proposal.id);
  remove_partners.exec();
  static constexpr char k_remove_sectors[] = "DELETE FROM proposal_sector WHERE proposal_id = ?1";
  auto& remove_sectors = m_statements.get(k_remove_sectors);
  remove_sectors.bind(1, proposal.id);
  remove_sectors.exec();

  // Numbered as in insert; there is no ?2 because the acronym never changes.
  static constexpr char k_sql[] =
      "UPDATE proposal SET title = ?3, host = ?4, entity = ?5, plan = ?6, experimental_platform = ?7,"
      " eu_contribution_cents = ?8, national_contribution_cents = ?9, status = ?10, cutoff_id = ?11,"
      " submitted_at = ?12, withdrawal_reason = ?13, version = ?14, updated_at = ?15, updated_by = ?16,"
      " updated_real_at = ?17, updated_simulated = ?18, outcome = NULL"
      " WHERE id = ?1";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, proposal.id);
  bind_current(statement, proposal, stamp, m_stamp_text);
  if (statement.exec() != 1) {
    throw Error(ErrorKind::internal, fmt::format("proposal {} vanished during an update", proposal.id));
  }
  write_children(proposal);
}

void SqliteProposalRepository::write_children(const Proposal& proposal)
{
  // A partner a statement: the trigger that keeps the host out of the partners would make SQLite
  // copy the rows of a many-row insert into a temporary table first, which costs more than it
  // saves.
  static constexpr char k_partner[] = "INSERT INTO proposal_partner (proposal_id, state_code) VALUES (?1, ?2)";
  auto& partner = m_statements.get(k_partner);
  for (const auto& code : proposal.fields.partners) {
    partner.bind(1, proposal.id);
    partner.bind(2, code);
    partner.exec();
    partner.reset();
  }
  write_rows(k_sector_rows, proposal.id, proposal.fields.sectors);
}

void SqliteProposalRepository::write_rows(const RowInserts& inserts, std::int64_t id,
                                          const std::vector<std::string>& values)
{
  // Up to eight rows a statement: one statement to run for most proposals, not one
  // a row.
  for (std::size_t first = 0; first < values.size(); first += inserts.size()) {
    const std::size_t rows = std::min(inserts.size(), values.size() - first);
    auto& statement = m_statements.get(inserts[rows - 1]);
    statement.bind(1, id);
    for (std::size_t i = 0; i < rows; ++i) {
      statement.bind(static_cast<int>(i) + 2, values[first + i]);
    }
    statement.exec();
    statement.reset();
  }
}

void SqliteProposalRepository::write_snapshot(const Proposal& proposal, const Recorded& recorded)
{
  static constexpr char k_sql[] =
      "INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot, snapshot_format,"
      " recorded_real_at, recorded_simulated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, proposal.id);
  statement.bind(2, proposal.version);
  statement.bind(3, domain::format_utc(recorded.at));
  statement.bind(4, recorded.by);
  statement.bind(5, snapshot(proposal));
  statement.bind(6, k_snapshot_format);
  bind_instant(statement, 7, recorded.real_at);
  statement.bind(8, recorded.simulated ? 1 : 0);
  statement.exec();
}

std::optional<Proposal> SqliteProposalRepository::find(std::int64_t id) const
{
  static constexpr char k_sql[] = CFP_PROPOSAL_SELECT " WHERE p.id = ?1";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, id);
  return only(statement);
}

std::optional<Proposal> SqliteProposalRepository::find(std::int64_t call_id, const std::string& acronym) const
{
  static constexpr char k_sql[] = CFP_PROPOSAL_SELECT " WHERE p.call_id = ?1 AND p.acronym = ?2";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, call_id);
  statement.bind(2, acronym);
  return only(statement);
}

std::vector<Proposal> SqliteProposalRepository::find_by_acronym(const std::string& acronym) const
{
  static constexpr char k_sql[] = CFP_PROPOSAL_SELECT " WHERE p.acronym = ?1 ORDER BY c.code";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, acronym);
  std::vector<Proposal> proposals;
  while (auto proposal = next_proposal(statement)) {
    proposals.push_back(std::move(*proposal));
  }
  return proposals;
}

void SqliteProposalRepository::set_outcome(std::int64_t id, std::optional<domain::Outcome> outcome)
{
  static constexpr char k_sql[] = "UPDATE proposal SET outcome = ?2 WHERE id = ?1";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, id);
  if (outcome) {
    statement.bind(2, std::string(domain::to_string(*outcome)));
  }
  statement.exec();
}

std::optional<SqliteProposalRepository::Recorded> SqliteProposalRepository::recorded_of(std::int64_t id) const
{
  static constexpr char k_sql[] =
      "SELECT updated_at, updated_by, updated_real_at, updated_simulated FROM proposal WHERE id = ?1";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, id);
  if (!statement.executeStep()) {
    return std::nullopt;
  }
  Recorded recorded{column_instant(statement.getColumn(0)), statement.getColumn(1).getString(),
                    column_optional_instant(statement.getColumn(2)), statement.getColumn(3).getInt() != 0};
  statement.reset();
  return recorded;
}

std::vector<domain::ProposalVersion> SqliteProposalRepository::history(std::int64_t id) const
{
  static constexpr char k_sql[] =
      "SELECT recorded_at, recorded_by, snapshot, snapshot_format, recorded_real_at, recorded_simulated"
      " FROM proposal_version WHERE proposal_id = ?1 ORDER BY version";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, id);
  std::vector<domain::ProposalVersion> versions;
  while (statement.executeStep()) {
    versions.push_back({proposal_from_snapshot(statement.getColumn(2).getString(), statement.getColumn(3).getInt()),
                        column_instant(statement.getColumn(0)), statement.getColumn(1).getString(),
                        column_optional_instant(statement.getColumn(4)), statement.getColumn(5).getInt() != 0});
  }
  // The current version is the proposal row.
  if (auto current = find(id)) {
    auto recorded = recorded_of(id);
    if (!recorded) {
      throw Error(ErrorKind::internal, fmt::format("proposal {} vanished while its history was read", id));
    }
    versions.push_back(
        {std::move(*current), recorded->at, std::move(recorded->by), recorded->real_at, recorded->simulated});
  }
  return versions;
}

std::vector<std::string> SqliteProposalRepository::moved_by_new_cutoff(std::int64_t call_id, Instant closes_at) const
{
  static constexpr char k_sql[] = "SELECT p.acronym FROM proposal p JOIN cutoff k ON k.id = p.cutoff_id"
                                  " WHERE p.call_id = ?1 AND p.submitted_at <= ?2 AND k.closes_at > ?2"
                                  " ORDER BY p.acronym";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, call_id);
  statement.bind(2, domain::format_utc(closes_at));
  std::vector<std::string> acronyms;
  while (statement.executeStep()) {
    acronyms.push_back(statement.getColumn(0).getString());
  }
  return acronyms;
}

} // namespace cfp::store::sqlite

#undef CFP_PROPOSAL_SELECT
#undef CFP_PROPOSAL_COLUMNS
