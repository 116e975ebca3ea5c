// SPDX-License-Identifier: EUPL-1.2
// core::import_calls on any bytes, against a real SQLite database made once per process and
// holding one call with its cut-offs (so that updates of an existing call are reachable).
// Each input runs in a write whose changes are discarded (or that fails), so that every input
// meets the same database. A cfp::Error is an expected outcome, except one of kind internal.

#include "fuzz_support.hpp"

#include <cfp/core/clock.hpp>
#include <cfp/core/session.hpp>
#include <cfp/core/transfer.hpp>
#include <cfp/domain/time.hpp>
#include <cfp/error.hpp>
#include <cfp/store/database.hpp>
#include <cfp/store/transaction.hpp>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

namespace {

using cfp::fuzz::require;
using cfp::store::Transaction;

// Wraps a database so that every write's changes are discarded when it returns: what an input
// did is rolled back whether it succeeded or failed.
class DiscardingDatabase final : public cfp::store::Database
{
public:
  explicit DiscardingDatabase(cfp::store::Database& inner) : Database(inner.options()), m_inner(inner) {}

  const std::string& location() const override { return m_inner.location(); }
  std::string_view backend() const override { return m_inner.backend(); }
  int latest_schema_version() const override { return m_inner.latest_schema_version(); }
  int schema_version() override { return m_inner.schema_version(); }
  std::vector<cfp::store::StorageCheck> check_storage() override { return m_inner.check_storage(); }
  cfp::store::BackupReport backup_into(const std::filesystem::path& file, const std::string& shown_as) override
  {
    return m_inner.backup_into(file, shown_as);
  }

protected:
  Attempt attempt(Mode mode, std::string_view what, const std::function<void(Transaction&)>& work,
                  std::string&) override
  {
    if (mode == Mode::read) {
      // The base class hands a read closure its transaction as const; it only takes the
      // const reference off again to pass it through this erased signature.
      m_inner.read(what, [&](const Transaction& tx) { work(const_cast<Transaction&>(tx)); });
    } else {
      m_inner.write_once(what, [&](Transaction& tx) {
        work(tx);
        tx.discard_changes();
      });
    }
    return Attempt::done;
  }

private:
  cfp::store::Database& m_inner;
};

// A folder of its own under the temporary folder, removed when the process ends normally.
class TempDir
{
public:
  TempDir()
  {
    std::string pattern = (std::filesystem::temp_directory_path() / "cfp-fuzz-XXXXXX").string();
    require(::mkdtemp(pattern.data()) != nullptr, "a temporary folder can be made");
    m_path = pattern;
  }
  ~TempDir()
  {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
};

// One call with two cut-offs, committed once, as `cfp export calls` writes them.
constexpr auto k_seed_calls = R"({"calls": [{"code": "EUROHPC-2024-CEI-AI-01",
  "title": "AI Factories", "opens_at": "2024-09-10T00:00:00Z", "budget_eur": "1500000000.00",
  "cutoffs": [{"label": "2024-11-04", "closes_at": "2024-11-04T16:00:00Z",
               "legal_wall_time": "2024-11-04T17:00:00", "legal_zone": "Europe/Brussels"},
              {"label": "2025-02-01", "closes_at": "2025-02-01T16:00:00Z"}]}]})";

// A session of the fuzzer on `database`, in Brussels.
cfp::core::Session session_on(cfp::store::Database& database, const cfp::core::Clock& clock, const std::string& command)
{
  return {.database = database,
          .clock = clock,
          .actor = "fuzzer",
          .command = command,
          .display_zone = *date::locate_zone("Europe/Brussels")};
}

// The database, the clock and the session that every input uses.
struct World
{
  World()
      : database(cfp::store::Database::open((dir.path() / "cfp.db").string())), discarding(*database),
        clock(cfp::domain::parse_utc("2024-10-01T10:00:00Z").value()),
        session(session_on(discarding, clock, "cfp import calls fuzz.json")),
        seeding(session_on(*database, clock, "cfp import calls seed.json"))
  {
    std::istringstream seed(k_seed_calls);
    cfp::core::import_calls(seeding, seed, "seed.json");
    before = counts();
  }

  // The rows of each table, to show that an input left nothing behind.
  cfp::store::DatabaseCounts counts()
  {
    return database->read("count rows", [](const Transaction& tx) { return tx.info().counts; });
  }

  TempDir dir;
  std::unique_ptr<cfp::store::Database> database;
  DiscardingDatabase discarding;
  cfp::core::FixedClock clock;
  cfp::core::Session session;
  cfp::core::Session seeding;
  cfp::store::DatabaseCounts before;
};

World& world()
{
  static World instance;
  return instance;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
  world();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  auto& w = world();
  std::istringstream in{std::string(cfp::fuzz::as_text(data, size))};
  try {
    cfp::core::import_calls(w.session, in, "fuzz.json");
  } catch (const cfp::Error& error) {
    require(error.kind() != cfp::ErrorKind::internal, std::string("internal error: ") + error.what());
    // "cannot <what>" comes from the store: a constraint of the schema (its last line of
    // defence) or the driver refused what core's checks let through.
    const std::string_view message = error.what();
    require(!message.starts_with("cannot import calls"),
            std::string("the store refused what core let through: ") + error.what());
  } catch (const std::exception& error) {
    require(false, std::string("an exception that is not a cfp::Error: ") + error.what());
  }
  const auto after = w.counts();
  require(after.calls == w.before.calls && after.cutoffs == w.before.cutoffs && after.proposals == w.before.proposals &&
              after.audit_entries == w.before.audit_entries,
          "a discarded or failed import leaves the database as it was");
  return 0;
}
