// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "connection.hpp"

#include <cfp/store/sorter.hpp>

#include <cstdint>
#include <string>

namespace cfp::store::postgresql {

/// The rows of a sort in the session's temporary table sorted_row, read back ORDER BY key (bytea
/// compares as unsigned bytes, a key that begins another first) and the number of each row,
/// so that rows of equal keys keep the order they were added in. Rows go to the server a batch
/// at a time, as hexadecimal text in two JSON arrays. One at a time per transaction.
class PgSorter final : public Sorter
{
public:
  /// Throws SessionTablesMissing (import_keys.hpp) in a read-only transaction of a session that
  /// has no temporary tables yet.
  PgSorter(Connection& connection, bool writable, bool& in_use);
  ~PgSorter() override;
  void add(std::string_view key, std::string_view row) override;
  void for_each(const std::function<void(std::string_view row)>& visit) const override;

private:
  void flush() const;

  Connection& m_connection;
  bool& m_in_use;
  mutable std::string m_keys; ///< the JSON array of the keys not sent yet, without its ']'
  mutable std::string m_rows; ///< the same for the rows
  mutable std::int64_t m_pending = 0;
  mutable std::int64_t m_sent = 0;
};

} // namespace cfp::store::postgresql
