// SPDX-License-Identifier: EUPL-1.2
// The rejects file of `import proposals --skip-invalid --rejects FILE`: refused before anything
// happens when FILE is the database, one of its journals, the input, or not a regular file;
// written under a random name, mode 0600 whatever the umask, and moved into place whole.

#include "cli/import_fixture.hpp"

#include <sys/stat.h>
#include <unistd.h>

namespace cfp::test {
namespace {

class RejectsFileTest : public ImportExportTest
{
protected:
  std::filesystem::path input()
  {
    return write("in.csv", "call,acronym,title,host,entity,eu_contribution_eur\n"
                           "EUROHPC-2024-CEI-AI-01,GOOD,Good,ES,E,1M\n"
                           "EUROHPC-2024-CEI-AI-01,BAD,Bad,XX,E,1M\n");
  }

  std::vector<std::string> import_with_rejects(const std::string& rejects, bool dry_run = false)
  {
    std::vector<std::string> args{"import", "proposals", input().string(), "--skip-invalid", "--rejects", rejects};
    if (dry_run) {
      args.push_back("--dry-run");
    }
    return args;
  }
};

TEST_F(RejectsFileTest, TheDatabaseIsNeverTheRejectsFileNotEvenInADryRun)
{
  const auto before = read_file(m_db);
  for (const bool dry_run : {true, false}) {
    fails(import_with_rejects(m_db.string(), dry_run), 66,
          "--rejects " + m_db.string() + " is the database; name another file");
  }
  EXPECT_EQ(read_file(m_db), before);
}

TEST_F(RejectsFileTest, TheDatabasesJournalsAndALinkToItAreRefusedToo)
{
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    fails(import_with_rejects(m_db.string() + suffix), 66,
          std::string("is the ") + (suffix + 1) + " file of the database; name another file");
  }
  const auto link = m_dir / "link.csv";
  std::filesystem::create_symlink(m_db, link);
  fails(import_with_rejects(link.string()), 66, "is the database; name another file");
  // A path that names the database another way is the database.
  fails(import_with_rejects((m_dir / "." / m_db.filename()).string()), 66, "is the database");
}

TEST_F(RejectsFileTest, ADeviceAFifoOrAFolderIsRefusedAndLeftAlone)
{
  fails(import_with_rejects("/dev/null"), 66, "/dev/null exists and is not a regular file (a device)");
  const auto fifo = m_dir / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  fails(import_with_rejects(fifo.string()), 66, "exists and is not a regular file (a FIFO)");
  fails(import_with_rejects(m_dir.path().string()), 66, "exists and is not a regular file (a folder)");
  struct stat info{};
  ASSERT_EQ(::stat("/dev/null", &info), 0);
  EXPECT_TRUE(S_ISCHR(info.st_mode));
  ASSERT_EQ(::lstat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
}

TEST_F(RejectsFileTest, TheRejectsFileIsPrivateWhateverTheUmaskAndNoTemporaryFileIsLeft)
{
  const auto rejects = m_dir / "rejects.csv";
  const auto result = run_process(
    {"/bin/bash", "-c", "umask 000; exec \"$0\" \"$@\"", CFP_BINARY, "--db", m_db.string(), "import", "proposals",
     input().string(), "--skip-invalid", "--rejects", rejects.string()},
    {"CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  struct stat info{};
  ASSERT_EQ(::stat(rejects.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_NE(read_file(rejects).find("BAD"), std::string::npos);
  for (const auto& entry : std::filesystem::directory_iterator(m_dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".cfp-"), std::string::npos) << entry.path();
  }
}

TEST_F(RejectsFileTest, TwoImportsWithTheSameRejectsFileLeaveOneWholeFile)
{
  const auto rejects = m_dir / "rejects.csv";
  const auto command = "\"$0\" --db \"$1\" import proposals \"$2\" --skip-invalid --rejects \"$3\" --dry-run";
  const auto both = std::string("(") + command + ") & (" + command + ") & wait";
  const auto result =
    run_process({"/bin/bash", "-c", both, CFP_BINARY, m_db.string(), input().string(), rejects.string()},
                {"CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z", "CFP_BUSY_TIMEOUT_MS=10000"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(rejects), "call,acronym,title,host,entity,eu_contribution_eur,error\r\n"
                                "EUROHPC-2024-CEI-AI-01,BAD,Bad,XX,E,1M,host: 'XX' is not a participating state; "
                                "'cfp state list' shows the codes\r\n");
}

TEST_F(RejectsFileTest, ALinkIsRefusedAndNeitherItNorWhatItLeadsToIsReplaced)
{
  const auto target = write("target.csv", "kept\n");
  const auto link = m_dir / "link.csv";
  std::filesystem::create_symlink(target, link);
  fails(import_with_rejects(link.string()), 66, "--rejects " + link.string() + " is a symbolic link; name the file itself");
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  EXPECT_EQ(read_file(target), "kept\n");
  const auto dangling = m_dir / "dangling.csv";
  std::filesystem::create_symlink(m_dir / "nowhere.csv", dangling);
  fails(import_with_rejects(dangling.string()), 66, "is a symbolic link; name the file itself");
  EXPECT_TRUE(std::filesystem::is_symlink(dangling));
  EXPECT_FALSE(std::filesystem::exists(m_dir / "nowhere.csv"));
}

TEST_F(RejectsFileTest, NoNameOrStandardOutputIsRefused)
{
  fails(import_with_rejects(""), 66, "--rejects '' names no file; give a file name");
  fails(import_with_rejects("-"), 2, "--rejects: give a file name; the rejects cannot go to standard output");
}

TEST_F(RejectsFileTest, ARejectsFileThatCannotTakeItsNameStopsTheImportBeforeItCommits)
{
  // A name longer than a file name may be: the folder takes the temporary file, the rename fails.
  const auto rejects = m_dir / std::string(300, 'r');
  fails(import_with_rejects(rejects.string()), 66, "cannot write " + rejects.string());
  EXPECT_EQ(as_json(ok({"proposal", "list", "--format", "json"})).size(), 2u) << "GOOD was not imported";
}

TEST_F(RejectsFileTest, TheFileBehindStandardInputIsTheInputToo)
{
  const auto in = input();
  const auto before = read_file(in);
  const auto result = run_process(
    {"/bin/bash", "-c", "exec \"$0\" --db \"$1\" import proposals - --input-format csv --skip-invalid --rejects "
                        "\"$2\" < \"$2\"",
     CFP_BINARY, m_db.string(), in.string()},
    {"CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z"});
  EXPECT_EQ(result.exit_code, 66) << result.err;
  EXPECT_EQ(result.err, "cfp: error: --rejects " + in.string() +
                          " is the input file (standard input); name another file\n");
  EXPECT_EQ(read_file(in), before);
}

} // namespace
} // namespace cfp::test
