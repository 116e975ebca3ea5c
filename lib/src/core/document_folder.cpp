// SPDX-License-Identifier: EUPL-1.2
#include "document_folder.hpp"

#include <cfp/domain/document.hpp>
#include <cfp/error.hpp>
#include <cfp/util/csv_reader.hpp>
#include <cfp/util/descriptor.hpp>
#include <cfp/util/digest.hpp>
#include <cfp/util/path_below.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <map>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace cfp::core::detail {

namespace fs = std::filesystem;

namespace {

// The SHA-256 of what the open file `fd` holds from its start, or nothing when it cannot be read.
std::string file_sha256(int fd)
{
  util::Sha256 hash;
  std::array<char, 1 << 16> buffer{};
  while (true) {
    const auto got = util::read_some(fd, buffer.data(), buffer.size());
    if (got < 0) {
      return {};
    }
    if (got == 0) {
      return hash.hex();
    }
    hash.update(buffer.data(), static_cast<std::size_t>(got));
  }
}

// A name that is safe as one component of a path: the characters call codes and acronyms are
// made of, and never `.` or `..`, which would name the folder itself or the one above.
bool is_plain_name(const std::string& name)
{
  const auto allowed = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
  };
  return !name.empty() && name.size() <= 255 && name != "." && name != ".." &&
         std::all_of(name.begin(), name.end(), allowed);
}

std::string known_columns()
{
  std::vector<std::string> names(k_manifest_columns.begin(), k_manifest_columns.end());
  return util::join(names, ", ");
}

[[noreturn]] void fail_header(const std::string& shown_as, std::size_t line, const std::string& message)
{
  throw Error(ErrorKind::invalid_input, fmt::format("{}:{}: header: {}", shown_as, line, message));
}

// The entries of the folder open as `fd` (which stays open), but `.` and `..`.
std::vector<std::string> entries_of(int fd)
{
  std::vector<std::string> names;
  const int copy = ::dup(fd);
  DIR* dir = copy < 0 ? nullptr : ::fdopendir(copy);
  if (dir == nullptr) {
    if (copy >= 0) {
      ::close(copy);
    }
    return names;
  }
  ::rewinddir(dir); // the copy shares its offset with `fd`, which an earlier listing left at the end
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") {
      names.push_back(name);
    }
  }
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

// The components of `path` between '/'.
std::vector<std::string> split_path(const std::string& path)
{
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (auto slash = path.find('/'); slash != std::string::npos; slash = path.find('/', start)) {
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  parts.push_back(path.substr(start));
  return parts;
}

} // namespace

std::string document_path(const std::string& call, const std::string& acronym, const std::string& part,
                          const std::string& media_type)
{
  const auto canonical = domain::parse_part(part);
  for (const auto* name : {&call, &acronym}) {
    if (!is_plain_name(*name)) {
      throw Error(ErrorKind::refused,
                  fmt::format("cannot export the documents of {}/{}: '{}' cannot be the name of a folder (a name of "
                              "letters, digits, '.', '_' and '-', not '.' or '..'); export the other calls with "
                              "--call, and read these documents with 'cfp proposal document'",
                              util::excerpt(call), util::excerpt(acronym), util::excerpt(*name)));
    }
  }
  if (!canonical || canonical.value() != part) {
    throw Error(ErrorKind::storage, fmt::format("the part '{}' of {}/{} is not a part cfp knows; the database holds "
                                                "what its rules refuse: run 'cfp db check'",
                                                util::excerpt(part), call, acronym));
  }
  return call + "/" + acronym + "/" + part + "." + std::string(domain::extension_of(media_type));
}

std::string read_manifest(int folder, const fs::path& shown_as)
{
  const auto shown = shown_as.string();
  const auto opened = util::open_below(folder, k_manifest_name);
  const int fd = opened.file.get();
  if (fd < 0) {
    if (opened.error == ELOOP) {
      throw Error(ErrorKind::input_file,
                  fmt::format("cannot read {}: it is a symbolic link; cfp reads only the file itself", shown));
    }
    throw Error(ErrorKind::input_file,
                fmt::format("cannot read {}: {}{}", shown, std::strerror(opened.error),
                            opened.error == ENOENT ? "; a folder of documents lists them in manifest.csv, as 'cfp "
                                                   "export documents' writes it"
                                                 : ""));
  }
  struct stat info{};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    throw Error(ErrorKind::input_file, fmt::format("cannot read {}: it is not a regular file", shown));
  }
  std::string text;
  std::array<char, 1 << 16> buffer{};
  while (true) {
    const auto got = util::read_some(fd, buffer.data(), buffer.size());
    if (got < 0) {
      throw Error(ErrorKind::input_file, fmt::format("cannot read {}: {}", shown, std::strerror(errno)));
    }
    if (got == 0) {
      return text;
    }
    text.append(buffer.data(), static_cast<std::size_t>(got));
    if (text.size() > k_max_manifest_bytes) {
      throw Error(ErrorKind::invalid_input, fmt::format("{} is larger than {} bytes; import the documents of fewer "
                                                        "proposals at a time",
                                                        shown, k_max_manifest_bytes));
    }
  }
}

