// SPDX-License-Identifier: EUPL-1.2
// `import documents` refuses what it must not take, naming the manifest's line and column or the
// file, and changes nothing: paths out of the folder, links anywhere inside it, files that are
// not what the manifest says, unknown proposals, bad or repeated parts, what `proposal attach`
// refuses, a bad header. Every problem is reported at once.
#include "cli/document_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

class DocumentImportSafetyTest : public DocumentTest
{
protected:
  const std::string m_pdf = pdf("BSC part B");

  std::string manifest(const fs::path& folder) const { return (folder / "manifest.csv").string(); }

  /// A folder whose manifest has the one row `row` (after the header), and the file bsc.pdf.
  fs::path folder_with_row(const std::string& row)
  {
    return folder_with("in", {{k_call, "BSC-AIF", "part-b", "bsc.pdf", m_pdf}}, std::string(k_manifest_header) + row);
  }

  std::string good_row(const std::string& file) const
  {
    return std::string(k_call) + ",BSC-AIF,part-b," + file + "," + std::to_string(m_pdf.size()) + ",," +
           sha256_of(m_pdf) + ",,\r\n";
  }
};

TEST_F(DocumentImportSafetyTest, APathThatClimbsOutOfTheFolderIsRefused)
{
  write("outside.pdf", m_pdf);
  const auto folder = folder_with_row(good_row("../outside.pdf"));
  refused({"import", "documents", folder.string()}, 65,
        manifest(folder) + ":2: file: '../outside.pdf': it leads out of the folder ('..')");
  const auto hidden = folder_with_row(good_row("a/../../outside.pdf"));
  refused({"import", "documents", hidden.string()}, 65, "it leads out of the folder");
}

TEST_F(DocumentImportSafetyTest, AnAbsolutePathIsRefused)
{
  const auto outside = write("outside.pdf", m_pdf);
  const auto folder = folder_with_row(good_row(outside.string()));
  refused({"import", "documents", folder.string()}, 65,
        manifest(folder) + ":2: file: '" + outside.string() + "': it is an absolute path");
}

TEST_F(DocumentImportSafetyTest, ASymbolicLinkToAFileIsRefused)
{
  const auto outside = write("outside.pdf", m_pdf);
  const auto folder = folder_with_row(good_row("link.pdf"));
  fs::create_symlink(outside, folder / "link.pdf");
  refused({"import", "documents", folder.string()}, 65,
        (folder / "link.pdf").string() + ": it is a symbolic link; cfp follows no link in the folder");
}

TEST_F(DocumentImportSafetyTest, ASymbolicLinkToAFolderOnTheWayIsRefused)
{
  fs::create_directories(m_dir / "elsewhere" / "BSC-AIF");
  write("elsewhere/BSC-AIF/part-b.pdf", m_pdf);
  const auto folder = folder_with_row(good_row("calls/BSC-AIF/part-b.pdf"));
  fs::create_symlink(m_dir / "elsewhere", folder / "calls");
  refused({"import", "documents", folder.string()}, 65,
        (folder / "calls/BSC-AIF/part-b.pdf").string() + ": calls on its way is a symbolic link");
}

TEST_F(DocumentImportSafetyTest, AManifestThatIsALinkIsRefused)
{
  const auto folder = folder_with_row(good_row("bsc.pdf"));
  fs::rename(folder / "manifest.csv", m_dir / "elsewhere.csv");
  fs::create_symlink(m_dir / "elsewhere.csv", folder / "manifest.csv");
  refused({"import", "documents", folder.string()}, 66, "cannot read " + manifest(folder) + ": it is a symbolic link");
}

TEST_F(DocumentImportSafetyTest, AFileOfAnotherSizeOrDigestIsRefused)
{
  const auto longer = folder_with_row(std::string(k_call) + ",BSC-AIF,part-b,bsc.pdf,10,," + sha256_of(m_pdf) + ",,\r\n");
  refused({"import", "documents", longer.string()}, 65,
        (longer / "bsc.pdf").string() + ": it holds more than the 10 bytes " + manifest(longer) + ":2 gives");
  const auto shorter =
      folder_with_row(std::string(k_call) + ",BSC-AIF,part-b,bsc.pdf,1000,," + sha256_of(m_pdf) + ",,\r\n");
  refused({"import", "documents", shorter.string()}, 65,
        (shorter / "bsc.pdf").string() + ": it holds " + std::to_string(m_pdf.size()) + " bytes, not the 1000");
  const auto other = sha256_of("other");
  const auto digest = folder_with_row(std::string(k_call) + ",BSC-AIF,part-b,bsc.pdf," +
                                      std::to_string(m_pdf.size()) + ",," + other + ",,\r\n");
  refused({"import", "documents", digest.string()}, 65,
        (digest / "bsc.pdf").string() + ": its SHA-256 is " + sha256_of(m_pdf) + ", not the " + other);
}

