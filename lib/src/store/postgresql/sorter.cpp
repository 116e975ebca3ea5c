// SPDX-License-Identifier: EUPL-1.2
#include "sorter.hpp"

#include "cursor.hpp"
#include "import_keys.hpp"

#include <cfp/error.hpp>

namespace cfp::store::postgresql {

namespace {

// A batch is sent when it holds this many rows or this many bytes of text.
constexpr std::int64_t k_batch_rows = 1000;
constexpr std::size_t k_batch_bytes = 4 << 20;

void append_hex(std::string& out, std::string_view bytes)
{
  static constexpr char k_digits[] = "0123456789abcdef";
  out += out.size() > 1 ? ",\"" : "\"";
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += k_digits[byte >> 4];
    out += k_digits[byte & 0xf];
  }
  out += '"';
}

int hex_value(char digit)
{
  if (digit >= '0' && digit <= '9') {
    return digit - '0';
  }
  if (digit >= 'a' && digit <= 'f') {
    return digit - 'a' + 10;
  }
  throw Error(ErrorKind::storage, "the server returned a sorted row that is not hexadecimal");
}

} // namespace

PgSorter::PgSorter(Connection& connection, bool writable, bool& in_use)
    : m_connection(connection), m_in_use(in_use), m_keys("["), m_rows("[")
{
  if (m_in_use) {
    throw Error(ErrorKind::internal, "a second sorter was asked for while the first was in use");
  }
  need_session_tables(m_connection, writable);
  m_connection.run("DELETE FROM pg_temp.sorted_row");
  m_in_use = true;
}

PgSorter::~PgSorter()
{
  m_in_use = false;
  if (!m_connection.usable()) {
    return;
  }
  try {
    m_connection.run("DELETE FROM pg_temp.sorted_row");
  } catch (const PgError&) {
    // Emptied by the next sorter, and at the commit.
  }
}

void PgSorter::add(std::string_view key, std::string_view row)
{
  append_hex(m_keys, key);
  append_hex(m_rows, row);
  if (++m_pending >= k_batch_rows || m_keys.size() + m_rows.size() >= k_batch_bytes) {
    flush();
  }
}

void PgSorter::flush() const
{
  if (m_pending == 0) {
    return;
  }
  m_connection.run("INSERT INTO pg_temp.sorted_row (n, key, row)"
                   " SELECT $1::bigint + k.ordinality, decode(k.value, 'hex'), decode(r.value, 'hex')"
                   " FROM json_array_elements_text($2::json) WITH ORDINALITY k"
                   " JOIN json_array_elements_text($3::json) WITH ORDINALITY r ON r.ordinality = k.ordinality",
                   Params().int64(m_sent).text(m_keys + "]").text(m_rows + "]"));
  m_sent += m_pending;
  m_pending = 0;
  // Emptied to the opening bracket (not assigned "[": GCC 12 warns, wrongly, of an overlapping
  // copy there at -O2).
  m_keys.resize(1);
  m_rows.resize(1);
}

void PgSorter::for_each(const std::function<void(std::string_view row)>& visit) const
{
  flush();
  static constexpr CursorSql k_sorted =
      CFP_PG_CURSOR("cfp_sorted", "SELECT encode(row, 'hex') FROM pg_temp.sorted_row ORDER BY key, n");
  std::string row;
  for_each_row(m_connection, k_sorted, Params(), [&](const Result& rows, int at) {
    const auto hex = rows.text(at, 0);
    row.clear();
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
      row += static_cast<char>(hex_value(hex[i]) * 16 + hex_value(hex[i + 1]));
    }
    visit(row);
  });
}

} // namespace cfp::store::postgresql
