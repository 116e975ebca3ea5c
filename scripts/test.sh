#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Builds cfp with warnings as errors under AddressSanitizer and UndefinedBehaviorSanitizer,
# and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# The PostgreSQL backend is tested on a throwaway cluster of Debian's server (postgresql). The
# report tests parse the calendar with an independent parser and load the dashboard in a real
# browser; the manual page is checked with groff (groff-base), the Debian package made with
# cpack and dpkg-shlibdeps (dpkg-dev); the completion scripts are tried in zsh and fish. Without
# Chromium (a machine whose archive lacks it) the browser test says loudly that it was skipped;
# everything else still runs.
scripts/install-deps.sh python3-icalendar groff-base dpkg-dev zsh fish postgresql
scripts/install-deps.sh chromium ||
  echo "cfp: warning: chromium could not be installed; the dashboard's browser test will be SKIPPED" >&2
cmake --preset ci
cmake --build --preset ci
# The PostgreSQL backend's tests run against a throwaway server made for this run.
scripts/with-postgres.sh ctest --preset ci
