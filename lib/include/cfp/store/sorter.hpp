// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <functional>
#include <string_view>

namespace cfp::store {

/// A list too long to hold in memory, put in order by the database: each row is added with a
/// key of bytes, and the rows are read back by key (bytes compared as unsigned numbers, a key
/// that begins another first; equal keys in the order they were added). The rows are the
/// caller's bytes (util::ByteWriter) and the keys its order (util::SortKey), so that the rules
/// of an order stay in core. They are kept in the database's temporary storage, which changes
/// nothing stored, so that a read may sort too; they go when this object does, which must be
/// before its transaction ends.
class Sorter
{
public:
  Sorter(const Sorter&) = delete;
  Sorter& operator=(const Sorter&) = delete;
  virtual ~Sorter() = default;

  /// Adds one row.
  virtual void add(std::string_view key, std::string_view row) = 0;
  /// Visits every row in the order of the keys, one at a time (what `visit` is given lives only
  /// for the call); may be called again, and gives the same rows in the same order.
  virtual void for_each(const std::function<void(std::string_view row)>& visit) const = 0;

protected:
  Sorter() = default;
};

} // namespace cfp::store
