// SPDX-License-Identifier: EUPL-1.2
// Compiled by tests only, never linked: FixedSql takes SQL fixed at compile time and nothing
// else. Built with no definition it must compile; with one of the BUILT_* definitions, each a
// way to hand the cache text made at run time, it must not (tests/CMakeLists.txt).

#include "store/sqlite/fixed_sql.hpp"

#include <string>

using cfp::store::sqlite::FixedSql;

const char* take(FixedSql sql)
{
  return sql.c_str();
}

const char* use(bool choice, const std::string& value)
{
  static constexpr char k_first[] = "SELECT 1";
  static constexpr char k_second[] = "SELECT 2 FROM call";
  const char* fixed = take(choice ? FixedSql(k_first) : FixedSql(k_second));
  fixed = take("SELECT code FROM call WHERE id = ?1");
#if defined(BUILT_FROM_A_VALUE)
  fixed = take((std::string("SELECT id FROM call WHERE code = '") + value + "'").c_str());
#elif defined(BUILT_IN_A_STATIC)
  static const std::string text = "SELECT id FROM call WHERE code = '" + value + "'";
  fixed = take(text.c_str());
#elif defined(CHOSEN_AT_RUN_TIME)
  fixed = take(choice ? k_first : value.c_str());
#elif defined(A_LOCAL_ARRAY)
  char local[] = "SELECT 3";
  fixed = take(local);
#else
  (void)value;
#endif
  return fixed;
}