TEST_F(DocumentImportSafetyTest, AMissingFileIsRefused)
{
  const auto folder = folder_with_row(good_row("missing.pdf"));
  refused({"import", "documents", folder.string()}, 65,
        (folder / "missing.pdf").string() + ": cannot read it: No such file or directory");
}

TEST_F(DocumentImportSafetyTest, AFolderOrAFifoIsNoFile)
{
  const auto folder = folder_with_row(good_row("sub"));
  fs::create_directory(folder / "sub");
  refused({"import", "documents", folder.string()}, 65, (folder / "sub").string() + ": it is not a regular file");
  const auto fifo = folder_with_row(good_row("fifo.pdf"));
  ASSERT_EQ(::mkfifo((fifo / "fifo.pdf").c_str(), 0600), 0);
  refused({"import", "documents", fifo.string()}, 65, (fifo / "fifo.pdf").string() + ": it is not a regular file");
}

TEST_F(DocumentImportSafetyTest, TheDatabaseIsNoDocument)
{
  const auto folder = folder_with_row(good_row("db"));
  fs::create_hard_link(m_db, folder / "db");
  refused({"import", "documents", folder.string()}, 65,
          (folder / "db").string() + ": it is the database, or one of its journals; a database cannot hold itself");
}

TEST_F(DocumentImportSafetyTest, AnUnknownCallOrProposalIsRefused)
{
  const auto folder = folder_with("in", {{k_call, "NOPE", "part-b", "bsc.pdf", m_pdf},
                                         {"NO-CALL", "BSC-AIF", "part-b", "bsc.pdf", m_pdf}});
  refused({"import", "documents", folder.string()}, 65,
        manifest(folder) + ":2: acronym: no proposal 'NOPE' in call EUROHPC-2024-CEI-AI-01; 'cfp proposal list --call "
                           "EUROHPC-2024-CEI-AI-01' lists them\n" +
            manifest(folder) + ":3: call: no call 'NO-CALL'; 'cfp call list' shows the calls\n"
                               "cfp: error: 2 of 2 documents cannot be imported; nothing was imported\n");
}

TEST_F(DocumentImportSafetyTest, ABadPartIsRefused)
{
  const auto folder = folder_with("in", {{k_call, "BSC-AIF", "part-c", "bsc.pdf", m_pdf}});
  refused({"import", "documents", folder.string()}, 65, manifest(folder) + ":2: part: 'part-c' is not a part");
}

TEST_F(DocumentImportSafetyTest, APartNamedTwiceIsRefused)
{
  const auto folder = folder_with("in", {{k_call, "BSC-AIF", "part-b", "bsc.pdf", m_pdf},
                                         {k_call, "bsc-aif", "PART-B", "bsc.pdf", m_pdf}});
  refused({"import", "documents", folder.string()}, 65,
        manifest(folder) + ":3: part: part-b of EUROHPC-2024-CEI-AI-01/bsc-aif appears twice: on line 2 and on line 3");
}

TEST_F(DocumentImportSafetyTest, APartBThatIsNoPdfIsRefused)
{
  const auto folder = folder_with("in", {{k_call, "BSC-AIF", "part-b", "bsc.txt", "plain text\n"},
                                         {k_call, "BSC-AIF", "annex", "cut.pdf", "%PDF-1.4\ncut short"}});
  refused({"import", "documents", folder.string()}, 65,
        (folder / "bsc.txt").string() + ": cannot be part-b of BSC-AIF: a part-b must be a PDF, and its content is "
                                        "text/plain, not a PDF");
  refused({"import", "documents", folder.string()}, 65,
        (folder / "cut.pdf").string() + ": cannot be annex of BSC-AIF: the file is named .pdf, but it starts as a PDF "
                                        "but has no %%EOF in its last 1024 bytes");
}

