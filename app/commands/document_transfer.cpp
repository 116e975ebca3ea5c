// SPDX-License-Identifier: EUPL-1.2
// `cfp export documents --out DIR [--call CODE]` and `cfp import documents DIR [--historical]`:
// the documents of proposals as files in a folder, with a manifest, out and back in.
#include "../output/printer.hpp"
#include "registry.hpp"

#include <cfp/core/document_transfer.hpp>
#include <cfp/domain/document.hpp>
#include <cfp/error.hpp>
#include <cfp/util/output_file.hpp>
#include <cfp/util/output_folder.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::cli {

namespace {

using domain::Value;

struct ExportOptions
{
  std::string out;
  std::optional<std::string> call;
};

void run_export_documents(Context& context, const ExportOptions& options)
{
  if (options.out.empty() || options.out == "-") {
    throw Error(ErrorKind::usage, "--out: name the folder to write; documents do not go to standard output");
  }
  const auto folder = util::without_trailing_slashes(options.out);
  // Refused before anything is read: the database, a link, anything but a folder, a folder
  // others may write.
  const std::vector<util::ProtectedFile> protected_files{{context.database_path(), "the database", true}};
  if (const auto conflict = util::output_folder_conflict(folder, protected_files)) {
    throw Error(ErrorKind::input_file, "--out " + *conflict);
  }
  if (const auto shared = util::shared_folder(folder)) {
    throw Error(ErrorKind::input_file, "cannot export to " + folder.string() + ": " + *shared);
  }
  auto session = context.session(store::Access::read_only);
  const auto summary = core::export_documents(session, {folder, options.call, protected_files});
  context.note(fmt::format("exported {} document{} of {} proposal{} ({}) to {}{}", summary.documents,
                           summary.documents == 1 ? "" : "s", summary.proposals, summary.proposals == 1 ? "" : "s",
                           domain::format_size(summary.bytes), summary.folder.string(),
                           summary.replaced ? ", in place of the earlier export there" : ""));
}

struct ImportOptions
{
  std::string folder;
  bool historical = false;
  bool dry_run = false;
};

// The summary record of `import documents --format json|csv|ndjson`.
struct SummaryRow
{
  std::string folder;
  core::DocumentImportSummary summary;
};

const core::Fields<SummaryRow>& summary_fields()
{
  using core::FieldKind;
  const auto count = [](std::uint64_t core::DocumentImportSummary::*member) {
    return [member](const SummaryRow& row, const core::Display&) {
      return Value(static_cast<std::int64_t>(row.summary.*member));
    };
  };
  static const core::Fields<SummaryRow> fields{
      {"folder", FieldKind::text, [](const SummaryRow& row, const core::Display&) { return Value(row.folder); }},
      {"manifest_sha256", FieldKind::text,
       [](const SummaryRow& row, const core::Display&) { return Value(row.summary.manifest_sha256); }},
      {"documents", FieldKind::integer, count(&core::DocumentImportSummary::documents)},
      {"added", FieldKind::integer, count(&core::DocumentImportSummary::added)},
      {"replaced", FieldKind::integer, count(&core::DocumentImportSummary::replaced)},
      {"unchanged", FieldKind::integer, count(&core::DocumentImportSummary::unchanged)},
      {"proposals", FieldKind::integer, count(&core::DocumentImportSummary::proposals)},
      {"historical", FieldKind::integer, count(&core::DocumentImportSummary::historical)},
      {"written", FieldKind::flag,
       [](const SummaryRow& row, const core::Display&) { return Value(row.summary.written); }},
  };
  return fields;
}

void run_import_documents(Context& context, const ImportOptions& options)
{
  if (options.folder.empty()) {
    throw Error(ErrorKind::usage, "DIR is empty; name the folder that holds manifest.csv");
  }
  const auto folder = util::without_trailing_slashes(options.folder);
  auto session = context.session(options.dry_run ? store::Access::read_only : store::Access::read_write);
  const auto summary = core::import_documents(session, {folder, options.historical, options.dry_run});
  if (!summary.written) {
    context.wrote_nothing();
  }
  for (const auto& problem : summary.problems) {
    context.err() << util::escape_controls(problem) << '\n'; // one line a problem, whatever the names hold
  }
  if (summary.problem_count > summary.problems.size()) {
    context.err() << fmt::format("... and {} more\n", summary.problem_count - summary.problems.size());
  }
  if (summary.invalid > 0) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("{} of {} documents cannot be imported; nothing was imported{}", summary.invalid,
                            summary.documents, options.dry_run ? " (dry run)" : ""));
  }
  if (context.format() != Format::table) {
    print_one(context.format(), context.out(), context.display(), summary_fields(),
              SummaryRow{folder.string(), summary}, {});
  }
  const auto counts = fmt::format("{} added, {} replaced, {} unchanged; {} proposal{} changed{}", summary.added,
                                  summary.replaced, summary.unchanged, summary.proposals,
                                  summary.proposals == 1 ? "" : "s",
                                  summary.historical == 0
                                      ? std::string()
                                      : fmt::format(" ({} in the version submitted, --historical)", summary.historical));
  const auto documents = fmt::format("{} document{}", summary.documents, summary.documents == 1 ? "" : "s");
  context.note(options.dry_run ? fmt::format("dry run: would import {}: {}; nothing was written", documents, counts)
                               : fmt::format("imported {}: {}", documents, counts));
}

} // namespace

void register_export_documents(CLI::App& export_group, Registry& registry)
{
  auto options = std::make_shared<ExportOptions>();
  auto* documents = export_group.add_subcommand(
      "documents", "Write the current documents of the proposals to DIR/CALL/ACRONYM/PART.EXT, with DIR/manifest.csv");
  documents->add_option("--out", options->out,
                        "The folder to write: new, empty, or an earlier export, which is replaced whole")
      ->required();
  documents->add_option("--call", options->call, "Only this call's proposals");
  registry.on(documents, [options](Context& context) { run_export_documents(context, *options); },
              {{Format::table}, "export documents writes files to --out, listed in its manifest.csv; --format does "
                                "not apply"});
}

void register_import_documents(CLI::App& import_group, Registry& registry)
{
  auto options = std::make_shared<ImportOptions>();
  auto* documents = import_group.add_subcommand(
      "documents", "Import the documents DIR/manifest.csv lists (as export documents writes it), all or nothing");
  documents->add_option("DIR", options->folder, "The folder that holds manifest.csv and the files")->required();
  documents->add_flag("--historical", options->historical,
                      "Record the documents of proposals whose cut-off has closed into the version submitted");
  documents->add_flag("--dry-run", options->dry_run, "Check every document and say what would happen; write nothing");
  registry.on(documents, [options](Context& context) { run_import_documents(context, *options); });
}

} // namespace cfp::cli
