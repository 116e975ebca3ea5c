// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Large documents for the tests that attach them with the real program.

#include <cstdint>
#include <filesystem>
#include <string>

namespace cfp::test {

/// Writes a file of exactly `bytes` bytes that cfp takes for a PDF (%PDF-1.4, bytes of a
/// generator seeded with `seed`, %%EOF) and returns its SHA-256.
std::string write_pdf(const std::filesystem::path& path, std::int64_t bytes, std::uint64_t seed);

/// The SHA-256 of the file at `path`, read a MiB at a time.
std::string sha256_of(const std::filesystem::path& path);

/// Raises the limit of a document of every call in the database at `db` to `bytes`, as
/// `cfp call update --document-limit` does once it exists.
void set_document_limit(const std::filesystem::path& db, std::int64_t bytes);

} // namespace cfp::test
