# SPDX-License-Identifier: EUPL-1.2
# Language level, build type and sanitizer options shared by every target through
# the interface target cfp_settings.

set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

option(CFP_ENABLE_ASAN "Build with AddressSanitizer" OFF)
option(CFP_ENABLE_UBSAN "Build with UndefinedBehaviorSanitizer" OFF)
option(CFP_ENABLE_TSAN "Build with ThreadSanitizer (not with AddressSanitizer)" OFF)
if(CFP_ENABLE_TSAN AND CFP_ENABLE_ASAN)
  message(FATAL_ERROR "CFP_ENABLE_TSAN and CFP_ENABLE_ASAN cannot be used together")
endif()

add_library(cfp_settings INTERFACE)
target_compile_features(cfp_settings INTERFACE cxx_std_20)
target_compile_definitions(cfp_settings INTERFACE
  $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>
  CFP_VERSION="${PROJECT_VERSION}")

set(_cfp_sanitizers "")
if(CFP_ENABLE_ASAN)
  list(APPEND _cfp_sanitizers address)
endif()
if(CFP_ENABLE_UBSAN)
  list(APPEND _cfp_sanitizers undefined)
endif()
if(CFP_ENABLE_TSAN)
  list(APPEND _cfp_sanitizers thread)
endif()
if(_cfp_sanitizers)
  list(JOIN _cfp_sanitizers "," _cfp_sanitizer_list)
  target_compile_options(cfp_settings INTERFACE
    -fsanitize=${_cfp_sanitizer_list} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(cfp_settings INTERFACE -fsanitize=${_cfp_sanitizer_list})
  # Sanitized programs are linked as fixed-position executables: as position-independent ones
  # the loader patched some ten million addresses (the sanitizers' data about each check) at
  # every start, a second a start for the test binary. Release builds stay position-independent.
  target_link_options(cfp_settings INTERFACE -no-pie)
endif()
