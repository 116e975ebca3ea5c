// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/util/output_file.hpp>
#include <cfp/util/private_folder.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cfp::util {

/// `path` without the slashes that end it ("out/" -> "out"; "/" stays), so that it names a
/// folder by its own name, as output_folder_conflict and OutputFolder take it.
std::filesystem::path without_trailing_slashes(const std::filesystem::path& path);

/// Why the folder `destination` may not be written as a whole, or nothing when it may: it names
/// no folder (empty, or ending in `.` or `..`), it is (or links to) one of `protected_files`, it
/// is a symbolic link (the folder written would replace the link), or it exists and is not a
/// folder.
std::optional<std::string> output_folder_conflict(const std::filesystem::path& destination,
                                                  const std::vector<ProtectedFile>& protected_files);

/// A folder written in full under a name of its own and moved to its destination only by
/// commit(), as OutputFile does for one file: it is made inside a PrivateFolder beside the
/// destination (mode 0700: no other user can see, plant or swap anything in it as it is
/// written), so that a failure, or a command that is killed, leaves nothing at the destination,
/// and an earlier folder there as it was.
class OutputFolder
{
public:
  /// Makes the folder to write beside `destination`. Throws cfp::Error (input_file) naming
  /// `destination` when it cannot (no such folder above it, no room).
  explicit OutputFolder(std::filesystem::path destination);
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  ~OutputFolder() = default;

  const std::filesystem::path& destination() const { return m_destination; }

  /// Makes the folder `relative` (each of its components a plain name) in the folder being
  /// written, and those above it, mode 0700, unless they are there.
  void make_folder(const std::filesystem::path& relative);

  /// Creates the file `relative` in the folder being written (new, never through a link, mode
  /// 0600), has `fill` write it, then flushes and syncs it. Throws cfp::Error (input_file)
  /// naming the file as it will be at the destination, with the system's reason, when it
  /// cannot be written (a full disk); what `fill` throws goes through, and the file is left to
  /// be removed with the folder.
  void write_file(const std::filesystem::path& relative, const std::function<void(std::ostream&)>& fill);

  /// Syncs every folder written, then renames the folder to the destination: where nothing is,
  /// or in place of an empty folder; with Existing::replace also in place of a folder that is
  /// there, exchanged with it in one step (the earlier folder is then removed). Returns false,
  /// having moved nothing, when something is at the destination that `existing` does not let
  /// it replace. With Existing::replace, `still_replaceable` is asked about the earlier folder
  /// once it has been moved aside (given where it is then): when it says no, the earlier folder
  /// goes back where it was and commit returns false. Throws cfp::Error (input_file) when a step
  /// fails.
  bool commit(Existing existing,
              const std::function<bool(const std::filesystem::path& earlier)>& still_replaceable = {});

private:
  std::filesystem::path m_destination;
  PrivateFolder m_private;
  std::filesystem::path m_root;                 ///< the folder written, inside m_private
  std::vector<std::filesystem::path> m_folders; ///< made in the root, in order
};

} // namespace cfp::util
