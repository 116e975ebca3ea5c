// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/store/transaction.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace cfp::store {

/// Whether a command may change the database; read-only commands never create or migrate it.
enum class Access { read_only, read_write };

/// How long a command waits for another writer before giving up, unless told otherwise.
inline constexpr std::chrono::milliseconds k_default_busy_timeout{10000};

/// What a read-only open does with a database whose schema is older than this binary's: refuse
/// it (every command that reads it through the repositories), or open it all the same, for the
/// commands that only check or copy the database and never use the repositories on it.
enum class OlderSchema { refuse, open };

/// How a database is opened.
struct OpenOptions
{
  Access access = Access::read_write;
  /// How long a unit of work waits, from its first attempt, for a lock held by another writer.
  std::chrono::milliseconds busy_timeout = k_default_busy_timeout;
  /// How long a write whose transaction lost a race (busy, serialisation failure) keeps being
  /// run again, from its first attempt; zero runs it once.
  std::chrono::milliseconds retry_for{0};
  /// With Access::read_only: whether a schema older than this binary's is refused.
  OlderSchema older_schema = OlderSchema::refuse;
  /// With Access::read_write: every unit of work ends in a rollback instead of a commit (a dry
  /// run). Opening still creates or migrates the database as a write would.
  bool discard_writes = false;
  /// With Access::read_write, for a server database that does not exist yet: make it a test
  /// sandbox, whose clients may simulate "now" (CFP_NOW). A file accepts a simulated "now" always.
  bool sandbox = false;
};

/// What opening a database for writing did to its schema.
struct MigrationReport
{
  bool created = false; ///< the database did not exist before
  int from_version = 0;
  int to_version = 0;
};

/// One check that a backend runs on what it stores, and what it found.
struct StorageCheck
{
  std::string name;                  ///< "integrity", "foreign keys": what is checked
  std::vector<std::string> problems; ///< the first few problems found; empty when it passed
  std::int64_t problem_count = 0;    ///< every problem found, which may be more than `problems` holds
};

/// What copying a database (Database::backup_into) did.
struct BackupReport
{
  std::int64_t pages = 0;   ///< units copied (SQLite: pages of the file)
  std::int64_t bytes = 0;   ///< size of the copy
  int restarts = 0;         ///< times the copy started over because another process wrote meanwhile
};

/// One open cfp database, whatever the backend: checks that it is ours, migrates it, and runs
/// units of work in transactions. Every failure of the backend reaches the caller as a
/// cfp::Error whose message starts with "cannot <what>".
class Database
{
public:
  /// Opens the database `location` names: a file path for the embedded SQLite backend.
  /// With Access::read_write, creates and migrates it as needed; with Access::read_only,
  /// requires an existing database at the latest schema. Throws cfp::Error (usage, storage, busy).
  static std::unique_ptr<Database> open(const std::string& location, const OpenOptions& options = {});

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  virtual ~Database() = default;

  /// Where the database is, as messages show it (the path of a file).
  virtual const std::string& location() const = 0;
  /// The schema version this binary writes for this backend.
  virtual int latest_schema_version() const = 0;
  /// The schema version the database has now: older than latest_schema_version() only when it
  /// was opened read-only with OlderSchema::open. Throws cfp::Error.
  virtual int schema_version() = 0;
  const MigrationReport& migration_report() const { return m_report; }
  /// Which backend keeps the database: "sqlite" or "postgresql".
  virtual std::string_view backend() const = 0;
  /// "Now" by the database server's clock, for a backend whose clients must not choose it; nullopt
  /// for a file, whose "now" is the machine's. Throws cfp::Error.
  virtual std::optional<std::chrono::sys_seconds> server_now() { return std::nullopt; }
  /// Whether a simulated "now" (CFP_NOW) may be used on this database: always on a file; on a
  /// server database only when it was made as a test sandbox (OpenOptions::sandbox).
  virtual bool accepts_simulated_time() const { return true; }
  const OpenOptions& options() const { return m_options; }

