// SPDX-License-Identifier: EUPL-1.2
#include "postgresql/location.hpp"
#include "postgresql/pg_database.hpp"
#include "sqlite/sqlite_database.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>
#include <cfp/store/database.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <random>
#include <thread>

namespace cfp::store {


std::unique_ptr<Database> Database::open(const std::string& location, const OpenOptions& options)
{
  if (location.empty()) {
    throw Error(ErrorKind::usage, "the database location is empty; give --db PATH or set CFP_DB");
  }
  // A file whose name starts like a connection string is given as ./NAME.
  if (postgresql::is_server_location(location)) {
    return postgresql::PgDatabase::open(postgresql::parse_location(location), options);
  }
  return sqlite::SqliteDatabase::open(location, options);
}

void Transaction::not_stored(const char* what)
{
  throw Error(ErrorKind::usage, fmt::format("this cfp does not keep {} on this database's backend yet; use a database "
                                            "file (--db PATH) for this command",
                                            what));
}

void Database::run_erased(Mode mode, Retry retry, std::string_view what, const std::function<void(Transaction&)>& work)
{
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  m_wait_until = start + m_options.busy_timeout;
  const auto deadline = start + (retry == Retry::allowed ? m_options.retry_for : std::chrono::milliseconds(0));
  std::optional<std::minstd_rand> jitter; // seeded at the first retry: most writes never need it
  auto ceiling = std::chrono::milliseconds(2);
  std::string busy_message;
  for (;;) {
    if (attempt(mode, what, work, busy_message) == Attempt::done) {
      return;
    }
    const auto now = clock::now();
    if (now >= deadline) {
      throw Error(ErrorKind::busy, busy_message);
    }
    // Jittered exponential back-off, so that writers that met do not meet again.
    if (!jitter) {
      jitter.emplace(std::random_device{}());
    }
    const auto pause = std::chrono::milliseconds(
        std::uniform_int_distribution<std::chrono::milliseconds::rep>(1, ceiling.count())(*jitter));
    std::this_thread::sleep_for(std::min<clock::duration>(pause, deadline - now));
    ceiling = std::min(ceiling * 2, std::chrono::milliseconds(100));
  }
}

} // namespace cfp::store
