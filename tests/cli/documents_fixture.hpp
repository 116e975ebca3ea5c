// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The fixture of the tests of proposal documents: the corrections fixture (audit log, checks,
// SQL on the file) with files to attach at hand.

#include "cli/corrections_fixture.hpp"

#include <cfp/util/digest.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace cfp::test {

class DocumentsTest : public CorrectionsTest
{
protected:
  /// Writes `content` to the file `name` of the test's folder and returns its path.
  std::string file(const std::string& name, const std::string& content)
  {
    const auto path = m_dir / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  /// A small PDF (as cfp tells one: `%PDF-` ... `%%EOF`) whose body holds `body`.
  static std::string pdf(const std::string& body)
  {
    return "%PDF-1.4\n1 0 obj\n<< /Title (" + body + ") >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  }

  static std::string sha256(const std::string& content)
  {
    util::Sha256 hash;
    hash.update(content.data(), content.size());
    return hash.hex();
  }

  /// The bytes of a file.
  static std::string read(const std::filesystem::path& path)
  {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  /// `proposal documents REF --format json`.
  nlohmann::json documents(const std::string& ref, const std::vector<std::string>& more = {})
  {
    std::vector<std::string> args{"proposal", "documents", ref, "--format", "json"};
    args.insert(args.end(), more.begin(), more.end());
    return nlohmann::json::parse(ok(args));
  }

  /// Makes call `code` require `parts` (comma-separated kinds) as the call's settings would.
  void require_parts(const std::string& code, const std::string& parts)
  {
    exec("UPDATE call SET required_parts = '" + parts + "' WHERE code = '" + code + "'");
  }
};

} // namespace cfp::test
