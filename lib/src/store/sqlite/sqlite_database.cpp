// SPDX-License-Identifier: EUPL-1.2
#include "sqlite_database.hpp"

#include "audit_repository.hpp"
#include "backup.hpp"
#include "database_file.hpp"
#include "errors.hpp"
#include "migrations.hpp"
#include "sqlite_transaction.hpp"
#include "storage_checks.hpp"

#include <cfp/error.hpp>

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>

namespace cfp::store::sqlite {

namespace fs = std::filesystem;

namespace {

// `path` as an SQLite URI ("file:/a%20b/cfp.db"), for the query parameters it can carry.
std::string file_uri(const fs::path& path)
{
  std::string uri = "file:";
  for (const char c : fs::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri;
}

// Whether the -wal file beside `path` holds anything: then the database cannot be read as
// immutable without losing what the log holds.
bool has_write_ahead_log(const fs::path& path)
{
  std::error_code ec;
  const auto size = fs::file_size(path.string() + "-wal", ec);
  return !ec && size > 0;
}

// A connection is used by one thread at a time, so SQLite need not lock its own mutex around
// each call (OPEN_NOMUTEX); nor does cfp read SQLite's memory statistics, whose counting takes
// a global mutex at every allocation. Together they were a twentieth of an import's time.
int single_thread_flags()
{
  static const int flags = [] {
    // Refused (SQLITE_MISUSE) once SQLite has started, by another connection of the process
    // made first: then the statistics stay on, which is only slower.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return SQLite::OPEN_NOMUTEX;
  }();
  return flags;
}

SQLite::Database open_connection(const fs::path& path, const OpenOptions& options)
{
  try {
    const int single_thread = single_thread_flags();
    if (options.access == Access::read_write) {
      return SQLite::Database(path.string(), SQLite::OPEN_READWRITE | single_thread,
                              static_cast<int>(options.busy_timeout.count()));
    }
    // A reader who may not write the folder cannot make the -shm file a WAL database needs; with
    // no log to replay, the file is read as immutable instead (no locks, no -shm).
    if (!folder_writable(path) && !has_write_ahead_log(path)) {
      return SQLite::Database(file_uri(path) + "?immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI | single_thread,
                              static_cast<int>(options.busy_timeout.count()));
    }
    return SQLite::Database(path.string(), SQLite::OPEN_READONLY | single_thread,
                            static_cast<int>(options.busy_timeout.count()));
  } catch (const SQLite::Exception& error) {
    throw translate(error, "open the database", path.string(), options.busy_timeout);
  }
}

// Foreign keys off from its making until on_again() (the migrations), or its end: the pragma does
// nothing inside a transaction, so this must outlive the migrations' transaction.
class ForeignKeysOff
{
public:
  explicit ForeignKeysOff(SQLite::Database& db) : m_db(db) { m_db.exec("PRAGMA foreign_keys = OFF"); }
  ~ForeignKeysOff()
  {
    if (m_off) {
      try {
        m_db.exec("PRAGMA foreign_keys = ON");
      } catch (const SQLite::Exception&) {
        // Reached only while an error ends the opening: the connection is not used again.
      }
    }
  }
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

  /// Turns them on again; throws when SQLite cannot, so that no write goes unchecked.
  void on_again()
  {
    m_db.exec("PRAGMA foreign_keys = ON");
    m_off = false;
  }

private:
  SQLite::Database& m_db;
  bool m_off = true;
};

} // namespace

std::unique_ptr<SqliteDatabase> SqliteDatabase::open(const fs::path& path, const OpenOptions& options)
{
  // Before SQLite touches anything: a link, a FIFO, a device, or a file or folder others may
  // write is refused.
  check_database_file(path, options.access);
  bool created = false;
  if (options.access == Access::read_write) {
    created = create_database_file(path);
  } else if (!fs::exists(path)) {
    throw Error(
        ErrorKind::storage,
        fmt::format("no database at {}: create it with 'cfp db init' (or point --db or CFP_DB at it)", path.string()));
  }
  std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(path, options));
  database->m_report.created = created;
  try {
    database->prepare();
  } catch (const SQLite::Exception& error) {
    throw translate(error, "open the database", path.string(), options.busy_timeout);
  }
  return database;
}

void SqliteDatabase::prepare()
{
  m_db.exec("PRAGMA foreign_keys = ON");
  // One consistent look at the file, so that a file another process is creating is never
  // taken for another program's; a foreign file is refused before anything in it changes.
  {
    SQLite::Transaction snapshot(m_db, SQLite::TransactionBehavior::DEFERRED);
    check_identity();
    snapshot.commit();
  }
  if (options().access != Access::read_write) {
    return;
  }
  use_write_ahead_log();
  m_db.exec("PRAGMA synchronous = FULL");
  if (m_report.from_version == latest_schema_version()) {
    return;
  }
  // The identity again and every migration under one write lock: of many processes starting
  // on a new file at once, one migrates it and the others find it done. A migration may rebuild
  // a table that others refer to (SQLite's twelve steps, as 0008 does): foreign keys are off
  // while the migrations run, which SQLite allows only outside a transaction, and every key is
  // checked before the commit; they are on again before anything else runs, even on failure.
  ForeignKeysOff foreign_keys_off(m_db);
  {
    SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
    check_identity();
    if (m_report.to_version < latest_schema_version()) {
      const int from = m_report.to_version;
      migrate();
      check_foreign_keys(from);
    }
    transaction.commit();
  }
  foreign_keys_off.on_again();
  // SQLite hides some failed writes while it switches a file to WAL: the switch reports
  // success, and the migration then commits in rollback mode. Switch again; this time a
  // failure shows.
  if (m_db.execAndGet("PRAGMA journal_mode").getString() != "wal") {
    use_write_ahead_log();
  }
}

void SqliteDatabase::use_write_ahead_log()
{
  // While other processes create and migrate a new file, SQLite may refuse the switch as busy
  // at once, without calling the busy handler (a few in a thousand first uses by sixteen
  // processes at once): wait and try again, as the handler would, until the wait is over.
  std::string mode;
  for (int attempt = 0;; ++attempt) {
    try {
      mode = m_db.execAndGet("PRAGMA journal_mode = WAL").getString();
      break;
    } catch (const SQLite::Exception& error) {
      if (!is_busy(error) || LockWait::on_busy(&m_lock_wait, attempt) == 0) {
        throw;
      }
    }
  }
  if (mode != "wal") {
    throw Error(ErrorKind::storage,
                fmt::format("cannot use write-ahead logging on {} (journal mode stays '{}')", m_location, mode));
  }
}

SqliteDatabase::SqliteDatabase(const fs::path& path, const OpenOptions& options)
    : Database(options), m_location(path.string()), m_db(open_connection(path, options)), m_statements(m_db)
{
  m_lock_wait.set_deadline(wait_until());
  sqlite3_busy_handler(m_db.getHandle(), &LockWait::on_busy, &m_lock_wait);
}

SqliteDatabase::~SqliteDatabase()
{
  // The last connection to close copies the -wal into the database and deletes it, under an
  // exclusive lock that a reader opening meanwhile must wait for: after a large import, a
  // tenth of a second or more, most of it for removing a -wal of hundreds of megabytes. Done
  // first without that lock, the close has nothing left to do: a passive checkpoint copies
  // what no reader still needs while readers go on, and a truncating one empties the -wal,
  // waiting briefly for readers of older snapshots (a reader blocked on its output may hold
  // one for long: the close then does the rest, as before).
  if (options().access == Access::read_write) {
    m_statements.clear();
    sqlite3* db = m_db.getHandle();
    int frames = 0;
    int copied = 0;
    if (sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &frames, &copied) == SQLITE_OK &&
        frames > 0) {
      m_lock_wait.set_deadline(std::chrono::steady_clock::now() + std::chrono::milliseconds(200));
      sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    }
  }
}

