// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "connection.hpp"
#include "location.hpp"

#include <cfp/store/database.hpp>

#include <memory>

namespace cfp::store::postgresql {

/// A cfp database on a PostgreSQL server: checks that the database is ours, applies the
/// migrations under an advisory lock, and runs units of work in SERIALIZABLE (write) or
/// REPEATABLE READ READ ONLY (read) transactions, run again when the server reports a
/// serialization failure or a deadlock. "Now" is the server's clock.
class PgDatabase final : public Database
{
public:
  /// Connects to the database `location` names and, for writing, creates the schema or
  /// migrates it. Throws cfp::Error.
  static std::unique_ptr<PgDatabase> open(const Location& location, const OpenOptions& options);

  const std::string& location() const override { return m_location.shown; }
  std::string_view backend() const override { return "postgresql"; }
  int latest_schema_version() const override;
  int schema_version() override;
  std::optional<std::chrono::sys_seconds> server_now() override;
  bool accepts_simulated_time() const override { return m_sandbox; }
  std::vector<StorageCheck> check_storage() override;
  BackupReport backup_into(const std::filesystem::path& file, const std::string& shown_as) override;

  /// The connection, for this backend's own tests.
  Connection& connection() { return m_connection; }

protected:
  Attempt attempt(Mode mode, std::string_view what, const std::function<void(Transaction&)>& work,
                  std::string& busy_message) override;

private:
  PgDatabase(Location location, const OpenOptions& options);
  /// Reads cfp_meta: whether the database is ours, its version and whether it is a sandbox.
  /// Returns false for a database with no tables at all (a new one).
  bool read_identity();
  void prepare();
  void migrate();

  Location m_location;
  Connection m_connection;
  bool m_sandbox = false;
  bool m_session_tables_made = false; ///< this session made its temporary tables
};

} // namespace cfp::store::postgresql
