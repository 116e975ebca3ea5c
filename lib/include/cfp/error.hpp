// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <stdexcept>
#include <string>

namespace cfp {

/// What went wrong, in the terms the command line turns into an exit code.
enum class ErrorKind {
  usage,         ///< the command line itself is wrong (unknown option, missing argument)
  not_found,     ///< a call, cut-off or proposal that does not exist
  refused,       ///< a rule forbids the change (deadline passed, read-only, duplicate)
  invalid_input, ///< a value breaks a rule of the domain (bad date, money, state code)
  input_file,    ///< an input file is missing or unreadable
  storage,       ///< the database is unusable (corrupt, newer schema, not a cfp file)
  busy,          ///< the database stayed locked by another writer past the busy timeout
  internal,      ///< a bug: an invariant the code relies on does not hold
};

/// The one error type of cfp: a kind that decides the exit code and a message a person can act on.
class Error : public std::runtime_error
{
public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind), m_message(message) {}

  ErrorKind kind() const noexcept { return m_kind; }
  /// The whole message: what() ends at a NUL byte, should one have reached the message.
  const std::string& message() const noexcept { return m_message; }

private:
  ErrorKind m_kind;
  std::string m_message;
};

} // namespace cfp