int SqliteDatabase::latest_schema_version() const
{
  return embedded_migrations().empty() ? 0 : embedded_migrations().back().version;
}

int SqliteDatabase::read_schema_version()
{
  return m_db.execAndGet("PRAGMA user_version").getInt();
}

int SqliteDatabase::schema_version()
{
  try {
    return read_schema_version();
  } catch (const SQLite::Exception& error) {
    throw translate(error, "read the schema version", m_location, options().busy_timeout);
  }
}

std::vector<StorageCheck> SqliteDatabase::check_storage()
{
  return run_storage_checks(m_db, m_location, options().busy_timeout);
}

BackupReport SqliteDatabase::backup_into(const fs::path& file, const std::string& shown_as)
{
  return backup_database(m_db, m_location, file, shown_as, options().busy_timeout);
}

void SqliteDatabase::check_identity()
{
  const int application_id = m_db.execAndGet("PRAGMA application_id").getInt();
  const int version = read_schema_version();
  const int latest = latest_schema_version();
  if (application_id != k_application_id) {
    const bool empty = m_db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0;
    if (application_id != 0 || version != 0 || !empty) {
      throw Error(ErrorKind::storage, fmt::format("{} is not a cfp database (it is an SQLite file of another "
                                                  "program); use another --db path",
                                                  m_location));
    }
  }
  m_report.from_version = version;
  m_report.to_version = version;
  if (version > latest) {
    throw Error(ErrorKind::storage,
                fmt::format("the database {} has schema version {}, newer than this cfp knows ({}); "
                            "install a newer cfp to use it",
                            m_location, version, latest));
  }
  if (options().access == Access::read_only && version < latest && options().older_schema == OlderSchema::refuse) {
    throw Error(ErrorKind::storage,
                version == 0 ? fmt::format("the database {} is empty; create it with 'cfp db init'", m_location)
                             : fmt::format("the database {} has schema version {}, older than this cfp ({}); "
                                           "upgrade it with 'cfp db init'",
                                           m_location, version, latest));
  }
}

