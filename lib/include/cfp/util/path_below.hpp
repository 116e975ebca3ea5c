// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/util/descriptor.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace cfp::util {

/// Why `relative` cannot name a file inside a folder, or nothing when it can: it is empty, it
/// starts with '/', it holds a control character, or one of its components (between '/') is
/// empty, `.`, `..` or longer than a name may be (255 bytes). Such a path never leads out of the
/// folder by its words; open_below keeps links from leading out of it.
std::optional<std::string> check_path_below(std::string_view relative);

/// A file opened for reading inside a folder, or why it could not be.
struct FileBelow
{
  Descriptor file;       ///< not open when opening failed
  int error = 0;         ///< the errno of the failure; ELOOP: `failed_at` is a symbolic link
  std::string failed_at; ///< the part of the path up to the component that failed
};

/// Opens the file `relative` (which check_path_below accepts) for reading, inside the folder
/// open as the descriptor `folder`, one component at a time and never through a symbolic link:
/// a link on the way, or the file itself a link, fails with ELOOP. The file is opened without
/// waiting (a FIFO opens, and reads nothing); the caller checks what kind of file it is.
FileBelow open_below(int folder, std::string_view relative);

} // namespace cfp::util
