# SPDX-License-Identifier: EUPL-1.2
# Sourced by the soak scripts that import generated proposals: soak_setup NAME builds the
# release cfp and the seeded generator into build/bench, makes a work folder NAME.XXXXXX under
# build/bench/data (removed at exit), and sets cfp, generate and work, with CFP_NOW and
# CFP_USER exported for the imports.
soak_setup() {
  local build=build/bench
  cmake --preset release -B "$build" -DCFP_BUILD_BENCH=ON >/dev/null
  cmake --build "$build" --target cfp cfp_generate >/dev/null
  cfp="$PWD/$build/app/cfp"
  generate="$PWD/$build/tests/bench/cfp_generate"
  mkdir -p "$build/data"
  work=$(mktemp -d "$PWD/$build/data/$1.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  export CFP_NOW=2024-10-20T00:00:00Z
  export CFP_USER=soak
  unset CFP_DB
}
