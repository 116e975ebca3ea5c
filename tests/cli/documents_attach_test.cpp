// SPDX-License-Identifier: EUPL-1.2
// `proposal attach` and `detach`: a document is part of a proposal version, changed under the
// rules of `proposal update` (a new version, an audit entry, read-only after the cut-off, a
// submitted proposal submitted again), and what cannot be a document is refused with the
// database left as it was.

#include "cli/documents_fixture.hpp"

namespace cfp::test {
namespace {

using nlohmann::json;

constexpr auto k_later = "2024-10-02T10:00:00Z";

TEST_F(DocumentsTest, AttachStoresThePartInANewVersionAndSubmitsAgain)
{
  const auto content = pdf("Part B of BSC-AIF");
  const auto path = file("bsc-part-b.pdf", content);
  const auto result = cfp({"proposal", "attach", "BSC-AIF", path, "--part", "part-b", "--title", "Technical part"},
                          k_later);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, std::string(k_call) + "/BSC-AIF\n");
  EXPECT_NE(result.err.find("changed: part-b attached: bsc-part-b.pdf, " + std::to_string(content.size()) + " B; "
                            "submitted_at"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("receipt: version 2 submitted at 2024-10-02T10:00:00Z"), std::string::npos) << result.err;

  const auto listed = documents("BSC-AIF");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].at("part"), "part-b");
  EXPECT_EQ(listed[0].at("file_name"), "bsc-part-b.pdf");
  EXPECT_EQ(listed[0].at("title"), "Technical part");
  EXPECT_EQ(listed[0].at("size"), content.size());
  EXPECT_EQ(listed[0].at("media_type"), "application/pdf");
  EXPECT_EQ(listed[0].at("sha256"), sha256(content));
  EXPECT_EQ(listed[0].at("version"), 2);
  EXPECT_TRUE(documents("BSC-AIF", {"--version", "1"}).empty());

  const auto shown = json::parse(ok({"proposal", "show", "BSC-AIF", "--format", "json"}, k_later));
  EXPECT_EQ(shown.at("version"), 2);
  EXPECT_EQ(shown.at("submitted_at"), "2024-10-02T10:00:00Z");

  const auto entry = last_entry();
  EXPECT_EQ(entry.at("action"), "attach");
  EXPECT_FALSE(entry.at("before").contains("documents"));
  EXPECT_EQ(entry.at("after").at("documents")[0].at("sha256"), sha256(content));
  expect_checks_pass();
}

TEST_F(DocumentsTest, TheReceiptCoversEveryPartAndKeepsItsOldFormWithoutDocuments)
{
  const auto before = json::parse(ok({"proposal", "show", "MIMER", "--format", "json"}));
  const auto first_receipt = ok({"proposal", "history", "MIMER", "--format", "json"});
  const auto part_b = pdf("MIMER part B");
  const auto letter = pdf("Letter of support");
  ok({"proposal", "attach", "MIMER", file("b.pdf", part_b), "--part", "part-b"}, k_later);
  ok({"proposal", "attach", "MIMER", file("letter.pdf", letter), "--part", "support-letter"}, k_later);

  const auto shown = json::parse(ok({"proposal", "show", "MIMER", "--format", "json"}, k_later));
  const auto history = json::parse(ok({"proposal", "history", "MIMER", "--format", "json"}, k_later));
  ASSERT_EQ(history.size(), 3u);
  // Version 1 had no documents: its digest is the one it always had.
  EXPECT_EQ(history[0].at("sha256"), json::parse(first_receipt)[0].at("sha256"));
  // The digest of a version with documents is that of the snapshot, a line feed, then a line a
  // part: changing any document changes the receipt.
  const std::string snapshot = query("SELECT snapshot FROM proposal_version WHERE proposal_id = " +
                                     before.at("id").dump() + " AND version = 2");
  EXPECT_EQ(history[1].at("sha256"), sha256(snapshot + "\npart-b " + sha256(part_b) + "\n"));
  EXPECT_EQ(shown.at("sha256"), history[2].at("sha256"));
  EXPECT_NE(history[1].at("sha256"), history[2].at("sha256"));
}

