#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace cfp::store {

/// Whether a command may change the database; read-only commands never create or migrate it.
enum class Access { read_only, read_write };

/// "CFP1" as a big-endian integer: PRAGMA application_id of every cfp database.
inline constexpr std::int32_t k_application_id = 0x43465031;

/// How long a connection waits for another writer before giving up.
inline constexpr int k_busy_timeout_ms = 5000;

/// What opening a database for writing did to its schema.
struct MigrationReport
{
  bool created = false; ///< the file did not exist before
  int from_version = 0;
  int to_version = 0;
};

/// One open cfp database file: checks that the file is ours, applies migrations, sets the
/// connection's pragmas, and turns SQLite failures into cfp::Error.
class Database
{
public:
  /// Opens `path`. With Access::read_write, creates the file (mode 0600, parent folders
  /// included) and migrates it to the latest schema; with Access::read_only, requires an
  /// existing file at the latest schema. Throws cfp::Error (storage, busy).
  static std::unique_ptr<Database> open(const std::filesystem::path& path, Access access);

  /// The schema version this binary writes: the number of the last embedded migration.
  static int latest_schema_version();

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  const std::filesystem::path& path() const { return m_path; }
  Access access() const { return m_access; }
  int schema_version() const;
  const MigrationReport& migration_report() const { return m_report; }

  /// The connection, for repositories only.
  SQLite::Database& connection() { return m_db; }

  /// Runs `work` in one IMMEDIATE transaction and commits it; rolls back if `work` throws.
  /// SQLite failures become cfp::Error whose message starts with "cannot `what`".
  void write(std::string_view what, const std::function<void()>& work);

  /// Runs `work` in one read transaction, so that it sees one consistent snapshot.
  void read(std::string_view what, const std::function<void()>& work);

private:
  Database(const std::filesystem::path& path, Access access);
  void check_identity();
  void migrate();

  std::filesystem::path m_path;
  Access m_access;
  SQLite::Database m_db;
  MigrationReport m_report;
};

/// Turns a failure of SQLite while doing `what` into the cfp::Error a person can act on.
[[noreturn]] void rethrow_sqlite(const std::exception& error, std::string_view what,
                                 const std::filesystem::path& path);

} // namespace cfp::store
