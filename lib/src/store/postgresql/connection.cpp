// SPDX-License-Identifier: EUPL-1.2
#include "connection.hpp"

#include "libpq.hpp"

#include <charconv>

namespace cfp::store::postgresql {

namespace {

// libpq writes the server's notices ("relation already exists, skipping") to stderr, which is
// cfp's own: they are dropped.
void drop_notice(void*, const char*) {}

std::string trimmed(const char* message)
{
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  return text.empty() ? std::string("the server gave no reason") : text;
}

} // namespace

Result::~Result()
{
  if (m_result != nullptr) {
    libpq().clear(m_result);
  }
}

int Result::rows() const
{
  return libpq().ntuples(m_result);
}

std::int64_t Result::affected() const
{
  const char* text = libpq().cmd_tuples(m_result);
  std::int64_t value = 0;
  std::from_chars(text, text + std::char_traits<char>::length(text), value);
  return value;
}

bool Result::is_null(int row, int column) const
{
  return libpq().getisnull(m_result, row, column) != 0;
}

std::string_view Result::text(int row, int column) const
{
  return {libpq().getvalue(m_result, row, column), static_cast<std::size_t>(libpq().getlength(m_result, row, column))};
}

std::int64_t Result::int64(int row, int column) const
{
  const auto value = text(row, column);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc{} || end != value.data() + value.size()) {
    throw PgError("XX000", "the server returned '" + std::string(value.substr(0, 40)) + "' where a number belongs");
  }
  return number;
}

std::optional<std::int64_t> Result::optional_int64(int row, int column) const
{
  return is_null(row, column) ? std::nullopt : std::optional<std::int64_t>(int64(row, column));
}

std::optional<std::string> Result::optional_string(int row, int column) const
{
  return is_null(row, column) ? std::nullopt : std::optional<std::string>(string(row, column));
}

Connection::Connection(const std::string& conninfo)
{
  const char* keywords[] = {"dbname", nullptr};
  const char* values[] = {conninfo.c_str(), nullptr};
  m_conn = libpq().connectdb_params(keywords, values, 1);
  if (m_conn == nullptr) {
    throw PgError("", "libpq could not allocate a connection");
  }
  if (libpq().status(m_conn) != CONNECTION_OK) {
    const std::string message = trimmed(libpq().error_message(m_conn));
    libpq().finish(m_conn);
    m_conn = nullptr;
    throw PgError("", message);
  }
  libpq().set_notice_processor(m_conn, &drop_notice, nullptr);
}

Connection::~Connection()
{
  if (m_conn != nullptr) {
    libpq().finish(m_conn);
  }
}

Result Connection::check(pg_result* result)
{
  if (result == nullptr) {
    throw PgError("", trimmed(libpq().error_message(m_conn)));
  }
  const auto status = libpq().result_status(result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
    return Result(result);
  }
  const char* state = libpq().result_error_field(result, PG_DIAG_SQLSTATE);
  std::string message = trimmed(libpq().result_error_field(result, PG_DIAG_MESSAGE_PRIMARY));
  if (state == nullptr) {
    message = trimmed(libpq().error_message(m_conn));
  }
  std::string sqlstate = state != nullptr ? state : "";
  libpq().clear(result);
  throw PgError(std::move(sqlstate), message);
}

Result Connection::run(FixedSql sql)
{
  return check(libpq().exec(m_conn, sql.c_str()));
}

void Connection::run_embedded(const char* script)
{
  check(libpq().exec(m_conn, script));
}

Result Connection::run(FixedSql sql, const Params& params)
{
  std::vector<const char*> values;
  values.reserve(params.values().size());
  for (const auto& value : params.values()) {
    values.push_back(value ? value->c_str() : nullptr);
  }
  const auto count = static_cast<int>(values.size());
  auto prepared = m_prepared.find(sql.c_str());
  if (prepared == m_prepared.end() &&
      (std::string_view(sql.c_str()).starts_with("DECLARE ") || m_run_once.insert(sql.c_str()).second)) {
    return check(libpq().exec_params(m_conn, sql.c_str(), count, nullptr, values.data(), nullptr, nullptr, 0));
  }
  if (prepared == m_prepared.end()) {
    // Prepared statements outlive transactions, also failed ones: one that could not be
    // prepared is not remembered, and is prepared again next time.
    auto name = "cfp_" + std::to_string(m_prepared.size() + 1);
    check(libpq().prepare(m_conn, name.c_str(), sql.c_str(), count, nullptr));
    prepared = m_prepared.emplace(sql.c_str(), std::move(name)).first;
  }
  return check(libpq().exec_prepared(m_conn, prepared->second.c_str(), count, values.data(), nullptr, nullptr, 0));
}

bool Connection::usable() const
{
  return m_conn != nullptr && libpq().status(m_conn) == CONNECTION_OK;
}

std::string Connection::role()
{
  return run("SELECT session_user").string(0, 0);
}

} // namespace cfp::store::postgresql
