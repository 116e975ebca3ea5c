#include <cfp/store/repositories.hpp>

#include <cfp/error.hpp>
#include <cfp/store/records.hpp>
#include <cfp/util/text.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <sstream>

namespace cfp::store {

namespace {

using domain::Instant;

template<typename T>
void bind_optional(SQLite::Statement& statement, int index, const std::optional<T>& value)
{
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

void bind_instant(SQLite::Statement& statement, int index, const std::optional<Instant>& value)
{
  if (value) {
    statement.bind(index, domain::format_utc(*value));
  } else {
    statement.bind(index);
  }
}

Instant column_instant(const SQLite::Column& column)
{
  return util::value_or_throw(domain::parse_utc(column.getString()), ErrorKind::storage, "a stored instant");
}

std::optional<Instant> column_optional_instant(const SQLite::Column& column)
{
  if (column.isNull()) {
    return std::nullopt;
  }
  return column_instant(column);
}

std::optional<std::string> column_optional_string(const SQLite::Column& column)
{
  if (column.isNull()) {
    return std::nullopt;
  }
  return column.getString();
}

std::vector<std::string> split(const std::string& text, char separator)
{
  std::vector<std::string> parts;
  if (text.empty()) {
    return parts;
  }
  std::string part;
  std::istringstream stream(text);
  while (std::getline(stream, part, separator)) {
    parts.push_back(part);
  }
  return parts;
}

domain::Call read_call(SQLite::Statement& statement)
{
  domain::Call call;
  call.id = statement.getColumn(0).getInt64();
  call.code = statement.getColumn(1).getString();
  call.title = statement.getColumn(2).getString();
  call.opens_at = column_optional_instant(statement.getColumn(3));
  if (!statement.getColumn(4).isNull()) {
    call.budget = statement.getColumn(4).getInt64();
  }
  return call;
}

constexpr auto k_call_columns = "SELECT id, code, title, opens_at, budget_cents FROM call";

// Columns of a proposal's current version; `query` reads them in this order.
constexpr auto k_proposal_select = R"sql(
SELECT p.id, c.code, p.acronym, p.title, p.host,
       (SELECT group_concat(state_code, ',') FROM proposal_partner WHERE proposal_id = p.id),
       p.entity, p.plan, p.experimental_platform, p.eu_contribution_cents, p.national_contribution_cents,
       (SELECT group_concat(sector, ',') FROM proposal_sector WHERE proposal_id = p.id),
       p.status, p.cutoff_id, k.label, k.closes_at, p.submitted_at, p.withdrawal_reason, p.version
FROM proposal p
JOIN call c ON c.id = p.call_id
LEFT JOIN cutoff k ON k.id = p.cutoff_id
)sql";

} // namespace

// ---- statement cache ------------------------------------------------------------------------

StatementCache::~StatementCache() = default;

SQLite::Statement& StatementCache::get(const std::string& sql)
{
  auto& statement = m_statements[sql];
  if (!statement) {
    statement = std::make_unique<SQLite::Statement>(m_db, sql);
  } else {
    statement->reset();
    statement->clearBindings();
  }
  return *statement;
}

// ---- states ---------------------------------------------------------------------------------

std::vector<domain::State> StateRepository::list(bool eu_only)
{
  SQLite::Statement statement(m_db, "SELECT code, name, eu, participating_since FROM state "
                                    "WHERE eu = 1 OR ?1 = 0 ORDER BY code");
  statement.bind(1, eu_only ? 1 : 0);
  std::vector<domain::State> states;
  while (statement.executeStep()) {
    domain::State state;
    state.code = statement.getColumn(0).getString();
    state.name = statement.getColumn(1).getString();
    state.eu = statement.getColumn(2).getInt() != 0;
    if (!statement.getColumn(3).isNull()) {
      const auto day = util::value_or_throw(domain::parse_utc(statement.getColumn(3).getString() + "T00:00:00Z"),
                                            ErrorKind::storage, "a stored date");
      state.participating_since = date::year_month_day{date::floor<date::days>(day)};
    }
    states.push_back(std::move(state));
  }
  return states;
}

// ---- calls and cut-offs ---------------------------------------------------------------------

std::int64_t CallRepository::insert(const domain::Call& call, Instant created_at)
{
  SQLite::Statement statement(m_db, "INSERT INTO call (code, title, opens_at, budget_cents, created_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)");
  statement.bind(1, call.code);
  statement.bind(2, call.title);
  bind_instant(statement, 3, call.opens_at);
  bind_optional(statement, 4, call.budget);
  statement.bind(5, domain::format_utc(created_at));
  statement.exec();
  return m_db.getLastInsertRowid();
}

void CallRepository::update(const domain::Call& call)
{
  SQLite::Statement statement(m_db, "UPDATE call SET title = ?2, opens_at = ?3, budget_cents = ?4 WHERE id = ?1");
  statement.bind(1, call.id);
  statement.bind(2, call.title);
  bind_instant(statement, 3, call.opens_at);
  bind_optional(statement, 4, call.budget);
  statement.exec();
}

std::optional<domain::Call> CallRepository::find(const std::string& code)
{
  SQLite::Statement statement(m_db, fmt::format("{} WHERE code = ?1", k_call_columns));
  statement.bind(1, code);
  if (!statement.executeStep()) {
    return std::nullopt;
  }
  return read_call(statement);
}

std::vector<domain::Call> CallRepository::list()
{
  SQLite::Statement statement(m_db, fmt::format("{} ORDER BY code", k_call_columns));
  std::vector<domain::Call> calls;
  while (statement.executeStep()) {
    calls.push_back(read_call(statement));
  }
  return calls;
}

std::int64_t CallRepository::insert_cutoff(std::int64_t call_id, const domain::Cutoff& cutoff)
{
  SQLite::Statement statement(m_db, "INSERT INTO cutoff (call_id, label, closes_at, wall_time, zone) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)");
  statement.bind(1, call_id);
  statement.bind(2, cutoff.label);
  statement.bind(3, domain::format_utc(cutoff.closes_at));
  statement.bind(4, domain::format_wall_time(cutoff.wall_time));
  statement.bind(5, cutoff.zone);
  statement.exec();
  return m_db.getLastInsertRowid();
}

std::vector<domain::Cutoff> CallRepository::cutoffs(std::optional<std::int64_t> call_id)
{
  SQLite::Statement statement(m_db, "SELECT k.id, c.code, k.label, k.closes_at, k.wall_time, k.zone "
                                    "FROM cutoff k JOIN call c ON c.id = k.call_id "
                                    "WHERE ?1 IS NULL OR k.call_id = ?1 ORDER BY k.closes_at, c.code");
  bind_optional(statement, 1, call_id);
  std::vector<domain::Cutoff> cutoffs;
  while (statement.executeStep()) {
    domain::Cutoff cutoff;
    cutoff.id = statement.getColumn(0).getInt64();
    cutoff.call_code = statement.getColumn(1).getString();
    cutoff.label = statement.getColumn(2).getString();
    cutoff.closes_at = column_instant(statement.getColumn(3));
    cutoff.wall_time = util::value_or_throw(domain::parse_wall_time(statement.getColumn(4).getString()),
                                            ErrorKind::storage, "a stored wall time");
    cutoff.zone = statement.getColumn(5).getString();
    cutoffs.push_back(std::move(cutoff));
  }
  return cutoffs;
}

// ---- proposals ------------------------------------------------------------------------------

namespace {

// Binds the columns of a proposal's current version, numbered alike in INSERT and UPDATE:
// ?3 title ... ?14 version, ?15 the time of the change.
void bind_current(SQLite::Statement& statement, const domain::Proposal& proposal, Instant at)
{
  const auto& fields = proposal.fields;
  statement.bind(3, fields.title);
  statement.bind(4, fields.host);
  statement.bind(5, fields.entity);
  statement.bind(6, std::string(domain::to_string(fields.plan)));
  statement.bind(7, fields.experimental_platform ? 1 : 0);
  statement.bind(8, fields.eu_contribution);
  statement.bind(9, fields.national_contribution);
  statement.bind(10, std::string(domain::to_string(proposal.status)));
  bind_optional(statement, 11, proposal.cutoff_id);
  bind_instant(statement, 12, proposal.submitted_at);
  bind_optional(statement, 13, proposal.withdrawal_reason);
  statement.bind(14, proposal.version);
  statement.bind(15, domain::format_utc(at));
}

} // namespace

std::int64_t ProposalRepository::insert(std::int64_t call_id, const domain::Proposal& proposal, Instant at,
                                        const std::string& actor)
{
  auto& statement = m_statements.get(R"sql(
INSERT INTO proposal (call_id, acronym, title, host, entity, plan, experimental_platform,
                      eu_contribution_cents, national_contribution_cents, status, cutoff_id,
                      submitted_at, withdrawal_reason, version, created_at, updated_at, updated_by)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16)
)sql");
  statement.bind(1, call_id);
  statement.bind(2, proposal.acronym);
  bind_current(statement, proposal, at);
  statement.bind(16, actor);
  statement.exec();
  domain::Proposal stored = proposal;
  stored.id = m_db.getLastInsertRowid();
  write_children(stored);
  return stored.id;
}

