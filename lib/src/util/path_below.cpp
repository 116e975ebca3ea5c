// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/path_below.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace cfp::util {

namespace {

constexpr std::size_t k_name_max = 255;

bool is_control(char c)
{
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

} // namespace

std::optional<std::string> check_path_below(std::string_view relative)
{
  if (relative.empty()) {
    return "no path is given";
  }
  if (relative.front() == '/') {
    return "it is an absolute path; give the path inside the folder";
  }
  if (std::any_of(relative.begin(), relative.end(), is_control)) {
    return "it holds a control character";
  }
  for (std::size_t start = 0; start <= relative.size();) {
    const auto end = std::min(relative.find('/', start), relative.size());
    const auto component = relative.substr(start, end - start);
    if (component.empty()) {
      return "it has an empty component ('//', or a '/' at its end)";
    }
    if (component == "..") {
      return "it leads out of the folder ('..'); give the path inside the folder";
    }
    if (component == ".") {
      return "it has a component '.'; give the path without it";
    }
    if (component.size() > k_name_max) {
      return "it has a component longer than 255 bytes";
    }
    start = end + 1;
  }
  return std::nullopt;
}

FileBelow open_below(int folder, std::string_view relative)
{
  FileBelow result;
  int at = folder;
  std::size_t start = 0;
  while (true) {
    const auto end = relative.find('/', start);
    const std::string component(relative.substr(start, end == std::string_view::npos ? end : end - start));
    const bool last = end == std::string_view::npos;
    // O_NOFOLLOW refuses a link as the last component of each step, and each step is one
    // component: no link is followed anywhere on the way.
    const int flags = last ? O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC
                           : O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    const int next = ::openat(at, component.c_str(), flags);
    int error = errno;
    struct stat info{};
    // A link to a folder opened as a folder fails with ENOTDIR, not ELOOP: said as what it is.
    if (next < 0 && error == ENOTDIR && ::fstatat(at, component.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISLNK(info.st_mode)) {
      error = ELOOP;
    }
    if (at != folder) {
      ::close(at);
    }
    if (next < 0) {
      result.error = error;
      result.failed_at = std::string(relative.substr(0, last ? relative.size() : end));
      return result;
    }
    if (last) {
      // Reads block again, as the caller expects of a regular file.
      ::fcntl(next, F_SETFL, ::fcntl(next, F_GETFL) & ~O_NONBLOCK);
      result.file.reset(next);
      return result;
    }
    at = next;
    start = end + 1;
  }
}

} // namespace cfp::util
