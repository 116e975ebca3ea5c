#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Builds cfp with warnings as errors under AddressSanitizer and UndefinedBehaviorSanitizer,
# and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
