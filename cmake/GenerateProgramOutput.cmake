# SPDX-License-Identifier: EUPL-1.2
# Run with cmake -P: writes OUT, what PROGRAM prints on stdout when run with ARGS (a list), and
# OUT.gz with GZIP when given. A failing program fails the build and leaves no output behind.
get_filename_component(_folder "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${_folder}")
execute_process(COMMAND "${PROGRAM}" ${ARGS}
                OUTPUT_FILE "${OUT}.tmp" ERROR_VARIABLE _errors RESULT_VARIABLE _status)
if(NOT _status EQUAL 0)
  file(REMOVE "${OUT}.tmp")
  message(FATAL_ERROR "${PROGRAM} ${ARGS} failed (${_status}):\n${_errors}")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
if(GZIP)
  execute_process(COMMAND "${GZIP}" -9 -n -c "${OUT}"
                  OUTPUT_FILE "${OUT}.gz.tmp" ERROR_VARIABLE _errors RESULT_VARIABLE _status)
  if(NOT _status EQUAL 0)
    file(REMOVE "${OUT}.gz.tmp")
    message(FATAL_ERROR "gzip ${OUT} failed (${_status}):\n${_errors}")
  endif()
  file(RENAME "${OUT}.gz.tmp" "${OUT}.gz")
endif()
