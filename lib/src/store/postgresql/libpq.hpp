// SPDX-License-Identifier: EUPL-1.2
#pragma once

// libpq, loaded when a command first opens a server database, not when cfp starts: linked, it
// would bring twenty shared objects (TLS, Kerberos, LDAP ...) into every command's start-up,
// also those that only ever use a file. Its declarations come from libpq-fe.h as usual; the
// calls go through the functions of the libpq.so.5 loaded, which keeps its ABI across
// PostgreSQL's versions.

#include <libpq-fe.h>

namespace cfp::store::postgresql {

/// The libpq functions cfp calls.
struct Libpq
{
  decltype(&PQconnectdbParams) connectdb_params;
  decltype(&PQstatus) status;
  decltype(&PQerrorMessage) error_message;
  decltype(&PQfinish) finish;
  decltype(&PQsetNoticeProcessor) set_notice_processor;
  decltype(&PQexec) exec;
  decltype(&PQexecParams) exec_params;
  decltype(&PQprepare) prepare;
  decltype(&PQexecPrepared) exec_prepared;
  decltype(&PQresultStatus) result_status;
  decltype(&PQresultErrorField) result_error_field;
  decltype(&PQclear) clear;
  decltype(&PQntuples) ntuples;
  decltype(&PQcmdTuples) cmd_tuples;
  decltype(&PQgetisnull) getisnull;
  decltype(&PQgetvalue) getvalue;
  decltype(&PQgetlength) getlength;
  decltype(&PQconninfoParse) conninfo_parse;
  decltype(&PQconninfoFree) conninfo_free;
  decltype(&PQfreemem) freemem;
};

/// libpq, loaded on first use and kept for the process. Throws cfp::Error (storage) when
/// libpq.so.5 is not installed or lacks a function, naming the Debian package that has it.
const Libpq& libpq();

} // namespace cfp::store::postgresql
