#pragma once

#include <cfp/store/database.hpp>
#include <cfp/store/repositories.hpp>

#include <string>

namespace cfp::core {

/// What `cfp db status` reports.
struct DatabaseStatus
{
  std::string path;
  int schema_version = 0;
  int latest_schema_version = 0;
  std::string journal_mode;
  store::DatabaseCounts counts;
};

DatabaseStatus database_status(store::Database& database);

} // namespace cfp::core
