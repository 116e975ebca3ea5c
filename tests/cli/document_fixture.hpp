// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The fixture of the tests of `export documents` and `import documents`: small documents made
// in the test, attached through core (as `proposal attach` does), folders with a manifest, and
// the whole content of a folder for comparisons.

#include "cli/import_fixture.hpp"

#include <cfp/core/documents.hpp>
#include <cfp/store/database.hpp>
#include <cfp/util/digest.hpp>

#include <date/tz.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace cfp::test {

inline constexpr auto k_manifest_header = "call,acronym,part,file,size,media_type,sha256,file_name,title\r\n";
/// After both cut-offs of the fixture's calls: every proposal of the fixture is read-only.
inline constexpr auto k_after_cutoffs = "2025-03-01T10:00:00Z";

/// A small PDF: starts with %PDF- and ends with %%EOF.
inline std::string pdf(const std::string& text)
{
  return "%PDF-1.4\n% " + text + "\n%%EOF\n";
}

inline std::string sha256_of(const std::string& bytes)
{
  util::Sha256 hash;
  hash.update(bytes.data(), bytes.size());
  return hash.hex();
}

/// Every regular file under `folder` by its path inside it, with its bytes.
inline std::map<std::string, std::string> files_in(const std::filesystem::path& folder)
{
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) {
      files[std::filesystem::relative(entry.path(), folder).string()] = read_file(entry.path());
    }
  }
  return files;
}

class DocumentTest : public ImportExportTest
{
protected:
  /// Attaches `bytes` as part `part` of `ref` at `now`, as `proposal attach` does.
  void attach(const std::string& ref, const std::string& part, const std::string& bytes, const std::string& file_name,
              const std::string& now = k_now, std::optional<std::string> title = std::nullopt)
  {
    const auto file = write(file_name, bytes);
    auto database = store::Database::open(m_db.string());
    core::FixedClock clock(utc(now));
    core::Session session{*database, clock, "tester", "cfp proposal attach", *date::locate_zone("Europe/Brussels")};
    core::attach_document(session, {ref, part, file.string(), std::move(title), std::nullopt});
    std::filesystem::remove(file);
  }

  /// BSC-AIF with a part B and an annex (a PNG whose name and title hold a comma and quotes),
  /// MIMER with a part B.
  void attach_three()
  {
    attach("BSC-AIF", "part-b", pdf("BSC AI Factory: technical part"), "bsc-part-b.pdf");
    attach("BSC-AIF", "annex", std::string("\x89PNG\r\n\x1a\n", 8) + "chart", "chart, \"final\".png", k_now,
           "Chart, \"final\"");
    attach("MIMER", "part-b", pdf("MIMER: technical part"), "mimer.pdf");
  }

  /// A file `relative` in `folder` holding `bytes`, and its manifest row.
  struct Entry
  {
    std::string call;
    std::string acronym;
    std::string part;
    std::string relative;
    std::string bytes;
  };

  /// The manifest row of `entry`, with the size and digest of its bytes.
  static std::string row_of(const Entry& entry)
  {
    return entry.call + "," + entry.acronym + "," + entry.part + "," + entry.relative + "," +
           std::to_string(entry.bytes.size()) + ",," + sha256_of(entry.bytes) + ",,\r\n";
  }

  /// Writes each entry's file into `folder` (made if need be) and a manifest listing them, or
  /// `manifest` when it is given.
  std::filesystem::path folder_with(const std::string& name, const std::vector<Entry>& entries,
                                    const std::optional<std::string>& manifest = std::nullopt)
  {
    const auto folder = m_dir / name;
    std::filesystem::create_directories(folder);
    std::string rows = k_manifest_header;
    for (const auto& entry : entries) {
      const auto path = folder / entry.relative;
      std::filesystem::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary) << entry.bytes;
      rows += row_of(entry);
    }
    std::ofstream(folder / "manifest.csv", std::ios::binary) << manifest.value_or(rows);
    return folder;
  }

  /// Runs `import documents FOLDER` with `extra` and expects success; returns stderr.
  std::string import_documents(const std::filesystem::path& folder, const std::string& now,
                               const std::vector<std::string>& extra = {})
  {
    std::vector<std::string> args{"import", "documents", folder.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = cfp(args, now);
    EXPECT_EQ(result.exit_code, 0) << "cfp " << ::testing::PrintToString(args) << "\nstderr: " << result.err;
    return result.err;
  }

  /// Runs `args` and expects it to fail with `exit_code`, print nothing on stdout, end stderr
  /// with a `cfp: error:` line, print `message` on stderr, and leave the database as it was.
  /// (CliTest::fails wants stderr to start with the error; an import lists its problems first.)
  void refused(const std::vector<std::string>& args, int exit_code, const std::string& message,
               const std::string& now = k_now)
  {
    const std::string before = dump_database(m_db);
    const auto result = cfp(args, now);
    EXPECT_EQ(result.exit_code, exit_code) << "cfp " << ::testing::PrintToString(args) << "\nstderr: " << result.err;
    EXPECT_EQ(result.out, "");
    const auto last = result.err.rfind('\n', result.err.size() >= 2 ? result.err.size() - 2 : 0);
    EXPECT_EQ(result.err.find("cfp: error: ", last == std::string::npos ? 0 : last + 1),
              last == std::string::npos ? 0 : last + 1)
        << result.err;
    EXPECT_NE(result.err.find(message), std::string::npos)
        << "cfp " << ::testing::PrintToString(args) << "\nexpected: " << message << "\nstderr: " << result.err;
    EXPECT_EQ(dump_database(m_db), before) << "the database changed: cfp " << ::testing::PrintToString(args);
  }

  /// Runs `export documents --out FOLDER` with `extra` and expects success; returns stderr.
  std::string export_documents(const std::filesystem::path& folder, const std::vector<std::string>& extra = {})
  {
    std::vector<std::string> args{"export", "documents", "--out", folder.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = cfp(args);
    EXPECT_EQ(result.exit_code, 0) << "cfp " << ::testing::PrintToString(args) << "\nstderr: " << result.err;
    EXPECT_EQ(result.out, "");
    return result.err;
  }
};

} // namespace cfp::test
