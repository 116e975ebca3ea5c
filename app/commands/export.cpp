// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "list_options.hpp"
#include "registry.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/evaluation_fields.hpp>
#include <cfp/core/record_fields.hpp>
#include <cfp/core/scores.hpp>

namespace cfp::cli {

namespace {

using nlohmann::ordered_json;

// The proposal file columns, one proposal at a time: CSV unless --format json or ndjson, so
// that `import proposals` of the output into a database with the same calls exports the same.
void run_export_proposals(Context& context, const std::vector<std::string>& calls)
{
  auto session = context.session(store::Access::read_only);
  const Format format = context.format() == Format::table ? Format::csv : context.format();
  ListPrinter<domain::Proposal, core::ProposalFileRecord> printer(format, context.out(), context.err(),
                                                                  context.display(), core::proposal_file_fields(), {},
                                                                  JsonLayout::record_per_line);
  core::ProposalQuery query;
  query.calls = calls;
  core::for_each_proposal(session, query, {}, [&](const domain::Proposal& proposal) { printer.add(proposal); });
  printer.finish();
}

// The score file columns, one score at a time, as `import scores` reads them.
void run_export_scores(Context& context, const std::optional<std::string>& call)
{
  auto session = context.session(store::Access::read_only);
  const Format format = context.format() == Format::table ? Format::csv : context.format();
  ListPrinter<core::ScoreFileRow, core::ScoreFileRecord> printer(format, context.out(), context.err(),
                                                                 context.display(), core::score_file_fields(), {},
                                                                 JsonLayout::record_per_line);
  core::for_each_score_row(session, call, [&](const core::ScoreFileRow& row) { printer.add(row); });
  printer.finish();
}

template<typename Row>
ordered_json object_of(const core::Fields<Row>& fields, const Row& row, const core::Display& display)
{
  auto object = ordered_json::object();
  for (const auto& field : fields) {
    object[std::string(field.name)] = json_value(field.get(row, display));
  }
  return object;
}

// One JSON document: {"calls": [...]}, each call with its cut-offs, as `import calls` reads it.
void run_export_calls(Context& context)
{
  auto session = context.session(store::Access::read_only);
  const auto display = context.display();
  ordered_json document{{"calls", ordered_json::array()}};
  for (const auto& [call, cutoffs, criteria] : core::list_calls_with_cutoffs(session)) {
    auto record = object_of(core::call_fields(), call, display);
    record["overall_threshold"] = json_value(domain::Value(domain::Decimal{domain::format_points(call.overall_threshold)}));
    // A document rule is written only when the call does not keep its default: the export of a
    // call with the defaults is byte for byte what it was before calls had them, and a cfp of
    // before (whose import refuses unknown keys) still reads it.
    for (const auto& field : core::call_document_fields()) {
      if (const auto value = field.get(call, display); value != field.get(domain::Call{}, display)) {
        record[std::string(field.name)] = json_value(value);
      }
    }
    record["criteria"] = ordered_json::array();
    for (const auto& criterion : criteria) {
      auto object = object_of(core::criterion_fields(), criterion, display);
      object.erase("call");
      record["criteria"].push_back(std::move(object));
    }
    record["cutoffs"] = ordered_json::array();
    for (const auto& cutoff : cutoffs) {
      record["cutoffs"].push_back(object_of(core::cutoff_fields(), cutoff, display));
    }
    document["calls"].push_back(std::move(record));
  }
  context.out() << dump_json(document, 2) << '\n';
}

} // namespace

void register_export_commands(CLI::App& app, Registry& registry)
{
  auto* export_group = add_group(app, "export", "Export proposals, scores, calls or documents");

  auto export_calls = std::make_shared<std::vector<std::string>>();
  auto* proposals =
      export_group->add_subcommand("proposals", "Export proposals as CSV (default), JSON or NDJSON (--format)");
  add_filter(*proposals, "--call", *export_calls, "Only these calls' proposals");
  registry.on(proposals, [export_calls](Context& context) { run_export_proposals(context, *export_calls); });

  auto score_call = std::make_shared<std::optional<std::string>>();
  auto* scores = export_group->add_subcommand(
      "scores", "Export the experts' current scores as CSV (default), JSON or NDJSON (--format), one row a score");
  scores->add_option("--call", *score_call, "Only this call's scores");
  registry.on(scores, [score_call](Context& context) { run_export_scores(context, *score_call); });

  registry.on(export_group->add_subcommand("calls", "Export every call with its cut-offs as JSON"), run_export_calls,
              Formats{{Format::table, Format::json},
                      "export calls writes one JSON document; leave out --format or use --format json"});

  register_export_documents(*export_group, registry);
}

} // namespace cfp::cli
