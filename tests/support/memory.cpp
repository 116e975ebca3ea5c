// SPDX-License-Identifier: EUPL-1.2
#include "support/memory.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <limits>
#include <thread>

namespace cfp::test {

long peak_rss_kib(pid_t pid)
{
  std::ifstream in(fmt::format("/proc/{}/status", pid));
  std::string key;
  while (in >> key) {
    if (key == "VmHWM:") {
      long kib = 0;
      in >> kib;
      return kib;
    }
    in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
  }
  return 0;
}

Measured run_measured(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                      const std::optional<StdoutTo>& stdout_to)
{
  BackgroundProcess process(argv, env, stdout_to);
  long peak = 0;
  do {
    peak = std::max(peak, peak_rss_kib(process.pid()));
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  } while (!process.ended());
  return {process.wait(), peak};
}

} // namespace cfp::test
