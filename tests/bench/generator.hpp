// SPDX-License-Identifier: EUPL-1.2
// What the parts of the benchmarks' data generator (cfp_generate) share: the call, the states,
// the seeded random numbers and the writing of CSV fields.
#pragma once

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace cfp::bench {

inline constexpr std::string_view k_call = "EUROHPC-2024-CEI-AI-01";

// The 38 participating states without CH, which only takes part from 2025-01-01 (after the
// submission times generated here).
inline constexpr auto k_states = std::to_array<std::string_view>(
  {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "EL", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
   "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "AL", "IS", "IL", "MD", "ME", "MK", "NO", "RS", "TR", "UK"});
static_assert(k_states.size() == 37);

// A number in [0, n) from the generator; the tiny modulo bias does not matter here.
class Random
{
public:
  explicit Random(std::uint64_t seed) : m_engine(seed) {}

  std::size_t below(std::size_t n) { return static_cast<std::size_t>(m_engine() % n); }
  std::int64_t between(std::int64_t low, std::int64_t high)
  {
    const auto span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<std::int64_t>(m_engine() % span);
  }

private:
  std::mt19937_64 m_engine;
};

// Appends `text` as one CSV field, quoted when it holds a comma, a quote or a line break.
inline void append_field(std::string& line, std::string_view text)
{
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    line += text;
    return;
  }
  line += '"';
  for (const char c : text) {
    if (c == '"') {
      line += '"';
    }
    line += c;
  }
  line += '"';
}

// Appends `value` in decimal, with leading zeros up to `width` digits.
inline void append_number(std::string& line, std::uint64_t value, int width)
{
  std::array<char, 24> digits{};
  const auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), value);
  (void)ec;
  const auto length = static_cast<int>(end - digits.data());
  for (int i = length; i < width; ++i) {
    line += '0';
  }
  line.append(digits.data(), end);
}

// Who takes part in a proposal, as far as an expert's conflicts of interest go.
struct Parties
{
  std::array<std::size_t, 4> states{}; ///< indices into k_states: the host, then the three partners
  std::string entity;
};

} // namespace cfp::bench
