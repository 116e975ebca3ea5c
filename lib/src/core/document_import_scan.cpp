// SPDX-License-Identifier: EUPL-1.2
#include "document_import_scan.hpp"

#include "document_folder.hpp"

#include <cfp/domain/document.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/error.hpp>
#include <cfp/util/digest.hpp>
#include <cfp/util/descriptor.hpp>
#include <cfp/util/path_below.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace cfp::core::detail {

namespace fs = std::filesystem;

ImportProblems::ImportProblems(const fs::path& folder)
    : m_folder(folder), m_manifest((folder / k_manifest_name).string())
{
}

void ImportProblems::add(ImportRow& row, std::string line)
{
  if (row.valid) {
    row.valid = false;
    ++m_invalid;
  }
  m_lines.emplace_back(row.line, std::move(line));
}

void ImportProblems::in_row(ImportRow& row, std::string_view column, const std::string& message)
{
  add(row, fmt::format("{}:{}: {}: {}", m_manifest, row.line, column, message));
}

void ImportProblems::in_file(ImportRow& row, const std::string& message)
{
  add(row, fmt::format("{}: {}", (m_folder / row.file).string(), message));
}

void ImportProblems::report(DocumentImportSummary& summary) const
{
  auto lines = m_lines;
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  summary.problems.clear();
  for (std::size_t i = 0; i < lines.size() && i < k_max_reported_problems; ++i) {
    summary.problems.push_back(lines[i].second);
  }
  summary.problem_count = lines.size();
  summary.invalid = m_invalid;
}

namespace {

// The row's values, each checked on its own; `row.valid` says whether all were right.
ImportRow read_row(const ManifestRecord& record, ImportProblems& problems)
{
  ImportRow row;
  row.line = record.line;
  if (!record.error.empty()) {
    problems.in_row(row, "record", record.error);
    return row;
  }
  const auto text = [&](std::size_t position) { return record.value(position).value_or(""); };
  row.call = text(column::call);
  row.acronym = text(column::acronym);
  row.file = text(column::file);
  for (const auto position : {column::call, column::acronym, column::part, column::file, column::size,
                              column::sha256}) {
    if (util::trim(text(position)).empty()) {
      problems.in_row(row, k_manifest_columns[position], "required; give it a value");
    }
  }
  if (!row.acronym.empty()) {
    if (auto problem = domain::check_acronym(row.acronym)) {
      problems.in_row(row, "acronym", *problem);
    }
  }
  if (!text(column::part).empty()) {
    auto part = domain::parse_part(text(column::part));
    if (part) {
      row.part = std::move(part).value();
    } else {
      problems.in_row(row, "part", part.error());
    }
  }
  if (!row.file.empty()) {
    if (auto problem = util::check_path_below(row.file)) {
      problems.in_row(row, "file", fmt::format("'{}': {}", util::excerpt(row.file), *problem));
    }
  }
  if (const auto size = text(column::size); !size.empty()) {
    const auto [end, error] = std::from_chars(size.data(), size.data() + size.size(), row.size);
    if (error != std::errc{} || end != size.data() + size.size() || row.size < 1 ||
        row.size > domain::k_proposal_documents_limit) {
      row.size = 0;
      problems.in_row(row, "size",
                      fmt::format("'{}' is not a size in bytes from 1 to {} ({}), as a document may have",
                                  util::excerpt(size), domain::k_proposal_documents_limit,
                                  domain::format_limit(domain::k_proposal_documents_limit)));
    }
  }
  if (const auto digest = text(column::sha256); !digest.empty()) {
    row.sha256 = util::to_lower_ascii(digest);
    if (row.sha256.size() != 64 || row.sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
      row.sha256.clear();
      problems.in_row(row, "sha256", fmt::format("'{}' is not a SHA-256 (64 hexadecimal digits)", util::excerpt(digest)));
    }
  }
  // The name kept is the manifest's, else the file's own (the whole path when it has no '/').
  const bool named = !text(column::file_name).empty();
  row.file_name = named ? text(column::file_name) : row.file.substr(row.file.rfind('/') + 1);
  if (named || !row.file.empty()) {
    if (auto problem = domain::check_file_name(row.file_name)) {
      problems.in_row(row, named ? "file_name" : "file", *problem);
    }
  }
  if (const auto title = text(column::title); !title.empty()) {
    row.title = title;
    if (auto problem = domain::check_text(title, "title")) {
      problems.in_row(row, "title", *problem);
    }
  }
  return row;
}

// Whether the file `info` describes is the database `database` or one of its journals.
bool is_database(const struct stat& info, const std::string& database)
{
  for (const auto* suffix : {"", "-wal", "-shm", "-journal"}) {
    struct stat other{};
    if (::stat((database + suffix).c_str(), &other) == 0 && other.st_dev == info.st_dev &&
        other.st_ino == info.st_ino) {
      return true;
    }
  }
  return false;
}

// Reads the row's file once: its size and digest against the manifest's, its media type
// against the part's rules.
void scan_file(int folder, ImportRow& row, ImportProblems& problems, const std::string& database)
{
  const auto opened = util::open_below(folder, row.file);
  if (!opened.file) {
    if (opened.error != ELOOP) {
      problems.in_file(row, fmt::format("cannot read it: {}", std::strerror(opened.error)));
    } else if (opened.failed_at == row.file) {
      problems.in_file(row, "it is a symbolic link; cfp follows no link in the folder: put the file itself there");
    } else {
      problems.in_file(row, fmt::format("{} on its way is a symbolic link; cfp follows no link in the folder: put "
                                        "the folders and files themselves there",
                                        util::excerpt(opened.failed_at)));
    }
    return;
  }
  struct stat info{};
  if (::fstat(opened.file.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    problems.in_file(row, "it is not a regular file (a folder, a FIFO or a device); name a file");
    return;
  }
  if (is_database(info, database)) {
    problems.in_file(row, "it is the database, or one of its journals; a database cannot hold itself");
    return;
  }
  util::Sha256 hash;
  domain::MediaSniffer sniffer;
  std::array<char, 1 << 16> buffer{};
  const auto cap = static_cast<std::uint64_t>(row.size) + 1;
  std::uint64_t size = 0;
  while (size < cap) {
    const auto got = util::read_some(opened.file.get(), buffer.data(),
                                     static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), cap - size)));
    if (got < 0) {
      problems.in_file(row, fmt::format("cannot read it: {}", std::strerror(errno)));
      return;
    }
    if (got == 0) {
      break;
    }
    const auto bytes = static_cast<std::size_t>(got);
    hash.update(buffer.data(), bytes);
    sniffer.update(buffer.data(), bytes);
    size += bytes;
  }
  const auto said = fmt::format("{}:{}", problems.manifest(), row.line);
  if (size != static_cast<std::uint64_t>(row.size)) {
    problems.in_file(row, size > static_cast<std::uint64_t>(row.size)
                              ? fmt::format("it holds more than the {} bytes {} gives", row.size, said)
                              : fmt::format("it holds {} bytes, not the {} {} gives", size, row.size, said));
    return;
  }
  if (const auto digest = hash.hex(); digest != row.sha256) {
    problems.in_file(row, fmt::format("its SHA-256 is {}, not the {} {} gives", digest, row.sha256, said));
    return;
  }
  row.media_type = sniffer.media_type();
  if (!row.part.empty()) {
    if (auto problem = domain::check_document(row.part, row.file_name, row.media_type, sniffer.starts_as_pdf())) {
      problems.in_file(row, fmt::format("cannot be {} of {}: {}", row.part, util::excerpt(row.acronym), *problem));
    }
  }
}

} // namespace