TEST_F(DocumentsTest, ReplacingAPartKeepsTheEarlierOneInTheHistory)
{
  const auto first = pdf("first");
  const auto second = pdf("second, longer than the first");
  ok({"proposal", "attach", "BSC-AIF", file("one.pdf", first), "--part", "part-b"}, k_later);
  const auto result = cfp({"proposal", "attach", "BSC-AIF", file("two.pdf", second), "--part", "part-b"}, k_later);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("changed: part-b replaced: " + std::to_string(first.size()) + " B -> " +
                            std::to_string(second.size()) + " B (one.pdf -> two.pdf)"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(documents("BSC-AIF", {"--version", "2"})[0].at("sha256"), sha256(first));
  EXPECT_EQ(documents("BSC-AIF")[0].at("sha256"), sha256(second));
  const auto history = ok({"proposal", "history", "BSC-AIF"}, k_later);
  EXPECT_NE(history.find("part-b attached: one.pdf"), std::string::npos) << history;
  EXPECT_NE(history.find("part-b replaced: "), std::string::npos) << history;

  // The same file again changes nothing: no version, no audit entry.
  const auto entries = log_json().size();
  const auto again = cfp({"proposal", "attach", "BSC-AIF", file("two.pdf", second), "--part", "part-b"}, k_later);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("unchanged"), std::string::npos) << again.err;
  EXPECT_EQ(log_json().size(), entries);
  EXPECT_EQ(json::parse(ok({"proposal", "show", "BSC-AIF", "--format", "json"})).at("version"), 3);
  // Equal content is stored once.
  EXPECT_EQ(query("SELECT count(*) FROM document_content"), "2");
  ok({"proposal", "attach", "MIMER", file("copy.pdf", second), "--part", "part-b"}, k_later);
  EXPECT_EQ(query("SELECT count(*) FROM document_content"), "2");
  expect_checks_pass();
}

TEST_F(DocumentsTest, DetachRemovesThePartFromTheNextVersionOnly)
{
  ok({"proposal", "attach", "BSC-AIF", file("a.txt", "annex text\n"), "--part", "annex"}, k_later);
  fails({"proposal", "detach", "BSC-AIF", "annex-2"}, 1,
        "cfp: error: " + std::string(k_call) + "/BSC-AIF has no annex-2; its parts are annex\n", k_later);
  const auto result = cfp({"proposal", "detach", "BSC-AIF", "ANNEX"}, k_later);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("changed: annex detached: a.txt, 11 B"), std::string::npos) << result.err;
  EXPECT_TRUE(documents("BSC-AIF").empty());
  EXPECT_EQ(documents("BSC-AIF", {"--version", "2"}).size(), 1u);
  EXPECT_EQ(last_entry().at("action"), "detach");
  fails({"proposal", "documents", "BSC-AIF", "--version", "4"}, 1,
        "cfp: error: " + std::string(k_call) + "/BSC-AIF has no version 4; its versions are 1 to 3\n", k_later);
  expect_checks_pass();
}

TEST_F(DocumentsTest, FurtherDocumentsOfAKindAreNumbered)
{
  ok({"proposal", "attach", "BSC-AIF", file("pt.pdf", pdf("PT")), "--part", "support-letter-2"}, k_later);
  ok({"proposal", "attach", "BSC-AIF", file("ro.pdf", pdf("RO")), "--part", "support-letter"}, k_later);
  ok({"proposal", "attach", "BSC-AIF", file("b.pdf", pdf("B")), "--part", "part-b"}, k_later);
  const auto listed = documents("BSC-AIF");
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].at("part"), "part-b");
  EXPECT_EQ(listed[1].at("part"), "support-letter");
  EXPECT_EQ(listed[2].at("part"), "support-letter-2");
  for (const auto* part : {"part-b-2", "annex-1", "annex-21", "annex-02", "annex-", "part-c", ""}) {
    const auto result = cfp({"proposal", "attach", "BSC-AIF", file("x.pdf", pdf("x")), "--part", part}, k_later);
    EXPECT_EQ(result.exit_code, 65) << part << ": " << result.err;
    EXPECT_NE(result.err.find("cfp: error: --part: '"), std::string::npos) << result.err;
  }
}

