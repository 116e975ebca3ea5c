// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "registry.hpp"

#include <cfp/core/transfer.hpp>
#include <cfp/error.hpp>
#include <cfp/util/output_file.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <fstream>
#include <iostream>

namespace cfp::cli {

namespace {

// What `import proposals` and `import scores` are told.
struct ImportFileOptions
{
  std::string file;
  std::optional<std::string> input_format;
  bool dry_run = false;
  bool skip_invalid = false;
  bool historical = false;
  std::optional<std::string> rejects;
  std::optional<std::string> delimiter;
  bool quiet = false;
};

// The character --delimiter names: ',', ';', '|' or a tab ("tab" or "\t"), for CSV only.
char delimiter_of(const ImportFileOptions& options, core::DataFormat format)
{
  if (!options.delimiter) {
    return ',';
  }
  if (format != core::DataFormat::csv) {
    throw Error(ErrorKind::usage, "--delimiter is for CSV input; JSON and NDJSON have none");
  }
  const std::string& given = *options.delimiter;
  if (given == "," || given == ";" || given == "|") {
    return given.front();
  }
  if (given == "\t" || given == "\\t" || util::to_lower_ascii(given) == "tab") {
    return '\t';
  }
  throw Error(ErrorKind::usage, fmt::format("--delimiter '{}': give ',', ';', '|' or tab", util::excerpt(given)));
}

core::DataFormat format_named(const std::string& name)
{
  if (name == "json") {
    return core::DataFormat::json;
  }
  if (name == "ndjson") {
    return core::DataFormat::ndjson;
  }
  return core::DataFormat::csv;
}

// The input format: --input-format, else the file's extension.
core::DataFormat input_format(const ImportFileOptions& options)
{
  if (options.input_format) {
    return format_named(*options.input_format);
  }
  const std::string extension = util::to_lower_ascii(std::filesystem::path(options.file).extension().string());
  if (extension == ".csv") {
    return core::DataFormat::csv;
  }
  if (extension == ".json") {
    return core::DataFormat::json;
  }
  if (extension == ".ndjson" || extension == ".jsonl") {
    return core::DataFormat::ndjson;
  }
  throw Error(ErrorKind::usage, options.file == "-"
                                    ? "reading standard input needs --input-format csv, json or ndjson"
                                    : fmt::format("cannot tell the format of '{}' from its name; give --input-format "
                                                  "csv, json or ndjson",
                                                  options.file));
}

// Opens FILE, or standard input for "-"; exit 66 when it cannot be read.
std::istream& open_input(const std::string& file, std::ifstream& stream)
{
  if (file == "-") {
    return std::cin;
  }
  std::error_code ec;
  const auto type = std::filesystem::status(file, ec).type();
  if (type == std::filesystem::file_type::directory) {
    throw Error(ErrorKind::input_file, fmt::format("cannot read {}: it is a folder", file));
  }
  if (type == std::filesystem::file_type::character || type == std::filesystem::file_type::block) {
    // /dev/zero or /dev/full would be read without end.
    throw Error(ErrorKind::input_file,
                fmt::format("cannot read {}: it is a device; give a file, or - for standard input", file));
  }
  stream.open(file, std::ios::binary);
  if (!stream) {
    throw Error(ErrorKind::input_file, fmt::format("cannot read {}: {}", file, std::strerror(errno)));
  }
  return stream;
}

// Shows the records checked, then imported, on a terminal once an import has taken about a
// second.
class Progress
{
public:
  Progress(Context& context, const ImportFileOptions& options)
      : m_err(context.err()), m_enabled(context.err_is_terminal() && !options.quiet)
  {
  }

  void update(std::string_view phase, std::uint64_t records)
  {
    if (!m_enabled || std::chrono::steady_clock::now() - m_started < std::chrono::seconds(1)) {
      return;
    }
    m_shown = true;
    m_err << fmt::format("\r{}: {} records\033[K", phase, records) << std::flush;
  }