void ProposalRepository::update(const domain::Proposal& proposal, Instant at, const std::string& actor)
{
  // The version being replaced goes to the history first, as it was recorded.
  const auto current = find(proposal.id);
  const auto recorded = recorded_of(proposal.id);
  if (!current || !recorded) {
    throw Error(ErrorKind::internal, fmt::format("proposal {} vanished during an update", proposal.id));
  }
  write_snapshot(*current, recorded->first, recorded->second);

  // Partners go first, so that the host may become a former partner without tripping the trigger.
  auto& remove_partners = m_statements.get("DELETE FROM proposal_partner WHERE proposal_id = ?1");
  remove_partners.bind(1, proposal.id);
  remove_partners.exec();
  auto& remove_sectors = m_statements.get("DELETE FROM proposal_sector WHERE proposal_id = ?1");
  remove_sectors.bind(1, proposal.id);
  remove_sectors.exec();

  // Numbered as in insert; there is no ?2 because the acronym never changes.
  auto& statement = m_statements.get(R"sql(
UPDATE proposal
SET title = ?3, host = ?4, entity = ?5, plan = ?6, experimental_platform = ?7,
    eu_contribution_cents = ?8, national_contribution_cents = ?9, status = ?10, cutoff_id = ?11,
    submitted_at = ?12, withdrawal_reason = ?13, version = ?14, updated_at = ?15, updated_by = ?16
WHERE id = ?1
)sql");
  statement.bind(1, proposal.id);
  bind_current(statement, proposal, at);
  statement.bind(16, actor);
  if (statement.exec() != 1) {
    throw Error(ErrorKind::internal, fmt::format("proposal {} vanished during an update", proposal.id));
  }
  write_children(proposal);
}