TEST_F(DocumentsTest, WhatCannotBeADocumentIsRefusedAndChangesNothing)
{
  fails({"proposal", "attach", "BSC-AIF", file("empty.pdf", ""), "--part", "annex"}, 65,
        "cfp: error: " + (m_dir / "empty.pdf").string() + " is empty; a document has at least one byte\n", k_later);
  fails({"proposal", "attach", "BSC-AIF", file("notes.txt", "not a PDF\n"), "--part", "part-b"}, 65,
        "a part-b must be a PDF, and its content is text/plain, not a PDF", k_later);
  fails({"proposal", "attach", "BSC-AIF", file("cut.pdf", "%PDF-1.4\nstream cut short"), "--part", "part-b"}, 65,
        "a part-b must be a PDF, and it starts as a PDF but has no %%EOF in its last 1024 bytes", k_later);
  fails({"proposal", "attach", "BSC-AIF", file("fake.pdf", "PK\x03\x04zip"), "--part", "annex"}, 65,
        "the file is named .pdf, but its content is application/zip, not a PDF", k_later);
  fails({"proposal", "attach", "BSC-AIF", (m_dir / "missing.pdf").string(), "--part", "annex"}, 66,
        "cfp: error: cannot read " + (m_dir / "missing.pdf").string() + ": No such file or directory\n", k_later);
  fails({"proposal", "attach", "BSC-AIF", m_dir.path().string(), "--part", "annex"}, 66, "it is a folder", k_later);
  fails({"proposal", "attach", "BSC-AIF", m_db.string(), "--part", "annex"}, 2, "it is the database", k_later);
  fails({"proposal", "attach", "NOPE", file("b.pdf", pdf("b")), "--part", "part-b"}, 1, "no proposal 'NOPE'",
        k_later);
  fails({"proposal", "attach", "BSC-AIF", file("b.pdf", pdf("b")), "--part", "part-b", "--title", ""}, 65,
        "cfp: error: --title: ", k_later);
  // An endless input is read to the limit and one byte, no further.
  fails({"proposal", "attach", "BSC-AIF", "/dev/zero", "--part", "annex"}, 65,
        "cfp: error: /dev/zero is larger than the limit of 50 MiB a document of call " + std::string(k_call) +
            "; it was not read further\n",
        k_later);
  exec("UPDATE call SET document_limit_bytes = 1024 WHERE code = '" + std::string(k_call) + "'");
  fails({"proposal", "attach", "BSC-AIF", file("big.txt", std::string(1025, 'x')), "--part", "annex"}, 65,
        "big.txt is larger than the limit of 1 KiB a document of call", k_later);
  ok({"proposal", "attach", "BSC-AIF", file("fits.txt", std::string(1024, 'x')), "--part", "annex"}, k_later);
}

TEST_F(DocumentsTest, ADocumentIsReadOnlyOnceTheCutOffHasPassed)
{
  ok({"proposal", "attach", "BSC-AIF", file("b.pdf", pdf("b")), "--part", "part-b"}, k_later);
  const auto after_cutoff = "2024-11-04T16:00:01Z";
  fails({"proposal", "attach", "BSC-AIF", file("c.pdf", pdf("c")), "--part", "part-b"}, 1,
        "cfp: error: cannot attach part-b to BSC-AIF: BSC-AIF belongs to cut-off '2024-11-04', which closed at "
        "2024-11-04 17:00:00 CET (Brussels time); it is read-only now\n",
        after_cutoff);
  fails({"proposal", "detach", "BSC-AIF", "part-b"}, 1, "cannot detach part-b from BSC-AIF: BSC-AIF belongs to",
        after_cutoff);
  // Read as it was submitted, for good.
  EXPECT_EQ(documents("BSC-AIF").size(), 1u);
}

