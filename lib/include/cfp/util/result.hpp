// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/error.hpp>

#include <string>
#include <utility>
#include <variant>

namespace cfp::util {

/// Why a low-level parse failed, in words for the person who typed the value.
struct Failure
{
  std::string message;
};

/// A value or the reason there is none; what low-level parsers return (C++20 has no std::expected).
template<typename T>
class Result
{
public:
  Result(T value) : m_state(std::move(value)) {}
  Result(Failure failure) : m_state(std::move(failure)) {}

  bool ok() const noexcept { return std::holds_alternative<T>(m_state); }
  explicit operator bool() const noexcept { return ok(); }

  const T& value() const& { return std::get<T>(m_state); }
  T&& value() && { return std::get<T>(std::move(m_state)); }
  const std::string& error() const { return std::get<Failure>(m_state).message; }

private:
  std::variant<T, Failure> m_state;
};

/// The value of `result`, or a cfp::Error of `kind` whose message is "`context`: reason".
template<typename T>
T value_or_throw(Result<T> result, ErrorKind kind, const std::string& context)
{
  if (!result) {
    throw Error(kind, context.empty() ? result.error() : context + ": " + result.error());
  }
  return std::move(result).value();
}

} // namespace cfp::util
