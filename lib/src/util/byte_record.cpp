// SPDX-License-Identifier: EUPL-1.2
#include <cfp/error.hpp>
#include <cfp/util/byte_record.hpp>

namespace cfp::util {

namespace {

void put_big_endian(std::string& bytes, std::uint64_t value)
{
  for (int shift = 56; shift >= 0; shift -= 8) {
    bytes.push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

} // namespace

void ByteWriter::integer(std::int64_t value)
{
  put_big_endian(m_bytes, static_cast<std::uint64_t>(value));
}

void ByteWriter::text(std::string_view value)
{
  integer(static_cast<std::int64_t>(value.size()));
  m_bytes.append(value);
}

void ByteWriter::optional_integer(const std::optional<std::int64_t>& value)
{
  flag(value.has_value());
  if (value) {
    integer(*value);
  }
}

std::string_view ByteReader::take(std::size_t count)
{
  if (count > m_bytes.size()) {
    throw Error(ErrorKind::internal, "a packed record ends too early");
  }
  const auto taken = m_bytes.substr(0, count);
  m_bytes.remove_prefix(count);
  return taken;
}

std::int64_t ByteReader::integer()
{
  std::uint64_t value = 0;
  for (const char byte : take(8)) {
    value = (value << 8) | static_cast<unsigned char>(byte);
  }
  return static_cast<std::int64_t>(value);
}

std::string ByteReader::text()
{
  const auto size = integer();
  if (size < 0) {
    throw Error(ErrorKind::internal, "a packed record holds a negative length");
  }
  return std::string(take(static_cast<std::size_t>(size)));
}

bool ByteReader::flag()
{
  return take(1).front() != '\0';
}

std::optional<std::int64_t> ByteReader::optional_integer()
{
  if (!flag()) {
    return std::nullopt;
  }
  return integer();
}

void SortKey::ascending(std::int64_t value)
{
  // The sign bit flipped: the most negative value is all zero bytes, the largest all ones.
  put_big_endian(m_bytes, static_cast<std::uint64_t>(value) ^ (std::uint64_t{1} << 63));
}

void SortKey::descending(std::int64_t value)
{
  put_big_endian(m_bytes, ~(static_cast<std::uint64_t>(value) ^ (std::uint64_t{1} << 63)));
}

void SortKey::text(std::string_view value)
{
  // A zero byte is written 00 FF and the text ends with 00 00, below every byte that may follow
  // in a longer text: "ab" < "ab\0" < "abc", as std::string compares them.
  for (const char byte : value) {
    m_bytes.push_back(byte);
    if (byte == '\0') {
      m_bytes.push_back('\xff');
    }
  }
  m_bytes.append(2, '\0');
}

} // namespace cfp::util