void SqliteDatabase::migrate()
{
  for (const Migration& migration : embedded_migrations()) {
    if (migration.version <= m_report.to_version) {
      continue;
    }
    try {
      m_db.exec(migration.sql);
    } catch (const SQLite::Exception& error) {
      // A migration that SQLite refuses as written is a bug; a full disk, an I/O error or a
      // lock is the file's condition, reported as for any other write.
      const int code = error.getErrorCode();
      if (code == SQLITE_ERROR || code == SQLITE_CONSTRAINT || code == SQLITE_MISMATCH) {
        throw Error(ErrorKind::internal, fmt::format("migration {} failed on {}: {}; please report this",
                                                     migration.name, m_location, error.what()));
      }
      throw translate(error, fmt::format("migrate the database to schema version {}", migration.version),
                      m_location, options().busy_timeout);
    }
    finish_migration(migration.version);
    m_db.exec(fmt::format("PRAGMA application_id = {}", k_application_id));
    m_db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
    m_report.to_version = migration.version;
  }
}

void SqliteDatabase::check_foreign_keys(int from_version)
{
  const auto check = foreign_key_check(m_db);
  if (check.problem_count == 0) {
    return;
  }
  // The rows were there before the migration: only an edit outside cfp leaves them. Thrown
  // inside the transaction, so the file stays as it was.
  const bool one = check.problem_count == 1;
  throw Error(ErrorKind::storage,
              fmt::format("cannot migrate {} to schema version {}: {} row{} refer{} to rows that do not exist; the "
                          "file stays at schema version {}:\n  {}\nit was changed outside cfp: restore a backup "
                          "('cfp db check' lists every such row)",
                          m_location, latest_schema_version(), check.problem_count, one ? "" : "s", one ? "s" : "",
                          from_version, fmt::join(check.problems, "\n  ")));
}

void SqliteDatabase::finish_migration(int version)
{
  // Schema 5 seals the audit log; SQL cannot compute a SHA-256, so cfp seals what is there.
  if (version == 5) {
    SqliteAuditRepository(m_db, m_statements).seal_unsealed();
    m_statements.reset_all();
  }
}

Database::Attempt SqliteDatabase::attempt(Mode mode, std::string_view what,
                                          const std::function<void(Transaction&)>& work, std::string& busy_message)
{
  if (mode == Mode::write && options().access != Access::read_write) {
    throw Error(ErrorKind::internal, fmt::format("cannot {}: the database was opened read-only", what));
  }
  m_lock_wait.set_deadline(wait_until());
  try {
    SQLite::Transaction transaction(m_db, mode == Mode::write ? SQLite::TransactionBehavior::IMMEDIATE
                                                              : SQLite::TransactionBehavior::DEFERRED);
    bool commit = false;
    {
      SqliteTransaction tx(m_db, m_statements);
      work(tx);
      commit = !tx.discarding() && !options().discard_writes;
    }
    if (commit) {
      transaction.commit();
    }
    // Otherwise the destructor of `transaction` rolls back.
    return Attempt::done;
  } catch (const Error&) {
    throw;
  } catch (const SQLite::Exception& error) {
    if (is_busy(error)) {
      busy_message = busy_error(what, m_location, options().busy_timeout).what();
      return Attempt::retry;
    }
    throw translate(error, what, m_location, options().busy_timeout);
  } catch (const std::exception& error) {
    throw Error(ErrorKind::internal, fmt::format("cannot {}: {}", what, error.what()));
  }
}

} // namespace cfp::store::sqlite
