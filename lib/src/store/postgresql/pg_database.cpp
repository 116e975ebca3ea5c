// SPDX-License-Identifier: EUPL-1.2
#include "pg_database.hpp"

#include "errors.hpp"
#include "import_keys.hpp"
#include "migrations.hpp"
#include "pg_transaction.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::store::postgresql {

namespace {

// The advisory lock every cfp opening takes to migrate: "cfp" and the schema's name hashed by the
// server, so that two databases of one cluster never wait for each other.
constexpr char k_migration_lock[] =
    "SELECT pg_advisory_xact_lock(hashtextextended('cfp migrations ' || current_database() "
    "|| '.' || current_schema(), 0))";

// Ends a transaction that failed, if the connection still works: a failed ROLLBACK leaves the
// connection to be closed with the command.
void roll_back(Connection& connection)
{
  if (!connection.usable()) {
    return;
  }
  try {
    connection.run("ROLLBACK");
  } catch (const PgError&) {
    // The first error is the one reported.
  }
}

} // namespace

std::unique_ptr<PgDatabase> PgDatabase::open(const Location& location, const OpenOptions& options)
{
  std::unique_ptr<PgDatabase> database;
  try {
    database.reset(new PgDatabase(location, options));
  } catch (const PgError& error) {
    throw Error(ErrorKind::storage, fmt::format("cannot connect to the database {}: {}", location.shown,
                                                util::escape_controls(error.what())));
  }
  try {
    database->prepare();
  } catch (const PgError& error) {
    roll_back(database->m_connection);
    throw translate(error, "open the database", location.shown);
  }
  return database;
}

PgDatabase::PgDatabase(Location location, const OpenOptions& options)
    : Database(options), m_location(std::move(location)), m_connection(m_location.conninfo)
{
}

int PgDatabase::latest_schema_version() const
{
  return embedded_migrations().empty() ? 0 : embedded_migrations().back().version;
}

bool PgDatabase::read_identity()
{
  const auto found = m_connection.run(
      "SELECT to_regclass('cfp_meta') IS NOT NULL, (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
      "c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))");
  const bool ours = found.boolean(0, 0);
  if (!ours) {
    if (found.int64(0, 1) != 0) {
      throw Error(ErrorKind::storage, fmt::format("{} is not a cfp database (it holds tables of another program); use "
                                                  "another database",
                                                  m_location.shown));
    }
    m_report.from_version = m_report.to_version = 0;
    return false;
  }
  const auto meta = m_connection.run("SELECT application, schema_version, sandbox FROM cfp_meta");
  if (meta.rows() != 1 || meta.text(0, 0) != k_application) {
    throw Error(ErrorKind::storage,
                fmt::format("{} is not a cfp database (its cfp_meta table is not cfp's); use another database",
                            m_location.shown));
  }
  const auto version = meta.int64(0, 1);
  if (version < 0 || version > 1000000) {
    throw Error(ErrorKind::storage,
                fmt::format("{} is not a cfp database (its cfp_meta table gives schema version {}); "
                            "use another database",
                            m_location.shown, version));
  }
  m_report.from_version = m_report.to_version = static_cast<int>(version);
  m_sandbox = meta.boolean(0, 2);
  return true;
}

