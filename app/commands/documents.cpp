// SPDX-License-Identifier: EUPL-1.2
// `proposal attach`, `detach`, `documents` and `document`: the files of a proposal.
#include "../output/changes.hpp"
#include "../output/printer.hpp"
#include "proposal_options.hpp"
#include "registry.hpp"

#include <cfp/core/documents.hpp>
#include <cfp/error.hpp>
#include <cfp/util/output_file.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <unistd.h>

namespace cfp::cli {

namespace {

using domain::Document;
using domain::Value;

/// A document with the proposal it belongs to, as `documents` lists it.
struct DocumentRow
{
  std::string call;
  std::string acronym;
  Document document;
};

const core::Fields<DocumentRow>& document_fields()
{
  static const core::Fields<DocumentRow> fields{
      {"call", core::FieldKind::text, [](const DocumentRow& row, const core::Display&) { return Value(row.call); }},
      {"acronym", core::FieldKind::text,
       [](const DocumentRow& row, const core::Display&) { return Value(row.acronym); }},
      {"part", core::FieldKind::text,
       [](const DocumentRow& row, const core::Display&) { return Value(row.document.part); }},
      {"file_name", core::FieldKind::text,
       [](const DocumentRow& row, const core::Display&) { return Value(row.document.file_name); }},
      {"title", core::FieldKind::text,
       [](const DocumentRow& row, const core::Display&) {
         return row.document.title ? Value(*row.document.title) : Value();
       }},
      {"size", core::FieldKind::integer,
       [](const DocumentRow& row, const core::Display&) { return Value(row.document.size); }},
      {"media_type", core::FieldKind::text,
       [](const DocumentRow& row, const core::Display&) { return Value(row.document.media_type); }},
      {"sha256", core::FieldKind::text,
       [](const DocumentRow& row, const core::Display&) { return Value(row.document.sha256); }},
      {"version", core::FieldKind::integer,
       [](const DocumentRow& row, const core::Display&) { return Value(std::int64_t{row.document.version}); }},
      {"recorded_at", core::FieldKind::instant,
       [](const DocumentRow& row, const core::Display&) { return Value(row.document.recorded_at); }},
      {"recorded_by", core::FieldKind::text,
       [](const DocumentRow& row, const core::Display&) { return Value(row.document.recorded_by); }},
  };
  return fields;
}

struct AttachOptions
{
  core::AttachRequest request;
  std::string title;
  std::string name;
  CLI::Option* title_option = nullptr; ///< given, even empty (which is refused)
  CLI::Option* name_option = nullptr;
};

void run_attach(Context& context, const AttachOptions& options)
{
  auto request = options.request;
  if (options.title_option->count() > 0) {
    request.title = options.title;
  }
  if (options.name_option->count() > 0) {
    request.file_name = options.name;
  }
  auto session = context.session(store::Access::read_write);
  const auto change = core::attach_document(session, request);
  if (!change.change.changed) {
    context.note(fmt::format("{}/{} unchanged: its {} is this file already", change.change.proposal.call_code,
                             change.change.proposal.acronym, change.document->part));
  }
  if (context.format() != Format::table && change.document) {
    for (const auto& warning : change.change.warnings) {
      context.note("warning: " + warning);
    }
    if (const auto line = changed_line({}, document_changes(change.change.before.documents,
                                                           change.change.proposal.documents));
        !line.empty()) {
      context.note(line);
    }
    print_one(context.format(), context.out(), context.display(), document_fields(),
              DocumentRow{change.change.proposal.call_code, change.change.proposal.acronym, *change.document}, {});
    return;
  }
  if (change.change.changed) {
    print_changed(context, change.change);
  } else {
    context.out() << change.change.proposal.call_code << '/' << change.change.proposal.acronym << '\n';
  }
}

struct ListOptions
{
  std::string ref;
  std::string version;
};

// A --version as typed: a whole number from 1, or nothing when it was not given.
std::optional<int> version_option(const std::string& text)
{
  if (text.empty()) {
    return std::nullopt;
  }
  int version = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (error != std::errc{} || end != text.data() + text.size() || version < 1) {
    throw Error(ErrorKind::usage,
                fmt::format("--version: '{}' is not a version; give a whole number from 1 ('cfp proposal history' "
                            "lists them)",
                            util::excerpt(util::escape_controls(text))));
  }
  return version;
}

void run_documents(Context& context, const ListOptions& options)
{
  auto session = context.session(store::Access::read_only);
  const auto listed = core::proposal_documents(session, options.ref, version_option(options.version));
  const auto& fields = document_fields();
  ListPrinter<DocumentRow> printer(
      context.format(), context.out(), context.err(), context.display(), fields,
      {field_column(fields, "part", "PART"),
       field_column(fields, "file_name", "FILE"),
       {"SIZE", [](const DocumentRow& row, const core::Display&) { return domain::format_size(row.document.size); },
        Align::right},
       field_column(fields, "media_type", "TYPE"),
       field_column(fields, "sha256", "SHA-256"),
       field_column(fields, "version", "VERSION", Align::right)});
  printer.fit(context.table_width());
  for (const auto& document : listed.documents) {
    printer.add({listed.proposal.call_code, listed.proposal.acronym, document});
  }
  printer.finish();
  if (context.format() == Format::table) {
    context.note(fmt::format("{}/{} version {}{}: {} document{}", listed.proposal.call_code, listed.proposal.acronym,
                             listed.version, listed.version == listed.proposal.version ? " (current)" : "",
                             listed.documents.size(), listed.documents.size() == 1 ? "" : "s"));
  }
}

struct ReadOptions
{
  std::string ref;
  std::string part;
  std::string version;
  std::string out;
};

// Writes all of `data` to standard output, or throws with the system's reason.
void write_stdout(const char* data, std::size_t size)
{
  while (size > 0) {
    const auto written = ::write(STDOUT_FILENO, data, size);
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw Error(ErrorKind::input_file, fmt::format("cannot write the document to standard output: {}",
                                                     std::strerror(errno)));
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
}

void run_document(Context& context, const ReadOptions& options)
{
  const auto version = version_option(options.version);
  if (options.out == "-") {
    if (::isatty(STDOUT_FILENO) == 1) {
      throw Error(ErrorKind::usage, "--out -: standard output is a terminal; give --out FILE, or send it to a file or "
                                    "a program (> FILE, | less)");
    }
    context.out().flush();
    auto session = context.session(store::Access::read_only);
    const auto document = core::read_document(session, options.ref, options.part, version, write_stdout);
    context.note(fmt::format("wrote {} ({}, SHA-256 {}) to standard output", document.part,
                             domain::format_size(document.size), document.sha256));
    return;
  }
  if (options.out.empty()) {
    throw Error(ErrorKind::usage, "--out: name the file to write, or '-' for standard output");
  }
  // Refused before anything is read: the database or one of its files, a link, a FIFO, a device,
  // a folder.
  if (const auto conflict = util::output_conflict(options.out, {{context.database_path(), "the database", true}})) {
    throw Error(ErrorKind::input_file, "--out " + *conflict);
  }
  if (const auto shared = util::shared_folder(options.out)) {
    throw Error(ErrorKind::input_file, "cannot write " + util::escape_controls(options.out) + ": " + *shared);
  }
  util::OutputFile file(options.out); // the folder takes a file: said before the work
  auto session = context.session(store::Access::read_only);
  auto& stream = file.stream();
  const auto document = core::read_document(session, options.ref, options.part, version,
                                            [&stream](const char* data, std::size_t size) {
                                              stream.write(data, static_cast<std::streamsize>(size));
                                            });
  file.keep_mode();
  file.commit();
  context.note(fmt::format("wrote {} ({}, SHA-256 {}) to {}", document.part, domain::format_size(document.size),
                           document.sha256, util::escape_controls(options.out)));
}

} // namespace

void register_proposal_documents(CLI::App& proposal, Registry& registry)
{
  const std::string ref_help = "The proposal: its acronym, CALL/ACRONYM, or its numeric id";
  const std::string part_help = "The part: part-b, annex, support-letter or other (annex-2, support-letter-2, ... "
                                "for further ones)";

  auto attach_options = std::make_shared<AttachOptions>();
  auto* attach = proposal.add_subcommand(
      "attach", "Store a file as a part of a proposal (a new version; before its cut-off only)");
  attach->add_option("REF", attach_options->request.ref, ref_help)->required();
  attach->add_option("FILE", attach_options->request.path, "The file to attach, or '-' for standard input")
      ->required();
  attach->add_option("--part", attach_options->request.part, part_help)->required();
  attach_options->title_option =
      attach->add_option("--title", attach_options->title, "What the document is (kept with it)");
  attach_options->name_option = attach->add_option("--name", attach_options->name,
                     "The file name to keep (default: the name of FILE; 'stdin' for standard input)");
  registry.on_change(attach, [attach_options](Context& context) { run_attach(context, *attach_options); });

  auto detach_ref = std::make_shared<std::string>();
  auto detach_part = std::make_shared<std::string>();
  auto* detach = proposal.add_subcommand(
      "detach", "Remove a part from a proposal (a new version; earlier versions keep it; before its cut-off only)");
  detach->add_option("REF", *detach_ref, ref_help)->required();
  detach->add_option("PART", *detach_part, part_help)->required();
  registry.on_change(detach, [detach_ref, detach_part](Context& context) {
    auto session = context.session(store::Access::read_write);
    print_changed(context, core::detach_document(session, *detach_ref, *detach_part).change);
  });

  auto list_options = std::make_shared<ListOptions>();
  auto* documents = proposal.add_subcommand("documents", "List the documents of a proposal version");
  documents->add_option("REF", list_options->ref, ref_help)->required();
  documents->add_option("--version", list_options->version, "The version (default: the current one)");
  registry.on(documents, [list_options](Context& context) { run_documents(context, *list_options); });

  auto read_options = std::make_shared<ReadOptions>();
  auto* document = proposal.add_subcommand(
      "document", "Write the bytes of a document to a file, checking its SHA-256 on the way out");
  document->add_option("REF", read_options->ref, ref_help)->required();
  document->add_option("PART", read_options->part, part_help)->required();
  document->add_option("--version", read_options->version, "The version (default: the current one)");
  document->add_option("--out", read_options->out,
                       "The file to write (replaced atomically; a new one gets mode 0600), or '-' for standard output")
      ->required();
  registry.on(document, [read_options](Context& context) { run_document(context, *read_options); },
              {{Format::table}, "proposal document writes the document's bytes; --format does not apply"});
}

} // namespace cfp::cli
