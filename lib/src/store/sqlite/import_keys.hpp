// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "statement_cache.hpp"

#include <cfp/store/import_keys.hpp>

namespace cfp::store::sqlite {

/// The keys of one batch import in the TEMP table `import_key`, which lives as long as this
/// object: made empty when it is created, dropped when it is destroyed.
class SqliteImportKeys final : public ImportKeys
{
public:
  explicit SqliteImportKeys(SQLite::Database& db);
  ~SqliteImportKeys() override;

  std::optional<std::size_t> seen(const std::string& key, std::size_t line) override;

private:
  SQLite::Database& m_db;
  StatementCache m_statements; ///< its own, so that they are finalized before the table is dropped
};

} // namespace cfp::store::sqlite
