// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Values packed into bytes, for a list too long to hold that is kept outside memory for a while
// (sorted in the database's temporary storage) and read back by the same program: ByteWriter
// and ByteReader; and SortKey, bytes whose order is the order of the values put into them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cfp::util {

/// Packs values into bytes, for a ByteReader to read back in the same order.
class ByteWriter
{
public:
  void integer(std::int64_t value);
  void text(std::string_view value);
  void flag(bool value) { m_bytes.push_back(value ? '\1' : '\0'); }
  void optional_integer(const std::optional<std::int64_t>& value);

  const std::string& bytes() const { return m_bytes; }
  /// Empties it for the next record, keeping its memory.
  void clear() { m_bytes.clear(); }

private:
  std::string m_bytes;
};

/// Reads, in the order they were packed, the values of a ByteWriter's bytes. Reading past the
/// end is an internal error (cfp::Error): the bytes were not packed by the same code.
class ByteReader
{
public:
  explicit ByteReader(std::string_view bytes) : m_bytes(bytes) {}

  std::int64_t integer();
  std::string text();
  bool flag();
  std::optional<std::int64_t> optional_integer();
  /// Whether every byte was read.
  bool done() const { return m_bytes.empty(); }

private:
  std::string_view take(std::size_t count);

  std::string_view m_bytes;
};

/// Bytes that compare (unsigned, byte by byte, a key that begins another first) as the values
/// put into them compare, in that order, as a tuple does: for a sort by several keys, some of
/// them descending, done by something that knows only bytes.
class SortKey
{
public:
  void ascending(std::int64_t value);
  void descending(std::int64_t value);
  /// Text by its bytes, unsigned, a text that begins another first (as std::string compares).
  void text(std::string_view value);

  const std::string& bytes() const { return m_bytes; }
  void clear() { m_bytes.clear(); }

private:
  std::string m_bytes;
};

} // namespace cfp::util