  /// Runs `work(Transaction&)` in one write transaction and commits it (or rolls it back when
  /// `work` throws or calls Transaction::discard_changes). Returns what `work` returns. `work`
  /// may run more than once when the backend asks for a retry (OpenOptions::retry_for), so it
  /// must not change anything outside the transaction before it returns.
  template<typename Work>
  auto write(std::string_view what, Work&& work) -> std::invoke_result_t<Work&, Transaction&>
  {
    return run<std::invoke_result_t<Work&, Transaction&>, Transaction&>(Mode::write, Retry::allowed, what, work);
  }

  /// The same as write, but `work` runs at most once: for work that consumes input it cannot
  /// read again. A lost race ends in a busy error at once.
  template<typename Work>
  auto write_once(std::string_view what, Work&& work) -> std::invoke_result_t<Work&, Transaction&>
  {
    return run<std::invoke_result_t<Work&, Transaction&>, Transaction&>(Mode::write, Retry::never, what, work);
  }

  /// Runs `work(Transaction&)` in one read transaction: it sees one consistent snapshot and
  /// holds no write lock, so that others may write meanwhile. It may use the transaction's
  /// ImportKeys (temporary, thrown away) but must change nothing else: a check before a write.
  template<typename Work>
  auto check(std::string_view what, Work&& work) -> std::invoke_result_t<Work&, Transaction&>
  {
    return run<std::invoke_result_t<Work&, Transaction&>, Transaction&>(Mode::read, Retry::allowed, what, work);
  }

  /// Runs `work(const Transaction&)` in one read transaction, so that it sees one consistent
  /// snapshot. Returns what `work` returns.
  template<typename Work>
  auto read(std::string_view what, Work&& work) -> std::invoke_result_t<Work&, const Transaction&>
  {
    return run<std::invoke_result_t<Work&, const Transaction&>, const Transaction&>(Mode::read, Retry::allowed, what,
                                                                                    work);
  }

  /// Runs the backend's own checks of how its data is stored, in order (SQLite: the structure of
  /// the file with PRAGMA integrity_check, then every foreign key with PRAGMA foreign_key_check).
  /// Damage, including damage that keeps a check from running, is reported as problems; only a
  /// database locked past the busy timeout throws (cfp::Error, busy).
  virtual std::vector<StorageCheck> check_storage() = 0;

  /// Copies the whole database, as it was at one moment, into the empty file `file`, which the
  /// caller has created (and will sync and move into place); messages call it `shown_as`. Other
  /// processes may go on writing meanwhile. Throws cfp::Error: input_file when the copy cannot
  /// be written, storage when the database cannot be read, busy when it stays locked.
  virtual BackupReport backup_into(const std::filesystem::path& file, const std::string& shown_as) = 0;

protected:
  enum class Mode { read, write };

  /// How one attempt ended when it did not throw.
  enum class Attempt { done, retry };

  explicit Database(const OpenOptions& options)
      : m_options(options), m_wait_until(std::chrono::steady_clock::now() + options.busy_timeout)
  {
  }

  /// Until when the unit of work under way (or the opening) may wait for another writer's lock.
  std::chrono::steady_clock::time_point wait_until() const { return m_wait_until; }

  /// Runs `work` once in a transaction of `mode`. Returns Attempt::retry, with the message to
  /// give should the retries run out in `busy_message`, when the backend says the transaction
  /// lost a race and may succeed if run again; throws cfp::Error for every other failure.
  virtual Attempt attempt(Mode mode, std::string_view what, const std::function<void(Transaction&)>& work,
                          std::string& busy_message) = 0;

  MigrationReport m_report;

private:
  enum class Retry { allowed, never };

  template<typename Result, typename Tx, typename Work>
  Result run(Mode mode, Retry retry, std::string_view what, Work& work)
  {
    if constexpr (std::is_void_v<Result>) {
      run_erased(mode, retry, what, [&](Transaction& tx) { work(static_cast<Tx>(tx)); });
    } else {
      std::optional<Result> result;
      run_erased(mode, retry, what, [&](Transaction& tx) { result.emplace(work(static_cast<Tx>(tx))); });
      return std::move(*result);
    }
  }

  /// The retry loop around attempt().
  void run_erased(Mode mode, Retry retry, std::string_view what, const std::function<void(Transaction&)>& work);

  OpenOptions m_options;
  std::chrono::steady_clock::time_point m_wait_until;
};

} // namespace cfp::store
