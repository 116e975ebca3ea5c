// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A thin owner of libpq's connection and results: statements with their values passed apart
// from the SQL (never spliced into it), results read as text, and failures as PgError with the
// server's SQLSTATE.

#include "fixed_sql.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

struct pg_conn;
struct pg_result;

namespace cfp::store::postgresql {

/// A failure libpq or the server reported. `sqlstate` is the server's five-character code
/// ("40001"), empty when libpq failed before the server answered (a lost connection).
class PgError : public std::runtime_error
{
public:
  PgError(std::string sqlstate, const std::string& message)
      : std::runtime_error(message), m_sqlstate(std::move(sqlstate))
  {
  }
  const std::string& sqlstate() const noexcept { return m_sqlstate; }

private:
  std::string m_sqlstate;
};

/// The values of one statement's parameters ($1, $2, ...), as text; nullopt is NULL.
class Params
{
public:
  Params& text(std::string_view value)
  {
    m_values.emplace_back(std::string(value));
    return *this;
  }
  Params& int64(std::int64_t value)
  {
    m_values.emplace_back(std::to_string(value));
    return *this;
  }
  Params& null()
  {
    m_values.emplace_back(std::nullopt);
    return *this;
  }
  template<typename T>
  Params& optional_int64(const std::optional<T>& value)
  {
    return value ? int64(static_cast<std::int64_t>(*value)) : null();
  }
  Params& optional_text(const std::optional<std::string>& value) { return value ? text(*value) : null(); }

  const std::vector<std::optional<std::string>>& values() const { return m_values; }

private:
  std::vector<std::optional<std::string>> m_values;
};

/// The rows a statement returned, read as text.
class Result
{
public:
  explicit Result(pg_result* result) : m_result(result) {}
  Result(Result&& other) noexcept : m_result(other.m_result) { other.m_result = nullptr; }
  Result& operator=(Result&&) = delete;
  Result(const Result&) = delete;
  ~Result();

  int rows() const;
  /// Rows an INSERT, UPDATE or DELETE changed.
  std::int64_t affected() const;
  bool is_null(int row, int column) const;
  std::string_view text(int row, int column) const;
  std::string string(int row, int column) const { return std::string(text(row, column)); }
  /// A column that holds an integer; anything else is a storage error.
  std::int64_t int64(int row, int column) const;
  std::optional<std::int64_t> optional_int64(int row, int column) const;
  std::optional<std::string> optional_string(int row, int column) const;
  /// A boolean column ('t' or 'f').
  bool boolean(int row, int column) const { return text(row, column) == "t"; }

private:
  pg_result* m_result;
};

/// One connection to a PostgreSQL server.
class Connection
{
public:
  /// Connects with the libpq connection string `conninfo` (a URI or key=value pairs). Throws
  /// PgError with libpq's message, which never holds the password.
  explicit Connection(const std::string& conninfo);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  /// Runs one statement, fixed when cfp was compiled; values reach it only as parameters. One
  /// with parameters is prepared the second time this session runs it (a cursor's DECLARE
  /// excepted), and its prepared form is run from then on.
  Result run(FixedSql sql);
  Result run(FixedSql sql, const Params& params);
  /// Runs a script of statements embedded in the binary when it was built: the migrations only.
  void run_embedded(const char* script);

  /// Whether the connection still works: false once the server closed it.
  bool usable() const;
  /// The database role the server knows this session as (session_user).
  std::string role();

private:
  Result check(pg_result* result);

  pg_conn* m_conn = nullptr;
  /// The name each statement run with parameters more than once was prepared under in this
  /// session, by the address of its fixed text: parsed and planned by the server once, not at
  /// every run. A statement run once is not prepared: that would cost a second round trip.
  std::unordered_map<const char*, std::string> m_prepared;
  std::unordered_set<const char*> m_run_once;
};

} // namespace cfp::store::postgresql
