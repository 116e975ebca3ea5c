// SPDX-License-Identifier: EUPL-1.2
#include "postgres.hpp"

#include "store/postgresql/libpq.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cstdlib>
#include <unistd.h>

namespace cfp::test {

namespace {

// Runs `sql` as written (test SQL: database names, roles, tampering) on a connection of its own;
// returns the first column of the first row, or throws the server's refusal with its SQLSTATE
// first.
// libpq as cfp loads it (dlopen), so that the test binary, whose every test starts it once,
// does not link twenty more shared objects.
std::string run_sql(const std::string& conninfo, const std::string& sql)
{
  const auto& pq = cfp::store::postgresql::libpq();
  const char* keywords[] = {"dbname", nullptr};
  const char* values[] = {conninfo.c_str(), nullptr};
  PGconn* connection = pq.connectdb_params(keywords, values, 1);
  std::string failure;
  std::string value;
  if (pq.status(connection) != CONNECTION_OK) {
    failure = std::string("08000 ") + pq.error_message(connection);
  } else {
    pq.set_notice_processor(connection, [](void*, const char*) {}, nullptr);
    PGresult* result = pq.exec(connection, sql.c_str());
    const auto status = pq.result_status(result);
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
      if (pq.ntuples(result) > 0 && pq.getisnull(result, 0, 0) == 0) {
        value = pq.getvalue(result, 0, 0);
      }
    } else {
      const char* state = pq.result_error_field(result, PG_DIAG_SQLSTATE);
      const char* message = pq.result_error_field(result, PG_DIAG_MESSAGE_PRIMARY);
      failure = std::string(state != nullptr ? state : "?????") + " " + (message != nullptr ? message : "");
    }
    pq.clear(result);
  }
  pq.finish(connection);
  if (!failure.empty()) {
    throw std::runtime_error(failure);
  }
  return value;
}

} // namespace

std::optional<std::string> test_server()
{
  const char* server = std::getenv("CFP_TEST_POSTGRES");
  if (server == nullptr || *server == '\0') {
    return std::nullopt;
  }
  return std::string(server);
}

bool server_required()
{
  const char* required = std::getenv("CFP_REQUIRE_POSTGRES");
  return required != nullptr && std::string(required) == "1";
}

ScratchPgDatabase::ScratchPgDatabase()
{
  static std::atomic<int> counter{0};
  m_name = fmt::format("cfp_test_{}_{}", ::getpid(), counter++);
  run_sql(*test_server(), fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", m_name));
  run_sql(*test_server(), fmt::format("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0", m_name));
  m_conninfo = fmt::format("{} dbname={}", *test_server(), m_name);
  m_location = "pg:" + m_conninfo;
}

ScratchPgDatabase::~ScratchPgDatabase()
{
  try {
    run_sql(*test_server(), fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", m_name));
  } catch (const std::runtime_error&) {
    // The run's cluster goes with the run.
  }
}

std::string ScratchPgDatabase::query(const std::string& sql) const
{
  try {
    return run_sql(m_conninfo, sql);
  } catch (const std::runtime_error& error) {
    ADD_FAILURE() << "the server refused " << sql << ": " << error.what();
    return {};
  }
}

std::string ScratchPgDatabase::refusal(const std::string& sql, const std::string& role) const
{
  try {
    run_sql(role.empty() ? m_conninfo : m_conninfo + " user=" + role, sql);
    return {};
  } catch (const std::runtime_error& error) {
    return error.what();
  }
}

} // namespace cfp::test
