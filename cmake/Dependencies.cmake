# SPDX-License-Identifier: EUPL-1.2
# Every dependency is a Debian 12 package; scripts/install-deps.sh installs them.

# SQLite, utf8proc and nettle are linked from their archives, which Debian ships beside the
# shared objects: each shared object a process loads costs every cfp command its start-up (a
# tenth of `cfp proposal show`'s time). fmt, date-tz and the C++ library ship none.
option(CFP_LINK_ARCHIVES "Link SQLite, utf8proc and nettle from their static archives" ON)
if(CFP_LINK_ARCHIVES)
  set(cfp_library_suffixes ${CMAKE_FIND_LIBRARY_SUFFIXES})
  set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
  find_library(CFP_SQLITE3_ARCHIVE NAMES sqlite3 REQUIRED)
  find_library(CFP_UTF8PROC_ARCHIVE NAMES utf8proc REQUIRED)
  find_library(CFP_NETTLE_ARCHIVE NAMES nettle REQUIRED)
  # A shared object cannot hold an archive's code, which is not position-independent: the
  # layer checks (lib/CMakeLists.txt) resolve these libraries from their shared objects, named
  # first on their link lines, so that no member of the archives is taken.
  set(CMAKE_FIND_LIBRARY_SUFFIXES .so)
  find_library(CFP_SQLITE3_SHARED NAMES sqlite3 REQUIRED)
  find_library(CFP_UTF8PROC_SHARED NAMES utf8proc REQUIRED)
  find_library(CFP_NETTLE_SHARED NAMES nettle REQUIRED)
  set(CFP_SHARED_FOR_LAYER_CHECKS ${CFP_SQLITE3_SHARED} ${CFP_UTF8PROC_SHARED} ${CFP_NETTLE_SHARED})
  set(CMAKE_FIND_LIBRARY_SUFFIXES ${cfp_library_suffixes})
  set(SQLite3_LIBRARY "${CFP_SQLITE3_ARCHIVE}" CACHE FILEPATH "SQLite library" FORCE)
  set(UTF8PROC_LIBRARY "${CFP_UTF8PROC_ARCHIVE}" CACHE FILEPATH "utf8proc library" FORCE)
  set(NETTLE_LIBRARY "${CFP_NETTLE_ARCHIVE}" CACHE FILEPATH "nettle library" FORCE)
endif()

find_package(SQLite3 REQUIRED)
if(CFP_LINK_ARCHIVES)
  # The archive does not name the libraries it needs; SQLiteCpp's package adds the threads and
  # dl ones, the maths one is left.
  set_property(TARGET SQLite::SQLite3 APPEND PROPERTY INTERFACE_LINK_LIBRARIES m)
endif()
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

# libpq (libpq-dev), PostgreSQL's own client library, talks to a server database
# (--db postgresql://...). The store loads libpq.so.5 when it first needs it
# (lib/src/store/postgresql/libpq.hpp) and compiles against its header only; so do the tests,
# which make their databases with it.
find_path(LIBPQ_INCLUDE_DIR libpq-fe.h PATH_SUFFIXES postgresql REQUIRED)
add_library(PostgreSQL::headers INTERFACE IMPORTED)
set_target_properties(PostgreSQL::headers PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${LIBPQ_INCLUDE_DIR}")