void PgDatabase::prepare()
{
  // The session's settings, in one round trip:
  // - instants are read and written in UTC;
  // - cfp's tables are those of the schema public, whatever the connection string or the login
  //   role's own schema or temporary tables would otherwise put first;
  // - a transaction left open by a client that went silent (a network gone quiet in the middle
  //   of a write) holds the write lock: the server ends it, so that the others go on;
  // - a lock another session holds is waited for as long as a file's would be (PostgreSQL takes
  //   0 as "for ever": no wait is the shortest it has, a millisecond), then the write is run
  //   again (55P03 is a lost race) until --wait has passed.
  const auto encoding = m_connection.run(
      "SELECT current_setting('server_encoding'), set_config('TimeZone', 'UTC', false),"
      " set_config('search_path', 'public, pg_temp', false),"
      " set_config('idle_in_transaction_session_timeout', '60s', false), set_config('lock_timeout', $1, false)",
      Params().text(std::to_string(std::max<std::int64_t>(options().busy_timeout.count(), 1))));
  if (encoding.text(0, 0) != "UTF8") {
    throw Error(ErrorKind::storage, fmt::format("the database {} stores text as {}; cfp needs a UTF8 database "
                                                "(createdb --encoding=UTF8 --template=template0)",
                                                m_location.shown, util::escape_controls(encoding.text(0, 0))));
  }
  m_connection.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  bool exists = read_identity();
  m_connection.run("COMMIT");
  const int latest = latest_schema_version();
  const auto check_version = [&] {
    const int version = m_report.to_version;
    if (version > latest) {
      throw Error(ErrorKind::storage, fmt::format("the database {} has schema version {}, newer than this cfp knows "
                                                  "({}); install a newer cfp to use it",
                                                  m_location.shown, version, latest));
    }
  };
  check_version();
  if (options().access == Access::read_only) {
    if (!exists) {
      throw Error(ErrorKind::storage,
                  fmt::format("the database {} holds no cfp data yet; create it with 'cfp db init'", m_location.shown));
    }
    if (m_report.to_version < latest && options().older_schema == OlderSchema::refuse) {
      throw Error(ErrorKind::storage, fmt::format("the database {} has schema version {}, older than this cfp ({}); "
                                                  "upgrade it with 'cfp db init'",
                                                  m_location.shown, m_report.to_version, latest));
    }
    return;
  }
  if (!exists || m_report.to_version < latest) {
    // Of many cfp processes opening a new database at once, one migrates it under the lock and
    // the others find it done.
    m_connection.run("BEGIN ISOLATION LEVEL READ COMMITTED");
    m_connection.run(k_migration_lock);
    exists = read_identity();
    check_version();
    m_report.created = !exists;
    if (!exists) {
      m_connection.run("CREATE TABLE cfp_meta (application text NOT NULL, schema_version integer NOT NULL, sandbox "
                       "boolean NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), one boolean PRIMARY KEY "
                       "DEFAULT true CHECK (one))");
      m_connection.run("INSERT INTO cfp_meta (application, schema_version, sandbox) VALUES ($1, 0, $2)",
                       Params().text(k_application).text(options().sandbox ? "true" : "false"));
      m_sandbox = options().sandbox;
    }
    migrate();
    m_connection.run("COMMIT");
  }
  if (options().sandbox && !m_sandbox) {
    throw Error(ErrorKind::refused, fmt::format("the database {} exists and is not a test sandbox; a sandbox is made "
                                                "only in a new, empty database",
                                                m_location.shown));
  }
}

void PgDatabase::migrate()
{
  for (const Migration& migration : embedded_migrations()) {
    if (migration.version <= m_report.to_version) {
      continue;
    }
    try {
      m_connection.run_embedded(migration.sql);
    } catch (const PgError& error) {
      if (error.sqlstate() == "42501") {
        throw Error(ErrorKind::refused,
                    fmt::format("cannot migrate {} to schema version {}: the database role may not change the schema "
                                "({}); run 'cfp db init' as the database's owner",
                                m_location.shown, migration.version, util::escape_controls(error.what())));
      }
      // A table, function or type of cfp's name that is not cfp's (a database file would be
      // refused as another program's before this).
      const auto& state = error.sqlstate();
      if (state == "42P07" || state == "42710" || state == "42723" || state == "42P06") {
        throw Error(ErrorKind::storage,
                    fmt::format("{} is not a cfp database (it holds another program's {}); use another database",
                                m_location.shown, util::escape_controls(error.what())));
      }
      if (error.sqlstate().compare(0, 2, "42") == 0) {
        throw Error(ErrorKind::internal,
                    fmt::format("migration {} failed on {}: {}; please report this", migration.name, m_location.shown,
                                util::escape_controls(error.what())));
      }
      throw;
    }
    m_connection.run("UPDATE cfp_meta SET schema_version = $1", Params().int64(migration.version));
    m_report.to_version = migration.version;
  }
}

int PgDatabase::schema_version()
{
  try {
    return static_cast<int>(m_connection.run("SELECT schema_version FROM cfp_meta").int64(0, 0));
  } catch (const PgError& error) {
    throw translate(error, "read the schema version", m_location.shown);
  }
}

