#include <cfp/store/database.hpp>

#include <cfp/error.hpp>
#include <cfp/store/migrations.hpp>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace cfp::store {

namespace fs = std::filesystem;

namespace {

int flags_for(Access access)
{
  return access == Access::read_write ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY;
}

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

SQLite::Database open_connection(const fs::path& path, Access access)
{
  if (access == Access::read_only && !fs::exists(path)) {
    throw Error(ErrorKind::storage,
                fmt::format("no database at {}: create it with 'cfp db init' (or point --db or CFP_DB at it)",
                            path.string()));
  }
  try {
    return SQLite::Database(path.string(), flags_for(access), k_busy_timeout_ms);
  } catch (const SQLite::Exception& error) {
    rethrow_sqlite(error, "open the database", path);
  }
}

} // namespace

[[noreturn]] void rethrow_sqlite(const std::exception& error, std::string_view what, const fs::path& path)
{
  if (const auto* cfp_error = dynamic_cast<const Error*>(&error)) {
    throw *cfp_error;
  }
  const auto* sqlite_error = dynamic_cast<const SQLite::Exception*>(&error);
  if (sqlite_error == nullptr) {
    throw Error(ErrorKind::internal, fmt::format("cannot {}: {}", what, error.what()));
  }
  const int code = sqlite_error->getErrorCode();
  switch (code) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    throw Error(ErrorKind::busy, fmt::format("cannot {}: the database {} stayed locked by another writer for {} s; "
                                             "try again when it has finished",
                                             what, path.string(), k_busy_timeout_ms / 1000));
  case SQLITE_NOTADB:
    throw Error(ErrorKind::storage,
                fmt::format("cannot {}: {} is not a cfp database (it is not an SQLite file)", what, path.string()));
  case SQLITE_CORRUPT:
    throw Error(ErrorKind::storage,
                fmt::format("cannot {}: the database {} is corrupt; restore it from a backup", what, path.string()));
  case SQLITE_READONLY:
  case SQLITE_PERM:
  case SQLITE_CANTOPEN:
    throw Error(ErrorKind::storage, fmt::format("cannot {}: {} cannot be opened for writing: {}", what, path.string(),
                                                sqlite_error->getErrorStr()));
  case SQLITE_FULL:
    throw Error(ErrorKind::storage, fmt::format("cannot {}: the disk holding {} is full", what, path.string()));
  case SQLITE_CONSTRAINT:
    throw Error(ErrorKind::refused, fmt::format("cannot {}: {}", what, sqlite_error->what()));
  default:
    throw Error(ErrorKind::storage,
                fmt::format("cannot {}: database {}: {}", what, path.string(), sqlite_error->what()));
  }
}

std::unique_ptr<Database> Database::open(const fs::path& path, Access access)
{
  bool created = false;
  if (access == Access::read_write) {
    created = create_private_file(path);
  }
  std::unique_ptr<Database> database(new Database(path, access));
  database->m_report.created = created;
  try {
    database->check_identity();
    database->m_db.exec("PRAGMA foreign_keys = ON");
    if (access == Access::read_write) {
      const std::string mode = database->m_db.execAndGet("PRAGMA journal_mode = WAL").getString();
      if (mode != "wal") {
        throw Error(ErrorKind::storage,
                    fmt::format("cannot use write-ahead logging on {} (journal mode stays '{}')", path.string(), mode));
      }
      database->m_db.exec("PRAGMA synchronous = FULL");
      database->migrate();
    }
  } catch (const std::exception& error) {
    rethrow_sqlite(error, "open the database", path);
  }
  return database;
}

int Database::latest_schema_version()
{
  return embedded_migrations().empty() ? 0 : embedded_migrations().back().version;
}

Database::Database(const fs::path& path, Access access)
  : m_path(path), m_access(access), m_db(open_connection(path, access))
{
}

Database::~Database() = default;

int Database::schema_version() const
{
  return const_cast<SQLite::Database&>(m_db).execAndGet("PRAGMA user_version").getInt();
}

void Database::check_identity()
{
  const int application_id = m_db.execAndGet("PRAGMA application_id").getInt();
  const int version = schema_version();
  const int latest = latest_schema_version();
  if (application_id != k_application_id) {
    const bool empty = m_db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0;
    if (application_id != 0 || version != 0 || !empty) {
      throw Error(ErrorKind::storage, fmt::format("{} is not a cfp database (it is an SQLite file of another "
                                                  "program); use another --db path",
                                                  m_path.string()));
    }
  }
  m_report.from_version = version;
  m_report.to_version = version;
  if (version > latest) {
    throw Error(ErrorKind::storage,
                fmt::format("the database {} has schema version {}, newer than this cfp knows ({}); "
                            "install a newer cfp to use it",
                            m_path.string(), version, latest));
  }
  if (m_access == Access::read_only && version < latest) {
    throw Error(ErrorKind::storage,
                version == 0 ? fmt::format("the database {} is empty; create it with 'cfp db init'", m_path.string())
                             : fmt::format("the database {} has schema version {}, older than this cfp ({}); "
                                           "upgrade it with 'cfp db init'",
                                           m_path.string(), version, latest));
  }
}

void Database::migrate()
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
      throw Error(ErrorKind::internal, fmt::format("migration {} failed on {}: {}", migration.name, m_path.string(),
                                                   error.what()));
    }
    m_db.exec(fmt::format("PRAGMA application_id = {}", k_application_id));
    m_db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
    transaction.commit();
    m_report.to_version = migration.version;
  }
}

void Database::write(std::string_view what, const std::function<void()>& work)
{
  if (m_access != Access::read_write) {
    throw Error(ErrorKind::internal, fmt::format("cannot {}: the database was opened read-only", what));
  }
  try {
    SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
    work();
    transaction.commit();
  } catch (const std::exception& error) {
    rethrow_sqlite(error, what, m_path);
  }
}

void Database::read(std::string_view what, const std::function<void()>& work)
{
  try {
    SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::DEFERRED);
    work();
    transaction.commit();
  } catch (const std::exception& error) {
    rethrow_sqlite(error, what, m_path);
  }
}

} // namespace cfp::store
