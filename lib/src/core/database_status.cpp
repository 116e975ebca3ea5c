// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/database_status.hpp>

namespace cfp::core {

DatabaseStatus database_status(store::Database& database)
{
  const auto info = database.read("read the database status", [](const store::Transaction& tx) { return tx.info(); });
  DatabaseStatus status;
  status.location = database.location();
  status.schema_version = info.schema_version;
  status.latest_schema_version = database.latest_schema_version();
  status.journal_mode = info.journal_mode;
  status.calls = info.counts.calls;
  status.cutoffs = info.counts.cutoffs;
  status.proposals = info.counts.proposals;
  status.audit_entries = info.counts.audit_entries;
  status.simulated_entries = info.counts.simulated_audit_entries;
  return status;
}

} // namespace cfp::core
