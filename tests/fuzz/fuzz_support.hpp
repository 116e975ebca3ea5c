// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What every fuzz target shares. A fuzzer cannot use GoogleTest: a broken invariant ends the
// run with abort(), which libFuzzer reports as a crash and keeps the input of. An exception
// that escapes a target ends it the same way (std::terminate), with its message.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace cfp::fuzz {

/// Ends the run with `what` on stderr when `holds` is false: a broken invariant is a finding.
inline void require(bool holds, std::string_view what)
{
  if (!holds) {
    std::fprintf(stderr, "cfp fuzz: invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
    std::abort();
  }
}

/// Whether a known finding counts (CFP_FUZZ_STRICT is set, as when scripts/fuzz.sh replays
/// tests/fuzz/regressions). While fuzzing it does not, so that the fuzzer goes on past a bug
/// that is reported and not fixed yet; its regression input fails until it is. Each exemption
/// names its regression input; remove it with the fix.
inline bool known_findings_count()
{
  static const bool strict = std::getenv("CFP_FUZZ_STRICT") != nullptr;
  return strict;
}

/// The input as text; libFuzzer hands over bytes.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size)
{
  return {reinterpret_cast<const char*>(data), size};
}

} // namespace cfp::fuzz
