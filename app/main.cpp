// SPDX-License-Identifier: EUPL-1.2
#include "cli.hpp"

#include <cfp/util/fd_streambuf.hpp>

#include <unistd.h>

#include <ostream>

int main(int argc, char** argv)
{
  // Streams of cfp's own on the descriptors, so that a failed write is seen and explained.
  cfp::util::FdStreambuf out_buffer(STDOUT_FILENO);
  cfp::util::FdStreambuf err_buffer(STDERR_FILENO);
  std::ostream out(&out_buffer);
  std::ostream err(&err_buffer);
  err.tie(&out); // what stdout holds comes first, as with std::cerr
  err.setf(std::ios::unitbuf);
  return cfp::cli::run(argc, argv, out, err);
}
