// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "registry.hpp"

#include <cfp/core/database_backup.hpp>
#include <cfp/core/database_check.hpp>
#include <cfp/core/database_status.hpp>
#include <cfp/error.hpp>
#include <cfp/util/output_file.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <filesystem>

namespace cfp::cli {

namespace {

using domain::Value;

// What `db init` did.
struct InitOutcome
{
  std::string path;
  int schema_version = 0;
  std::string outcome;
};

const core::Fields<InitOutcome>& init_fields()
{
  static const core::Fields<InitOutcome> fields{
      {"path", core::FieldKind::text, [](const InitOutcome& r, const core::Display&) { return Value(r.path); }},
      {"schema_version", core::FieldKind::integer,
       [](const InitOutcome& r, const core::Display&) { return Value(std::int64_t{r.schema_version}); }},
      {"outcome", core::FieldKind::text, [](const InitOutcome& r, const core::Display&) { return Value(r.outcome); }},
  };
  return fields;
}

const core::Fields<core::DatabaseStatus>& status_fields()
{
  using core::DatabaseStatus;
  using core::FieldKind;
  static const core::Fields<DatabaseStatus> fields{
      {"path", FieldKind::text, [](const DatabaseStatus& s, const core::Display&) { return Value(s.location); }},
      {"schema_version", FieldKind::integer,
       [](const DatabaseStatus& s, const core::Display&) { return Value(std::int64_t{s.schema_version}); }},
      {"latest_schema_version", FieldKind::integer,
       [](const DatabaseStatus& s, const core::Display&) { return Value(std::int64_t{s.latest_schema_version}); }},
      {"journal_mode", FieldKind::text,
       [](const DatabaseStatus& s, const core::Display&) { return Value(s.journal_mode); }},
      {"calls", FieldKind::integer, [](const DatabaseStatus& s, const core::Display&) { return Value(s.calls); }},
      {"cutoffs", FieldKind::integer, [](const DatabaseStatus& s, const core::Display&) { return Value(s.cutoffs); }},
      {"proposals", FieldKind::integer,
       [](const DatabaseStatus& s, const core::Display&) { return Value(s.proposals); }},
      {"audit_entries", FieldKind::integer,
       [](const DatabaseStatus& s, const core::Display&) { return Value(s.audit_entries); }},
      {"simulated_entries", FieldKind::integer,
       [](const DatabaseStatus& s, const core::Display&) { return Value(s.simulated_entries); }},
  };
  return fields;
}

void run_db_init(Context& context, bool sandbox)
{
  if (sandbox) {
    context.set_sandbox();
  }
  auto session = context.session(store::Access::read_write);
  const auto& report = session.database.migration_report();
  InitOutcome result{session.database.location(), report.to_version, "up to date"};
  // The process that migrated an empty file created the database, whichever made the file.
  if (report.from_version == 0) {
    result.outcome = "created";
  } else if (report.from_version != report.to_version) {
    result.outcome = fmt::format("migrated from version {}", report.from_version);
  }
  if (sandbox && session.database.backend() != "sqlite") {
    result.outcome += ", a test sandbox (CFP_NOW is accepted)";
  } else if (sandbox) {
    context.note("note: a database file accepts CFP_NOW always; --sandbox matters only for a server database");
  }
  print_one(context.format(), context.out(), context.display(), init_fields(), result,
            {{"database", result.path},
             {"schema version", std::to_string(result.schema_version)},
             {"outcome", result.outcome}});
}

void run_db_status(Context& context)
{
  auto session = context.session(store::Access::read_only);
  const auto status = core::database_status(session.database);
  print_one(
      context.format(), context.out(), context.display(), status_fields(), status,
      {{"database", status.location},
       {"schema version", fmt::format("{} (this cfp writes {})", status.schema_version, status.latest_schema_version)},
       {"journal mode", status.journal_mode},
       {"calls", std::to_string(status.calls)},
       {"cut-offs", std::to_string(status.cutoffs)},
       {"proposals", std::to_string(status.proposals)},
       {"audit entries", std::to_string(status.audit_entries)},
       {"simulated entries", status.simulated_entries == 0
                               ? std::string("0")
                               : fmt::format("{} (recorded while CFP_NOW was set; 'cfp log' marks them)",
                                             status.simulated_entries)}});
}

const core::Fields<core::CheckResult>& check_fields()
{
  using core::CheckResult;
  using core::FieldKind;
  static const core::Fields<CheckResult> fields{
      {"check", FieldKind::text, [](const CheckResult& c, const core::Display&) { return Value(c.name); }},
      {"result", FieldKind::text,
       [](const CheckResult& c, const core::Display&) { return Value(std::string(core::to_string(c.outcome))); }},
      {"detail", FieldKind::text, [](const CheckResult& c, const core::Display&) { return Value(c.detail); }},
      {"remedy", FieldKind::text,
       [](const CheckResult& c, const core::Display&) { return c.remedy.empty() ? Value() : Value(c.remedy); }},
  };
  return fields;
}

// `db check`: every check and its result on stdout, like any list; then, when one failed, the
// first failure on stderr and exit 74. The report is the command's data even when it fails.
void run_db_check(Context& context)
{
  auto session = context.session(store::Access::read_only, store::OlderSchema::open);
  const auto report = core::check_database(session);
  const auto& fields = check_fields();
  ListPrinter<core::CheckResult> printer(context.format(), context.out(), context.err(), context.display(), fields,
                                         {field_column(fields, "check", "CHECK"), field_column(fields, "result", "RESULT"),
                                          field_column(fields, "detail", "DETAIL")});
  printer.fit(context.table_width());
  for (const auto& check : report.checks) {
    printer.add(check);
  }
  printer.finish();
  if (const auto* failure = report.first_failure()) {
    throw Error(ErrorKind::storage, fmt::format("the check '{}' of {} failed: {}; {}", failure->name,
                                                report.location, failure->detail, failure->remedy));
  }
  context.note(fmt::format("{} passed every check", report.location));
}

struct BackupOptions
{
  std::string destination;
  bool force = false;
};

const core::Fields<core::BackupSummary>& backup_fields()
{
  using core::BackupSummary;
  using core::FieldKind;
  static const core::Fields<BackupSummary> fields{
      {"database", FieldKind::text, [](const BackupSummary& b, const core::Display&) { return Value(b.location); }},
      {"backup", FieldKind::text,
       [](const BackupSummary& b, const core::Display&) { return Value(b.destination.string()); }},
      {"pages", FieldKind::integer, [](const BackupSummary& b, const core::Display&) { return Value(b.report.pages); }},
      {"bytes", FieldKind::integer, [](const BackupSummary& b, const core::Display&) { return Value(b.report.bytes); }},
      {"restarts", FieldKind::integer,
       [](const BackupSummary& b, const core::Display&) { return Value(std::int64_t{b.report.restarts}); }},
  };
  return fields;
}

std::vector<util::ProtectedFile> protected_files(Context& context)
{
  return {{context.database_path(), "the database", true}};
}

// Refuses DEST before anything is opened: the database or one of its files, a symbolic link, a
// file that is not a regular one, or an existing file without --force.
void check_backup_destination(Context& context, const BackupOptions& options)
{
  namespace fs = std::filesystem;
  const fs::path destination(options.destination);
  if (options.destination.empty()) {
    throw Error(ErrorKind::usage, "db backup: DEST is empty; name the file to write");
  }
  if (const auto conflict = util::output_conflict(destination, protected_files(context))) {
    throw Error(ErrorKind::input_file, "DEST " + *conflict);
  }
  if (const auto shared = util::shared_folder(destination)) {
    throw Error(ErrorKind::input_file, "cannot back up to " + options.destination + ": " + *shared);
  }
  std::error_code ec;
  const auto status = fs::symlink_status(destination, ec);
  if (fs::is_symlink(status)) {
    throw Error(ErrorKind::input_file, fmt::format("cannot back up to {}: it is a symbolic link; name the file itself",
                                                   options.destination));
  }
  if (fs::exists(status) && !options.force) {
    throw core::backup_destination_exists(destination);
  }
}

void run_db_backup(Context& context, const BackupOptions& options)
{
  check_backup_destination(context, options);
  auto session = context.session(store::Access::read_only, store::OlderSchema::open);
  const auto summary = core::backup_database(session, options.destination,
                                             options.force ? core::Overwrite::yes : core::Overwrite::no,
                                             protected_files(context));
  const auto& report = summary.report;
  print_one(context.format(), context.out(), context.display(), backup_fields(), summary,
            {{"database", summary.location},
             {"backup", summary.destination.string()},
             {"size", fmt::format("{} bytes ({} pages)", report.bytes, report.pages)},
             {"copied", report.restarts == 0
                          ? std::string("in one pass")
                          : fmt::format("started over {} times, as other processes wrote", report.restarts)}});
  context.note(fmt::format("backed up {} to {}; 'cfp --db {} db check' checks the copy", summary.location,
                           summary.destination.string(), summary.destination.string()));
}

} // namespace

void register_db_commands(CLI::App& app, Registry& registry)
{
  auto* db = add_group(app, "db", "Create, migrate and inspect the database");
  auto sandbox = std::make_shared<bool>(false);
  auto* init = db->add_subcommand("init", "Create the database or migrate it to this cfp's schema");
  init->add_flag("--sandbox", *sandbox,
                 "On a new server database: make it a test sandbox, which accepts a simulated \"now\" (CFP_NOW)");
  registry.on(init, [sandbox](Context& context) { run_db_init(context, *sandbox); });
  registry.on(db->add_subcommand("status", "Show the database's path, schema version and row counts"), run_db_status);
  registry.on(db->add_subcommand("check", "Check the file's integrity, its foreign keys, its schema version and the "
                                          "audit log's seals"),
              run_db_check);

  auto backup_options = std::make_shared<BackupOptions>();
  auto* backup = db->add_subcommand("backup", "Copy the database, consistent, while others may write; the copy is 0600");
  backup->add_option("DEST", backup_options->destination, "The file to write (not the database or its -wal, -shm)")
      ->required();
  backup->add_flag("--force", backup_options->force, "Replace DEST if it exists");
  registry.on(backup, [backup_options](Context& context) { run_db_backup(context, *backup_options); });
}

} // namespace cfp::cli
