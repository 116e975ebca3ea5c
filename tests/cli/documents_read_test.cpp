// SPDX-License-Identifier: EUPL-1.2
// `proposal document` writes a document back byte for byte, checking its SHA-256 on the way out;
// a call's required parts are checked at every submission; standard input can be attached.

#include "cli/documents_fixture.hpp"

namespace cfp::test {
namespace {

using nlohmann::json;

constexpr auto k_later = "2024-10-02T10:00:00Z";

TEST_F(DocumentsTest, ADocumentIsWrittenBackByteForByteAtAnyVersion)
{
  std::string binary = pdf("first");
  for (int i = 0; i < 256; ++i) {
    binary.insert(binary.begin() + 9, static_cast<char>(i)); // every byte value, inside the PDF
  }
  ok({"proposal", "attach", "BSC-AIF", file("one.pdf", binary), "--part", "part-b"}, k_later);
  ok({"proposal", "attach", "BSC-AIF", file("two.pdf", pdf("second")), "--part", "part-b"}, k_later);

  const auto out = m_dir / "out.pdf";
  const auto result = cfp({"proposal", "document", "BSC-AIF", "part-b", "--version", "2", "--out", out.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("wrote part-b (" + std::to_string(binary.size()) + " B, SHA-256 " + sha256(binary)),
            std::string::npos)
      << result.err;
  EXPECT_EQ(read(out), binary);
  ok({"proposal", "document", "BSC-AIF", "part-b", "--out", out.string()});
  EXPECT_EQ(read(out), pdf("second"));

  fails({"proposal", "document", "BSC-AIF", "annex", "--out", out.string()}, 1,
        "cfp: error: " + std::string(k_call) + "/BSC-AIF has no annex in version 3; its parts are part-b\n");
  fails({"proposal", "document", "BSC-AIF", "part-b", "--version", "1", "--out", out.string()}, 1,
        "has no part-b in version 1; it has no documents");
  // Never over the database, a link or a folder.
  fails({"proposal", "document", "BSC-AIF", "part-b", "--out", m_db.string()}, 66, "the database");
  std::filesystem::create_symlink(out, m_dir / "link.pdf");
  fails({"proposal", "document", "BSC-AIF", "part-b", "--out", (m_dir / "link.pdf").string()}, 66,
        "symbolic link");
  fails({"proposal", "document", "BSC-AIF", "part-b", "--out", m_dir.path().string()}, 66, "--out ");
}

TEST_F(DocumentsTest, DamagedBytesAreExit74AndLeaveNoFile)
{
  const auto content = pdf("to be damaged");
  ok({"proposal", "attach", "BSC-AIF", file("b.pdf", content), "--part", "part-b"}, k_later);
  // What a damaged disk or a careless tool could leave.
  exec("DROP TRIGGER document_chunk_is_immutable; UPDATE document_chunk SET data = x'25504446'");
  const auto out = m_dir / "out.pdf";
  std::ofstream(out) << "an earlier file";
  const auto result = cfp({"proposal", "document", "BSC-AIF", "part-b", "--out", out.string()});
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_NE(result.err.find("cfp: error: the stored part-b of " + std::string(k_call) +
                            "/BSC-AIF (version 2) is damaged: its 4 bytes have SHA-256 "),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("not the " + sha256(content) + " recorded"), std::string::npos) << result.err;
  EXPECT_EQ(read(out), "an earlier file");
  // `db check` reads every document back and names the damaged one.
  const auto check = cfp({"db", "check"});
  EXPECT_EQ(check.exit_code, 74) << check.out << check.err;
  EXPECT_NE(check.out.find("documents       failed  1 of 1 damaged: the document " + sha256(content) + " (" +
                           std::to_string(content.size()) + " bytes recorded) reads as 4 bytes"),
            std::string::npos)
      << check.out;
  for (const auto& name : names_in(m_dir.path())) {
    EXPECT_TRUE(name == "b.pdf" || name == "out.pdf" || name.starts_with("cfp.db")) << "left behind: " << name;
  }
}

TEST_F(DocumentsTest, StandardInputIsAttachedAndWrittenBack)
{
  const auto content = pdf("from a pipe");
  const auto input = file("in.pdf", content);
  const auto out = m_dir / "out.pdf";
  const std::vector<std::string> env{"CFP_DB=" + m_db.string(), "CFP_NOW=2024-10-02T10:00:00Z", "PATH=/usr/bin:/bin"};
  const auto attach = run_process({"/bin/sh", "-c", std::string("cat ") + input + " | " + CFP_BINARY +
                                                        " proposal attach BSC-AIF - --part part-b --name b.pdf"},
                                  env);
  ASSERT_EQ(attach.exit_code, 0) << attach.err;
  EXPECT_EQ(documents("BSC-AIF")[0].at("file_name"), "b.pdf");
  const auto back = run_process(
      {"/bin/sh", "-c", std::string(CFP_BINARY) + " proposal document BSC-AIF part-b --out - > " + out.string()}, env);
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_EQ(read(out), content);
  // Without --name, standard input is called stdin.
  const auto annex = run_process(
      {"/bin/sh", "-c", std::string("printf 'annex text' | ") + CFP_BINARY + " proposal attach BSC-AIF - --part annex"},
      env);
  ASSERT_EQ(annex.exit_code, 0) << annex.err;
  EXPECT_EQ(documents("BSC-AIF")[1].at("file_name"), "stdin");
  // A part B must be a PDF whatever the name it is given.
  const auto fake = run_process({"/bin/sh", "-c", std::string("printf 'plain' | ") + CFP_BINARY +
                                                      " proposal attach BSC-AIF - --part part-b --name b.pdf"},
                                env);
  EXPECT_EQ(fake.exit_code, 65) << fake.err;
  EXPECT_NE(fake.err.find("cannot attach standard input as part-b: a part-b must be a PDF"), std::string::npos)
      << fake.err;
}

TEST_F(DocumentsTest, ASubmissionNeedsThePartsItsCallRequires)
{
  require_parts(k_call, "part-b,support-letter");
  fails({"proposal", "add", "--call", k_call, "--acronym", "NEWAIF", "--title", "New", "--host", "FR", "--entity", "E",
         "--eu-contribution", "1M"},
        1,
        "cfp: error: cannot submit NEWAIF: call " + std::string(k_call) + " requires these parts: part-b, "
        "support-letter with a submission, and NEWAIF has no part-b, support-letter; attach each with 'cfp proposal "
        "attach " + std::string(k_call) + "/NEWAIF FILE --part part-b' after recording the proposal as a --draft, then "
        "submit it\n",
        k_later);
  ok({"proposal", "add", "--call", k_call, "--acronym", "NEWAIF", "--title", "New", "--host", "FR", "--entity", "E",
      "--eu-contribution", "1M", "--draft"},
     k_later);
  ok({"proposal", "attach", "NEWAIF", file("b.pdf", pdf("b")), "--part", "part-b"}, k_later);
  fails({"proposal", "submit", "NEWAIF"}, 1, "requires the part support-letter with a submission, and NEWAIF has no "
                                             "support-letter",
        k_later);
  // A further letter is not the first one.
  ok({"proposal", "attach", "NEWAIF", file("l2.pdf", pdf("l2")), "--part", "support-letter-2"}, k_later);
  fails({"proposal", "submit", "NEWAIF"}, 1, "has no support-letter", k_later);
  ok({"proposal", "attach", "NEWAIF", file("l1.pdf", pdf("l1")), "--part", "support-letter"}, k_later);
  ok({"proposal", "submit", "NEWAIF"}, k_later);
  // A required part of a submitted proposal can be replaced, not detached.
  fails({"proposal", "detach", "NEWAIF", "part-b"}, 1, "cannot submit NEWAIF: call", k_later);
  ok({"proposal", "attach", "NEWAIF", file("b2.pdf", pdf("b2")), "--part", "part-b"}, k_later);
  ok({"proposal", "detach", "NEWAIF", "support-letter-2"}, k_later);
}

TEST_F(DocumentsTest, AnImportSubmitsOnlyWithTheRequiredParts)
{
  require_parts(k_call, "part-b");
  const std::string header = "call,acronym,title,host,entity,eu_contribution_eur,status\n";
  const auto csv = [&](const std::string& status) {
    return file("p.csv", header + k_call + ",NEWAIF,New,FR,Entity,1000000," + status + "\n");
  };
  const auto before = dump_database(m_db);
  const auto refused = cfp({"import", "proposals", csv("submitted")}, k_later);
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("p.csv:2: status: call " + std::string(k_call) +
                             " requires the part part-b with a submission, and NEWAIF has no part-b"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(dump_database(m_db), before);
  ok({"import", "proposals", csv("draft")}, k_later);
  ok({"proposal", "attach", "NEWAIF", file("b.pdf", pdf("b")), "--part", "part-b"}, k_later);
  ok({"import", "proposals", csv("submitted")}, k_later);
  EXPECT_EQ(json::parse(ok({"proposal", "show", "NEWAIF", "--format", "json"})).at("status"), "submitted");
  // The new version keeps the document.
  EXPECT_EQ(documents("NEWAIF").size(), 1u);
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

// What an attack on the first version found, each kept from coming back.
TEST_F(DocumentsTest, APartRequiredAfterASubmissionDoesNotLockTheProposal)
{
  require_parts(k_call, "part-b,support-letter");
  // BSC-AIF was submitted before the call required anything: each part can be added in turn.
  const auto first = cfp({"proposal", "attach", "BSC-AIF", file("b.pdf", pdf("b")), "--part", "part-b"}, k_later);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("warning: BSC-AIF is submitted without support-letter, which call " + std::string(k_call) +
                           " now requires; attach it with 'cfp proposal attach " + std::string(k_call) +
                           "/BSC-AIF FILE --part support-letter'"),
            std::string::npos)
      << first.err;
  ok({"proposal", "update", "BSC-AIF", "--title", "Still open to changes"}, k_later);
  // But no change may take away a required part it has.
  fails({"proposal", "detach", "BSC-AIF", "part-b"}, 1, "has no part-b", k_later);
  const auto second = cfp({"proposal", "attach", "BSC-AIF", file("l.pdf", pdf("l")), "--part", "support-letter"},
                          k_later);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.err.find("warning:"), std::string::npos) << second.err;
}

TEST_F(DocumentsTest, TitlesNamesAndVersionsAreChecked)
{
  fails({"proposal", "attach", "BSC-AIF", file("b.pdf", pdf("b")), "--part", "part-b", "--title", std::string(1001, 't')},
        65, "--title: a document's title is at most 1000 bytes; this one has 1001", k_later);
  fails({"proposal", "attach", "BSC-AIF", file("b.pdf", pdf("b")), "--part", "part-b", "--name", " "}, 65,
        "--name: the file name starts or ends with a space", k_later);
  fails({"proposal", "attach", "BSC-AIF", file("b.pdf", pdf("b")), "--part", "part-b", "--name", "letter\u202Efdp.exe"},
        65, "--name: the file name holds a character that changes the direction of text", k_later);
  for (const auto* version : {"0", "-1", "99999999999", "2x"}) {
    const auto result = cfp({"proposal", "documents", "BSC-AIF", "--version", version});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_NE(result.err.find("--version: '" + std::string(version) + "' is not a version; give a whole number from 1"),
              std::string::npos)
        << result.err;
  }
}

TEST_F(DocumentsTest, APdfMayHavePaddingAfterItsEnd)
{
  ok({"proposal", "attach", "BSC-AIF", file("padded.pdf", pdf("padded") + std::string(1000, '\0')), "--part",
      "part-b"},
     k_later);
  fails({"proposal", "attach", "BSC-AIF", file("long.pdf", pdf("long") + std::string(1100, '\0')), "--part", "annex"},
        65, "it starts as a PDF but has no %%EOF in its last 1024 bytes: it was cut short, or is not a PDF", k_later);
}

TEST_F(DocumentsTest, ADamagedStoredCopyIsNotReusedForANewAttach)
{
  const auto content = pdf("stored once");
  ok({"proposal", "attach", "BSC-AIF", file("b.pdf", content), "--part", "part-b"}, k_later);
  exec("DROP TRIGGER document_chunk_is_immutable; UPDATE document_chunk SET data = x'25504446'");
  fails({"proposal", "attach", "MIMER", file("b.pdf", content), "--part", "part-b"}, 74,
        "the database holds a damaged copy of the same content (SHA-256 " + sha256(content) + ")", k_later);
}

TEST_F(DocumentsTest, TheOutputFolderMustBePrivateAndAnEarlierFileKeepsItsMode)
{
  ok({"proposal", "attach", "BSC-AIF", file("b.pdf", pdf("b")), "--part", "part-b"}, k_later);
  const auto shared = m_dir / "shared";
  std::filesystem::create_directory(shared);
  std::filesystem::permissions(shared, std::filesystem::perms::all);
  fails({"proposal", "document", "BSC-AIF", "part-b", "--out", (shared / "b.pdf").string()}, 66,
        "other users may write");
  const auto earlier = m_dir / "earlier.pdf";
  std::ofstream(earlier) << "old";
  std::filesystem::permissions(earlier, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                            std::filesystem::perms::group_read | std::filesystem::perms::others_read);
  ok({"proposal", "document", "BSC-AIF", "part-b", "--out", earlier.string()});
  EXPECT_EQ(std::filesystem::status(earlier).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                std::filesystem::perms::group_read | std::filesystem::perms::others_read);
}

TEST_F(DocumentsTest, AFullTemporaryFolderStopsTheReadingAtOnce)
{
  const std::vector<std::string> env{"CFP_DB=" + m_db.string(), "CFP_NOW=2024-10-02T10:00:00Z", "PATH=/usr/bin:/bin",
                                     "TMPDIR=/dev/full"};
  // /dev/full is no folder: the temporary file cannot be made, and nothing is read.
  const auto result = run_process(
      {"/bin/sh", "-c", std::string("head -c 1000 /dev/zero | ") + CFP_BINARY + " proposal attach BSC-AIF - --part annex"},
      env);
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("cfp: error: cannot make a temporary file in /dev/full"), std::string::npos) << result.err;
}

} // namespace
} // namespace cfp::test
