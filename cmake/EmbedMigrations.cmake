# Turns migrations/NNNN_slug.sql into a C++ source holding them as string literals, so
# the binary carries its schema and needs no files at run time.

function(cfp_embed_migrations out_var)
  file(GLOB _sql CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/migrations/*.sql")
  list(SORT _sql)
  set(_out "${CMAKE_CURRENT_BINARY_DIR}/generated/migrations_data.cpp")
  add_custom_command(
    OUTPUT "${_out}"
    COMMAND "${CMAKE_COMMAND}" -DOUT=${_out} "-DFILES=${_sql}"
            -P "${PROJECT_SOURCE_DIR}/cmake/GenerateMigrations.cmake"
    DEPENDS ${_sql} "${PROJECT_SOURCE_DIR}/cmake/GenerateMigrations.cmake"
    COMMENT "Embedding SQL migrations"
    VERBATIM)
  set(${out_var} "${_out}" PARENT_SCOPE)
endfunction()
