// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The peak memory of a program a test runs: VmHWM of /proc/PID/status, read every 2 ms while it
// runs (the last reading before it ends counts). wait4's ru_maxrss cannot serve, since a child
// counts the memory of the process that started it, the test's, which is larger than the
// bounds checked.

#include "support/support.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cfp::test {

/// Why the peak resident memory means nothing in this build (a sanitizer's shadow memory and
/// quarantine multiply what a process holds), or null when it can be checked.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr const char* k_memory_unchecked = "built with a sanitizer, whose shadow memory inflates the resident size";
#else
inline constexpr const char* k_memory_unchecked = nullptr;
#endif

/// The peak resident memory of the process `pid` so far, in KiB; 0 once it has ended.
long peak_rss_kib(pid_t pid);

/// What a program did, and the peak of its resident memory.
struct Measured
{
  CliResult result;
  long peak_rss_kib = 0;
};

/// Runs `argv` as BackgroundProcess does, reading its peak memory every 2 ms until it ends.
Measured run_measured(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                      const std::optional<StdoutTo>& stdout_to = std::nullopt);

} // namespace cfp::test
