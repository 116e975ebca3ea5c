#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Installs the Debian 12 packages cfp needs to build and test, if any are missing, and any
# packages named as arguments (tests/bench/import_benchmark.sh, evaluation_benchmark.sh,
# report_benchmark.sh and speed_benchmark.sh add sqlite3 and time, tests/soak/kill.sh sqlite3,
# scripts/test.sh python3-icalendar, groff-base, dpkg-dev and chromium, scripts/package.sh
# dpkg-dev).
# Runs apt-get as root, or through sudo for another user; without either it prints the
# apt-get line to run as root and stops (exit 1).
set -euo pipefail

packages=(
  g++ cmake ninja-build
  libcli11-dev libsqlitecpp-dev libsqlite3-dev libfmt-dev libgtest-dev libgmock-dev
  nlohmann-json3-dev libhowardhinnant-date-dev libutf8proc-dev nettle-dev libpq-dev
  tzdata
  "$@"
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  # Said before anything is tried: the line to run, as root, then this script again.
  {
    echo "cfp: error: these Debian packages are missing: ${missing[*]}"
    echo "cfp: this script needs root or sudo to install them; as root, run:"
    echo "    apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
    echo "cfp: then run this command again"
  } >&2
  exit 1
fi

echo "cfp: installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# apt's own progress goes to stderr, so that a long install shows what it is doing and a
# script's stdout stays clean.
"${as_root[@]}" apt-get update >&2
"${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >&2
