// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/session.hpp>

#include <string>
#include <vector>

namespace cfp::core {

/// How one check of `cfp db check` ended.
enum class CheckOutcome { passed, failed, skipped };

/// One check of `cfp db check`: what it checks, how it ended, what it found and, when it
/// failed, what to do.
struct CheckResult
{
  std::string name;
  CheckOutcome outcome = CheckOutcome::passed;
  std::string detail;
  std::string remedy; ///< empty unless it failed
};

/// Every check of `cfp db check`, in the order they ran.
struct DatabaseCheck
{
  std::string location;
  std::vector<CheckResult> checks;

  /// The first check that failed, or nullptr when none did.
  const CheckResult* first_failure() const;
};

/// "passed", "failed", "skipped".
const char* to_string(CheckOutcome outcome);

/// Checks the database the session holds (opened read-only, older schemas allowed): the
/// backend's own checks of its storage (store::Database::check_storage), the schema version
/// against the one this cfp writes, the audit log's chain of seals (verify_audit_log), and every
/// stored document read back against its SHA-256. Every check runs but the audit chain and the
/// documents on an older schema, which they need; damage is reported, not thrown. Throws cfp::Error only when the database stays busy.
DatabaseCheck check_database(Session& session);

} // namespace cfp::core