std::optional<std::chrono::sys_seconds> PgDatabase::server_now()
{
  try {
    return std::chrono::sys_seconds(
        std::chrono::seconds(m_connection.run("SELECT floor(extract(epoch FROM now()))::bigint").int64(0, 0)));
  } catch (const PgError& error) {
    throw translate(error, "read the server's clock", m_location.shown);
  }
}

std::vector<StorageCheck> PgDatabase::check_storage()
{
  // The server enforces every constraint; what can still be wrong is one that was added
  // without checking the rows (NOT VALID) or a trigger switched off.
  std::vector<StorageCheck> checks;
  const auto run = [&](const char* name, FixedSql k_check) {
    StorageCheck check{name, {}, 0};
    try {
      const auto rows = m_connection.run(k_check);
      check.problem_count = rows.rows();
      for (int row = 0; row < rows.rows() && row < 10; ++row) {
        check.problems.push_back(util::escape_controls(rows.text(row, 0)));
      }
    } catch (const PgError& error) {
      check.problems.push_back(util::escape_controls(error.what()));
      check.problem_count = 1;
    }
    checks.push_back(std::move(check));
  };
  run("constraints",
      "SELECT format('constraint %s of %s was never checked (NOT VALID)', c.conname, c.conrelid::regclass)"
      " FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
      " WHERE n.nspname = current_schema() AND NOT c.convalidated ORDER BY 1");
  run("triggers",
      "SELECT format('trigger %s of %s is disabled', t.tgname, t.tgrelid::regclass)"
      " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
      " WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgenabled IN ('D', 'R') ORDER BY 1");
  return checks;
}

BackupReport PgDatabase::backup_into(const std::filesystem::path&, const std::string&)
{
  throw Error(ErrorKind::usage, fmt::format("cfp db backup copies database files; back up the server database {} "
                                            "with pg_dump ('cfp help database')",
                                            m_location.shown));
}

Database::Attempt PgDatabase::attempt(Mode mode, std::string_view what, const std::function<void(Transaction&)>& work,
                                      std::string& busy_message)
{
  if (mode == Mode::write && options().access != Access::read_write) {
    throw Error(ErrorKind::internal, fmt::format("cannot {}: the database was opened read-only", what));
  }
  try {
    if (mode == Mode::write) {
      // Writers queue for the lock before the snapshot is taken (a LOCK is not a query), so
      // that each sees what the one before it committed; SERIALIZABLE still guards the rest.
      m_connection.run("BEGIN ISOLATION LEVEL SERIALIZABLE");
      m_connection.run("LOCK TABLE write_lock IN EXCLUSIVE MODE");
    } else {
      m_connection.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    bool commit = false;
    {
      PgTransaction tx(m_connection, mode == Mode::write);
      work(tx);
      commit = mode == Mode::write && !tx.discarding() && !options().discard_writes;
    }
    if (commit) {
      m_connection.run("COMMIT");
    } else {
      m_connection.run("ROLLBACK");
    }
    return Attempt::done;
  } catch (const SessionTablesMissing&) {
    // A read that needs the session's temporary tables (the check before an import, a sorted
    // list) in a session without them: made outside any transaction, and the work runs again
    // from the start (once).
    roll_back(m_connection);
    if (m_session_tables_made) {
      throw Error(ErrorKind::internal, fmt::format("cannot {}: the session's temporary tables vanished", what));
    }
    try {
      create_session_tables(m_connection);
    } catch (const PgError& error) {
      throw translate(error, what, m_location.shown);
    }
    m_session_tables_made = true;
    return attempt(mode, what, work, busy_message);
  } catch (const Error&) {
    roll_back(m_connection);
    throw;
  } catch (const PgError& error) {
    roll_back(m_connection);
    if (is_retryable(error) && m_connection.usable()) {
      busy_message = translate(error, what, m_location.shown).message();
      return Attempt::retry;
    }
    throw translate(error, what, m_location.shown);
  } catch (const std::exception& error) {
    roll_back(m_connection);
    throw Error(ErrorKind::internal, fmt::format("cannot {}: {}", what, error.what()));
  } catch (...) {
    // Whatever else the work throws to stop it (an import that stops writing at its first
    // invalid record) ends the transaction too, so that the next one begins afresh.
    roll_back(m_connection);
    throw;
  }
}

} // namespace cfp::store::postgresql
