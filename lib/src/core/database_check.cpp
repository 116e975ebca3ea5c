// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/audit.hpp>
#include <cfp/core/database_check.hpp>
#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::core {

namespace {

constexpr auto k_restore = "restore the database from a backup (keep the damaged file to find out what happened)";

CheckResult from_storage(const store::StorageCheck& check)
{
  CheckResult result{check.name, CheckOutcome::passed, "ok", {}};
  if (check.problem_count == 0) {
    return result;
  }
  result.outcome = CheckOutcome::failed;
  result.detail = check.problem_count == 1
                      ? util::join(check.problems, "; ")
                      : fmt::format("{} problems: {}", check.problem_count, util::join(check.problems, "; "));
  if (check.problem_count > static_cast<std::int64_t>(check.problems.size())) {
    result.detail += "; ...";
  }
  result.remedy = check.name == "foreign keys" ? std::string("rows were changed outside cfp: ") + k_restore
                                               : std::string("the file is damaged: ") + k_restore;
  return result;
}

CheckResult schema_check(store::Database& database, int version)
{
  const int latest = database.latest_schema_version();
  if (version == latest) {
    return {"schema version", CheckOutcome::passed, fmt::format("{}, the one this cfp writes", version), {}};
  }
  return {"schema version", CheckOutcome::failed,
          version == 0 ? std::string("the database is empty")
                       : fmt::format("{}, older than the one this cfp writes ({})", version, latest),
          version == 0 ? "create it with 'cfp db init'"
                       : "upgrade it with 'cfp db init' (copy it first with 'cfp db backup')"};
}

CheckResult audit_check(Session& session)
{
  CheckResult result{"audit chain", CheckOutcome::passed, {}, {}};
  try {
    const auto verification = verify_audit_log(session);
    if (!verification.first_bad_id) {
      result.detail = fmt::format("{} entries, each sealed to the one before", verification.entries);
      return result;
    }
    result.outcome = CheckOutcome::failed;
    result.detail = fmt::format("does not hold from entry {} on: {}", *verification.first_bad_id, verification.problem);
    result.remedy = "restore the database from a backup, and find out who changed it";
  } catch (const Error& error) {
    if (error.kind() == ErrorKind::busy) {
      throw;
    }
    // Damage the storage checks name too may keep the log from being read at all.
    result.outcome = CheckOutcome::failed;
    result.detail = error.message();
    result.remedy = k_restore;
  }
  return result;
}

} // namespace

const CheckResult* DatabaseCheck::first_failure() const
{
  for (const auto& check : checks) {
    if (check.outcome == CheckOutcome::failed) {
      return &check;
    }
  }
  return nullptr;
}

const char* to_string(CheckOutcome outcome)
{
  switch (outcome) {
  case CheckOutcome::passed:
    return "passed";
  case CheckOutcome::failed:
    return "failed";
  case CheckOutcome::skipped:
    return "skipped";
  }
  return "failed";
}

DatabaseCheck check_database(Session& session)
{
  auto& database = session.database;
  DatabaseCheck report{database.location(), {}};
  for (const auto& check : database.check_storage()) {
    report.checks.push_back(from_storage(check));
  }
  std::optional<int> version;
  try {
    version = database.schema_version();
    report.checks.push_back(schema_check(database, *version));
  } catch (const Error& error) {
    if (error.kind() == ErrorKind::busy) {
      throw;
    }
    report.checks.push_back({"schema version", CheckOutcome::failed, error.message(), k_restore});
  }
  if (version == database.latest_schema_version()) {
    report.checks.push_back(audit_check(session));
  } else {
    report.checks.push_back({"audit chain",
                             CheckOutcome::skipped,
                             fmt::format("needs schema version {}", database.latest_schema_version()),
                             {}});
  }
  return report;
}

} // namespace cfp::core
