// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/time.hpp>
#include <cfp/util/result.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cfp::domain {

/// The kind of thing an audit entry is about.
enum class SubjectKind { call, cutoff, proposal, expert, score, criterion, import };

std::string_view to_string(SubjectKind kind);
util::Result<SubjectKind> parse_subject_kind(std::string_view text);

/// What an audit entry is about: a kind and, for stored things, their id (an import has none).
struct AuditSubject
{
  SubjectKind kind = SubjectKind::proposal;
  std::optional<std::int64_t> id;

  bool operator==(const AuditSubject&) const = default;
};

/// One line of the audit trail: who did what, when, through which command, to what.
struct AuditEntry
{
  std::int64_t id = 0;
  Instant at;                     ///< the time the change went by (simulated when `simulated`)
  std::optional<Instant> real_at; ///< the machine's clock; empty for entries older than schema 5
  bool simulated = false;         ///< `at` came from CFP_NOW
  std::string actor;
  std::string command;
  std::string entity; ///< the subject as a person reads it ("proposal EUROHPC-2024-CEI-AI-01/BSC-AIF")
  std::string action;
  AuditSubject subject;
  std::optional<std::string> before; ///< a JSON document, or empty
  std::optional<std::string> after;  ///< a JSON document, or empty
};

} // namespace cfp::domain
