# SPDX-License-Identifier: EUPL-1.2
# Every dependency is a Debian 12 package; scripts/install-deps.sh installs them.

find_package(SQLite3 REQUIRED)
find_package(SQLiteCpp 3.2 REQUIRED CONFIG)
find_package(CLI11 2.1 REQUIRED CONFIG)
find_package(fmt 9 REQUIRED CONFIG)
find_package(nlohmann_json 3.11 REQUIRED CONFIG)
find_package(date 3 REQUIRED CONFIG)

# utf8proc (libutf8proc-dev) ships no CMake package: UTF-8 validation and the width of
# characters on screen come from it.
find_path(UTF8PROC_INCLUDE_DIR utf8proc.h REQUIRED)
find_library(UTF8PROC_LIBRARY utf8proc REQUIRED)
add_library(utf8proc::utf8proc UNKNOWN IMPORTED)
set_target_properties(utf8proc::utf8proc PROPERTIES
  IMPORTED_LOCATION "${UTF8PROC_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${UTF8PROC_INCLUDE_DIR}")

# nettle (nettle-dev) computes the SHA-256 of imported files for the audit log.
find_path(NETTLE_INCLUDE_DIR nettle/sha2.h REQUIRED)
find_library(NETTLE_LIBRARY nettle REQUIRED)
add_library(nettle::nettle UNKNOWN IMPORTED)
set_target_properties(nettle::nettle PROPERTIES
  IMPORTED_LOCATION "${NETTLE_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${NETTLE_INCLUDE_DIR}")