void ProposalRepository::write_children(const domain::Proposal& proposal)
{
  auto& partner = m_statements.get("INSERT INTO proposal_partner (proposal_id, state_code) VALUES (?1, ?2)");
  for (const auto& code : proposal.fields.partners) {
    partner.bind(1, proposal.id);
    partner.bind(2, code);
    partner.exec();
    partner.reset();
  }
  auto& sector = m_statements.get("INSERT INTO proposal_sector (proposal_id, sector) VALUES (?1, ?2)");
  for (const auto& name : proposal.fields.sectors) {
    sector.bind(1, proposal.id);
    sector.bind(2, name);
    sector.exec();
    sector.reset();
  }
}

void ProposalRepository::write_snapshot(const domain::Proposal& proposal, Instant at, const std::string& actor)
{
  auto& statement = m_statements.get("INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, "
                                     "snapshot) VALUES (?1, ?2, ?3, ?4, ?5)");
  statement.bind(1, proposal.id);
  statement.bind(2, proposal.version);
  statement.bind(3, domain::format_utc(at));
  statement.bind(4, actor);
  statement.bind(5, proposal_json(proposal).dump());
  statement.exec();
}

std::optional<domain::Proposal> ProposalRepository::query_one(SQLite::Statement& statement)
{
  if (!statement.executeStep()) {
    return std::nullopt;
  }
  domain::Proposal proposal;
  auto& fields = proposal.fields;
  proposal.id = statement.getColumn(0).getInt64();
  proposal.call_code = statement.getColumn(1).getString();
  proposal.acronym = statement.getColumn(2).getString();
  fields.title = statement.getColumn(3).getString();
  fields.host = statement.getColumn(4).getString();
  fields.partners = split(statement.getColumn(5).getString(), ',');
  fields.entity = statement.getColumn(6).getString();
  fields.plan = util::value_or_throw(domain::parse_plan(statement.getColumn(7).getString()), ErrorKind::storage,
                                     "a stored plan");
  fields.experimental_platform = statement.getColumn(8).getInt() != 0;
  fields.eu_contribution = statement.getColumn(9).getInt64();
  fields.national_contribution = statement.getColumn(10).getInt64();
  fields.sectors = split(statement.getColumn(11).getString(), ',');
  proposal.status = util::value_or_throw(domain::parse_status(statement.getColumn(12).getString()),
                                         ErrorKind::storage, "a stored status");
  if (!statement.getColumn(13).isNull()) {
    proposal.cutoff_id = statement.getColumn(13).getInt64();
  }
  proposal.cutoff_label = column_optional_string(statement.getColumn(14));
  proposal.cutoff_closes_at = column_optional_instant(statement.getColumn(15));
  proposal.submitted_at = column_optional_instant(statement.getColumn(16));
  proposal.withdrawal_reason = column_optional_string(statement.getColumn(17));
  proposal.version = statement.getColumn(18).getInt();
  domain::canonicalize(fields);
  return proposal;
}

