// SPDX-License-Identifier: EUPL-1.2
#include "sqlite_database.hpp"

#include "errors.hpp"
#include "migrations.hpp"
#include "sqlite_transaction.hpp"

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

// Creates the parent folders (0700, as XDG asks for data folders) and an empty file of mode
// 0600 before SQLite opens it, so that the database is never readable by others, not even
// for an instant. SQLite gives the -wal and -shm files the mode of the database.
bool create_private_file(const fs::path& path)
{
  const fs::path parent = path.parent_path();
  if (!parent.empty() && !fs::exists(parent)) {
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) {
      throw Error(ErrorKind::storage,
                  fmt::format("cannot create the folder {} for the database: {}", parent.string(), ec.message()));
    }
    fs::permissions(parent, fs::perms::owner_all, ec);
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return false;
    }
    throw Error(ErrorKind::storage,
                fmt::format("cannot create the database {}: {}", path.string(), std::strerror(errno)));
  }
  ::close(fd);
  return true;
}

SQLite::Database open_connection(const fs::path& path, const OpenOptions& options)
{
  if (options.access == Access::read_only && !fs::exists(path)) {
    throw Error(
        ErrorKind::storage,
        fmt::format("no database at {}: create it with 'cfp db init' (or point --db or CFP_DB at it)", path.string()));
  }
  try {
    return SQLite::Database(path.string(),
                            options.access == Access::read_write ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY,
                            static_cast<int>(options.busy_timeout.count()));
  } catch (const SQLite::Exception& error) {
    throw translate(error, "open the database", path.string(), options.busy_timeout);
  }
}

} // namespace

std::unique_ptr<SqliteDatabase> SqliteDatabase::open(const fs::path& path, const OpenOptions& options)
{
  bool created = false;
  if (options.access == Access::read_write) {
    created = create_private_file(path);
  }
  std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(path, options));
  database->m_report.created = created;
  try {
    database->check_identity();
    database->m_db.exec("PRAGMA foreign_keys = ON");
    if (options.access == Access::read_write) {
      const std::string mode = database->m_db.execAndGet("PRAGMA journal_mode = WAL").getString();
      if (mode != "wal") {
        throw Error(ErrorKind::storage,
                    fmt::format("cannot use write-ahead logging on {} (journal mode stays '{}')", path.string(), mode));
      }
      database->m_db.exec("PRAGMA synchronous = FULL");
      database->migrate();
    }
  } catch (const SQLite::Exception& error) {
    throw translate(error, "open the database", path.string(), options.busy_timeout);
  }
  return database;
}

SqliteDatabase::SqliteDatabase(const fs::path& path, const OpenOptions& options)
    : Database(options), m_location(path.string()), m_db(open_connection(path, options)), m_statements(m_db)
{
}

SqliteDatabase::~SqliteDatabase() = default;

int SqliteDatabase::latest_schema_version() const
{
  return embedded_migrations().empty() ? 0 : embedded_migrations().back().version;
}

int SqliteDatabase::schema_version()
{
  return m_db.execAndGet("PRAGMA user_version").getInt();
}

void SqliteDatabase::check_identity()
{
  const int application_id = m_db.execAndGet("PRAGMA application_id").getInt();
  const int version = schema_version();
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
  if (options().access == Access::read_only && version < latest) {
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
    SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have migrated while this one waited for the lock.
    if (schema_version() >= migration.version) {
      m_report.to_version = schema_version();
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
    m_db.exec(fmt::format("PRAGMA application_id = {}", k_application_id));
    m_db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
    transaction.commit();
    m_report.to_version = migration.version;
  }
}

Database::Attempt SqliteDatabase::attempt(Mode mode, std::string_view what,
                                          const std::function<void(Transaction&)>& work, std::string& busy_message)
{
  if (mode == Mode::write && options().access != Access::read_write) {
    throw Error(ErrorKind::internal, fmt::format("cannot {}: the database was opened read-only", what));
  }
  try {
    SQLite::Transaction transaction(m_db, mode == Mode::write ? SQLite::TransactionBehavior::IMMEDIATE
                                                              : SQLite::TransactionBehavior::DEFERRED);
    bool commit = false;
    {
      SqliteTransaction tx(m_db, m_statements);
      work(tx);
      commit = !tx.discarding();
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
      busy_message = translate(error, what, m_location, options().busy_timeout).what();
      return Attempt::retry;
    }
    throw translate(error, what, m_location, options().busy_timeout);
  } catch (const std::exception& error) {
    throw Error(ErrorKind::internal, fmt::format("cannot {}: {}", what, error.what()));
  }
}

} // namespace cfp::store::sqlite
