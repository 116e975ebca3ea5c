// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "list_options.hpp"
#include "registry.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/record_fields.hpp>
#include <cfp/error.hpp>

#include <fmt/format.h>

namespace cfp::cli {

namespace {

struct LogOptions
{
  core::AuditQuery query;
  OrderOptions order;
};

constexpr std::int64_t k_default_limit = 50;

// The note under a table that marked simulated times with '*'.
constexpr auto k_simulated_note =
  "* simulated time: recorded while CFP_NOW was set; the real time is in --format json (real_at)\n";

void run_log(Context& context, const LogOptions& options)
{
  const auto order = options.order.order(k_default_limit);
  auto session = context.session(store::Access::read_only);
  const auto& fields = core::audit_fields();
  bool any_simulated = false;
  ListPrinter<domain::AuditEntry> printer(
      context.format(), context.out(), context.err(), context.display(), fields,
      {{"AT",
        [&](const domain::AuditEntry& entry, const core::Display& display) {
          any_simulated = any_simulated || entry.simulated;
          return domain::format_local(entry.at, *display.zone) + (entry.simulated ? " *" : "");
        }},
       field_column(fields, "actor", "ACTOR"), field_column(fields, "action", "ACTION"),
       field_column(fields, "entity", "ENTITY"), field_column(fields, "command", "COMMAND")});
  printer.fit(context.table_width());
  // The table shows no entry's before and after documents: they are not read.
  auto query = options.query;
  if (context.format() == Format::table) {
    query.detail = store::AuditDetail::summary;
  }
  core::for_each_audit_entry(session, query, order,
                             [&](const domain::AuditEntry& entry) { printer.add(entry); }, printer.passes());
  printer.finish();
  if (any_simulated) {
    context.err() << k_simulated_note;
  }
}

// `log verify`: the chain of seals, intact (exit 0, with the last seal to keep elsewhere) or
// broken at its first bad entry (exit 1).
void run_log_verify(Context& context)
{
  auto session = context.session(store::Access::read_only);
  const auto result = core::verify_audit_log(session);
  if (result.first_bad_id) {
    throw Error(ErrorKind::refused, fmt::format("the audit log does not hold from entry {} on: {}; restore the "
                                                "database from a backup, and find out who changed it",
                                                *result.first_bad_id, result.problem));
  }
  using domain::Value;
  struct Row
  {
    std::int64_t entries;
    std::string last_seal;
  };
  static const core::Fields<Row> fields{
      {"entries", core::FieldKind::integer, [](const Row& row, const core::Display&) { return Value(row.entries); }},
      {"last_seal", core::FieldKind::text, [](const Row& row, const core::Display&) { return Value(row.last_seal); }},
  };
  const Row row{result.entries, result.last_seal};
  print_one(context.format(), context.out(), context.display(), fields, row,
            {{"entries", std::to_string(row.entries)}, {"last seal", row.last_seal}, {"chain", "intact"}});
  context.err() << fmt::format("the audit log holds: {} entries, each sealed to the one before\n", row.entries);
}

} // namespace

void register_log_command(CLI::App& app, Registry& registry)
{
  auto options = std::make_shared<LogOptions>();
  auto* log = app.add_subcommand("log", "Show the audit trail, newest first");
  auto& query = options->query;
  add_filter(*log, "--ref", query.refs, "Only entries about these proposals (REF), and the imports that made or changed them");
  add_filter(*log, "--call", query.calls,
             "Only entries about these calls, their cut-offs, criteria and proposals, and the imports into them");
  add_filter(*log, "--actor", query.actors, "Only entries by these actors (ignoring case)", Commas::split_in_core);
  add_filter(*log, "--action", query.actions, "Only entries with these actions (add, update, import ...)");
  log->add_option("--since", query.since, "Only entries at or after WHEN (a bare date: its first second)")
      ->type_name("WHEN");
  log->add_option("--until", query.until, "Only entries at or before WHEN (a bare date: its last second)")
      ->type_name("WHEN");
  add_order_options(*log, options->order, "At most N entries (1 or more; default 50)");
  registry.on(log, [options](Context& context) { run_log(context, *options); });
  registry.on(log->add_subcommand("verify", "Check that no audit entry was changed, removed or added outside cfp"),
              run_log_verify);
}

} // namespace cfp::cli