std::vector<domain::Proposal> ProposalRepository::query(SQLite::Statement& statement)
{
  std::vector<domain::Proposal> proposals;
  while (auto proposal = query_one(statement)) {
    proposals.push_back(std::move(*proposal));
  }
  return proposals;
}

std::optional<domain::Proposal> ProposalRepository::find(std::int64_t id)
{
  static const std::string sql = fmt::format("{} WHERE p.id = ?1", k_proposal_select);
  auto& statement = m_statements.get(sql);
  statement.bind(1, id);
  auto found = query(statement);
  return found.empty() ? std::nullopt : std::optional{std::move(found.front())};
}

std::optional<domain::Proposal> ProposalRepository::find(std::int64_t call_id, const std::string& acronym)
{
  static const std::string sql = fmt::format("{} WHERE p.call_id = ?1 AND p.acronym = ?2", k_proposal_select);
  auto& statement = m_statements.get(sql);
  statement.bind(1, call_id);
  statement.bind(2, acronym);
  auto found = query(statement);
  return found.empty() ? std::nullopt : std::optional{std::move(found.front())};
}

std::vector<domain::Proposal> ProposalRepository::find_by_acronym(const std::string& acronym)
{
  SQLite::Statement statement(m_db, fmt::format("{} WHERE p.acronym = ?1 ORDER BY c.code", k_proposal_select));
  statement.bind(1, acronym);
  return query(statement);
}

