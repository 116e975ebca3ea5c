// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "connection.hpp"

#include <cfp/store/import_keys.hpp>

namespace cfp::store::postgresql {

/// Thrown when a read-only transaction (the check before an import, a sorted listing) needs
/// the session's temporary tables and the session has none yet: a read-only transaction may
/// fill a temporary table but not create one. PgDatabase creates them outside any transaction
/// (create_session_tables) and runs the work again.
struct SessionTablesMissing
{
};

/// Creates the session's temporary tables (import_key, sorted_row), emptied at each commit.
void create_session_tables(Connection& connection);
/// Makes sure the session has its temporary tables: creates them in a transaction that may
/// write, throws SessionTablesMissing in a read-only one that finds none.
void need_session_tables(Connection& connection, bool writable);

/// The keys of one import in a temporary table of the session, emptied when each transaction
/// commits (and of what a rolled back one added), so that a file of any length is checked in
/// constant memory.
class PgImportKeys final : public ImportKeys
{
public:
  /// Throws SessionTablesMissing as need_session_tables does.
  PgImportKeys(Connection& connection, bool writable);
  std::optional<std::size_t> seen(const std::string& key, std::size_t line) override;

private:
  Connection& m_connection;
};

} // namespace cfp::store::postgresql
