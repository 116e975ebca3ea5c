// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/audit.hpp>
#include <cfp/core/database_check.hpp>
#include <cfp/domain/document.hpp>
#include <cfp/error.hpp>
#include <cfp/store/document_repository.hpp>
#include <cfp/util/digest.hpp>
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

// Every stored document read back and hashed: damage that the file's structure does not show
// (bytes changed outside cfp) before anyone asks for the document.
CheckResult documents_check(Session& session)
{
  CheckResult result{"documents", CheckOutcome::passed, {}, {}};
  try {
    std::int64_t count = 0;
    std::int64_t bytes = 0;
    std::vector<std::string> problems;
    std::int64_t problem_count = 0;
    session.database.read("check the documents", [&](const store::Transaction& tx) {
      const auto& documents = tx.documents();
      documents.for_each_content([&](const std::string& sha256, std::int64_t size) {
        util::Sha256 hash;
        std::int64_t read = 0;
        const bool found = documents.read_content(sha256, [&](const char* data, std::size_t length) {
          hash.update(data, length);
          read += static_cast<std::int64_t>(length);
        });
        const auto digest = hash.hex();
        ++count;
        bytes += size;
        if (!found || digest != sha256 || read != size) {
          ++problem_count;
          if (problems.size() < 3) {
            problems.push_back(fmt::format("the document {} ({} bytes recorded) reads as {} bytes with SHA-256 {}",
                                           sha256, size, read, digest));
          }
        }
      });
    });
    if (problem_count == 0) {
      result.detail = fmt::format("{} stored, {}, each matching its SHA-256", count, domain::format_size(bytes));
      return result;
    }
    result.outcome = CheckOutcome::failed;
    result.detail = fmt::format("{} of {} damaged: {}{}", problem_count, count, util::join(problems, "; "),
                                problem_count > static_cast<std::int64_t>(problems.size()) ? "; ..." : "");
    result.remedy = k_restore;
  } catch (const Error& error) {
    if (error.kind() == ErrorKind::busy) {
      throw;
    }
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
    report.checks.push_back(documents_check(session));
  } else {
    for (const auto* name : {"audit chain", "documents"}) {
      report.checks.push_back(
          {name, CheckOutcome::skipped, fmt::format("needs schema version {}", database.latest_schema_version()), {}});
    }
  }
  return report;
}

} // namespace cfp::core
