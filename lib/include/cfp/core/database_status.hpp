// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/store/database.hpp>

#include <cstdint>
#include <string>

namespace cfp::core {

/// What `cfp db status` reports.
struct DatabaseStatus
{
  std::string location; ///< the path of the file
  int schema_version = 0;
  int latest_schema_version = 0;
  std::string journal_mode; ///< how commits are made durable ("wal")
  std::int64_t calls = 0;
  std::int64_t cutoffs = 0;
  std::int64_t proposals = 0;
  std::int64_t audit_entries = 0;
  std::int64_t simulated_entries = 0; ///< audit entries recorded while CFP_NOW was set
};

DatabaseStatus database_status(store::Database& database);

} // namespace cfp::core
