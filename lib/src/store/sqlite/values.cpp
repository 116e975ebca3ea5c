// SPDX-License-Identifier: EUPL-1.2
#include "values.hpp"

#include <cfp/error.hpp>

#include <nlohmann/json.hpp>

namespace cfp::store::sqlite {

namespace {

template<typename T>
void bind_json_array(SQLite::Statement& statement, int index, const std::set<T>& values)
{
  if (values.empty()) {
    statement.bind(index);
    return;
  }
  const nlohmann::json array(values);
  // Text that is not UTF-8 becomes U+FFFD: such a value matches nothing stored, as it should.
  statement.bind(index, array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace

void bind_set(SQLite::Statement& statement, int index, const std::set<std::int64_t>& values)
{
  bind_json_array(statement, index, values);
}

void bind_set(SQLite::Statement& statement, int index, const std::set<std::string>& values)
{
  bind_json_array(statement, index, values);
}

void bind_instant(SQLite::Statement& statement, int index, const std::optional<domain::Instant>& value)
{
  if (value) {
    statement.bind(index, domain::format_utc(*value));
  } else {
    statement.bind(index);
  }
}

namespace {

domain::Instant stored_instant(std::string_view text)
{
  return util::value_or_throw(domain::parse_utc(text), ErrorKind::storage, "a stored instant");
}

} // namespace

domain::Instant column_instant(const SQLite::Column& column)
{
  return stored_instant(column.getString());
}

std::optional<domain::Instant> column_optional_instant(const SQLite::Column& column)
{
  if (column.isNull()) {
    return std::nullopt;
  }
  return column_instant(column);
}

std::optional<std::string> column_optional_string(const SQLite::Column& column)
{
  if (column.isNull()) {
    return std::nullopt;
  }
  return column.getString();
}

std::optional<std::int64_t> column_optional_int64(const SQLite::Column& column)
{
  if (column.isNull()) {
    return std::nullopt;
  }
  return column.getInt64();
}

std::vector<std::string> split_list(std::string_view text, char separator)
{
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find(separator, start), text.size());
    parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

domain::Instant Row::instant(int index) const
{
  return stored_instant(text(index));
}

const std::pair<std::string, std::string>& StampText::of(const domain::Stamp& stamp)
{
  if (!m_stamp || m_stamp->first != stamp.at || m_stamp->second != stamp.real_at) {
    m_stamp = {stamp.at, stamp.real_at};
    m_text = {domain::format_utc(stamp.at), domain::format_utc(stamp.real_at)};
  }
  return m_text;
}

} // namespace cfp::store::sqlite