TEST_F(DocumentsTest, AProposalsDocumentsHaveALimitTogether)
{
  exec("UPDATE call SET document_limit_bytes = 209715200 WHERE code = '" + std::string(k_call) + "'");
  // Sparse files of zeros: read in full, stored once (the same content).
  const auto sparse = [&](const std::string& name, std::uintmax_t size) {
    const auto path = m_dir / name;
    std::ofstream(path, std::ios::binary).put('\0');
    std::filesystem::resize_file(path, size);
    return path.string();
  };
  ok({"proposal", "attach", "BSC-AIF", sparse("a.bin", 150U << 20), "--part", "annex"}, k_later);
  ok({"proposal", "attach", "BSC-AIF", sparse("b.bin", 50U << 20), "--part", "other"}, k_later);
  fails({"proposal", "attach", "BSC-AIF", file("c.txt", "one byte too many"), "--part", "annex-2"}, 65,
        "the documents of BSC-AIF would come to 209.7 MB, over the limit of 200 MiB a proposal; detach or replace "
        "one first",
        k_later);
  // Replacing a part counts the new one only.
  ok({"proposal", "attach", "BSC-AIF", file("small.txt", "small"), "--part", "annex"}, k_later);
  ok({"proposal", "attach", "BSC-AIF", file("c.txt", "now it fits"), "--part", "annex-2"}, k_later);
}

TEST_F(DocumentsTest, ADryRunAttachesNothing)
{
  dry_run({"proposal", "attach", "BSC-AIF", file("b.pdf", pdf("b")), "--part", "part-b"}, k_later);
  ok({"proposal", "attach", "BSC-AIF", file("b.pdf", pdf("b")), "--part", "part-b"}, k_later);
  dry_run({"proposal", "detach", "BSC-AIF", "part-b"}, k_later);
}

TEST_F(DocumentsTest, DeletingADraftTakesItsDocumentsAndKeepsThemInTheAuditEntry)
{
  ok({"proposal", "add", "--call", k_other_call, "--acronym", "STRAY", "--title", "Stray", "--host", "FR", "--entity",
      "Entity", "--draft"});
  const auto shared = pdf("shared with BSC-AIF");
  ok({"proposal", "attach", "STRAY", file("s.pdf", shared), "--part", "part-b"}, k_later);
  ok({"proposal", "attach", "STRAY", file("own.txt", "only the draft has this"), "--part", "annex"}, k_later);
  ok({"proposal", "attach", "BSC-AIF", file("s.pdf", shared), "--part", "part-b"}, k_later);
  ok({"proposal", "delete", "STRAY"}, k_later);
  EXPECT_EQ(query("SELECT count(*) FROM proposal_document"), "1");
  EXPECT_EQ(query("SELECT count(*) FROM document_content"), "1"); // the one BSC-AIF still has
  EXPECT_EQ(query("SELECT count(*) FROM document_chunk"), "1");
  const auto before = last_entry().at("before");
  ASSERT_EQ(before.at("documents").size(), 2u);
  EXPECT_EQ(before.at("documents")[1].at("file_name"), "own.txt");
  // A submitted proposal's documents stay on record, whatever a tool does to the file.
  EXPECT_THROW(exec("DELETE FROM proposal_document"), SQLite::Exception);
  EXPECT_THROW(exec("UPDATE document_chunk SET data = x'00'"), SQLite::Exception);
  expect_checks_pass();
}

} // namespace
} // namespace cfp::test
