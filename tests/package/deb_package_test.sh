#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The Debian package of a configured build tree: `cpack -G DEB` into a scratch folder, unpacked
# with dpkg-deb -x into a scratch root. It must hold the binary, the compressed manual page, the
# shell completions and the licence; the packaged binary must say the version and commit the build's does; its
# Depends must be what dpkg-shlibdeps read from the binary (with tzdata), including the
# sanitizers' libraries exactly when the build is sanitized (the ci preset is).
set -euo pipefail
usage="usage: deb_package_test.sh CPACK BUILD_DIR SOURCE_DIR VERSION CFP SANITIZED(0|1)"
cpack=${1:?$usage}
build_dir=${2:?$usage}
source_dir=${3:?$usage}
version=${4:?$usage}
cfp=${5:?$usage}
sanitized=${6:?$usage}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "deb_package_test: $*" >&2
  exit 1
}
for tool in dpkg-deb dpkg-shlibdeps gzip; do
  command -v "$tool" >/dev/null || fail "$tool is missing; scripts/install-deps.sh dpkg-dev (scripts/test.sh does)"
done

if ! "$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  fail "cpack -G DEB failed"
fi
shopt -s nullglob
packages=("$work/out/cfp_${version}_"*.deb)
[ ${#packages[@]} -eq 1 ] || fail "expected one cfp_${version}_*.deb, found: $(ls "$work/out")"
deb=${packages[0]}

root=$work/root
dpkg-deb -x "$deb" "$root"
[ -f "$root/usr/bin/cfp" ] && [ -x "$root/usr/bin/cfp" ] || fail "no executable usr/bin/cfp in $(basename "$deb")"
page=$root/usr/share/man/man1/cfp.1.gz
[ -f "$page" ] || fail "no usr/share/man/man1/cfp.1.gz in $(basename "$deb")"
gzip -dc "$page" >"$work/cfp.1" || fail "the manual page is not gzip"
grep -q '^\.TH CFP 1 ' "$work/cfp.1" || fail "the manual page is not cfp(1)"
grep -qF '.SS "cfp proposal list"' "$work/cfp.1" || fail "the manual page lacks the commands"
# The shell completions, where each shell looks for them; the bash one completes with the
# packaged binary.
for completion in bash-completion/completions/cfp zsh/vendor-completions/_cfp fish/vendor_completions.d/cfp.fish; do
  [ -f "$root/usr/share/$completion" ] || fail "no usr/share/$completion in $(basename "$deb")"
done
head -n1 "$root/usr/share/zsh/vendor-completions/_cfp" | grep -qx '#compdef cfp' || fail "_cfp is not a zsh completion"
completed=$(PATH="$root/usr/bin:/usr/bin:/bin" bash -c 'source "$1"; COMP_LINE="cfp proposal sh"; COMP_POINT=${#COMP_LINE}; _cfp; echo "${COMPREPLY[*]}"' _ "$root/usr/share/bash-completion/completions/cfp")
[ "$completed" = show ] || fail "the packaged bash completion gave '$completed' for 'cfp proposal sh'"
[ -f "$root/usr/share/doc/cfp/copyright" ] || fail "no usr/share/doc/cfp/copyright"
grep -q 'EUROPEAN UNION PUBLIC LICENCE v. 1.2' "$root/usr/share/doc/cfp/copyright" || fail "the copyright file is not the EUPL"

# The packaged binary runs from the unpacked root and is the build's: the same version and
# commit, the commit being the one the sources are at when they are a checkout of their own.
packaged=$("$root/usr/bin/cfp" --version) || fail "the packaged cfp --version failed"
built=$("$cfp" --version)
[ "$packaged" = "$built" ] || fail "the package's cfp says '$packaged', the build's '$built'"
pattern="^cfp ${version//./\\.} \\(commit ([0-9a-f]{7,40}(-dirty)?|unknown)\\)\$"
[[ $packaged =~ $pattern ]] || fail "'$packaged' is not 'cfp $version (commit HASH)'"
if top=$(git -C "$source_dir" rev-parse --show-toplevel 2>/dev/null) &&
  [ "$(realpath "$top")" = "$(realpath "$source_dir")" ]; then
  head=$(git -C "$source_dir" rev-parse --short=7 HEAD)
  [[ $packaged == "cfp $version (commit $head"[-\)]* ]] || fail "'$packaged' does not name the sources' commit $head"
fi

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = cfp ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), expected $version"
[ "$(field Section)" = utils ] || fail "Section: $(field Section)"
[[ $(field Maintainer) =~ ^.+\ \<.+@.+\>$ ]] || fail "Maintainer: '$(field Maintainer)' is not NAME <EMAIL>"
depends=$(field Depends)
# Version bounds come from the shlibs files of the libraries the binary links: dpkg-shlibdeps ran.
for needed in 'libc6 (>= ' 'libstdc++6 (>= ' 'libfmt9 (>= ' tzdata; do
  [[ $depends == *"$needed"* ]] || fail "Depends lacks '$needed': $depends"
done
if [ "$sanitized" = 1 ]; then
  [[ $depends == *libasan* ]] || fail "a sanitized build's package must depend on libasan: $depends"
elif [[ $depends == *libasan* || $depends == *libubsan* ]]; then
  fail "a build without sanitizers depends on their libraries: $depends"
fi
# libpq is loaded when a server database is used, never linked: recommended, not depended on.
[[ $depends != *libpq* ]] || fail "the binary links libpq, which it should load only for a server database: $depends"
[ "$(field Recommends)" = libpq5 ] || fail "Recommends: '$(field Recommends)', expected libpq5"
echo "deb_package_test: ok: $(basename "$deb"), Depends: $depends"
