// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/util/fd_streambuf.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cfp::util {

/// A file a command must never write over, and what it is called in messages.
struct ProtectedFile
{
  std::filesystem::path path;
  std::string role;           ///< "the database", "the input file"
  bool with_journals = false; ///< its -wal, -shm and -journal files are protected too
};

/// What `destination` is when it is one of `protected_files` (or one's journal when it has
/// them), as messages say it ("the database", "the wal file of the database"): the same file,
/// reached by a link or another path, or the same name in the same folder reached by another
/// mount. Nothing when it is none of them.
std::optional<std::string> protected_conflict(const std::filesystem::path& destination,
                                              const std::vector<ProtectedFile>& protected_files);

/// Why `destination` may not be written, or nothing when it may: it names no file, it is (or
/// links to) one of `protected_files`, it is a symbolic link (the file written replaces it), or
/// it exists and is not a regular file (a device, a FIFO, a folder).
std::optional<std::string> output_conflict(const std::filesystem::path& destination,
                                           const std::vector<ProtectedFile>& protected_files);

/// Why the folder `destination` would be written in may not be used for a private file, or
/// nothing when it may: other users may write it, or a folder above it, and it is not sticky, so
/// that they could rename the file away, put one of theirs in its place before it is written, or
/// put a link in place of a folder on the way.
std::optional<std::string> shared_folder(const std::filesystem::path& destination);

/// What OutputFile::commit does when the destination exists by then.
enum class Existing { replace, refuse };

/// Syncs the whole file `file` (which must not be a link), renames it over `destination` (with
/// Existing::refuse only where nothing is yet, atomically) and syncs the folder. Returns false,
/// having moved nothing, when the destination exists and `existing` is refuse. Throws
/// cfp::Error (input_file) naming `destination` with the reason when a step fails.
bool move_into_place(const std::filesystem::path& file, const std::filesystem::path& destination, Existing existing);

/// The name of a file made beside `destination` (".NAME" + `tag` + `suffix`), the
/// destination's own name cut short when it is long, so that it stays a legal name.
std::string name_beside(const std::filesystem::path& destination, const std::string& tag);

/// A file written under a random name in its destination's folder (created with O_EXCL and
/// O_NOFOLLOW, mode 0600 whatever the umask) and moved over the destination only by commit(),
/// after an fsync: no one sees it half written, a symbolic link planted under the temporary name
/// is never followed, and a failure leaves an earlier file at the destination as it was.
class OutputFile
{
public:
  /// Creates the temporary file. Throws cfp::Error (input_file) naming `destination`.
  explicit OutputFile(std::filesystem::path destination);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  /// Removes the temporary file unless commit() moved it into place.
  ~OutputFile();

  std::ostream& stream() { return m_stream; }
  const std::filesystem::path& destination() const { return m_destination; }
  /// The temporary file's random name, for a writer that opens it by name (an SQLite
  /// connection); a file made without a name gets one now. commit() makes sure the name still
  /// leads to the file created. Throws cfp::Error (input_file) when no name can be given.
  const std::filesystem::path& temporary();

  /// Gives the file the permission bits of the regular file of the same owner it will replace,
  /// when there is one now (a file shared on purpose stays shared); otherwise it stays 0600.
  void keep_mode();
  /// Empties the temporary file, to be written again from the start.
  void restart();
  /// Flushes and syncs the temporary file: what it holds is on the disk. Throws cfp::Error
  /// (input_file) with the system's reason when it cannot (a full disk).
  void sync();
  /// Flushes and syncs the file, checks that its temporary name still leads to it, renames it
  /// over the destination (or, with Existing::refuse, only where nothing is yet) and syncs the
  /// folder. Throws cfp::Error (input_file) with the reason when any step fails (a full disk).
  void commit(Existing existing = Existing::replace);

private:
  void give_name();

  std::filesystem::path m_destination;
  std::filesystem::path m_temporary;
  int m_fd = -1;
  std::unique_ptr<FdStreambuf> m_buffer;
  std::ostream m_stream;
  bool m_committed = false;
};

} // namespace cfp::util