SQLite::Statement& ProposalRepository::bind_filter(const ProposalFilter& filter)
{
  static const std::string sql = fmt::format(R"sql({}
WHERE (?1 IS NULL OR p.call_id = ?1)
  AND (?2 IS NULL OR k.label = ?2)
  AND (?3 IS NULL OR p.host = ?3)
  AND (?4 IS NULL OR p.host = ?4
       OR EXISTS (SELECT 1 FROM proposal_partner pp WHERE pp.proposal_id = p.id AND pp.state_code = ?4))
  AND (?5 IS NULL OR p.status = ?5)
  AND (?6 IS NULL OR EXISTS (SELECT 1 FROM proposal_sector ps WHERE ps.proposal_id = p.id AND ps.sector = ?6))
ORDER BY c.code, p.acronym
)sql",
                                             k_proposal_select);
  auto& statement = m_statements.get(sql);
  bind_optional(statement, 1, filter.call_id);
  bind_optional(statement, 2, filter.cutoff_label);
  bind_optional(statement, 3, filter.host);
  bind_optional(statement, 4, filter.state);
  if (filter.status) {
    statement.bind(5, std::string(domain::to_string(*filter.status)));
  }
  bind_optional(statement, 6, filter.sector);
  return statement;
}

std::vector<domain::Proposal> ProposalRepository::list(const ProposalFilter& filter)
{
  return query(bind_filter(filter));
}

void ProposalRepository::for_each(const ProposalFilter& filter,
                                  const std::function<void(const domain::Proposal&)>& visit)
{
  auto& statement = bind_filter(filter);
  for (;;) {
    auto one = query_one(statement);
    if (!one) {
      break;
    }
    visit(*one);
  }
}

std::optional<std::pair<Instant, std::string>> ProposalRepository::recorded_of(std::int64_t id)
{
  auto& statement = m_statements.get("SELECT updated_at, updated_by FROM proposal WHERE id = ?1");
  statement.bind(1, id);
  if (!statement.executeStep()) {
    return std::nullopt;
  }
  return std::pair{column_instant(statement.getColumn(0)), statement.getColumn(1).getString()};
}

std::vector<domain::ProposalVersion> ProposalRepository::history(std::int64_t id)
{
  SQLite::Statement statement(m_db, "SELECT recorded_at, recorded_by, snapshot FROM proposal_version "
                                    "WHERE proposal_id = ?1 ORDER BY version");
  statement.bind(1, id);
  std::vector<domain::ProposalVersion> versions;
  while (statement.executeStep()) {
    const auto snapshot = nlohmann::json::parse(statement.getColumn(2).getString(), nullptr, false);
    if (snapshot.is_discarded()) {
      throw Error(ErrorKind::storage, fmt::format("a stored version of proposal {} is not JSON", id));
    }
    versions.push_back({proposal_from_json(snapshot), column_instant(statement.getColumn(0)),
                        statement.getColumn(1).getString()});
  }
  // The current version is the proposal row.
  if (auto current = find(id)) {
    const auto recorded = recorded_of(id);
    versions.push_back({std::move(*current), recorded->first, recorded->second});
  }
  return versions;
}

std::vector<std::string> ProposalRepository::moved_by_new_cutoff(std::int64_t call_id, Instant closes_at)
{
  SQLite::Statement statement(m_db, "SELECT p.acronym FROM proposal p JOIN cutoff k ON k.id = p.cutoff_id "
                                    "WHERE p.call_id = ?1 AND p.submitted_at <= ?2 AND k.closes_at > ?2 "
                                    "ORDER BY p.acronym");
  statement.bind(1, call_id);
  statement.bind(2, domain::format_utc(closes_at));
  std::vector<std::string> acronyms;
  while (statement.executeStep()) {
    acronyms.push_back(statement.getColumn(0).getString());
  }
  return acronyms;
}

std::vector<std::pair<domain::ProposalStatus, int>> ProposalRepository::count_by_status(std::int64_t call_id)
{
  SQLite::Statement statement(m_db, "SELECT status, count(*) FROM proposal WHERE call_id = ?1 GROUP BY status "
                                    "ORDER BY status");
  statement.bind(1, call_id);
  std::vector<std::pair<domain::ProposalStatus, int>> counts;
  while (statement.executeStep()) {
    counts.emplace_back(util::value_or_throw(domain::parse_status(statement.getColumn(0).getString()),
                                             ErrorKind::storage, "a stored status"),
                        statement.getColumn(1).getInt());
  }
  return counts;
}

