// SPDX-License-Identifier: EUPL-1.2
#pragma once

namespace cfp::store {

/// One schema step from migrations/<backend>/NNNN_slug.sql, embedded in the binary at build time
/// (cmake/GenerateMigrations.cmake writes each backend's list).
struct Migration
{
  int version;      ///< NNNN; the schema version once this migration is applied
  const char* name; ///< file name, for messages
  const char* sql;
};

} // namespace cfp::store