  void finish()
  {
    if (m_shown) {
      m_err << "\r\033[K" << std::flush;
    }
  }

private:
  std::ostream& m_err;
  bool m_enabled;
  bool m_shown = false;
  std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
};

// The summary record of `import proposals --format json|csv|ndjson`.
struct SummaryRow
{
  std::string file;
  core::ImportSummary summary;
};

const core::Fields<SummaryRow>& summary_fields()
{
  using core::FieldKind;
  using domain::Value;
  const auto count = [](std::uint64_t core::ImportSummary::*member) {
    return [member](const SummaryRow& row, const core::Display&) {
      return Value(static_cast<std::int64_t>(row.summary.*member));
    };
  };
  static const core::Fields<SummaryRow> fields{
      {"file", FieldKind::text, [](const SummaryRow& row, const core::Display&) { return Value(row.file); }},
      {"sha256", FieldKind::text,
       [](const SummaryRow& row, const core::Display&) { return Value(row.summary.sha256); }},
      {"records", FieldKind::integer, count(&core::ImportSummary::records)},
      {"inserted", FieldKind::integer, count(&core::ImportSummary::inserted)},
      {"updated", FieldKind::integer, count(&core::ImportSummary::updated)},
      {"unchanged", FieldKind::integer, count(&core::ImportSummary::unchanged)},
      {"invalid", FieldKind::integer, count(&core::ImportSummary::invalid)},
      {"written", FieldKind::flag,
       [](const SummaryRow& row, const core::Display&) { return Value(row.summary.written); }},
  };
  return fields;
}

// What differs between the kinds of file an import reads.
struct ImportKind
{
  std::string_view records; ///< what the file's records are, in messages: "proposals", "scores"
  std::string_view counted;     ///< what inserted, updated and unchanged count, when not the records
  std::string_view counted_one; ///< the same, for one
  core::ImportSummary (*import)(core::Session&, std::istream&, const core::ImportOptions&);
};

constexpr ImportKind k_proposals{"proposals", "", "", &core::import_proposals};
constexpr ImportKind k_scores{"scores", "evaluations", "evaluation", &core::import_scores};

void run_import_file(Context& context, const ImportFileOptions& options, const ImportKind& kind)
{
  if (options.skip_invalid != options.rejects.has_value()) {
    throw Error(ErrorKind::usage, "--skip-invalid and --rejects FILE go together");
  }
  const auto format = input_format(options);
  const char delimiter = delimiter_of(options, format);
  // Rejects go to a temporary file beside FILE that replaces it before the import commits, so
  // that a rejects file that cannot be written stops the import, and a failed check leaves an
  // earlier rejects file as it was. Before anything else happens, FILE may not be the database,
  // one of its journals, or the input (named, or behind standard input), nor a link.
  if (options.rejects) {
    if (*options.rejects == "-") {
      throw Error(ErrorKind::usage, "--rejects: give a file name; the rejects cannot go to standard output");
    }
    std::vector<util::ProtectedFile> protected_files{{context.database_path(), "the database", true}};
    protected_files.push_back(options.file != "-" ? util::ProtectedFile{options.file, "the input file", false}
                                                  : util::ProtectedFile{"/proc/self/fd/0", "the input file "
                                                                                           "(standard input)",
                                                                        false});
    if (const auto conflict = util::output_conflict(*options.rejects, protected_files)) {
      throw Error(ErrorKind::input_file, "--rejects " + *conflict);
    }
    util::OutputFile probe(*options.rejects); // the folder takes a file: said now, not after the import's work
  }
  std::ifstream file;
  std::istream& in = open_input(options.file, file);
  auto session = context.session(options.dry_run ? store::Access::read_only : store::Access::read_write);
  Progress progress(context, options);
  core::ImportOptions request;
  request.source_name = options.file;
  request.format = format;
  request.delimiter = delimiter;
  request.dry_run = options.dry_run;
  request.skip_invalid = options.skip_invalid;
  request.historical = options.historical;
  if (options.rejects) {
    request.keep_rejects = [&options](std::istream& content) {
      util::OutputFile rejects(*options.rejects);
      std::array<char, 1 << 16> buffer{};
      while (content.read(buffer.data(), buffer.size()) || content.gcount() > 0) {
        rejects.stream().write(buffer.data(), content.gcount());
      }
      rejects.commit();
    };
  }
  request.progress = [&](std::string_view phase, std::uint64_t records) { progress.update(phase, records); };
  const auto summary = kind.import(session, in, request);
  if (!summary.written) {
    context.wrote_nothing();
  }
  progress.finish();

  for (const auto& error : summary.errors) {
    // One line an error, whatever the file name or the values quoted hold.
    context.err() << util::escape_controls(
                       fmt::format("{}:{}: {}: {}", options.file, error.line, error.column, error.message))
                  << '\n';
  }
  if (summary.error_count > summary.errors.size()) {
    context.err() << fmt::format("... and {} more\n", summary.error_count - summary.errors.size());
  }
  const std::string counts =
      fmt::format("{}{}{} inserted, {} updated, {} unchanged", summary.inserted, kind.counted.empty() ? "" : " ",
                  summary.inserted == 1 ? kind.counted_one : kind.counted, summary.updated, summary.unchanged);
  const std::string invalid = summary.invalid == 0 ? std::string{} : fmt::format(", {} invalid", summary.invalid);
  if (summary.invalid > 0 && !options.skip_invalid) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("{} of {} records are invalid; nothing was imported{}", summary.invalid, summary.records,
                            options.dry_run ? " (dry run)" : ""));
  }
  if (context.format() != Format::table) {
    print_one(context.format(), context.out(), context.display(), summary_fields(), SummaryRow{options.file, summary},
              {});
  }
  const auto valid = summary.records - summary.invalid;
  if (options.dry_run) {
    context.note(fmt::format("dry run: would import {} {}: {}{}; nothing was written", valid, kind.records, counts,
                             invalid));
  } else {
    context.note(fmt::format("imported {} {}: {}{}{}", valid, kind.records, counts, invalid,
                             summary.invalid > 0 ? fmt::format(" (written to {})", *options.rejects) : ""));
  }
}