TEST_F(DocumentImportSafetyTest, ADocumentOverItsCallsLimitIsRefused)
{
  {
    SQLite::Database db(m_db.string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE call SET document_limit_bytes = 1024");
  }
  const auto folder = folder_with("in", {{k_call, "BSC-AIF", "part-b", "big.pdf", pdf(std::string(2000, 'x'))}});
  refused({"import", "documents", folder.string()}, 65,
        (folder / "big.pdf").string() + ": it is larger than the limit of 1 KiB a document of call "
                                        "EUROHPC-2024-CEI-AI-01");
}

TEST_F(DocumentImportSafetyTest, DocumentsOverTheLimitOfAProposalTogetherAreRefused)
{
  {
    SQLite::Database db(m_db.string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE call SET document_limit_bytes = 209715200");
  }
  // Two annexes of 101 MiB (the same zeros: stored once, counted twice).
  const auto folder = folder_with("in", {});
  const auto size = std::uintmax_t{101} << 20;
  for (const auto* name : {"a.bin", "b.bin"}) {
    std::ofstream(folder / name).close();
    fs::resize_file(folder / name, size);
  }
  const auto digest = sha256_of(std::string(size, '\0'));
  std::string rows = k_manifest_header;
  for (const auto* part : {"annex", "annex-2"}) {
    rows += std::string(k_call) + ",BSC-AIF," + part + "," + (part == std::string("annex") ? "a.bin" : "b.bin") + "," +
            std::to_string(size) + ",," + digest + ",,\r\n";
  }
  std::ofstream(folder / "manifest.csv", std::ios::binary) << rows;
  refused({"import", "documents", folder.string()}, 65,
        manifest(folder) + ":2: size: the documents of BSC-AIF would come to 211.8 MB, over the limit of 200 MiB a "
                           "proposal");
}

TEST_F(DocumentImportSafetyTest, AMalformedHeaderStopsTheImport)
{
  const auto unknown = folder_with("unknown", {}, "call,acronym,part,file,size,sha256,colour\r\n");
  refused({"import", "documents", unknown.string()}, 65,
        manifest(unknown) + ":1: header: unknown column 'colour'; the columns are call, acronym, part, file, size, "
                            "media_type, sha256, file_name, title");
  const auto missing = folder_with("missing", {}, "call,acronym,part,file,size\r\n");
  refused({"import", "documents", missing.string()}, 65,
        manifest(missing) + ":1: header: the required column 'sha256' is missing");
  const auto empty = folder_with("empty", {}, "");
  refused({"import", "documents", empty.string()}, 65, manifest(empty) + ":1: header: the file is empty");
  fs::create_directories(m_dir / "none");
  refused({"import", "documents", (m_dir / "none").string()}, 66,
        "cannot read " + manifest(m_dir / "none") + ": No such file or directory");
  refused({"import", "documents", (m_dir / "absent").string()}, 66,
        "cannot read " + (m_dir / "absent").string() + ": No such file or directory");
}

TEST_F(DocumentImportSafetyTest, EveryProblemIsReportedAtOnceAndNothingIsWritten)
{
  write("outside.pdf", m_pdf);
  const auto folder = folder_with("in", {{k_call, "MIMER", "part-b", "mimer.pdf", pdf("MIMER")}},
                                  std::string(k_manifest_header) + row_of({k_call, "MIMER", "part-b", "mimer.pdf",
                                                                          pdf("MIMER")}) +
                                      good_row("../outside.pdf") + std::string(k_call) +
                                      ",BSC-AIF,annex,missing.txt,12,,nope,,\r\n" + "short,row\r\n");
  refused({"import", "documents", folder.string()}, 65,
        manifest(folder) + ":3: file: '../outside.pdf': it leads out of the folder ('..'); give the path inside the "
                           "folder\n" +
            manifest(folder) + ":4: sha256: 'nope' is not a SHA-256 (64 hexadecimal digits)\n" + manifest(folder) +
            ":5: record: 2 fields where the header has 9\n"
            "cfp: error: 3 of 4 documents cannot be imported; nothing was imported\n");
}

} // namespace
} // namespace cfp::test
