#include "registry.hpp"

#include "../output.hpp"

#include <cfp/core/database_status.hpp>

#include <fmt/format.h>

namespace cfp::cli {

namespace {

void run_db_init(Context& context)
{
  auto session = context.session(store::Access::read_write);
  const auto& report = session.database.migration_report();
  std::string outcome = "up to date";
  if (report.created || report.from_version == 0) {
    outcome = "created";
  } else if (report.from_version != report.to_version) {
    outcome = fmt::format("migrated from version {}", report.from_version);
  }
  const nlohmann::ordered_json record{{"path", session.database.path().string()},
                                      {"schema_version", report.to_version},
                                      {"outcome", outcome}};
  print_record(context, {"path", "schema_version", "outcome"}, record,
               {{"database", session.database.path().string()},
                {"schema version", std::to_string(report.to_version)},
                {"outcome", outcome}});
}

void run_db_status(Context& context)
{
  auto session = context.session(store::Access::read_only);
  const auto status = core::database_status(session.database);
  const nlohmann::ordered_json record{{"path", status.path},
                                      {"schema_version", status.schema_version},
                                      {"latest_schema_version", status.latest_schema_version},
                                      {"journal_mode", status.journal_mode},
                                      {"calls", status.counts.calls},
                                      {"cutoffs", status.counts.cutoffs},
                                      {"proposals", status.counts.proposals},
                                      {"audit_entries", status.counts.audit_entries}};
  print_record(context,
               {"path", "schema_version", "latest_schema_version", "journal_mode", "calls", "cutoffs", "proposals",
                "audit_entries"},
               record,
               {{"database", status.path},
                {"schema version", fmt::format("{} (this cfp writes {})", status.schema_version,
                                               status.latest_schema_version)},
                {"journal mode", status.journal_mode},
                {"calls", std::to_string(status.counts.calls)},
                {"cut-offs", std::to_string(status.counts.cutoffs)},
                {"proposals", std::to_string(status.counts.proposals)},
                {"audit entries", std::to_string(status.counts.audit_entries)}});
}

} // namespace

void register_db_commands(CLI::App& app, Registry& registry)
{
  auto* db = add_group(app, "db", "Create, migrate and inspect the database");
  registry.on(db->add_subcommand("init", "Create the database or migrate it to this cfp's schema"), run_db_init);
  registry.on(db->add_subcommand("status", "Show the database's path, schema version and row counts"), run_db_status);
}

} // namespace cfp::cli
