// SPDX-License-Identifier: EUPL-1.2
// `export documents` never leaves a half export that looks complete, and never writes where it
// must not: a file, a link, the database, a folder holding something else; a full disk or a
// damaged document leaves the destination as it was. An earlier export is replaced whole.
#include "cli/document_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

class DocumentExportSafetyTest : public DocumentTest
{
protected:
  void SetUp() override
  {
    DocumentTest::SetUp();
    attach_three();
  }

  /// Expects `export documents --out FOLDER` to fail with `exit_code` and `message`.
  void export_fails(const fs::path& folder, int exit_code, const std::string& message)
  {
    fails({"export", "documents", "--out", folder.string()}, exit_code, message);
  }

  /// Expects nothing that cfp makes while it writes (".NAME.cfp-...") to be left in `folder`.
  void expect_nothing_left(const fs::path& folder)
  {
    for (const auto& name : names_in(folder)) {
      EXPECT_EQ(name.find(".cfp-"), std::string::npos) << "left behind: " << (folder / name);
    }
  }
};

TEST_F(DocumentExportSafetyTest, AFileIsNotReplaced)
{
  const auto file = write("out", "mine\n");
  export_fails(file, 66, "--out " + file.string() + " exists and is not a folder (a file); name a folder");
  EXPECT_EQ(read_file(file), "mine\n");
  expect_nothing_left(m_dir.path());
}

TEST_F(DocumentExportSafetyTest, ASymbolicLinkIsNotFollowedNorReplaced)
{
  fs::create_directory(m_dir / "target");
  fs::create_directory_symlink(m_dir / "target", m_dir / "link");
  export_fails(m_dir / "link", 66, "--out " + (m_dir / "link").string() + " is a symbolic link; name the folder itself");
  EXPECT_TRUE(fs::is_symlink(m_dir / "link"));
  EXPECT_TRUE(fs::is_empty(m_dir / "target"));
}

TEST_F(DocumentExportSafetyTest, TheDatabaseIsRefused)
{
  export_fails(m_db, 66, "--out " + m_db.string() + " is the database; name another folder");
  export_fails(m_dir.path(), 66, "it is not empty, and not an earlier export of cfp (it holds no manifest.csv)");
}

TEST_F(DocumentExportSafetyTest, AFolderHoldingAnythingElseIsRefused)
{
  fs::create_directory(m_dir / "mine");
  write("mine/notes.txt", "mine\n");
  export_fails(m_dir / "mine", 66, "cannot export to " + (m_dir / "mine").string() +
                                       ": it is not empty, and not an earlier export of cfp (it holds no manifest.csv)");
  EXPECT_EQ(names_in(m_dir / "mine"), std::vector<std::string>{"notes.txt"});
}

TEST_F(DocumentExportSafetyTest, AnEmptyFolderTakesTheExport)
{
  fs::create_directory(m_dir / "empty");
  export_documents(m_dir / "empty");
  EXPECT_EQ(files_in(m_dir / "empty").size(), 4u);
}

TEST_F(DocumentExportSafetyTest, AnEarlierExportIsReplacedWholeButNotWhenSomethingWasAddedToIt)
{
  const auto out = m_dir / "out";
  export_documents(out);
  attach("MIMER", "part-b", pdf("MIMER, revised"), "mimer-2.pdf");
  attach("MIMER", "annex", pdf("MIMER annex"), "annex.pdf");
  const auto err = export_documents(out);
  EXPECT_NE(err.find("in place of the earlier export there"), std::string::npos) << err;
  const auto files = files_in(out);
  EXPECT_EQ(files.size(), 5u);
  EXPECT_EQ(files.at("EUROHPC-2024-CEI-AI-01/MIMER/part-b.pdf"), pdf("MIMER, revised"));
  expect_nothing_left(m_dir.path());

  // One call only: the other call's documents of the earlier export go with it.
  export_documents(out, {"--call", k_other_call});
  EXPECT_EQ(files_in(out).size(), 1u);

  // A file of someone's own in it: not an export any more, never removed.
  export_documents(out);
  write("out/EUROHPC-2024-CEI-AI-01/notes.txt", "mine\n");
  const auto before = files_in(out);
  export_fails(out, 66, (out / "EUROHPC-2024-CEI-AI-01/notes.txt").string() + " is neither a file its manifest.csv lists nor a folder of one");
  EXPECT_EQ(files_in(out), before);
  fs::remove(out / "EUROHPC-2024-CEI-AI-01/notes.txt");
  fs::create_symlink(m_db, out / "EUROHPC-2024-CEI-AI-01/BSC-AIF/link");
  export_fails(out, 66, "BSC-AIF/link is neither a file its manifest.csv lists");
}

