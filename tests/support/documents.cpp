// SPDX-License-Identifier: EUPL-1.2
#include "support/documents.hpp"

#include <cfp/util/digest.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string_view>

namespace cfp::test {

namespace {

constexpr std::size_t k_buffer_bytes = std::size_t{1} << 20;

// splitmix64: fast in a Debug build, where a 100 MiB document from <random> takes seconds.
std::uint64_t next(std::uint64_t& state)
{
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31U);
}

} // namespace

std::string write_pdf(const std::filesystem::path& path, std::int64_t bytes, std::uint64_t seed)
{
  constexpr std::string_view head = "%PDF-1.4\n";
  constexpr std::string_view tail = "\n%%EOF\n";
  if (bytes < static_cast<std::int64_t>(head.size() + tail.size())) {
    throw std::invalid_argument("a PDF needs room for its head and tail");
  }
  std::ofstream out(path, std::ios::binary);
  util::Sha256 hash;
  const auto put = [&](const char* data, std::size_t size) {
    out.write(data, static_cast<std::streamsize>(size));
    hash.update(data, size);
  };
  put(head.data(), head.size());
  auto left = static_cast<std::uint64_t>(bytes) - head.size() - tail.size();
  const auto buffer = std::make_unique<char[]>(k_buffer_bytes);
  std::uint64_t state = seed;
  while (left > 0) {
    const auto size = static_cast<std::size_t>(std::min<std::uint64_t>(left, k_buffer_bytes));
    char* const data = buffer.get();
    for (std::size_t at = 0; at < size; at += sizeof(std::uint64_t)) {
      const auto word = next(state);
      std::memcpy(data + at, &word, std::min(sizeof word, size - at));
    }
    put(buffer.get(), size);
    left -= size;
  }
  put(tail.data(), tail.size());
  out.close();
  if (!out) {
    throw std::runtime_error("cannot write " + path.string());
  }
  return hash.hex();
}

std::string sha256_of(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return "(cannot read " + path.string() + ")";
  }
  util::Sha256 hash;
  const auto buffer = std::make_unique<char[]>(k_buffer_bytes);
  while (in) {
    in.read(buffer.get(), static_cast<std::streamsize>(k_buffer_bytes));
    hash.update(buffer.get(), static_cast<std::size_t>(in.gcount()));
  }
  return hash.hex();
}

void set_document_limit(const std::filesystem::path& db, std::int64_t bytes)
{
  SQLite::Database connection(db.string(), SQLite::OPEN_READWRITE);
  SQLite::Statement update(connection, "UPDATE call SET document_limit_bytes = ?1");
  update.bind(1, bytes);
  update.exec();
}

} // namespace cfp::test
