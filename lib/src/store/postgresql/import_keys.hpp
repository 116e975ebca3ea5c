// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "connection.hpp"

#include <cfp/store/import_keys.hpp>

namespace cfp::store::postgresql {

/// Thrown when a read-only transaction (the check before an import) needs the session's
/// temporary table of keys and the session has none yet: a read-only transaction may fill a
/// temporary table but not create one. PgDatabase creates it outside any transaction
/// (create_import_keys) and runs the check again.
struct ImportKeysMissing
{
};

/// Creates the session's temporary table of keys, outside any transaction.
void create_import_keys(Connection& connection);

/// The keys of one import in a temporary table of the session, emptied when each transaction
/// commits (and of what a rolled back one added), so that a file of any length is checked in
/// constant memory.
class PgImportKeys final : public ImportKeys
{
public:
  /// In a transaction that may write, makes the table if the session has none; in a read-only
  /// one, throws ImportKeysMissing when the session has none.
  PgImportKeys(Connection& connection, bool writable);
  std::optional<std::size_t> seen(const std::string& key, std::size_t line) override;

private:
  Connection& m_connection;
};

} // namespace cfp::store::postgresql
