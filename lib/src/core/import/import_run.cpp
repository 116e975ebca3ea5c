// SPDX-License-Identifier: EUPL-1.2
#include "import_run.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/error.hpp>
#include <cfp/util/digest.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>

namespace cfp::core::detail {

void finish_rejects(RejectWriter& writer, util::SpoolFile* rejects)
{
  if (rejects != nullptr) {
    rejects->check_writes(); // a full temporary folder is the folder's fault, not the rejects file's
  }
  writer.finish();
  if (rejects != nullptr) {
    rejects->check_writes();
  }
}

void reject(ImportSummary& summary, RejectWriter& rejects, const RecordForm& record,
            const std::vector<ImportError>& errors)
{
  ++summary.invalid;
  summary.error_count += errors.size();
  std::vector<std::string> parts;
  for (const auto& error : errors) {
    if (summary.errors.size() < k_max_reported_errors) {
      summary.errors.push_back(error);
    }
    parts.push_back(error.column + ": " + error.message);
  }
  rejects.write(record, util::join(parts, "; "));
}

ImportSummary run_import(Session& session, std::istream& in, const ImportOptions& options, std::string_view kind,
                         Passes passes, const ImportPass& pass)
{
  // Stage: the whole input is read and hashed before any lock is taken, so that a slow pipe, a
  // FIFO or an idle terminal holds up no other writer, and both passes read the same bytes.
  util::HashingStreambuf hashing(*in.rdbuf());
  std::istream input(&hashing);
  util::SpoolFile staged;
  if (!staged.append(input, options.max_input_bytes)) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("{}: the input holds more than {} bytes; split it into several files",
                            options.source_name, options.max_input_bytes));
  }
  hashing.drain();
  std::optional<util::SpoolFile> rejects;
  if (options.keep_rejects) {
    rejects.emplace();
  }
  const auto keep_rejects = [&] {
    if (rejects) {
      options.keep_rejects(rejects->read_from_start());
    }
  };
  const auto run_pass = [&](store::Transaction& tx, Pass which) {
    return pass(tx, staged, rejects ? &*rejects : nullptr, which);
  };
  const auto finish = [&](ImportSummary summary) {
    summary.sha256 = hashing.hex();
    summary.bytes = hashing.bytes();
    return summary;
  };

  // Check: every record against one snapshot of the database, without the write lock. A dry
  // run ends here, and so does an import that gathers its records, when one is invalid.
  const std::string what = fmt::format("import {} from {}", kind, options.source_name);
  if (options.dry_run || passes == Passes::check_then_apply) {
    ImportSummary checked =
        session.database.check(what, [&](store::Transaction& tx) { return run_pass(tx, Pass::check); });
    if (options.dry_run || (checked.invalid > 0 && !options.skip_invalid)) {
      keep_rejects();
      return finish(std::move(checked));
    }
  }

  // Apply: one write transaction checks every record (again, after a check pass: the database
  // may have changed since) and writes the valid ones. It reads a local file, so it may run again after losing a
  // race for the lock.
  const auto write = [&] {
    return session.database.write(what, [&](store::Transaction& tx) {
      ImportSummary applied = run_pass(tx, Pass::apply);
      if (applied.invalid > 0 && !options.skip_invalid) {
        tx.discard_changes();
        keep_rejects();
        return applied;
      }
      const nlohmann::ordered_json counts{{"file", options.source_name},    {"sha256", hashing.hex()},
                                          {"bytes", hashing.bytes()},       {"records", applied.records},
                                          {"inserted", applied.inserted},   {"updated", applied.updated},
                                          {"unchanged", applied.unchanged}, {"invalid", applied.invalid}};
      record_audit(session, tx,
                   {{domain::SubjectKind::import, std::nullopt},
                    fmt::format("import {} {}", kind, options.source_name),
                    "import",
                    std::nullopt,
                    counts.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
                    store::Related::noted});
      // The rejects are kept before the import commits: a rejects file that cannot be written
      // stops the import rather than losing them after it.
      keep_rejects();
      applied.written = true;
      return applied;
    });
  };
  try {
    return finish(write());
  } catch (const StopWriting&) {
    // Rolled back: the whole file is checked without the write lock, every problem reported.
    ImportSummary checked =
        session.database.check(what, [&](store::Transaction& tx) { return run_pass(tx, Pass::check); });
    keep_rejects();
    return finish(std::move(checked));
  }
}

} // namespace cfp::core::detail
