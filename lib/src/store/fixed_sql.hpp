// SPDX-License-Identifier: EUPL-1.2
#pragma once

namespace cfp::store {

/// SQL text fixed when cfp is compiled: a string literal, or a `static constexpr char[]` holding
/// one. Its constructor is consteval, so text built while cfp runs (from a value someone typed)
/// does not compile where a FixedSql is asked for: values reach SQL only as bound parameters.
/// The text has static storage, so that its address can name it.
class FixedSql
{
public:
  // Implicit, so that a literal is given as it is: get("SELECT ...").
  consteval FixedSql(const char* text) : m_text(text) {} // NOLINT(google-explicit-constructor)

  const char* c_str() const { return m_text; }

private:
  const char* m_text;
};

} // namespace cfp::store
