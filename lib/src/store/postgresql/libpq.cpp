// SPDX-License-Identifier: EUPL-1.2
#include "libpq.hpp"

#include <cfp/error.hpp>

#include <fmt/format.h>

#include <dlfcn.h>

namespace cfp::store::postgresql {

namespace {

constexpr char k_library[] = "libpq.so.5";

Error missing(const std::string& what)
{
  return Error(ErrorKind::storage, fmt::format("cannot use a PostgreSQL database: {}; install PostgreSQL's client "
                                               "library (apt-get install libpq5)",
                                               what));
}

template<typename Function>
void load(void* library, const char* name, Function& function)
{
  void* symbol = ::dlsym(library, name);
  if (symbol == nullptr) {
    throw missing(fmt::format("{} has no function {}", k_library, name));
  }
  // POSIX: a function's address may be read from the void* dlsym returns.
  function = reinterpret_cast<Function>(symbol);
}

Libpq load_libpq()
{
  // Kept open for the process, never closed: its functions are used until cfp exits.
  void* library = ::dlopen(k_library, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char* reason = ::dlerror();
    throw missing(reason != nullptr ? std::string(reason) : std::string(k_library) + " cannot be loaded");
  }
  Libpq api{};
  load(library, "PQconnectdbParams", api.connectdb_params);
  load(library, "PQstatus", api.status);
  load(library, "PQerrorMessage", api.error_message);
  load(library, "PQfinish", api.finish);
  load(library, "PQsetNoticeProcessor", api.set_notice_processor);
  load(library, "PQexec", api.exec);
  load(library, "PQexecParams", api.exec_params);
  load(library, "PQprepare", api.prepare);
  load(library, "PQexecPrepared", api.exec_prepared);
  load(library, "PQresultStatus", api.result_status);
  load(library, "PQresultErrorField", api.result_error_field);
  load(library, "PQclear", api.clear);
  load(library, "PQntuples", api.ntuples);
  load(library, "PQcmdTuples", api.cmd_tuples);
  load(library, "PQgetisnull", api.getisnull);
  load(library, "PQgetvalue", api.getvalue);
  load(library, "PQgetlength", api.getlength);
  load(library, "PQconninfoParse", api.conninfo_parse);
  load(library, "PQconninfoFree", api.conninfo_free);
  load(library, "PQfreemem", api.freemem);
  return api;
}

} // namespace

const Libpq& libpq()
{
  // A failed load throws and is tried again at the next use (each command uses it once).
  static const Libpq api = load_libpq();
  return api;
}

} // namespace cfp::store::postgresql