void run_import_calls(Context& context, const std::string& file)
{
  std::ifstream stream;
  std::istream& in = open_input(file, stream);
  auto session = context.session(store::Access::read_write);
  const auto summary = core::import_calls(session, in, file);
  context.err() << fmt::format("imported calls: {} added, {} updated, {} unchanged; cut-offs: {} added, {} unchanged\n",
                               summary.calls_added, summary.calls_updated, summary.calls_unchanged,
                               summary.cutoffs_added, summary.cutoffs_unchanged);
}

} // namespace

void register_import_commands(CLI::App& app, Registry& registry)
{
  auto* import_group = add_group(app, "import", "Import proposals, scores, calls or documents from files");

  // The options `import proposals` and `import scores` share.
  const auto add_file_options = [](CLI::App* command, ImportFileOptions& options) {
    command->add_option("FILE", options.file, "The file, or - for standard input")->required();
    command->add_option("--input-format", options.input_format, "csv, json or ndjson, any case (default: from FILE's name)")
        ->transform(CLI::IsMember({"csv", "json", "ndjson"}, CLI::ignore_case));
    command->add_flag("--dry-run", options.dry_run, "Check every record and say what would happen; write nothing");
    command->add_flag("--skip-invalid", options.skip_invalid, "Import the valid records; needs --rejects");
    command->add_option("--rejects", options.rejects, "With --skip-invalid: where invalid records go, with an error");
    command->add_option("--delimiter", options.delimiter,
                        "CSV: what separates the fields: ',' (default), ';', '|' or tab; the rejects file keeps it");
    command->add_flag("--quiet", options.quiet, "No progress display");
  };

  auto options = std::make_shared<ImportFileOptions>();
  auto* proposals =
      import_group->add_subcommand("proposals", "Import proposals from CSV, JSON or NDJSON, all or nothing");
  add_file_options(proposals, *options);
  proposals->add_flag("--historical", options->historical,
                      "Accept new proposals whose submitted_at is in a cut-off that has closed since");
  registry.on(proposals, [options](Context& context) { run_import_file(context, *options, k_proposals); });

  auto score_options = std::make_shared<ImportFileOptions>();
  auto* scores = import_group->add_subcommand(
      "scores", "Import experts' scores (call,acronym,expert,criterion,score,comment) from CSV, JSON or NDJSON, all "
                "or nothing; the rows of one proposal and expert are one evaluation");
  add_file_options(scores, *score_options);
  registry.on(scores, [score_options](Context& context) { run_import_file(context, *score_options, k_scores); });

  auto calls_file = std::make_shared<std::string>();
  auto* calls = import_group->add_subcommand("calls", "Import calls with their cut-offs from a JSON document");
  calls->add_option("FILE", *calls_file, "The JSON file, or - for standard input")->required();
  registry.on(calls, [calls_file](Context& context) { run_import_calls(context, *calls_file); });

  register_import_documents(*import_group, registry);
}

} // namespace cfp::cli
