# SPDX-License-Identifier: EUPL-1.2
# cfp_add_test_suites(TARGET): one ctest test for each GoogleTest suite of TARGET, listed when
# ctest runs (as gtest_discover_tests' PRE_TEST mode does), not one for each test case.
#
# Why: a sanitized test binary takes a second or more to start (AddressSanitizer registers
# every global and maps its shadow; LeakSanitizer scans at exit), and one start per case made
# process starts most of the test run. A suite's cases run in one process, as they do when the
# binary is run by hand; ctest still runs the suites in parallel, and a failure names its suite
# while the output names the case.
function(cfp_add_test_suites target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TIMEOUT" "")
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 1500)
  endif()
  set(script "${CMAKE_CURRENT_BINARY_DIR}/${target}_suites.cmake")
  set(template [[
set(binary "$<TARGET_FILE:@target@>")
execute_process(COMMAND "${binary}" --gtest_list_tests
  OUTPUT_VARIABLE listing ERROR_VARIABLE listing_errors RESULT_VARIABLE status TIMEOUT 120)
if(NOT status EQUAL 0)
  # A test that fails and says why, rather than a run that silently holds no tests.
  add_test(@target@_LISTING "${binary}" --gtest_list_tests)
  return()
endif()
# A parameter's description may hold brackets or semicolons, which would join or split CMake's
# list elements: they are replaced first (no suite's name holds them).
string(REPLACE "[" "<" listing "${listing}")
string(REPLACE "]" ">" listing "${listing}")
string(REPLACE ";" "," listing "${listing}")
string(REPLACE "\n" ";" lines "${listing}")
foreach(line IN LISTS lines)
  # A suite's line starts at the first column and ends with a dot, perhaps before a comment
  # naming a type parameter; its cases follow, indented.
  if(line MATCHES "^([^ #][^ ]*)\\.( .*)?$")
    set(suite "${CMAKE_MATCH_1}")
    add_test("${suite}" "${binary}" "--gtest_filter=${suite}.*")
    set_tests_properties("${suite}" PROPERTIES TIMEOUT @arg_TIMEOUT@)
  endif()
endforeach()
]])
  # @...@ now (the target and the time-out), $<TARGET_FILE> when the build files are written.
  string(CONFIGURE "${template}" content @ONLY)
  file(GENERATE OUTPUT "${script}" CONTENT "${content}")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${script}")
endfunction()
