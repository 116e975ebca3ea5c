# SPDX-License-Identifier: EUPL-1.2
# Turns the NNNN_slug.sql files of one backend's migrations folder into a C++ source holding
# them as string literals, so that the binary carries its schema and needs no files at run time.

function(cfp_embed_migrations out_var folder)
  file(GLOB _sql CONFIGURE_DEPENDS "${folder}/*.sql")
  list(SORT _sql)
  get_filename_component(_backend "${folder}" NAME)
  set(_out "${CMAKE_CURRENT_BINARY_DIR}/generated/${_backend}_migrations.cpp")
  add_custom_command(
    OUTPUT "${_out}"
    COMMAND "${CMAKE_COMMAND}" -DOUT=${_out} "-DFILES=${_sql}" -DNAMESPACE=cfp::store::${_backend} -DBACKEND=${_backend}
            -P "${PROJECT_SOURCE_DIR}/cmake/GenerateMigrations.cmake"
    DEPENDS ${_sql} "${PROJECT_SOURCE_DIR}/cmake/GenerateMigrations.cmake"
    COMMENT "Embedding the ${_backend} migrations"
    VERBATIM)
  set(${out_var} "${_out}" PARENT_SCOPE)
endfunction()