void read_manifest_records(const std::string& text, const std::string& shown_as,
                           const std::function<void(const ManifestRecord&)>& each)
{
  std::istringstream in(text);
  util::CsvReader reader(in);
  util::CsvRecord csv;
  if (!reader.next(csv)) {
    fail_header(shown_as, 1,
                fmt::format("the file is empty; the first line must name the columns ({})", known_columns()));
  }
  if (!csv.error.empty()) {
    fail_header(shown_as, csv.line, csv.error);
  }
  std::vector<std::size_t> positions;
  for (const auto& name : csv.fields) {
    const auto found = std::find(k_manifest_columns.begin(), k_manifest_columns.end(), name);
    if (found == k_manifest_columns.end()) {
      fail_header(shown_as, csv.line,
                  fmt::format("unknown column '{}'; the columns are {}", util::excerpt(name), known_columns()));
    }
    const auto position = static_cast<std::size_t>(found - k_manifest_columns.begin());
    if (std::find(positions.begin(), positions.end(), position) != positions.end()) {
      fail_header(shown_as, csv.line, fmt::format("column '{}' appears twice", name));
    }
    positions.push_back(position);
  }
  for (std::size_t position = 0; position < k_manifest_columns.size(); ++position) {
    const bool optional = position == column::media_type || position == column::file_name || position == column::title;
    if (!optional && std::find(positions.begin(), positions.end(), position) == positions.end()) {
      fail_header(shown_as, csv.line, fmt::format("the required column '{}' is missing", k_manifest_columns[position]));
    }
  }
  while (reader.next(csv)) {
    ManifestRecord record;
    record.line = csv.line;
    if (!csv.error.empty()) {
      record.error = csv.error;
    } else if (csv.fields.size() != positions.size()) {
      record.error = fmt::format("{} fields where the header has {}", csv.fields.size(), positions.size());
    } else {
      for (std::size_t i = 0; i < positions.size(); ++i) {
        record.values[positions[i]] = std::move(csv.fields[i]);
      }
    }
    each(record);
  }
}

util::Existing earlier_export(const fs::path& folder, const std::vector<util::ProtectedFile>& protected_files,
                              const std::function<bool(const std::string& sha256)>& stored)
{
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) {
      return util::Existing::refuse; // made by the export
    }
    throw Error(ErrorKind::input_file, fmt::format("cannot export to {}: {}", folder.string(), std::strerror(errno)));
  }
  const util::Descriptor held(fd);
  const auto top = entries_of(fd);
  if (top.empty()) {
    return util::Existing::refuse; // an empty folder: the export takes its place
  }
  const auto refuse = [&](const std::string& why) {
    return Error(ErrorKind::input_file,
                 fmt::format("cannot export to {}: it is not empty, and not an earlier export of cfp ({}); name a new "
                             "or empty folder, or that of an earlier 'cfp export documents'",
                             folder.string(), why));
  };
  if (std::find(top.begin(), top.end(), k_manifest_name) == top.end()) {
    throw refuse("it holds no manifest.csv");
  }
  // The files the manifest lists, and the folders they are in: nothing else may be there.
  std::map<std::string, std::pair<std::int64_t, std::string>> listed; ///< file: its size and SHA-256
  std::set<std::string> folders;
  const auto manifest = (folder / k_manifest_name).string();
  try {
    read_manifest_records(read_manifest(fd, manifest), manifest, [&](const ManifestRecord& record) {
      const auto& file = record.value(column::file);
      const auto parts = file ? split_path(*file) : std::vector<std::string>{};
      if (!record.error.empty() || parts.size() != 3 || !is_plain_name(parts[0]) || !is_plain_name(parts[1]) ||
          !is_plain_name(parts[2])) {
        throw refuse(fmt::format("{}:{} names no file where cfp puts a document", manifest, record.line));
      }
      const auto size = record.value(column::size);
      const auto sha256 = record.value(column::sha256);
      std::int64_t bytes = -1;
      if (size) {
        std::from_chars(size->data(), size->data() + size->size(), bytes);
      }
      if (!sha256 || bytes < 0) {
        throw refuse(fmt::format("{}:{} gives no size or SHA-256", manifest, record.line));
      }
      listed[*file] = {bytes, *sha256};
      folders.insert(parts[0]);
      folders.insert(parts[0] + "/" + parts[1]);
    });
  } catch (const Error& error) {
    if (error.message().starts_with("cannot export to")) {
      throw;
    }
    throw refuse(error.message());
  }
  // Each entry, never through a link: a link is never part of an export.
  const std::function<void(int, const std::string&, int)> check = [&](int at, const std::string& prefix, int depth) {
    for (const auto& name : entries_of(at)) {
      const auto path = prefix.empty() ? name : prefix + "/" + name;
      if (depth == 0 && name == k_manifest_name) {
        continue;
      }
      struct stat info{};
      const bool known = depth < 2 ? folders.count(path) > 0 : listed.count(path) > 0;
      if (::fstatat(at, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0 || !known ||
          (depth < 2 ? !S_ISDIR(info.st_mode) : !S_ISREG(info.st_mode))) {
        throw refuse(fmt::format("{} is neither a file its manifest.csv lists nor a folder of one",
                                 (folder / path).string()));
      }
      if (const auto role = util::protected_conflict(folder / path, protected_files)) {
        throw refuse(fmt::format("{} is {}", (folder / path).string(), *role));
      }
      if (depth == 2) {
        // Removed only when it is what cfp wrote and the database holds its bytes: a file edited
        // since, or one of someone's own in the same layout, is never lost.
        const auto& [size, sha256] = listed.at(path);
        const util::Descriptor file(::openat(at, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
        if (!file || info.st_size != size || file_sha256(file.get()) != sha256 || !stored(sha256)) {
          throw refuse(fmt::format("{} is not the document its manifest.csv lists, or the database does not hold "
                                   "its bytes",
                                   (folder / path).string()));
        }
      }
      if (depth < 2) {
        const util::Descriptor inner(::openat(at, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!inner) {
          throw Error(ErrorKind::input_file, fmt::format("cannot export to {}: cannot read {}: {}", folder.string(),
                                                         (folder / path).string(), std::strerror(errno)));
        }
        check(inner.get(), path, depth + 1);
      }
    }
  };
  check(fd, "", 0);
  return util::Existing::replace;
}

} // namespace cfp::core::detail