// What an attack found: an earlier export was recognised by its layout alone, so a file edited
// in it, or a folder of someone's own in the same layout, was removed.
TEST_F(DocumentExportSafetyTest, OnlyAnExportWhoseEveryFileTheDatabaseHoldsIsReplaced)
{
  const auto out = m_dir / "out";
  export_documents(out);
  const auto manifest = read_file(out / "manifest.csv");
  const std::string first = files_in(out).begin()->first;
  // Edited since cfp wrote it: the edit is never lost.
  write("out/" + first, "edited by hand\n");
  auto before = files_in(out);
  export_fails(out, 66, (out / first).string() + " is not the document its manifest.csv lists, or the database does "
                        "not hold its bytes");
  EXPECT_EQ(files_in(out), before);

  // A folder of someone's own, in the layout and with a manifest that agrees with its files, but
  // bytes the database does not hold: the only copy is never removed.
  fs::remove_all(out);
  export_documents(out);
  const auto own = pdf("an only copy");
  write("out/" + first, own);
  auto text = read_file(out / "manifest.csv");
  const auto line_end = text.find("\r\n", text.find("\r\n") + 2);
  auto row = text.substr(text.find("\r\n") + 2, line_end - text.find("\r\n") - 2);
  std::vector<std::string> cells;
  for (std::size_t start = 0;;) {
    const auto comma = row.find(',', start);
    cells.push_back(row.substr(start, comma - start));
    if (comma == std::string::npos) {
      break;
    }
    start = comma + 1;
  }
  cells[4] = std::to_string(own.size());
  cells[6] = sha256_of(own);
  std::string rebuilt;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    rebuilt += (i == 0 ? "" : ",") + cells[i];
  }
  text.replace(text.find("\r\n") + 2, row.size(), rebuilt);
  write("out/manifest.csv", text);
  before = files_in(out);
  export_fails(out, 66, "or the database does not hold its bytes");
  EXPECT_EQ(files_in(out), before);
  EXPECT_NE(manifest, text);
}

TEST_F(DocumentExportSafetyTest, AManifestListingFilesElsewhereIsNoEarlierExport)
{
  fs::create_directories(m_dir / "out");
  write("out/cfp.db", "x");
  write("out/manifest.csv", std::string(k_manifest_header) + "A,B,part-b,cfp.db,1,,,,\r\n");
  export_fails(m_dir / "out", 66, "manifest.csv:2 names no file where cfp puts a document");
  EXPECT_EQ(read_file(m_dir / "out/cfp.db"), "x");
}

TEST_F(DocumentExportSafetyTest, ADamagedDocumentStopsTheExportWithNothingWritten)
{
  {
    SQLite::Database db(m_db.string(), SQLite::OPEN_READWRITE);
    db.exec("DROP TRIGGER document_chunk_is_immutable");
    db.exec("UPDATE document_chunk SET data = CAST('%PDF-1.4 forged' AS BLOB) WHERE content_id = "
            "(SELECT content_id FROM proposal_document d JOIN proposal p ON p.id = d.proposal_id "
            "WHERE p.acronym = 'MIMER')");
  }
  export_fails(m_dir / "out", 74, "the stored part-b of EUROHPC-2024-CEI-AI-01/MIMER (version 2) is damaged: its 15 "
                                  "bytes have SHA-256");
  EXPECT_FALSE(fs::exists(m_dir / "out"));
  expect_nothing_left(m_dir.path());
  // An earlier export stays as it was.
  fs::create_directory(m_dir / "earlier");
  write("earlier/manifest.csv", k_manifest_header);
  export_fails(m_dir / "earlier", 74, "is damaged");
  EXPECT_EQ(names_in(m_dir / "earlier"), std::vector<std::string>{"manifest.csv"});
}

// A small file system of its own: the export does not fit.
TEST_F(DocumentExportSafetyTest, AFullDiskLeavesNoHalfExport)
{
  const auto disk = m_dir / "disk";
  fs::create_directory(disk);
  if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=16k,mode=0700") != 0) {
    GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno) << "); needs CAP_SYS_ADMIN";
  }
  attach("BSC-AIF", "annex-2", std::string(64 * 1024, 'x'), "big.txt");
  const auto result = cfp({"export", "documents", "--out", (disk / "out").string()});
  const auto left = names_in(disk);
  ::umount2(disk.c_str(), MNT_DETACH);
  EXPECT_EQ(result.exit_code, 66) << result.err;
  EXPECT_NE(result.err.find("No space left on device"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find((disk / "out").string()), std::string::npos) << result.err;
  EXPECT_TRUE(left.empty()) << ::testing::PrintToString(left);
}

} // namespace
} // namespace cfp::test
