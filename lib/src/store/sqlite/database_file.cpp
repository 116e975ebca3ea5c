// SPDX-License-Identifier: EUPL-1.2
#include "database_file.hpp"

#include <cfp/error.hpp>

#include <fcntl.h>
#include <fmt/format.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace cfp::store::sqlite {

namespace fs = std::filesystem;

namespace {

std::string owner_name(uid_t uid)
{
  if (const passwd* entry = ::getpwuid(uid); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  return fmt::format("uid {}", uid);
}

// Whether a file or folder owned by `owner` is trusted to hold the database of this process.
bool trusted_owner(uid_t owner)
{
  const uid_t me = ::geteuid();
  return owner == me || owner == 0 || me == 0;
}

const char* kind_of(mode_t mode)
{
  if (S_ISDIR(mode)) {
    return "a folder";
  }
  if (S_ISFIFO(mode)) {
    return "a FIFO";
  }
  if (S_ISCHR(mode) || S_ISBLK(mode)) {
    return "a device";
  }
  if (S_ISSOCK(mode)) {
    return "a socket";
  }
  return "not a regular file";
}

// The folders above `path`, nearest first, as the system resolves them (links followed).
std::vector<fs::path> folders_above(const fs::path& path)
{
  std::error_code ec;
  fs::path folder = fs::absolute(path, ec).parent_path();
  // Only the part that exists can be checked; the rest cfp creates itself, private.
  while (!folder.empty() && !fs::exists(folder, ec)) {
    folder = folder.parent_path();
  }
  folder = fs::canonical(folder, ec);
  std::vector<fs::path> folders;
  for (; !ec && !folder.empty(); folder = folder.parent_path()) {
    folders.push_back(folder);
    if (folder == folder.root_path()) {
      break;
    }
  }
  return folders;
}

// Creates `folder` (and what is missing above it) with mode 0700.
void create_private_folders(const fs::path& folder)
{
  if (folder.empty() || fs::exists(folder)) {
    return;
  }
  create_private_folders(folder.parent_path());
  if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
    throw Error(ErrorKind::storage,
                fmt::format("cannot create the folder {} for the database: {}", folder.string(), std::strerror(errno)));
  }
  // The umask may have taken bits away; it may not have left others any.
  ::chmod(folder.c_str(), 0700);
}

// The files SQLite keeps beside the database (-wal, -shm, -journal) hold pages it replays into
// the database: one planted by another user (in a shared, sticky folder such as /tmp) would put
// that user's data into it. Each must be a regular file of the database's owner that others
// may not write.
void check_companion_files(const fs::path& path, const struct stat* database)
{
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    const std::string companion = path.string() + suffix;
    struct stat info{};
    if (::lstat(companion.c_str(), &info) != 0) {
      continue;
    }
    const bool owner_ok = database != nullptr ? info.st_uid == database->st_uid : trusted_owner(info.st_uid);
    if (!S_ISREG(info.st_mode) || !owner_ok || (info.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
      throw Error(ErrorKind::storage,
                  fmt::format("{} {}; SQLite would read it into the database {}: remove it if you did not make it",
                              companion,
                              !S_ISREG(info.st_mode) ? fmt::format("is {}", S_ISLNK(info.st_mode)
                                                                                ? "a symbolic link"
                                                                                : kind_of(info.st_mode))
                              : !owner_ok ? fmt::format("belongs to {}, not to the owner of the database",
                                                        owner_name(info.st_uid))
                                          : std::string("may be written by other users"),
                              path.string()));
    }
  }
}

} // namespace

void check_database_file(const fs::path& path, Access access)
{
  struct stat info{};
  if (::lstat(path.c_str(), &info) == 0) {
    if (S_ISLNK(info.st_mode)) {
      throw Error(ErrorKind::storage, fmt::format("{} is a symbolic link; give the path of the database file itself "
                                                  "(cfp does not follow links to its database)",
                                                  path.string()));
    }
    if (!S_ISREG(info.st_mode)) {
      throw Error(ErrorKind::storage,
                  fmt::format("{} is {}, not a database file; give the path of a file", path.string(),
                              kind_of(info.st_mode)));
    }
    if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
      throw Error(ErrorKind::storage,
                  fmt::format("other users may write the database {}, and could replace what it holds; "
                              "make it private with 'chmod go-w {}'",
                              path.string(), path.string()));
    }
    if (access == Access::read_write && !trusted_owner(info.st_uid)) {
      throw Error(ErrorKind::storage, fmt::format("the database {} belongs to {}; only its owner may write it",
                                                  path.string(), owner_name(info.st_uid)));
    }
    check_companion_files(path, &info);
  } else {
    check_companion_files(path, nullptr);
  }
  for (const auto& folder : folders_above(path)) {
    struct stat folder_info{};
    if (::stat(folder.c_str(), &folder_info) != 0) {
      continue;
    }
    const bool others_may_write = (folder_info.st_mode & (S_IWGRP | S_IWOTH)) != 0;
    const bool sticky = (folder_info.st_mode & S_ISVTX) != 0;
    if (others_may_write && !sticky) {
      throw Error(ErrorKind::storage,
                  fmt::format("other users may write the folder {}, and could replace the database {} in it; "
                              "make it private with 'chmod go-w {}', or keep the database elsewhere",
                              folder.string(), path.string(), folder.string()));
    }
    if (access == Access::read_write && !trusted_owner(folder_info.st_uid) && !sticky) {
      throw Error(ErrorKind::storage,
                  fmt::format("the folder {} belongs to {}, who could replace the database {} in it; keep the "
                              "database in a folder of your own",
                              folder.string(), owner_name(folder_info.st_uid), path.string()));
    }
  }
}

bool create_database_file(const fs::path& path)
{
  create_private_folders(path.parent_path());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return false;
    }
    throw Error(ErrorKind::storage,
                fmt::format("cannot create the database {}: {}", path.string(), std::strerror(errno)));
  }
  ::fchmod(fd, 0600);
  ::close(fd);
  return true;
}

bool folder_writable(const fs::path& path)
{
  const auto folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  return ::access(folder.c_str(), W_OK) == 0;
}

} // namespace cfp::store::sqlite
