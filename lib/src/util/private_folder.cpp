// SPDX-License-Identifier: EUPL-1.2
#include <cfp/error.hpp>
#include <cfp/util/output_file.hpp>
#include <cfp/util/private_folder.hpp>

#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <optional>
#include <signal.h>
#include <string>
#include <unistd.h>

namespace cfp::util {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& destination, int error)
{
  throw Error(ErrorKind::input_file, "cannot write " + destination.string() + ": " + std::strerror(error));
}

// Empties the folder open as `fd`, the folders in it too (opened without following a link, so
// that nothing outside it is ever removed), and closes it.
void empty_folder(int fd)
{
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    return;
  }
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name == "." || name == ".." || ::unlinkat(::dirfd(dir), name.c_str(), 0) == 0 || errno != EISDIR) {
      continue;
    }
    const int inner = ::openat(::dirfd(dir), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (inner >= 0) {
      empty_folder(inner);
      ::unlinkat(::dirfd(dir), name.c_str(), AT_REMOVEDIR);
    }
  }
  ::closedir(dir);
}

// Empties the folder and removes it; what cannot be removed is left.
void remove_folder(const fs::path& folder)
{
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    empty_folder(fd);
  }
  ::rmdir(folder.c_str());
}

// The process that made a folder named `prefix` PID "-" XXXXXX, when the name is of that form.
std::optional<pid_t> maker_of(const std::string& name, const std::string& prefix)
{
  if (name.size() < prefix.size() + 8 || name.compare(0, prefix.size(), prefix) != 0) {
    return std::nullopt;
  }
  const char* first = name.data() + prefix.size();
  const char* last = name.data() + name.size() - 7;
  pid_t pid = 0;
  const auto [end, error] = std::from_chars(first, last, pid);
  if (error != std::errc() || end != last || *end != '-' || pid <= 0) {
    return std::nullopt;
  }
  return pid;
}

// Removes the folders beside `destination` left by processes that were killed (the process
// that made one no longer runs), of this user only.
void remove_left_behind(const fs::path& folder, const std::string& prefix)
{
  DIR* dir = ::opendir(folder.c_str());
  if (dir == nullptr) {
    return;
  }
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    const auto pid = maker_of(name, prefix);
    struct stat info
    {
    };
    if (!pid || ::fstatat(::dirfd(dir), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(info.st_mode) ||
        info.st_uid != ::geteuid() || (info.st_mode & 0777) != 0700) {
      continue;
    }
    if (::kill(*pid, 0) != 0 && errno == ESRCH) {
      remove_folder(folder / name);
    }
  }
  ::closedir(dir);
}

} // namespace

PrivateFolder::PrivateFolder(const fs::path& destination) : m_destination(destination)
{
  const fs::path folder = destination.parent_path().empty() ? fs::path(".") : destination.parent_path();
  // ".NAME.cfp-PID-XXXXXX", NAME cut the same whatever the PID.
  const std::string longest_tag = ".cfp-" + std::string(10, '9') + "-XXXXXX";
  std::string prefix = name_beside(destination, longest_tag);
  prefix.resize(prefix.size() - longest_tag.size());
  prefix += ".cfp-";
  remove_left_behind(folder, prefix);
  std::string name = (folder / (prefix + std::to_string(::getpid()) + "-XXXXXX")).string();
  if (::mkdtemp(name.data()) == nullptr) {
    fail(destination, errno);
  }
  m_path = name;
  // mkdtemp makes it 0700 whatever the umask; it is made sure of all the same.
  ::chmod(m_path.c_str(), 0700);
}

PrivateFolder::~PrivateFolder()
{
  remove_folder(m_path);
}

fs::path PrivateFolder::create_file(const std::string& name) const
{
  const fs::path file = m_path / name;
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    fail(m_destination, errno);
  }
  ::fchmod(fd, 0600);
  ::close(fd);
  return file;
}

} // namespace cfp::util
