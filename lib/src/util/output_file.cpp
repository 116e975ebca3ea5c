// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/output_file.hpp>

#include <cfp/error.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

namespace cfp::util {

namespace fs = std::filesystem;

namespace {

// The same file: the same device and inode, when both exist.
bool same_file(const fs::path& a, const fs::path& b)
{
  struct stat first{};
  struct stat second{};
  return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 && first.st_dev == second.st_dev &&
         first.st_ino == second.st_ino;
}

// The same name in the same folder (the same device and inode), whether the file exists or not:
// a folder reached through another path or mount, before the file is made in it.
bool same_entry(const fs::path& a, const fs::path& b)
{
  if (a.filename() != b.filename() || a.filename().empty()) {
    return false;
  }
  const auto folder = [](const fs::path& path) { return path.parent_path().empty() ? fs::path(".") : path.parent_path(); };
  return same_file(folder(a), folder(b));
}

// The same path once made absolute and cleaned, for files that may not exist yet.
bool same_path(const fs::path& a, const fs::path& b)
{
  std::error_code ec;
  const auto first = fs::weakly_canonical(fs::absolute(a, ec), ec);
  const auto second = fs::weakly_canonical(fs::absolute(b, ec), ec);
  return !ec && first == second;
}

std::string error_text(int error)
{
  return std::strerror(error);
}

// Syncs the folder holding `path`, so that a rename into it survives a crash.
bool sync_folder(const fs::path& path)
{
  const auto folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  const bool ok = ::fsync(fd) == 0 || errno == EINVAL; // some file systems cannot sync a folder
  ::close(fd);
  return ok;
}

} // namespace

std::string name_beside(const fs::path& destination, const std::string& tag)
{
  // A name has at most NAME_MAX (255) bytes; the destination's is cut at a character boundary.
  constexpr std::size_t k_name_max = 255;
  std::string name = destination.filename().string();
  const std::size_t room = k_name_max - 1 - std::min(tag.size(), k_name_max - 1);
  if (name.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    name.resize(cut);
  }
  return "." + name + tag;
}

std::optional<std::string> shared_folder(const fs::path& destination)
{
  // The folder and every folder above it: another user who may write one could put a link of
  // theirs in place of the folder below it.
  std::error_code error;
  const fs::path folder = destination.parent_path().empty() ? fs::path(".") : destination.parent_path();
  fs::path real = fs::canonical(folder, error);
  if (error) {
    return std::nullopt; // no such folder: writing there fails, and says so
  }
  for (;; real = real.parent_path()) {
    struct stat info{};
    if (::stat(real.c_str(), &info) == 0 && (info.st_mode & (S_IWGRP | S_IWOTH)) != 0 &&
        (info.st_mode & S_ISVTX) == 0) {
      return "other users may write the folder " + real.string() + ", and could read or replace " +
             destination.filename().string() + " as it is written; name a file in a folder of your own";
    }
    if (real == real.parent_path()) {
      return std::nullopt;
    }
  }
}

std::optional<std::string> protected_conflict(const fs::path& destination,
                                              const std::vector<ProtectedFile>& protected_files)
{
  for (const auto& file : protected_files) {
    std::vector<std::pair<fs::path, std::string>> names{{file.path, file.role}};
    if (file.with_journals) {
      for (const std::string_view suffix : {"-wal", "-shm", "-journal"}) {
        names.emplace_back(file.path.string() + std::string(suffix), "the " + std::string(suffix.substr(1)) + " file of " + file.role);
      }
    }
    for (const auto& [path, role] : names) {
      if (same_file(destination, path) || same_entry(destination, path) || same_path(destination, path)) {
        return role;
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> output_conflict(const fs::path& destination, const std::vector<ProtectedFile>& protected_files)
{
  if (destination.empty() || !destination.has_filename()) {
    return "'" + destination.string() + "' names no file; give a file name";
  }
  if (const auto role = protected_conflict(destination, protected_files)) {
    return destination.string() + " is " + *role + "; name another file";
  }
  struct stat info{};
  // The file is replaced, not written into: a link would be replaced by the file, not followed.
  if (::lstat(destination.c_str(), &info) == 0 && S_ISLNK(info.st_mode)) {
    return destination.string() + " is a symbolic link; name the file itself";
  }
  if (::stat(destination.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    return destination.string() + " exists and is not a regular file (" +
           (S_ISDIR(info.st_mode)    ? "a folder"
            : S_ISFIFO(info.st_mode) ? "a FIFO"
            : S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode) ? "a device"
                                                               : "a special file") +
           "); name a file";
  }
  return std::nullopt;
}

namespace {

// A file without a name in `folder` (O_TMPFILE), when the file system has them and the name can
// be given later through /proc/self/fd; -1 otherwise.
int open_unnamed(const fs::path& folder)
{
  if (::access("/proc/self/fd", X_OK) != 0) {
    return -1;
  }
  return ::open(folder.empty() ? "." : folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
}

// A random name beside `destination`, for the file until it is renamed over it.
fs::path random_name_beside(const fs::path& destination, std::random_device& random)
{
  return destination.parent_path() / name_beside(destination, ".cfp-" + std::to_string(random()) + ".tmp");
}

} // namespace

OutputFile::OutputFile(fs::path destination) : m_destination(std::move(destination)), m_stream(nullptr)
{
  // Without a name until commit(), nothing is left behind by a command that is killed.
  m_fd = open_unnamed(m_destination.parent_path());
  std::random_device random;
  for (int attempt = 0; attempt < 100 && m_fd < 0; ++attempt) {
    m_temporary = random_name_beside(m_destination, random);
    m_fd = ::open(m_temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (m_fd < 0 && errno != EEXIST) {
      throw Error(ErrorKind::input_file, "cannot write " + m_destination.string() + ": " + error_text(errno));
    }
  }
  if (m_fd < 0) {
    throw Error(ErrorKind::input_file, "cannot write " + m_destination.string() + ": no free temporary name");
  }
  // 0600 whatever the umask removed or left.
  ::fchmod(m_fd, 0600);
  m_buffer = std::make_unique<FdStreambuf>(m_fd);
  m_stream.rdbuf(m_buffer.get());
}

OutputFile::~OutputFile()
{
  m_stream.rdbuf(nullptr);
  m_buffer.reset();
  if (m_fd >= 0) {
    ::close(m_fd);
  }
  if (!m_committed && !m_temporary.empty()) {
    ::unlink(m_temporary.c_str());
  }
}

namespace {

[[noreturn]] void fail_to_write(const std::filesystem::path& destination, int error)
{
  throw Error(ErrorKind::input_file, "cannot write " + destination.string() + ": " + error_text(error));
}

} // namespace

void OutputFile::keep_mode()
{
  struct stat existing{};
  // Only a file of one's own: root replacing another user's file would otherwise give its content
  // the mode that user chose, and that user could read or change it.
  if (::stat(m_destination.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) && existing.st_uid == ::geteuid() &&
      ::fchmod(m_fd, existing.st_mode & (S_IRWXU | S_IRWXG | S_IRWXO)) != 0) {
    fail_to_write(m_destination, errno);
  }
}

void OutputFile::restart()
{
  m_stream.flush();
  if (::ftruncate(m_fd, 0) != 0 || ::lseek(m_fd, 0, SEEK_SET) != 0) {
    fail_to_write(m_destination, errno);
  }
}

void OutputFile::sync()
{
  m_stream.flush();
  if (!m_stream || m_buffer->error() != 0) {
    fail_to_write(m_destination, m_buffer->error() != 0 ? m_buffer->error() : EIO);
  }
  if (::fsync(m_fd) != 0) {
    fail_to_write(m_destination, errno);
  }
}

void OutputFile::give_name()
{
  if (!m_temporary.empty()) {
    return;
  }
  // An unnamed file gets a random name: linkat never replaces a file, nor follows a planted link.
  const std::string self = "/proc/self/fd/" + std::to_string(m_fd);
  std::random_device random;
  for (int attempt = 0; attempt < 100 && m_temporary.empty(); ++attempt) {
    auto name = random_name_beside(m_destination, random);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
      m_temporary = std::move(name);
    } else if (errno != EEXIST) {
      fail_to_write(m_destination, errno);
    }
  }
  if (m_temporary.empty()) {
    throw Error(ErrorKind::input_file, "cannot write " + m_destination.string() + ": no free temporary name");
  }
}

const std::filesystem::path& OutputFile::temporary()
{
  give_name();
  return m_temporary;
}

void OutputFile::commit(Existing existing)
{
  sync();
  give_name();
  // A writer that opened the file by name wrote what the name led to: it must still be ours.
  struct stat ours{};
  struct stat named{};
  if (::fstat(m_fd, &ours) != 0 || ::lstat(m_temporary.c_str(), &named) != 0 || ours.st_dev != named.st_dev ||
      ours.st_ino != named.st_ino) {
    throw Error(ErrorKind::input_file, "cannot write " + m_destination.string() + ": its temporary file " +
                                         m_temporary.string() + " was replaced meanwhile; nothing was written");
  }
  if (!move_into_place(m_temporary, m_destination, existing)) {
    throw Error(ErrorKind::input_file, m_destination.string() + " exists; name another file");
  }
  m_committed = true;
}

bool move_into_place(const fs::path& file, const fs::path& destination, Existing existing)
{
  const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    fail_to_write(destination, errno);
  }
  const int synced = ::fsync(fd);
  const int sync_error = errno;
  ::close(fd);
  if (synced != 0) {
    fail_to_write(destination, sync_error);
  }
  if (existing == Existing::refuse) {
    // Atomically, and never over a file that appeared since the command began.
    int moved = ::renameat2(AT_FDCWD, file.c_str(), AT_FDCWD, destination.c_str(), RENAME_NOREPLACE);
    if (moved != 0 && errno == EINVAL) {
      // A file system without RENAME_NOREPLACE: a hard link is never made over a file either.
      moved = ::link(file.c_str(), destination.c_str());
      if (moved == 0) {
        ::unlink(file.c_str());
      }
    }
    if (moved != 0) {
      if (errno == EEXIST) {
        return false;
      }
      fail_to_write(destination, errno);
    }
  } else if (::rename(file.c_str(), destination.c_str()) != 0) {
    fail_to_write(destination, errno);
  }
  sync_folder(destination);
  return true;
}

} // namespace cfp::util