ScannedFolder scan_folder(const fs::path& folder, const std::string& database, ImportProblems& problems)
{
  ScannedFolder scanned;
  scanned.folder = folder;
  // The folder as named, even through a link; nothing below it is reached through one.
  scanned.descriptor.reset(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!scanned.descriptor) {
    throw Error(ErrorKind::input_file,
                fmt::format("cannot read {}: {}{}", folder.string(), std::strerror(errno),
                            errno == ENOTDIR ? "; name the folder that holds manifest.csv" : ""));
  }
  const auto manifest = read_manifest(scanned.descriptor.get(), problems.manifest());
  util::Sha256 hash;
  hash.update(manifest.data(), manifest.size());
  scanned.manifest_sha256 = hash.hex();
  std::map<std::string, std::size_t> first_line; // of each proposal's part, ignoring the case of the key
  read_manifest_records(manifest, problems.manifest(), [&](const ManifestRecord& record) {
    auto row = read_row(record, problems);
    if (!row.part.empty() && !row.call.empty() && !row.acronym.empty()) {
      const auto key = util::to_lower_ascii(row.call) + "/" + util::to_lower_ascii(row.acronym) + "/" + row.part;
      const auto [found, first] = first_line.emplace(key, row.line);
      if (!first) {
        problems.in_row(row, "part", fmt::format("{} of {}/{} appears twice: on line {} and on line {}", row.part,
                                                 util::excerpt(row.call), util::excerpt(row.acronym), found->second,
                                                 row.line));
      }
    }
    // The file is read whatever else is wrong, unless where it is or what it must be is unknown.
    if (!row.file.empty() && !util::check_path_below(row.file) && row.size > 0 && !row.sha256.empty()) {
      scan_file(scanned.descriptor.get(), row, problems, database);
    }
    scanned.rows.push_back(std::move(row));
  });
  return scanned;
}

store::DocumentRepository::Reader read_again(const ScannedFolder& scanned, const ImportRow& row)
{
  auto opened = util::open_below(scanned.descriptor.get(), row.file);
  struct stat info{};
  if (!opened.file || ::fstat(opened.file.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    throw Error(ErrorKind::input_file, fmt::format("{} changed while it was read: it cannot be read again; import "
                                                   "again once nothing changes the folder",
                                                   (scanned.folder / row.file).string()));
  }
  auto file = std::make_shared<util::Descriptor>(std::move(opened.file));
  auto left = std::make_shared<std::uint64_t>(static_cast<std::uint64_t>(row.size) + 1);
  auto shown = (scanned.folder / row.file).string();
  return [file, left, shown](char* buffer, std::size_t capacity) -> std::size_t {
    const auto got =
        util::read_some(file->get(), buffer, static_cast<std::size_t>(std::min<std::uint64_t>(capacity, *left)));
    if (got < 0) {
      throw Error(ErrorKind::input_file, fmt::format("cannot read {}: {}", shown, std::strerror(errno)));
    }
    *left -= static_cast<std::uint64_t>(got);
    return static_cast<std::size_t>(got);
  };
}

} // namespace cfp::core::detail
