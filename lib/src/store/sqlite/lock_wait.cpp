// SPDX-License-Identifier: EUPL-1.2
#include "lock_wait.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace cfp::store::sqlite {

int LockWait::on_busy(void* self, int count)
{
  auto& wait = *static_cast<LockWait*>(self);
  using clock = std::chrono::steady_clock;
  const auto now = clock::now();
  if (now >= wait.m_until) {
    return 0;
  }
  if (!wait.m_jitter) {
    wait.m_jitter.emplace(std::random_device{}());
  }
  // From up to 1 ms at first to up to 16 ms: a lock held for a short write is taken soon after
  // it is free, and a long wait costs little CPU.
  const long ceiling = 1000L << std::min(count, 4);
  const std::chrono::microseconds pause(std::uniform_int_distribution<long>(100, ceiling)(*wait.m_jitter));
  std::this_thread::sleep_for(std::min<clock::duration>(pause, wait.m_until - now));
  return 1;
}

std::optional<pid_t> write_lock_holder(const std::string& path)
{
  // WAL_WRITE_LOCK is the first of SQLite's locks in the -shm file, at byte 120.
  constexpr long k_write_lock_byte = 120;
  struct stat shm{};
  if (::stat((path + "-shm").c_str(), &shm) != 0) {
    return std::nullopt;
  }
  // The kernel names the file by device (major:minor, in hex) and inode.
  const std::string file_id = fmt::format("{:02x}:{:02x}:{}", major(shm.st_dev), minor(shm.st_dev), shm.st_ino);
  std::ifstream locks("/proc/locks");
  std::string line;
  while (std::getline(locks, line)) {
    // "1: POSIX  ADVISORY  WRITE 4242 08:01:1234567 120 120"
    std::istringstream fields(line);
    std::string number, kind, mode, access, device_inode, first, last;
    long pid = 0;
    if (!(fields >> number >> kind >> mode >> access >> pid >> device_inode >> first >> last) || kind != "POSIX" ||
        access != "WRITE") {
      continue;
    }
    if (device_inode != file_id) {
      continue;
    }
    const long from = std::strtol(first.c_str(), nullptr, 10);
    const long to = last == "EOF" ? k_write_lock_byte : std::strtol(last.c_str(), nullptr, 10);
    if (from <= k_write_lock_byte && k_write_lock_byte <= to && pid > 0 && pid != ::getpid()) {
      return static_cast<pid_t>(pid);
    }
  }
  return std::nullopt;
}

} // namespace cfp::store::sqlite
