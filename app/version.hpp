// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <string>
#include <string_view>

namespace cfp::cli {

/// The commit cfp was built from: `55df765`, `55df765-dirty` when tracked files had changes,
/// or `unknown` for sources that were not a git checkout (cmake/GenerateBuildCommit.cmake).
std::string_view build_commit();

/// What `cfp --version` prints: `cfp 0.1.0 (commit 55df765)`, the version of CMakeLists.txt's
/// project() and the commit.
std::string version_line();

} // namespace cfp::cli
