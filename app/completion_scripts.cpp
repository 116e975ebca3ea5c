// SPDX-License-Identifier: EUPL-1.2
// The scripts `cfp completion SHELL` prints. Each asks `cfp __complete WORDS...` for the
// candidates of the word being typed (the last word, maybe empty) and falls back to file names
// when there are none, so that the words come from one place: the command tree and the
// database (complete() in completion.cpp).
#include "completion.hpp"

namespace cfp::cli {

namespace {

constexpr auto k_bash = R"script(# bash completion for cfp                                 -*- shell-script -*-
# Load it with `source <(cfp completion bash)`, or install it as
# /usr/share/bash-completion/completions/cfp (cmake --install does).
_cfp()
{
    # The words up to the cursor, split at spaces only: bash would also split at '=' and ':'.
    local line=${COMP_LINE:0:COMP_POINT}
    local -a words
    read -ra words <<< "$line"
    [[ $line == *[[:space:]] ]] && words+=("")
    ((${#words[@]} > 1)) || return 0
    local cur=${words[${#words[@]}-1]}
    local IFS=$'\n'
    local -a candidates
    candidates=($("${words[0]}" __complete --line "$line" 2>/dev/null))
    if ((${#candidates[@]} == 0)); then
        compopt -o default 2>/dev/null
        COMPREPLY=()
        return 0
    fi
    # Bash replaces only what follows the last word break ('=' or ':') of the word, and puts
    # in what it is given as it is: each candidate is quoted for the shell (a value such as
    # a cut-off label may hold spaces, quotes or $).
    local broken=${cur%"${cur##*[=:]}"}
    [[ -n $broken && $COMP_WORDBREAKS == *"${broken: -1}"* ]] || broken=
    local candidate quoted
    COMPREPLY=()
    for candidate in "${candidates[@]}"; do
        printf -v quoted '%q' "${candidate#"$broken"}"
        COMPREPLY+=("$quoted")
    done
}
complete -F _cfp cfp
)script";

constexpr auto k_zsh = R"script(#compdef cfp
# zsh completion for cfp: install it as _cfp in a folder of $fpath (cmake --install does), or
# load it with `source <(cfp completion zsh)` after compinit.
_cfp() {
  local -a candidates
  candidates=("${(@f)$(${words[1]} __complete "${(@Q)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=(${candidates:#})
  if (( ${#candidates} == 0 )); then
    _files
    return
  fi
  compadd -- "${candidates[@]}"
}
if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
  _cfp "$@"
else
  compdef _cfp cfp
fi
)script";

constexpr auto k_fish = R"script(# fish completion for cfp: install it as cfp.fish in a folder of $fish_complete_path
# (cmake --install does), or load it with `cfp completion fish | source`.
function __cfp_complete
    set -l tokens (commandline -opc)
    set -l program $tokens[1]
    set -e tokens[1]
    $program __complete $tokens (commandline -ct) 2>/dev/null
end
function __cfp_no_candidates
    test -z "$(__cfp_complete)"
end
complete -c cfp -f -a '(__cfp_complete)'
complete -c cfp -n __cfp_no_candidates -F
)script";

} // namespace

std::string completion_script(std::string_view shell)
{
  if (shell == "bash") {
    return k_bash;
  }
  if (shell == "zsh") {
    return k_zsh;
  }
  if (shell == "fish") {
    return k_fish;
  }
  return {};
}

} // namespace cfp::cli
