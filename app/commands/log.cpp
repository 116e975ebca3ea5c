// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "registry.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/record_fields.hpp>

namespace cfp::cli {

namespace {

struct LogOptions
{
  std::optional<std::string> ref;
  std::int64_t limit = 50;
};

void run_log(Context& context, const LogOptions& options)
{
  auto session = context.session(store::Access::read_only);
  const auto& fields = core::audit_fields();
  ListPrinter<domain::AuditEntry> printer(context.format(), context.out(), context.err(), context.display(), fields,
                                          {field_column(fields, "at", "AT"), field_column(fields, "actor", "ACTOR"),
                                           field_column(fields, "action", "ACTION"),
                                           field_column(fields, "entity", "ENTITY"),
                                           field_column(fields, "command", "COMMAND")});
  core::for_each_audit_entry(session, options.ref, options.limit,
                             [&](const domain::AuditEntry& entry) { printer.add(entry); });
  printer.finish();
}

} // namespace

void register_log_command(CLI::App& app, Registry& registry)
{
  auto options = std::make_shared<LogOptions>();
  auto* log = app.add_subcommand("log", "Show the audit trail, newest first");
  log->add_option("--ref", options->ref, "Only entries about this proposal (REF)");
  log->add_option("--limit", options->limit, "At most this many entries (default 50)");
  registry.on(log, [options](Context& context) { run_log(context, *options); });
}

} // namespace cfp::cli
