// SPDX-License-Identifier: EUPL-1.2
#include "cli.hpp"

#include <iostream>

int main(int argc, char** argv)
{
  return cfp::cli::run(argc, argv, std::cout, std::cerr);
}
