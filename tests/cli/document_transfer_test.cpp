// SPDX-License-Identifier: EUPL-1.2
// `export documents` and `import documents`: an export imported into a database rebuilt from
// the export of its proposals gives the same export again, byte for byte; the same export
// imported into its own database changes nothing; an import gives each proposal one version
// holding all its parts, submitted again, and --historical completes a closed version in place.
#include "cli/document_fixture.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace cfp::test {
namespace {

class DocumentTransferTest : public DocumentTest
{
};

TEST_F(DocumentTransferTest, AnExportListsEachCurrentDocumentInItsManifestAndWritesItUnderCallAcronymPart)
{
  attach_three();
  const auto err = export_documents(m_dir / "out");
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "chart";
  const std::string bsc = pdf("BSC AI Factory: technical part");
  const std::string mimer = pdf("MIMER: technical part");
  EXPECT_EQ(err, fmt::format("exported 3 documents of 2 proposals ({} B) to {}\n",
                             png.size() + bsc.size() + mimer.size(), (m_dir / "out").string()));
  const auto files = files_in(m_dir / "out");
  EXPECT_EQ(files.size(), 4u);
  EXPECT_EQ(files.at("EUROHPC-2024-CEI-AI-01/BSC-AIF/part-b.pdf"), bsc);
  EXPECT_EQ(files.at("EUROHPC-2024-CEI-AI-01/BSC-AIF/annex.png"), png);
  EXPECT_EQ(files.at("EUROHPC-2024-CEI-AI-01/MIMER/part-b.pdf"), mimer);
  EXPECT_EQ(files.at("manifest.csv"),
            std::string(k_manifest_header) +
                "EUROHPC-2024-CEI-AI-01,BSC-AIF,part-b,EUROHPC-2024-CEI-AI-01/BSC-AIF/part-b.pdf," +
                std::to_string(bsc.size()) + ",application/pdf," + sha256_of(bsc) + ",bsc-part-b.pdf,\r\n" +
                "EUROHPC-2024-CEI-AI-01,BSC-AIF,annex,EUROHPC-2024-CEI-AI-01/BSC-AIF/annex.png," +
                std::to_string(png.size()) + ",image/png," + sha256_of(png) +
                ",\"chart, \"\"final\"\".png\",\"Chart, \"\"final\"\"\"\r\n" +
                "EUROHPC-2024-CEI-AI-01,MIMER,part-b,EUROHPC-2024-CEI-AI-01/MIMER/part-b.pdf," +
                std::to_string(mimer.size()) + ",application/pdf," + sha256_of(mimer) + ",mimer.pdf,\r\n");
  // Private, as the documents of proposals are.
  EXPECT_EQ(std::filesystem::status(m_dir / "out").permissions(), std::filesystem::perms::owner_all);
  EXPECT_EQ(std::filesystem::status(m_dir / "out" / "manifest.csv").permissions(),
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  // Nothing is left beside it.
  for (const auto& name : names_in(m_dir.path())) {
    EXPECT_FALSE(name.starts_with(".")) << "left behind: " << name;
  }
}

TEST_F(DocumentTransferTest, OneCallOnlyWithCall)
{
  attach_three();
  ok({"proposal", "add", "--call", k_other_call, "--acronym", "OTHER", "--title", "Other", "--host", "FR",
      "--entity", "E", "--eu-contribution", "1M"});
  attach(std::string(k_other_call) + "/OTHER", "part-b", pdf("Other"), "other.pdf");
  export_documents(m_dir / "other", {"--call", k_other_call});
  const auto files = files_in(m_dir / "other");
  EXPECT_EQ(files.size(), 2u);
  EXPECT_TRUE(files.contains(std::string(k_other_call) + "/OTHER/part-b.pdf"));
  const auto result = cfp({"export", "documents", "--out", (m_dir / "none").string(), "--call", "NOPE"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_FALSE(std::filesystem::exists(m_dir / "none"));
}

TEST_F(DocumentTransferTest, ExportImportIntoADatabaseRebuiltFromTheExportsThenExportAgainIsByteIdentical)
{
  attach_three();
  export_documents(m_dir / "first");
  const auto proposals = write("proposals.csv", ok({"export", "proposals"}));
  const auto calls = write("calls.json", ok({"export", "calls"}));

  // The rebuild, after both cut-offs have closed: proposals and their documents of the past.
  const auto copy = m_dir / "copy.db";
  const auto in_copy = [&](const std::vector<std::string>& args) {
    const auto result = run_cli(copy, args, k_after_cutoffs);
    EXPECT_EQ(result.exit_code, 0) << ::testing::PrintToString(args) << "\n" << result.err;
    return result;
  };
  in_copy({"import", "calls", calls.string()});
  in_copy({"import", "proposals", proposals.string(), "--historical"});
  const auto imported = in_copy({"import", "documents", (m_dir / "first").string(), "--historical"});
  EXPECT_EQ(imported.err, "imported 3 documents: 3 added, 0 replaced, 0 unchanged; 2 proposals changed (2 in the "
                          "version submitted, --historical)\n");
  in_copy({"export", "documents", "--out", (m_dir / "second").string()});
  EXPECT_EQ(files_in(m_dir / "second"), files_in(m_dir / "first"));

  // The documents went into the version that was submitted, which stays the only one.
  const auto history = as_json(in_copy({"proposal", "history", "BSC-AIF", "--format", "json"}).out);
  EXPECT_EQ(history.size(), 1u);
  const auto log = as_json(in_copy({"log", "--ref", "BSC-AIF", "--format", "json"}).out);
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log[0]["action"], "historical import");
  EXPECT_EQ(log[0]["after"]["documents"].size(), 2u);

  // And again: the rebuilt database already holds all of it.
  const std::string before = dump_database(copy);
  const auto again = in_copy({"import", "documents", (m_dir / "first").string(), "--historical"});
  EXPECT_EQ(again.err, "imported 3 documents: 0 added, 0 replaced, 3 unchanged; 0 proposals changed\n");
  EXPECT_EQ(dump_database(copy), before);
}

TEST_F(DocumentTransferTest, AnExportImportedIntoItsOwnDatabaseChangesNothing)
{
  attach_three();
  export_documents(m_dir / "out");
  const std::string before = dump_database(m_db);
  // Before and after the cut-off: nothing to change is no change to refuse.
  for (const auto* now : {k_now, k_after_cutoffs}) {
    EXPECT_EQ(import_documents(m_dir / "out", now),
              "imported 3 documents: 0 added, 0 replaced, 3 unchanged; 0 proposals changed\n");
  }
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(DocumentTransferTest, EachProposalChangedGetsOneVersionWithAllItsPartsAndIsSubmittedAgain)
{
  const auto bsc = pdf("BSC part B");
  const auto annex = std::string("plain text annex\n");
  const auto mimer = pdf("MIMER part B");
  const auto folder = folder_with("in", {{k_call, "BSC-AIF", "part-b", "a/bsc.pdf", bsc},
                                         {k_call, "BSC-AIF", "annex", "a/notes.txt", annex},
                                         {k_call, "mimer", "Part-B", "mimer.pdf", mimer}});
  const auto log_before = audit().size();
  EXPECT_EQ(import_documents(folder, "2024-10-03T09:00:00Z"),
            "imported 3 documents: 3 added, 0 replaced, 0 unchanged; 2 proposals changed\n");
  EXPECT_EQ(versions_of("BSC-AIF"), 2u);
  EXPECT_EQ(versions_of("MIMER"), 2u);
  EXPECT_EQ(show("BSC-AIF")["submitted_at"], "2024-10-03T09:00:00Z");
  const auto log = audit();
  ASSERT_EQ(log.size(), log_before + 2);
  EXPECT_EQ(log[0]["action"], "import");
  EXPECT_EQ(log[1]["action"], "import");
  // The file name kept is the file's own, when the manifest gives none.
  export_documents(m_dir / "out");
  const auto manifest = read_file(m_dir / "out" / "manifest.csv");
  EXPECT_NE(manifest.find(",notes.txt,\r\n"), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("EUROHPC-2024-CEI-AI-01/BSC-AIF/annex.txt,17,text/plain,"), std::string::npos) << manifest;

  // One part replaced, one the same: one more version, and the unchanged part counted so.
  const auto changed = folder_with("again", {{k_call, "BSC-AIF", "part-b", "bsc.pdf", pdf("BSC part B, revised")},
                                             {k_call, "BSC-AIF", "annex", "notes.txt", annex}});
  EXPECT_EQ(import_documents(changed, "2024-10-04T09:00:00Z"),
            "imported 2 documents: 0 added, 1 replaced, 1 unchanged; 1 proposal changed\n");
  EXPECT_EQ(versions_of("BSC-AIF"), 3u);
  EXPECT_EQ(versions_of("MIMER"), 2u);
}

TEST_F(DocumentTransferTest, ADryRunChecksEverythingAndWritesNothing)
{
  const auto folder = folder_with("in", {{k_call, "BSC-AIF", "part-b", "bsc.pdf", pdf("BSC")}});
  const std::string before = dump_database(m_db);
  const auto result = cfp({"import", "documents", folder.string(), "--dry-run", "--format", "json"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "dry run: would import 1 document: 1 added, 0 replaced, 0 unchanged; 1 proposal changed; "
                        "nothing was written\n");
  const auto summary = as_json(result.out);
  EXPECT_EQ(summary["added"], 1);
  EXPECT_EQ(summary["written"], false);
  EXPECT_EQ(summary["manifest_sha256"], sha256_of(read_file(folder / "manifest.csv")));
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(DocumentTransferTest, WithoutHistoricalAClosedProposalIsRefusedNamingTheOption)
{
  const auto folder = folder_with("in", {{k_call, "BSC-AIF", "part-b", "bsc.pdf", pdf("BSC")}});
  refused({"import", "documents", folder.string()}, 65,
        (folder / "manifest.csv").string() + ":2: acronym: BSC-AIF belongs to cut-off '2024-11-04', which closed at "
                                              "2024-11-04 17:00:00 CET (Brussels time); it is read-only now. To record "
                                              "the documents it was submitted with (rebuilding a database from an "
                                              "export), give --historical",
        k_after_cutoffs);
}

TEST_F(DocumentTransferTest, HistoricalAddsOnlyThePartsAClosedVersionLacks)
{
  attach("BSC-AIF", "part-b", pdf("BSC as submitted"), "bsc.pdf");
  const auto folder = folder_with("in", {{k_call, "BSC-AIF", "part-b", "bsc.pdf", pdf("BSC, another")},
                                         {k_call, "BSC-AIF", "annex", "annex.pdf", pdf("annex")}});
  refused({"import", "documents", folder.string(), "--historical"}, 65,
        "manifest.csv:2: part: BSC-AIF already has a part-b (bsc.pdf) in version 2, whose cut-off has closed; "
        "--historical adds only the parts it lacks, and changes none",
        k_after_cutoffs);
  // The same part-b, and an annex it lacks: the annex joins version 2.
  const auto lacking = folder_with("lacking", {{k_call, "BSC-AIF", "part-b", "bsc.pdf", pdf("BSC as submitted")},
                                               {k_call, "BSC-AIF", "annex", "annex.pdf", pdf("annex")}});
  EXPECT_EQ(import_documents(lacking, k_after_cutoffs, {"--historical"}),
            "imported 2 documents: 1 added, 0 replaced, 1 unchanged; 1 proposal changed (1 in the version submitted, "
            "--historical)\n");
  EXPECT_EQ(versions_of("BSC-AIF"), 2u);
}

// What an attack found: a rebuild failed once the call's limit had been lowered below a document
// attached when it was higher.
TEST_F(DocumentTransferTest, HistoricalKeepsADocumentAboveALimitLoweredSince)
{
  const std::string big = pdf(std::string(2000, 'x'));
  attach("BSC-AIF", "part-b", big, "bsc.pdf");
  ok({"call", "update", k_call, "--document-limit", "1KiB"}, k_after_cutoffs);
  const auto folder = m_dir / "first";
  export_documents(folder);
  const auto proposals = write("proposals.csv", ok({"export", "proposals"}));
  const auto calls = write("calls.json", ok({"export", "calls"}));
  const auto copy = m_dir / "copy.db";
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"import", "calls", calls.string()},
           {"import", "proposals", proposals.string(), "--historical"},
           {"import", "documents", folder.string(), "--historical"}}) {
    const auto result = run_cli(copy, args, k_after_cutoffs);
    EXPECT_EQ(result.exit_code, 0) << ::testing::PrintToString(args) << "\n" << result.err;
  }
  // A change now still keeps to the limit.
  const auto now = run_cli(copy, {"proposal", "attach", "BSC-AIF", write("b.pdf", big).string(), "--part", "annex"},
                           "2024-10-02T10:00:00Z");
  EXPECT_NE(now.exit_code, 0);
}

TEST_F(DocumentTransferTest, AnEmptyManifestImportsNothing)
{
  const auto folder = folder_with("in", {});
  EXPECT_EQ(import_documents(folder, k_now), "imported 0 documents: 0 added, 0 replaced, 0 unchanged; 0 proposals "
                                             "changed\n");
}

} // namespace
} // namespace cfp::test
