#pragma once

#include <cfp/domain/call.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/domain/state.hpp>
#include <cfp/store/database.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cfp::store {

/// The participating states (reference data seeded by a migration).
class StateRepository
{
public:
  explicit StateRepository(Database& database) : m_db(database.connection()) {}

  std::vector<domain::State> list(bool eu_only = false);

private:
  SQLite::Database& m_db;
};

/// Calls and their cut-offs.
class CallRepository
{
public:
  explicit CallRepository(Database& database) : m_db(database.connection()) {}

  std::int64_t insert(const domain::Call& call, domain::Instant created_at);
  /// Stores the title, opening and budget of the call with `call.id`.
  void update(const domain::Call& call);
  std::optional<domain::Call> find(const std::string& code); ///< code compared case-insensitively
  std::vector<domain::Call> list();

  std::int64_t insert_cutoff(std::int64_t call_id, const domain::Cutoff& cutoff);
  /// The cut-offs of one call, or of every call when `call_id` is empty; by closing time.
  std::vector<domain::Cutoff> cutoffs(std::optional<std::int64_t> call_id);

private:
  SQLite::Database& m_db;
};

/// Which proposals `ProposalRepository::list` returns; empty members do not filter.
struct ProposalFilter
{
  std::optional<std::int64_t> call_id;
  std::optional<std::string> cutoff_label;
  std::optional<std::string> host;
  std::optional<std::string> state; ///< host or partner
  std::optional<domain::ProposalStatus> status;
  std::optional<std::string> sector;
};

/// Prepared statements kept for reuse: a batch import runs each one many times.
class StatementCache
{
public:
  explicit StatementCache(SQLite::Database& db) : m_db(db) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache();

  /// The statement for `sql`, prepared once, reset and with no bindings.
  SQLite::Statement& get(const std::string& sql);
  /// Finalizes every statement (before a table they use is dropped).
  void clear() { m_statements.clear(); }

private:
  SQLite::Database& m_db;
  std::map<std::string, std::unique_ptr<SQLite::Statement>> m_statements;
};

/// Proposals: the current version in normalised tables, earlier versions as snapshots.
class ProposalRepository
{
public:
  explicit ProposalRepository(Database& database) : m_db(database.connection()), m_statements(m_db) {}

  /// Inserts version 1 of `proposal` (its id is ignored) and returns the new id.
  std::int64_t insert(std::int64_t call_id, const domain::Proposal& proposal, domain::Instant at,
                      const std::string& actor);
  /// Replaces the current version by `proposal` (whose version is the new one) and keeps a snapshot.
  void update(const domain::Proposal& proposal, domain::Instant at, const std::string& actor);

  std::optional<domain::Proposal> find(std::int64_t id);
  std::optional<domain::Proposal> find(std::int64_t call_id, const std::string& acronym);
  /// Every proposal with this acronym (case-insensitive), in any call.
  std::vector<domain::Proposal> find_by_acronym(const std::string& acronym);
  /// Ordered by call code, then acronym.
  std::vector<domain::Proposal> list(const ProposalFilter& filter);
  /// The same as list, one proposal at a time, without holding them all.
  void for_each(const ProposalFilter& filter, const std::function<void(const domain::Proposal&)>& visit);
  std::vector<domain::ProposalVersion> history(std::int64_t id);

  /// Acronyms of submitted or withdrawn proposals of `call_id` that a new cut-off closing at
  /// `closes_at` would take from a later cut-off.
  std::vector<std::string> moved_by_new_cutoff(std::int64_t call_id, domain::Instant closes_at);

  /// Proposals of a call by status, for summaries.
  std::vector<std::pair<domain::ProposalStatus, int>> count_by_status(std::int64_t call_id);

private:
  std::vector<domain::Proposal> query(SQLite::Statement& statement);
  std::optional<domain::Proposal> query_one(SQLite::Statement& statement);
  std::optional<std::pair<domain::Instant, std::string>> recorded_of(std::int64_t id);
  void write_children(const domain::Proposal& proposal);
  void write_snapshot(const domain::Proposal& proposal, domain::Instant at, const std::string& actor);
  SQLite::Statement& bind_filter(const ProposalFilter& filter);

  SQLite::Database& m_db;
  StatementCache m_statements;
};

/// One line of the audit trail. `before` and `after` are JSON documents (or empty).
struct AuditEntry
{
  std::int64_t id = 0;
  domain::Instant at;
  std::string actor;
  std::string command;
  std::string entity;
  std::string action;
  std::optional<std::int64_t> proposal_id;
  std::optional<std::string> before;
  std::optional<std::string> after;
};

/// The append-only audit log (the schema refuses updates and deletes).
class AuditRepository
{
public:
  explicit AuditRepository(Database& database) : m_db(database.connection()) {}

  void append(const AuditEntry& entry);
  /// Newest first, at most `limit` entries, optionally only those about one proposal.
  std::vector<AuditEntry> list(std::optional<std::int64_t> proposal_id, std::int64_t limit);

private:
  SQLite::Database& m_db;
};

/// The (call, acronym) keys a batch import has seen, with the line of each, kept in a temporary
/// table so that a duplicate is found in constant memory however long the file.
class ImportKeys
{
public:
  explicit ImportKeys(Database& database);
  ~ImportKeys();
  ImportKeys(const ImportKeys&) = delete;
  ImportKeys& operator=(const ImportKeys&) = delete;

  /// The line where `key` was seen before, or nullopt (and the key is remembered at `line`).
  std::optional<std::size_t> seen(const std::string& key, std::size_t line);

private:
  SQLite::Database& m_db;
  StatementCache m_statements;
};

/// Counts for `cfp db status`.
struct DatabaseCounts
{
  std::int64_t calls = 0;
  std::int64_t cutoffs = 0;
  std::int64_t proposals = 0;
  std::int64_t audit_entries = 0;
};

DatabaseCounts count_rows(Database& database);

/// The journal mode of the file ("wal" for every database cfp has written).
std::string journal_mode(Database& database);

} // namespace cfp::store
