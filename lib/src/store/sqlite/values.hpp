// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Binding domain values to SQLite parameters and reading them back from columns, as the
// schema keeps them: instants as UTC text, money as integer cents, lists as rows.

#include <cfp/domain/stamp.hpp>
#include <cfp/domain/time.hpp>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cfp::store::sqlite {

/// Binds `value`, or NULL when it is empty.
template<typename T>
void bind_optional(SQLite::Statement& statement, int index, const std::optional<T>& value)
{
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

/// Binds a set of values as a JSON array, which the SQL reads as a list
/// ("x IN (SELECT value FROM json_each(?1))"), or NULL when the set is empty: the SQL takes
/// NULL as "any value" ("?1 IS NULL OR ..."). Values stay values: SQL never holds them.
void bind_set(SQLite::Statement& statement, int index, const std::set<std::int64_t>& values);
void bind_set(SQLite::Statement& statement, int index, const std::set<std::string>& values);

/// Binds an instant as UTC text ("2025-02-01T16:00:00Z"), or NULL.
void bind_instant(SQLite::Statement& statement, int index, const std::optional<domain::Instant>& value);

/// Reads an instant the store wrote; anything else is a storage error.
domain::Instant column_instant(const SQLite::Column& column);
std::optional<domain::Instant> column_optional_instant(const SQLite::Column& column);
std::optional<std::string> column_optional_string(const SQLite::Column& column);
std::optional<std::int64_t> column_optional_int64(const SQLite::Column& column);

/// A change's stamp as the store writes it (`at` and `real_at` as UTC text), formatted once for
/// the many rows of one unit of work that share it.
class StampText
{
public:
  /// The texts of stamp.at and stamp.real_at.
  const std::pair<std::string, std::string>& of(const domain::Stamp& stamp);

private:
  std::optional<std::pair<domain::Instant, domain::Instant>> m_stamp;
  std::pair<std::string, std::string> m_text;
};

/// The parts of a group_concat() list ("PT,RO" -> {"PT", "RO"}); empty text gives none.
std::vector<std::string> split_list(std::string_view text, char separator);

/// The current row of a statement that has just stepped, read without copies: a listing reads
/// millions of columns, and SQLite::Column::getString copies the text of each into a std::string
/// that is copied again into the record. The views last until the statement steps again.
class Row
{
public:
  explicit Row(const SQLite::Statement& statement) : m_statement(statement) {}

  bool is_null(int index) const { return m_statement.isColumnNull(index); }
  std::int64_t int64(int index) const { return m_statement.getColumn(index).getInt64(); }
  std::string_view text(int index) const
  {
    const auto column = m_statement.getColumn(index);
    const char* data = column.getText(); // before the size: it may convert the value
    return std::string_view(data, static_cast<std::size_t>(column.getBytes()));
  }
  std::optional<std::int64_t> optional_int64(int index) const
  {
    return is_null(index) ? std::nullopt : std::optional<std::int64_t>(int64(index));
  }
  std::optional<std::string> optional_text(int index) const
  {
    return is_null(index) ? std::nullopt : std::optional<std::string>(text(index));
  }
  /// An instant the store wrote; anything else is a storage error.
  domain::Instant instant(int index) const;
  std::optional<domain::Instant> optional_instant(int index) const
  {
    return is_null(index) ? std::nullopt : std::optional<domain::Instant>(instant(index));
  }

private:
  const SQLite::Statement& m_statement;
};

} // namespace cfp::store::sqlite
