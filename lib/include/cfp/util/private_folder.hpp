// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <filesystem>

namespace cfp::util {

/// A folder of this process's own beside a destination, for a writer that creates files by
/// name, and files beside them (SQLite: the file and its -journal, -wal and -shm): made with a
/// random name and mode 0700, so that no other user can plant, swap or read anything in it.
/// It is removed with what it holds (folders too, never through a link) when the object goes;
/// one left by a process that was killed is removed by the next PrivateFolder made beside the
/// same destination.
class PrivateFolder
{
public:
  /// Makes the folder beside `destination`. Throws cfp::Error (input_file) naming
  /// `destination` when it cannot.
  explicit PrivateFolder(const std::filesystem::path& destination);
  PrivateFolder(const PrivateFolder&) = delete;
  PrivateFolder& operator=(const PrivateFolder&) = delete;
  ~PrivateFolder();

  const std::filesystem::path& path() const { return m_path; }

  /// Creates the empty file `name` in the folder, mode 0600, and returns its path. Throws
  /// cfp::Error (input_file) naming `destination` when it cannot.
  std::filesystem::path create_file(const std::string& name) const;

private:
  std::filesystem::path m_destination;
  std::filesystem::path m_path;
};

} // namespace cfp::util
