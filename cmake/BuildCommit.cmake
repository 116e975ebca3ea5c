# SPDX-License-Identifier: EUPL-1.2
# The commit `cfp --version` names. It is read on every build, not when CMake configures, so
# that a binary never names a commit older than its sources; the header is rewritten only when
# the commit (or whether the tree has changes) differs, so that an unchanged tree rebuilds
# nothing. Sources that are not a git checkout (a release tarball) say `unknown`, or CFP_COMMIT.

set(CFP_COMMIT "" CACHE STRING
  "The commit cfp --version names when the sources are not a git checkout (else: unknown)")

# Gives `target` the generated header build_commit.hpp, made before it is compiled.
function(cfp_build_commit target)
  set(_dir "${CMAKE_CURRENT_BINARY_DIR}/generated")
  set(_header "${_dir}/build_commit.hpp")
  add_custom_target(cfp_build_commit
    COMMAND "${CMAKE_COMMAND}" "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}" "-DOUT=${_header}" "-DCOMMIT=${CFP_COMMIT}"
            -P "${PROJECT_SOURCE_DIR}/cmake/GenerateBuildCommit.cmake"
    BYPRODUCTS "${_header}"
    VERBATIM)
  add_dependencies(${target} cfp_build_commit)
  target_include_directories(${target} PRIVATE "${_dir}")
endfunction()
