// SPDX-License-Identifier: EUPL-1.2
#include "sqlite/sqlite_database.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>
#include <cfp/store/database.hpp>

#include <algorithm>
#include <optional>
#include <random>
#include <thread>

namespace cfp::store {

namespace {

// Whether `location` names a server database rather than a file: a scheme is case-insensitive,
// and white space before it is a slip of the hand, not part of a file name.
bool is_server_location(std::string_view location)
{
  const auto start = location.find_first_not_of(" \t\r\n");
  location.remove_prefix(start == std::string_view::npos ? location.size() : start);
  for (const std::string_view scheme : {"postgresql://", "postgres://", "pg:"}) {
    if (location.size() >= scheme.size() && util::iequals(location.substr(0, scheme.size()), scheme)) {
      return true;
    }
  }
  return false;
}

} // namespace

std::unique_ptr<Database> Database::open(const std::string& location, const OpenOptions& options)
{
  if (location.empty()) {
    throw Error(ErrorKind::usage, "the database location is empty; give --db PATH or set CFP_DB");
  }
  // The location is not repeated: a connection string may hold a password.
  if (is_server_location(location)) {
    throw Error(ErrorKind::usage, "this cfp keeps its data in a database file only; PostgreSQL databases "
                                  "(postgresql://, postgres://, pg:) are not supported yet: give the path of a file "
                                  "(a file whose name starts like that is given as ./NAME)");
  }
  return sqlite::SqliteDatabase::open(location, options);
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
