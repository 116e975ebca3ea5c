// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "statement_cache.hpp"

#include <cfp/store/sorter.hpp>

namespace cfp::store::sqlite {

/// The rows of a Sorter in the TEMP table `sorted_row`, which this object empties when it is
/// made and when it goes. (The table stays, empty, until the connection closes: SQLite drops no
/// table while another statement of the connection is reading, as the list being sorted may
/// be.) The TEMP table is kept where the connection keeps temporary data, a temporary file
/// unless temp_store says memory, with a page cache of its own, so that memory stays flat
/// however many rows; ORDER BY sorts them in bounded memory too, spilling to temporary files.
class SqliteSorter final : public Sorter
{
public:
  /// `in_use` is the transaction's: true while a sorter of it lives, which makes a second one
  /// an internal error.
  SqliteSorter(SQLite::Database& db, bool& in_use);
  ~SqliteSorter() override;

  void add(std::string_view key, std::string_view row) override;
  void for_each(const std::function<void(std::string_view row)>& visit) const override;

private:
  SQLite::Database& m_db;
  bool& m_in_use;
  mutable StatementCache m_statements; ///< its own, finalized when it goes
};

} // namespace cfp::store::sqlite
