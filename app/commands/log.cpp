#include "registry.hpp"

#include "../present.hpp"

#include <cfp/core/audit.hpp>

namespace cfp::cli {

namespace {

struct LogOptions
{
  std::optional<std::string> ref;
  std::int64_t limit = 50;
};

} // namespace

void register_log_command(CLI::App& app, Registry& registry)
{
  auto options = std::make_shared<LogOptions>();
  auto* log = app.add_subcommand("log", "Show the audit trail, newest first");
  log->add_option("--ref", options->ref, "Only entries about this proposal (REF)");
  log->add_option("--limit", options->limit, "At most this many entries (default 50)");
  registry.on(log, [options](Context& context) {
    auto session = context.session(store::Access::read_only);
    nlohmann::ordered_json records = nlohmann::ordered_json::array();
    Table table{{"AT", "ACTOR", "ACTION", "ENTITY", "COMMAND"}, {}, {}};
    for (const auto& entry : core::list_audit(session, options->ref, options->limit)) {
      table.rows.push_back({domain::format_local(entry.at, context.zone()), entry.actor, entry.action, entry.entity,
                            entry.command});
      records.push_back(audit_json(entry));
    }
    print_list(context, k_audit_fields, records, table);
  });
}

} // namespace cfp::cli
