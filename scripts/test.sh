#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Builds cfp with warnings as errors under AddressSanitizer and UndefinedBehaviorSanitizer,
# and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# The report tests parse the calendar with an independent parser and load the dashboard in a
# real browser.
scripts/install-deps.sh python3-icalendar chromium
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
