#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Builds the Debian package of cfp from a release build: build/release/cfp_VERSION_ARCH.deb,
# with the binary, the manual page cfp(1) and the licence; its dependencies are read from the
# binary by dpkg-shlibdeps (dpkg-dev, which this installs when it is missing, as it does the
# build's own packages). Install it with `sudo apt install ./build/release/cfp_*.deb`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh dpkg-dev
cmake --preset release >/dev/null
cmake --build --preset release
(cd build/release && cpack -G DEB)
ls build/release/cfp_*.deb
