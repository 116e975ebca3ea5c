// SPDX-License-Identifier: EUPL-1.2
#include "proposal_repository.hpp"

#include "proposal_rows.hpp"
#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/store/snapshot.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace cfp::store::postgresql {

namespace {

using domain::Instant;
using domain::Proposal;

// A list of codes as the JSON array that json_array_elements_text() reads.
std::string json_list(const std::vector<std::string>& values)
{
  return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The columns of a proposal's current version, as INSERT numbers them: $3 title ... $14 version,
// $15 the time of the change, $16 the actor, $17 the real time, $18 whether the time was
// simulated ($1 the call, $2 the acronym). UPDATE numbers them one lower.
void add_current(Params& params, const Proposal& proposal, const domain::Stamp& stamp)
{
  const auto& fields = proposal.fields;
  params.text(fields.title).text(fields.host).text(fields.entity).text(domain::to_string(fields.plan));
  params.text(fields.experimental_platform ? "true" : "false");
  params.optional_int64(fields.eu_contribution).optional_int64(fields.national_contribution);
  params.text(domain::to_string(proposal.status)).optional_int64(proposal.cutoff_id);
  add_instant(params, proposal.submitted_at).optional_text(proposal.withdrawal_reason).int64(proposal.version);
  add_instant(params, stamp.at).text(stamp.actor);
  add_instant(params, stamp.real_at).text(stamp.simulated ? "true" : "false");
}

std::optional<Proposal> only(const Result& rows)
{
  return rows.rows() == 0 ? std::nullopt : std::optional<Proposal>(read_proposal(rows, 0));
}

// When and by whom the current version of a proposal was recorded, and its snapshot columns.
#define CFP_PG_RECORDED                                                                                                \
  CFP_PG_EPOCH("updated_at") ", updated_by, " CFP_PG_EPOCH("updated_real_at") ", updated_simulated"

} // namespace

std::int64_t PgProposalRepository::insert(std::int64_t call_id, const Proposal& proposal, const domain::Stamp& stamp)
{
  Params params;
  params.int64(call_id).text(proposal.acronym);
  add_current(params, proposal, stamp);
  // After any id the audit log names, so that a deleted draft's id is never reused (as on
  // SQLite); writers are one at a time (the write lock), so two cannot take the same.
  const auto rows = m_connection.run(
      "INSERT INTO proposal (id, call_id, acronym, title, host, entity, plan, experimental_platform,"
      " eu_contribution_cents, national_contribution_cents, status, cutoff_id, submitted_at, withdrawal_reason,"
      " version, created_at, updated_at, updated_by, updated_real_at, updated_simulated)"
      " VALUES (greatest((SELECT coalesce(max(id), 0) FROM proposal),"
      "  (SELECT coalesce(max(subject_id), 0) FROM audit WHERE subject_kind = 'proposal')) + 1,"
      " $1, $2, $3, $4, $5, $6, $7::boolean, $8, $9, $10, $11, to_timestamp($12), $13, $14, to_timestamp($15),"
      " to_timestamp($15), $16, to_timestamp($17), $18::boolean) RETURNING id",
      params);
  Proposal stored = proposal;
  stored.id = rows.int64(0, 0);
  write_children(stored);
  return stored.id;
}

void PgProposalRepository::update(const Proposal& proposal, const domain::Stamp& stamp)
{
  // The version being replaced goes to the history first, as it was recorded.
  const auto current = find(proposal.id);
  const auto recorded =
      m_connection.run("SELECT " CFP_PG_RECORDED " FROM proposal WHERE id = $1", Params().int64(proposal.id));
  if (!current || recorded.rows() != 1) {
    throw Error(ErrorKind::internal, fmt::format("proposal {} vanished during an update", proposal.id));
  }
  Params version;
  version.int64(current->id).int64(current->version).int64(recorded.int64(0, 0)).text(recorded.text(0, 1));
  version.text(snapshot(*current)).int64(k_snapshot_format).optional_int64(recorded.optional_int64(0, 2));
  version.text(recorded.text(0, 3));
  m_connection.run("INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot,"
                   " snapshot_format, recorded_real_at, recorded_simulated)"
                   " VALUES ($1, $2, to_timestamp($3), $4, $5, $6, to_timestamp($7), $8::boolean)",
                   version);

  // Partners go first, so that the host may become a former partner without tripping the trigger.
  m_connection.run("DELETE FROM proposal_partner WHERE proposal_id = $1", Params().int64(proposal.id));
  m_connection.run("DELETE FROM proposal_sector WHERE proposal_id = $1", Params().int64(proposal.id));

  // Numbered as in insert, one lower: the acronym never changes.
  Params params;
  params.int64(proposal.id);
  add_current(params, proposal, stamp);
  const auto changed = m_connection.run(
      "UPDATE proposal SET title = $2, host = $3, entity = $4, plan = $5, experimental_platform = $6::boolean,"
      " eu_contribution_cents = $7, national_contribution_cents = $8, status = $9, cutoff_id = $10,"
      " submitted_at = to_timestamp($11), withdrawal_reason = $12, version = $13, updated_at = to_timestamp($14),"
      " updated_by = $15, updated_real_at = to_timestamp($16), updated_simulated = $17::boolean, outcome = NULL"
      " WHERE id = $1",
      params);
  if (changed.affected() != 1) {
    throw Error(ErrorKind::internal, fmt::format("proposal {} vanished during an update", proposal.id));
  }
  write_children(proposal);
}

void PgProposalRepository::write_children(const Proposal& proposal)
{
  // One statement a table, whatever the number of rows: each is a round trip to the server.
  if (!proposal.fields.partners.empty()) {
    m_connection.run("INSERT INTO proposal_partner (proposal_id, state_code)"
                     " SELECT $1, value FROM json_array_elements_text($2::json)",
                     Params().int64(proposal.id).text(json_list(proposal.fields.partners)));
  }
  if (!proposal.fields.sectors.empty()) {
    m_connection.run("INSERT INTO proposal_sector (proposal_id, sector)"
                     " SELECT $1, value FROM json_array_elements_text($2::json)",
                     Params().int64(proposal.id).text(json_list(proposal.fields.sectors)));
  }
}

std::optional<Proposal> PgProposalRepository::find(std::int64_t id) const
{
  return only(m_connection.run(CFP_PG_PROPOSAL_SELECT " WHERE p.id = $1", Params().int64(id)));
}

std::optional<Proposal> PgProposalRepository::find(std::int64_t call_id, const std::string& acronym) const
{
  // ASCII letters in either case, as the unique index compares acronyms.
  return only(m_connection.run(CFP_PG_PROPOSAL_SELECT " WHERE p.call_id = $1 AND nocase(p.acronym) = nocase($2)",
                               Params().int64(call_id).text(acronym)));
}

std::vector<Proposal> PgProposalRepository::find_by_acronym(const std::string& acronym) const
{
  const auto rows =
      m_connection.run(CFP_PG_PROPOSAL_SELECT " WHERE nocase(p.acronym) = nocase($1) ORDER BY nocase(c.code), c.code",
                       Params().text(acronym));
  std::vector<Proposal> proposals;
  for (int row = 0; row < rows.rows(); ++row) {
    proposals.push_back(read_proposal(rows, row));
  }
  return proposals;
}

void PgProposalRepository::set_outcome(std::int64_t id, std::optional<domain::Outcome> outcome)
{
  Params params;
  params.int64(id);
  outcome ? params.text(domain::to_string(*outcome)) : params.null();
  // Only a change is written: the server refuses an update that changes nothing.
  m_connection.run("UPDATE proposal SET outcome = $2 WHERE id = $1 AND outcome IS DISTINCT FROM $2", params);
}

std::vector<domain::ProposalVersion> PgProposalRepository::history(std::int64_t id) const
{
  std::vector<domain::ProposalVersion> versions;
  for_each_version(id, [&](const domain::ProposalVersion& version) { versions.push_back(version); });
  return versions;
}

void PgProposalRepository::for_each_version(std::int64_t id,
                                            const std::function<void(const domain::ProposalVersion&)>& visit) const
{
  // The earlier versions are snapshots; the current one is the proposal row. A proposal keeps
  // a few versions: one result holds them.
  const auto earlier =
      m_connection.run("SELECT " CFP_PG_EPOCH("recorded_at") ", recorded_by, snapshot, snapshot_format, " CFP_PG_EPOCH(
                           "recorded_real_at") ", recorded_simulated FROM proposal_version WHERE proposal_id = $1"
                                               " ORDER BY version",
                       Params().int64(id));
  for (int row = 0; row < earlier.rows(); ++row) {
    visit({proposal_from_snapshot(earlier.text(row, 2), static_cast<int>(earlier.int64(row, 3))),
           instant_at(earlier, row, 0), earlier.string(row, 1), optional_instant_at(earlier, row, 4),
           earlier.boolean(row, 5)});
  }
  if (auto current = find(id)) {
    const auto recorded =
        m_connection.run("SELECT " CFP_PG_RECORDED " FROM proposal WHERE id = $1", Params().int64(id));
    if (recorded.rows() != 1) {
      throw Error(ErrorKind::internal, fmt::format("proposal {} vanished while its history was read", id));
    }
    visit({std::move(*current), instant_at(recorded, 0, 0), recorded.string(0, 1), optional_instant_at(recorded, 0, 2),
           recorded.boolean(0, 3)});
  }
}

std::vector<std::string> PgProposalRepository::moved_by_new_cutoff(std::int64_t call_id, Instant closes_at) const
{
  Params params;
  params.int64(call_id);
  add_instant(params, closes_at);
  const auto rows = m_connection.run("SELECT p.acronym FROM proposal p JOIN cutoff k ON k.id = p.cutoff_id"
                                     " WHERE p.call_id = $1 AND p.submitted_at <= to_timestamp($2)"
                                     " AND k.closes_at > to_timestamp($2) ORDER BY nocase(p.acronym), p.acronym",
                                     params);
  std::vector<std::string> acronyms;
  for (int row = 0; row < rows.rows(); ++row) {
    acronyms.push_back(rows.string(row, 0));
  }
  return acronyms;
}

} // namespace cfp::store::postgresql

#undef CFP_PG_RECORDED
#undef CFP_PG_PROPOSAL_SELECT
#undef CFP_PG_PROPOSAL_COLUMNS
#undef CFP_PG_PARTNERS