// ---- audit ----------------------------------------------------------------------------------

void AuditRepository::append(const AuditEntry& entry)
{
  SQLite::Statement statement(m_db, "INSERT INTO audit (at, actor, command, entity, action, proposal_id, before, "
                                    "after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  statement.bind(1, domain::format_utc(entry.at));
  statement.bind(2, entry.actor);
  statement.bind(3, entry.command);
  statement.bind(4, entry.entity);
  statement.bind(5, entry.action);
  bind_optional(statement, 6, entry.proposal_id);
  bind_optional(statement, 7, entry.before);
  bind_optional(statement, 8, entry.after);
  statement.exec();
}

std::vector<AuditEntry> AuditRepository::list(std::optional<std::int64_t> proposal_id, std::int64_t limit)
{
  SQLite::Statement statement(m_db, "SELECT id, at, actor, command, entity, action, proposal_id, before, after "
                                    "FROM audit WHERE ?1 IS NULL OR proposal_id = ?1 ORDER BY id DESC LIMIT ?2");
  bind_optional(statement, 1, proposal_id);
  statement.bind(2, limit);
  std::vector<AuditEntry> entries;
  while (statement.executeStep()) {
    AuditEntry entry;
    entry.id = statement.getColumn(0).getInt64();
    entry.at = column_instant(statement.getColumn(1));
    entry.actor = statement.getColumn(2).getString();
    entry.command = statement.getColumn(3).getString();
    entry.entity = statement.getColumn(4).getString();
    entry.action = statement.getColumn(5).getString();
    if (!statement.getColumn(6).isNull()) {
      entry.proposal_id = statement.getColumn(6).getInt64();
    }
    entry.before = column_optional_string(statement.getColumn(7));
    entry.after = column_optional_string(statement.getColumn(8));
    entries.push_back(std::move(entry));
  }
  return entries;
}

// ---- import keys ----------------------------------------------------------------------------

ImportKeys::ImportKeys(Database& database) : m_db(database.connection()), m_statements(m_db)
{
  m_db.exec("CREATE TEMP TABLE IF NOT EXISTS import_key (key TEXT PRIMARY KEY, line INTEGER NOT NULL) "
            "WITHOUT ROWID");
  m_db.exec("DELETE FROM temp.import_key");
}

ImportKeys::~ImportKeys()
{
  try {
    m_statements.clear();
    m_db.exec("DROP TABLE IF EXISTS temp.import_key");
  } catch (...) {
    // The connection closes soon after; a leftover temporary table goes with it.
  }
}

std::optional<std::size_t> ImportKeys::seen(const std::string& key, std::size_t line)
{
  auto& find = m_statements.get("SELECT line FROM temp.import_key WHERE key = ?1");
  find.bind(1, key);
  if (find.executeStep()) {
    return static_cast<std::size_t>(find.getColumn(0).getInt64());
  }
  auto& insert = m_statements.get("INSERT INTO temp.import_key (key, line) VALUES (?1, ?2)");
  insert.bind(1, key);
  insert.bind(2, static_cast<std::int64_t>(line));
  insert.exec();
  return std::nullopt;
}

DatabaseCounts count_rows(Database& database)
{
  SQLite::Statement statement(database.connection(),
                              "SELECT (SELECT count(*) FROM call), (SELECT count(*) FROM cutoff), "
                              "(SELECT count(*) FROM proposal), (SELECT count(*) FROM audit)");
  statement.executeStep();
  return {statement.getColumn(0).getInt64(), statement.getColumn(1).getInt64(), statement.getColumn(2).getInt64(),
          statement.getColumn(3).getInt64()};
}

std::string journal_mode(Database& database)
{
  return database.connection().execAndGet("PRAGMA journal_mode").getString();
}

} // namespace cfp::store
