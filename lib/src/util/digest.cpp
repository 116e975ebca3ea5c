// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/digest.hpp>

#include <cfp/error.hpp>

#include <fmt/format.h>
#include <nettle/sha2.h>

namespace cfp::util {

struct Sha256::State
{
  sha256_ctx context{};
};

Sha256::Sha256() : m_state(std::make_unique<State>())
{
  sha256_init(&m_state->context);
}

Sha256::~Sha256() = default;

void Sha256::update(const char* data, std::size_t size)
{
  // nettle starts a new hash once the digest is taken: bytes fed now would be hashed alone.
  if (!m_hex.empty()) {
    throw Error(ErrorKind::internal, "a SHA-256 was fed after its digest was taken");
  }
  sha256_update(&m_state->context, size, reinterpret_cast<const std::uint8_t*>(data));
}

std::string Sha256::hex()
{
  if (!m_hex.empty()) {
    return m_hex;
  }
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
  sha256_digest(&m_state->context, digest.size(), digest.data());
  std::string text;
  for (const auto byte : digest) {
    text += fmt::format("{:02x}", byte);
  }
  m_hex = text;
  return m_hex;
}

HashingStreambuf::int_type HashingStreambuf::underflow()
{
  if (gptr() < egptr()) {
    return traits_type::to_int_type(*gptr());
  }
  const auto count = m_source.sgetn(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
  if (count <= 0) {
    return traits_type::eof();
  }
  m_hash.update(m_buffer.data(), static_cast<std::size_t>(count));
  m_bytes += static_cast<std::uint64_t>(count);
  setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + count);
  return traits_type::to_int_type(*gptr());
}

void HashingStreambuf::drain()
{
  while (underflow() != traits_type::eof()) {
    setg(m_buffer.data(), egptr(), egptr());
  }
}

} // namespace cfp::util
