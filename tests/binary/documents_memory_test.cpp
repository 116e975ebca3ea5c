// SPDX-License-Identifier: EUPL-1.2
// A document of 100 MiB goes through the real program a chunk at a time: attached from a file or
// from a pipe, and read back with --out FILE or --out -, every copy has the original's SHA-256,
// and no cfp process needs more than 32 MiB of memory at its peak (support/memory.hpp). The
// bound is not checked under AddressSanitizer or ThreadSanitizer, whose shadow memory and
// quarantine multiply what a process holds; the digests are checked in every build.
// tests/bench/documents_benchmark.sh prints the same figures for a release build.

#include "support/documents.hpp"
#include "support/memory.hpp"
#include "support/support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t k_mib = std::int64_t{1} << 20;
constexpr std::int64_t k_document_bytes = 100 * k_mib;
constexpr long k_peak_rss_limit_kib = 32 * 1024;

class DocumentsMemoryTest : public ::testing::Test
{
protected:
  // One document for every test: writing 100 MiB takes a while.
  static void SetUpTestSuite()
  {
    s_folder = new TempDir;
    s_sha256 = write_pdf(*s_folder / "part-b.pdf", k_document_bytes, 20241104);
  }

  static void TearDownTestSuite()
  {
    delete s_folder;
    s_folder = nullptr;
  }

  static fs::path document() { return *s_folder / "part-b.pdf"; }

  std::vector<std::string> env() const
  {
    return {"CFP_DB=" + m_db.string(), "CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z", "PATH=/usr/bin:/bin"};
  }

  void SetUp() override
  {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"call", "add", "C-1", "--title", "AI Factories"},
             {"deadline", "add", "C-1", "2024-11-04"},
             {"proposal", "add", "--call", "C-1", "--acronym", "MIMER", "--title", "MIMER", "--host", "SE", "--entity",
              "Linköping University", "--eu-contribution", "0"}}) {
      const auto result = run_binary(args, env());
      ASSERT_EQ(result.exit_code, 0) << result.err;
    }
    set_document_limit(m_db, 200 * k_mib);
  }

  // cfp with `args`, standard output to the file `out` (made empty first) when it is given.
  Measured cfp(const std::vector<std::string>& args, const fs::path& out = {}) const
  {
    std::vector<std::string> argv{CFP_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    if (out.empty()) {
      return run_measured(argv, env());
    }
    {
      std::ofstream created(out);
    }
    return run_measured(argv, env(), StdoutTo{out});
  }

  // Checks the peak RSS of each process named in `peaks`, unless a sanitizer inflates it.
  static void expect_small(const std::vector<std::pair<std::string, long>>& peaks)
  {
    for (const auto& [what, kib] : peaks) {
      std::cout << "[          ] peak RSS of " << what << ": " << fmt::format("{:.1f}", static_cast<double>(kib) / 1024)
                << " MiB\n";
      EXPECT_GT(kib, 0) << what << ": ended before its memory was read";
    }
    if (k_memory_unchecked != nullptr) {
      GTEST_SKIP() << "the bound of " << k_peak_rss_limit_kib / 1024 << " MiB is not checked: " << k_memory_unchecked;
    }
    for (const auto& [what, kib] : peaks) {
      EXPECT_LT(kib, k_peak_rss_limit_kib) << what;
    }
  }

  static inline TempDir* s_folder = nullptr;
  static inline std::string s_sha256;
  TempDir m_dir;
  fs::path m_db = m_dir / "cfp.db";
};

TEST_F(DocumentsMemoryTest, AHundredMebibytesGoInAndOutWhole)
{
  const auto attach = cfp({"proposal", "attach", "MIMER", document().string(), "--part", "part-b"});
  ASSERT_EQ(attach.result.exit_code, 0) << attach.result.err;
  const auto listed = run_binary({"proposal", "documents", "MIMER", "--format", "csv"}, env());
  EXPECT_NE(listed.out.find(fmt::format(",{},", k_document_bytes)), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find(s_sha256), std::string::npos) << listed.out;

  const auto to_file = m_dir / "to-file.pdf";
  const auto file = cfp({"proposal", "document", "MIMER", "part-b", "--out", to_file.string()});
  ASSERT_EQ(file.result.exit_code, 0) << file.result.err;
  EXPECT_EQ(fs::file_size(to_file), static_cast<std::uintmax_t>(k_document_bytes));
  EXPECT_EQ(sha256_of(to_file), s_sha256) << "--out FILE";

  const auto from_stdout = m_dir / "from-stdout.pdf";
  const auto to_stdout = cfp({"proposal", "document", "MIMER", "part-b", "--out", "-"}, from_stdout);
  ASSERT_EQ(to_stdout.result.exit_code, 0) << to_stdout.result.err;
  EXPECT_EQ(fs::file_size(from_stdout), static_cast<std::uintmax_t>(k_document_bytes));
  EXPECT_EQ(sha256_of(from_stdout), s_sha256) << "--out -";

  expect_small({{"proposal attach FILE", attach.peak_rss_kib},
                {"proposal document --out FILE", file.peak_rss_kib},
                {"proposal document --out -", to_stdout.peak_rss_kib}});
}

TEST_F(DocumentsMemoryTest, AHundredMebibytesFromAPipeAreStoredWhole)
{
  // The shell gives cfp the read end of a pipe that cat fills, and becomes cfp (exec), so that
  // the process measured is cfp.
  const std::string script = "exec \"$0\" proposal attach MIMER - --part part-b --name part-b.pdf < <(cat \"$1\")";
  std::vector<std::string> with_tmpdir = env();
  const auto tmp = m_dir / "tmp";
  fs::create_directory(tmp);
  with_tmpdir.push_back("TMPDIR=" + tmp.string());
  const auto attach = run_measured({"/bin/bash", "-c", script, CFP_BINARY, document().string()}, with_tmpdir);
  ASSERT_EQ(attach.result.exit_code, 0) << attach.result.err;
  EXPECT_TRUE(fs::is_empty(tmp)) << "the pipe's copy stayed in TMPDIR";
  const auto listed = run_binary({"proposal", "documents", "MIMER", "--format", "csv"}, env());
  EXPECT_NE(listed.out.find(",part-b.pdf,"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find(s_sha256), std::string::npos) << listed.out;

  const auto from_stdout = m_dir / "from-stdout.pdf";
  const auto to_stdout = cfp({"proposal", "document", "MIMER", "part-b", "--out", "-"}, from_stdout);
  ASSERT_EQ(to_stdout.result.exit_code, 0) << to_stdout.result.err;
  EXPECT_EQ(sha256_of(from_stdout), s_sha256);

  expect_small(
      {{"proposal attach - (a pipe)", attach.peak_rss_kib}, {"proposal document --out -", to_stdout.peak_rss_kib}});
}

} // namespace
} // namespace cfp::test
