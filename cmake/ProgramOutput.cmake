# SPDX-License-Identifier: EUPL-1.2
# Files that the built cfp writes about itself (its manual page; its shell completions later),
# so that they come from the same command tree as `cfp --help` and never fall behind it.

# gzip is essential on Debian; the manual page is installed compressed, as Debian's policy asks.
find_program(CFP_GZIP gzip REQUIRED)

# Adds to the default build the file `out`, what the executable target `program` writes on
# stdout when run with ARGS, written again whenever the program is rebuilt; with GZIP, also
# `out`.gz (gzip -9n: the same bytes on every build).
function(cfp_program_output program out)
  cmake_parse_arguments(PARSE_ARGV 2 _arg "GZIP" "" "ARGS")
  set(_outputs "${out}")
  set(_gzip "")
  if(_arg_GZIP)
    list(APPEND _outputs "${out}.gz")
    set(_gzip "${CFP_GZIP}")
  endif()
  get_filename_component(_name "${out}" NAME)
  list(JOIN _arg_ARGS " " _words)
  string(MAKE_C_IDENTIFIER "${_name}" _id)
  add_custom_command(
    OUTPUT ${_outputs}
    COMMAND "${CMAKE_COMMAND}" "-DPROGRAM=$<TARGET_FILE:${program}>" "-DARGS=${_arg_ARGS}" "-DOUT=${out}"
            "-DGZIP=${_gzip}" -P "${PROJECT_SOURCE_DIR}/cmake/GenerateProgramOutput.cmake"
    DEPENDS ${program} "${PROJECT_SOURCE_DIR}/cmake/GenerateProgramOutput.cmake"
    COMMENT "Writing ${_name} with ${program} ${_words}"
    VERBATIM)
  add_custom_target(${program}_${_id} ALL DEPENDS ${_outputs})
endfunction()
