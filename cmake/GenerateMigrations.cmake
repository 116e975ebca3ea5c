# SPDX-License-Identifier: EUPL-1.2
# Run with cmake -P: writes OUT, a C++ file defining NAMESPACE::embedded_migrations() from FILES.
set(_body "")
set(_expected 1)
foreach(_file IN LISTS FILES)
  get_filename_component(_name "${_file}" NAME)
  if(NOT _name MATCHES "^([0-9][0-9][0-9][0-9])_[a-z0-9_]+\\.sql$")
    message(FATAL_ERROR "migration ${_name}: the name must be NNNN_slug.sql")
  endif()
  math(EXPR _version "${CMAKE_MATCH_1}")
  if(NOT _version EQUAL _expected)
    message(FATAL_ERROR "migration ${_name}: expected number ${_expected}; migrations are numbered 1, 2, 3 ... without gaps")
  endif()
  math(EXPR _expected "${_expected} + 1")
  file(READ "${_file}" _sql)
  string(FIND "${_sql}" ")cfp_sql\"" _clash)
  if(NOT _clash EQUAL -1)
    message(FATAL_ERROR "migration ${_name} contains the literal delimiter )cfp_sql\"")
  endif()
  string(APPEND _body "    {${_version}, \"${_name}\", R\"cfp_sql(${_sql})cfp_sql\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from migrations/*.sql by cmake/GenerateMigrations.cmake. Do not edit.
#include \"${BACKEND}/migrations.hpp\"

namespace ${NAMESPACE} {

const std::vector<Migration>& embedded_migrations()
{
  static const std::vector<Migration> migrations{
${_body}  };
  return migrations;
}

} // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
