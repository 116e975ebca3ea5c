// SPDX-License-Identifier: EUPL-1.2
#include "errors.hpp"

#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::store::postgresql {

namespace {

bool starts_with(const std::string& text, std::string_view prefix)
{
  return text.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

bool is_retryable(const PgError& error)
{
  const auto& state = error.sqlstate();
  return state == "40001" || state == "40P01" || state == "55P03";
}

Error translate(const PgError& error, std::string_view what, const std::string& location)
{
  const auto& state = error.sqlstate();
  const std::string reason = util::escape_controls(error.what());
  if (is_retryable(error)) {
    return Error(ErrorKind::busy, fmt::format("cannot {}: the database {} stayed busy with other writers ({}); try "
                                              "again, or wait longer with --wait SECONDS",
                                              what, location, reason));
  }
  if (state == "42501" && reason.find("temporary tables") != std::string::npos) {
    // Writes, imports and sorted lists keep their working rows in temporary tables of the
    // session. (The server's message is English unless its lc_messages says otherwise; then the
    // general message below is given.)
    return Error(ErrorKind::refused,
                 fmt::format("cannot {}: the login role may not create temporary tables on {}, which cfp's "
                             "writes, imports and sorted lists need; ask the database's administrator to run "
                             "GRANT TEMPORARY ON DATABASE for it ('cfp help database')",
                             what, location));
  }
  if (state == "42501") {
    return Error(ErrorKind::refused,
                 fmt::format("cannot {}: the database role may not do this on {} ({}); ask the database's "
                             "administrator for the cfp role it needs ('cfp help database')",
                             what, location, reason));
  }
  if (starts_with(state, "23") || starts_with(state, "CF")) {
    return Error(ErrorKind::refused, fmt::format("cannot {}: {}", what, reason));
  }
  if (state == "53100") {
    return Error(ErrorKind::storage,
                 fmt::format("cannot {}: the server holding {} is out of disk space", what, location));
  }
  if (state == "57014") {
    return Error(ErrorKind::storage,
                 fmt::format("cannot {}: the server cancelled the statement on {} ({})", what, location, reason));
  }
  if (state.empty() || starts_with(state, "08") || starts_with(state, "57")) {
    return Error(ErrorKind::storage, fmt::format("cannot {}: the connection to {} failed: {}", what, location, reason));
  }
  return Error(ErrorKind::storage, fmt::format("cannot {}: database {}: {}", what, location, reason));
}

} // namespace cfp::store::postgresql
