// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "lock_wait.hpp"
#include "statement_cache.hpp"

#include <cfp/error.hpp>
#include <cfp/store/database.hpp>

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>

namespace cfp::store::sqlite {

/// A cfp database in one SQLite file: checks that the file is ours, sets the connection's
/// pragmas, applies the migrations, and runs units of work in IMMEDIATE (write) or deferred
/// (read) transactions.
class SqliteDatabase final : public Database
{
public:
  /// Opens (and, for writing, creates and migrates) the file at `path`. Throws cfp::Error.
  static std::unique_ptr<SqliteDatabase> open(const std::filesystem::path& path, const OpenOptions& options);

  ~SqliteDatabase() override;

  const std::string& location() const override { return m_location; }
  std::string_view backend() const override { return "sqlite"; }
  int latest_schema_version() const override;
  int schema_version() override;
  std::vector<StorageCheck> check_storage() override;
  BackupReport backup_into(const std::filesystem::path& file, const std::string& shown_as) override;

  /// The connection, for this backend's own tests.
  SQLite::Database& connection() { return m_db; }

protected:
  Attempt attempt(Mode mode, std::string_view what, const std::function<void(Transaction&)>& work,
                  std::string& busy_message) override;

private:
  SqliteDatabase(const std::filesystem::path& path, const OpenOptions& options);
  /// Sets the connection's pragmas, checks the file is ours and migrates it (for writing).
  void prepare();
  void use_write_ahead_log();
  void check_identity();
  /// Applies the pending migrations, inside the caller's write transaction.
  void migrate();
  /// What a migration needs beyond its SQL, done in C++ in the same transaction.
  void finish_migration(int version);
  /// Throws cfp::Error (storage) when a row refers to one that does not exist, inside the
  /// migrations' transaction (foreign keys are off while they run); names `from_version`, the
  /// version the file stays at.
  void check_foreign_keys(int from_version);
  int read_schema_version();

  std::string m_location;
  LockWait m_lock_wait;
  SQLite::Database m_db;
  StatementCache m_statements; ///< declared after m_db: finalized before the connection closes
};

} // namespace cfp::store::sqlite
