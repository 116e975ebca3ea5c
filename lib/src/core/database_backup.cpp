// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/database_backup.hpp>
#include <cfp/util/output_file.hpp>

namespace cfp::core {

BackupSummary backup_database(Session& session, const std::filesystem::path& destination, Overwrite overwrite)
{
  util::OutputFile file(destination);
  BackupSummary summary{session.database.location(), destination,
                        session.database.backup_into(file.temporary(), destination.string())};
  file.commit(overwrite == Overwrite::yes ? util::Existing::replace : util::Existing::refuse);
  return summary;
}

} // namespace cfp::core
