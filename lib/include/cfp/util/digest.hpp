// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>

namespace cfp::util {

/// SHA-256 of a byte stream, fed piece by piece (nettle does the hashing).
class Sha256
{
public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  /// Feeds `size` bytes; refused (an internal error) once the digest has been taken.
  void update(const char* data, std::size_t size);
  /// The digest of every byte fed, as 64 lowercase hex digits. The first call ends the
  /// hashing; later calls return the same digest.
  std::string hex();

private:
  struct State;
  std::unique_ptr<State> m_state;
  std::string m_hex; ///< the digest once taken
};

/// A stream buffer that passes on what it reads from `source`, hashing and counting every byte,
/// so that an import knows the SHA-256 and size of exactly the bytes it read.
class HashingStreambuf : public std::streambuf
{
public:
  explicit HashingStreambuf(std::streambuf& source) : m_source(source) {}

  /// Reads what is left of the source, so that the digest covers the whole input.
  void drain();
  std::string hex() { return m_hash.hex(); }
  std::uint64_t bytes() const { return m_bytes; }

protected:
  int_type underflow() override;

private:
  std::streambuf& m_source;
  std::array<char, 1 << 16> m_buffer{};
  Sha256 m_hash;
  std::uint64_t m_bytes = 0;
};

} // namespace cfp::util
