// SPDX-License-Identifier: EUPL-1.2
// The only file that includes the generated header: a new commit recompiles this file alone.
#include "version.hpp"

#include "build_commit.hpp" // generated into the build tree

namespace cfp::cli {

std::string_view build_commit()
{
  return CFP_BUILD_COMMIT;
}

std::string version_line()
{
  return "cfp " CFP_VERSION " (commit " CFP_BUILD_COMMIT ")";
}

} // namespace cfp::cli
