# SPDX-License-Identifier: EUPL-1.2
# Warnings for the project's own code (interface target cfp_warnings). Third-party
# headers come in as system includes and are not affected.

option(CFP_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)

add_library(cfp_warnings INTERFACE)
target_compile_options(cfp_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  $<$<BOOL:${CFP_WARNINGS_AS_ERRORS}>:-Werror>)
