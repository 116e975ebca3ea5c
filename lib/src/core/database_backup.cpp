// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/database_backup.hpp>
#include <cfp/error.hpp>
#include <cfp/util/private_folder.hpp>

#include <fmt/format.h>

namespace cfp::core {

Error backup_destination_exists(const std::filesystem::path& destination)
{
  return Error(ErrorKind::input_file,
               fmt::format("cannot back up to {}: it exists; name another file, or give --force to replace it",
                           destination.string()));
}

BackupSummary backup_database(Session& session, const std::filesystem::path& destination, Overwrite overwrite,
                              const std::vector<util::ProtectedFile>& protected_files)
{
  if (session.database.schema_version() == 0) {
    throw Error(ErrorKind::storage, fmt::format("the database {} is empty: there is nothing to back up; create it "
                                                "with 'cfp db init'",
                                                session.database.location()));
  }
  const util::PrivateFolder folder(destination);
  const auto copy = folder.create_file("copy.db");
  BackupSummary summary{session.database.location(), destination,
                        session.database.backup_into(copy, destination.string())};
  // Again, now that the database's -wal and -shm exist: one reached by another path is seen.
  if (const auto conflict = util::output_conflict(destination, protected_files)) {
    throw Error(ErrorKind::input_file, "DEST " + *conflict);
  }
  if (!util::move_into_place(copy, destination,
                             overwrite == Overwrite::yes ? util::Existing::replace : util::Existing::refuse)) {
    throw backup_destination_exists(destination);
  }
  return summary;
}

} // namespace cfp::core
