// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/output_folder.hpp>

#include <cfp/error.hpp>
#include <cfp/util/fd_streambuf.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace cfp::util {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail_to_write(const fs::path& shown_as, int error)
{
  throw Error(ErrorKind::input_file, "cannot write " + shown_as.string() + ": " + std::strerror(error));
}

// Syncs the folder `folder`, so that what was made or renamed in it survives a crash. Returns
// the errno of a failure, or 0; a file system that cannot sync a folder (EINVAL) does not fail.
int sync_folder(const fs::path& folder)
{
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return errno;
  }
  const int error = ::fsync(fd) == 0 || errno == EINVAL ? 0 : errno;
  ::close(fd);
  return error;
}

// Closes a descriptor when it goes, unless it was closed on purpose.
struct Descriptor
{
  int fd;
  ~Descriptor()
  {
    if (fd >= 0) {
      ::close(fd);
    }
  }
};

} // namespace

fs::path without_trailing_slashes(const fs::path& path)
{
  std::string text = path.string();
  while (text.size() > 1 && text.back() == '/') {
    text.pop_back();
  }
  return text;
}

std::optional<std::string> output_folder_conflict(const fs::path& destination,
                                                  const std::vector<ProtectedFile>& protected_files)
{
  const auto name = destination.filename();
  if (name.empty() || name == "." || name == "..") {
    return "'" + destination.string() + "' names no folder; give the folder's own name";
  }
  if (const auto role = protected_conflict(destination, protected_files)) {
    return destination.string() + " is " + *role + "; name another folder";
  }
  struct stat info{};
  // The folder is replaced, not written into: a link would be replaced by the folder.
  if (::lstat(destination.c_str(), &info) == 0 && S_ISLNK(info.st_mode)) {
    return destination.string() + " is a symbolic link; name the folder itself";
  }
  if (::stat(destination.c_str(), &info) == 0 && !S_ISDIR(info.st_mode)) {
    return destination.string() + " exists and is not a folder (" +
           (S_ISREG(info.st_mode)    ? "a file"
            : S_ISFIFO(info.st_mode) ? "a FIFO"
            : S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode) ? "a device"
                                                               : "a special file") +
           "); name a folder";
  }
  return std::nullopt;
}

OutputFolder::OutputFolder(fs::path destination)
    : m_destination(std::move(destination)), m_private(m_destination), m_root(m_private.path() / "folder")
{
  if (::mkdir(m_root.c_str(), 0700) != 0) {
    fail_to_write(m_destination, errno);
  }
}

void OutputFolder::make_folder(const fs::path& relative)
{
  fs::path made;
  for (const auto& component : relative) {
    made /= component;
    if (::mkdir((m_root / made).c_str(), 0700) == 0) {
      m_folders.push_back(made);
    } else if (errno != EEXIST) {
      fail_to_write(m_destination / made, errno);
    }
  }
}

void OutputFolder::write_file(const fs::path& relative, const std::function<void(std::ostream&)>& fill)
{
  const auto shown_as = m_destination / relative;
  Descriptor file{::open((m_root / relative).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)};
  if (file.fd < 0) {
    fail_to_write(shown_as, errno);
  }
  ::fchmod(file.fd, 0600); // whatever the umask left
  {
    FdStreambuf buffer(file.fd);
    std::ostream out(&buffer);
    fill(out);
    out.flush();
    if (!out || buffer.error() != 0) {
      fail_to_write(shown_as, buffer.error() != 0 ? buffer.error() : EIO);
    }
  }
  if (::fsync(file.fd) != 0) {
    fail_to_write(shown_as, errno);
  }
  const int fd = file.fd;
  file.fd = -1;
  if (::close(fd) != 0) {
    fail_to_write(shown_as, errno);
  }
}

bool OutputFolder::commit(Existing existing, const std::function<bool(const std::filesystem::path&)>& still_replaceable)
{
  // What is in each folder is on the disk before the folder takes its name.
  for (auto folder = m_folders.rbegin(); folder != m_folders.rend(); ++folder) {
    if (const int error = sync_folder(m_root / *folder)) {
      fail_to_write(m_destination / *folder, error);
    }
  }
  if (const int error = sync_folder(m_root)) {
    fail_to_write(m_destination, error);
  }
  bool moved = false;
  if (existing == Existing::replace) {
    // One step: the destination holds the earlier folder or the new one, never neither nor a
    // mix. The earlier one is left where the new one was, and removed with the private folder.
    if (::renameat2(AT_FDCWD, m_root.c_str(), AT_FDCWD, m_destination.c_str(), RENAME_EXCHANGE) == 0) {
      // The earlier folder is now where the new one was.
      if (still_replaceable && !still_replaceable(m_root)) {
        if (::renameat2(AT_FDCWD, m_root.c_str(), AT_FDCWD, m_destination.c_str(), RENAME_EXCHANGE) != 0) {
          fail_to_write(m_destination, errno);
        }
        return false;
      }
      moved = true;
    } else if (errno == EINVAL) {
      // A file system without RENAME_EXCHANGE: the earlier folder is moved aside first, and
      // back should the new one not take its place.
      const auto earlier = m_private.path() / "earlier";
      if (::rename(m_destination.c_str(), earlier.c_str()) == 0) {
        if (still_replaceable && !still_replaceable(earlier)) {
          if (::rename(earlier.c_str(), m_destination.c_str()) != 0) {
            fail_to_write(m_destination, errno);
          }
          return false;
        }
        if (::rename(m_root.c_str(), m_destination.c_str()) != 0) {
          const int error = errno;
          ::rename(earlier.c_str(), m_destination.c_str());
          fail_to_write(m_destination, error);
        }
        moved = true;
      } else if (errno != ENOENT) {
        fail_to_write(m_destination, errno);
      }
    } else if (errno != ENOENT) {
      fail_to_write(m_destination, errno);
    }
  }
  // Where nothing is, or an empty folder: rename never replaces a folder that holds anything,
  // nor a file or a link.
  if (!moved && ::rename(m_root.c_str(), m_destination.c_str()) != 0) {
    if (errno == EEXIST || errno == ENOTEMPTY || errno == ENOTDIR || errno == EISDIR) {
      return false;
    }
    fail_to_write(m_destination, errno);
  }
  sync_folder(m_destination.parent_path()); // the folder is in place: a failure to sync is not one to write
  return true;
}

} // namespace cfp::util
