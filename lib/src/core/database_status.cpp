#include <cfp/core/database_status.hpp>

namespace cfp::core {

DatabaseStatus database_status(store::Database& database)
{
  DatabaseStatus status;
  database.read("read the database status", [&] {
    status.path = database.path().string();
    status.schema_version = database.schema_version();
    status.latest_schema_version = store::Database::latest_schema_version();
    status.journal_mode = store::journal_mode(database);
    status.counts = store::count_rows(database);
  });
  return status;
}

} // namespace cfp::core
