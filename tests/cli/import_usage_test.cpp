// SPDX-License-Identifier: EUPL-1.2
// Exit codes of `import` for mistakes on the command line itself.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace cfp::test {
namespace {

TEST_F(ImportExportTest, AMissingFileExitsSixtySix)
{
  const auto missing = (m_dir / "missing.csv").string();
  fails({"import", "proposals", missing}, 66, "cannot read " + missing);
  fails({"import", "proposals", missing, "--dry-run"}, 66, "cannot read " + missing);
  fails({"import", "calls", (m_dir / "missing.json").string()}, 66, "cannot read");
}

TEST_F(ImportExportTest, AFolderGivenAsTheFileExitsSixtySix)
{
  fails({"import", "proposals", m_dir.path().string(), "--input-format", "csv"}, 66, "it is a folder");
}

TEST_F(ImportExportTest, ADeviceGivenAsTheFileIsRefusedRatherThanReadWithoutEnd)
{
  for (const char* device : {"/dev/zero", "/dev/full"}) {
    for (const char* kind : {"proposals", "scores"}) {
      fails({"import", kind, device, "--input-format", "csv"}, 66,
            std::string("cannot read ") + device + ": it is a device; give a file, or - for standard input");
    }
  }
}

TEST_F(ImportExportTest, SkipInvalidWithoutRejectsIsAUsageError)
{
  const auto file = write("new.csv", k_two_new_rows).string();
  fails({"import", "proposals", file, "--skip-invalid"}, 2, "--skip-invalid and --rejects FILE go together");
  fails({"import", "proposals", file, "--rejects", (m_dir / "r.csv").string()}, 2,
        "--skip-invalid and --rejects FILE go together");
}

TEST_F(ImportExportTest, AFileNameWithoutAKnownExtensionNeedsInputFormat)
{
  fails({"import", "proposals", write("proposals.txt", k_two_new_rows).string()}, 2, "cannot tell the format");
}

TEST_F(ImportExportTest, AnUnknownInputFormatIsAUsageError)
{
  fails({"import", "proposals", write("new.csv", k_two_new_rows).string(), "--input-format", "xml"}, 2, "xml");
}

} // namespace
} // namespace cfp::test
