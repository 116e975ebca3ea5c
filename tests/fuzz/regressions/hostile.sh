#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Writes a large hostile proposal file (or calls document) to stdout: inputs too big for a
# fuzzer's -max_len that show how memory and time grow with the input (regressions/memory.md).
#
# Usage: tests/fuzz/regressions/hostile.sh KIND MEGABYTES
#   csv_long_field    one CSV field of MEGABYTES bytes
#   csv_commas        one CSV record of MEGABYTES commas (an empty field each)
#   csv_stray_quote   a stray quoted word, then MEGABYTES of valid records it swallows
#   ndjson_long_line  one NDJSON line with a string of MEGABYTES bytes
#   json_long_array   one JSON record that is an array of MEGABYTES/2 numbers
#   json_many_keys    one JSON record with MEGABYTES/15 distinct keys
#   ndjson_many_keys  one NDJSON line with MEGABYTES/15 distinct keys
#   csv_many_partners MEGABYTES records, each naming the partner PT 333,334 times (1 MB)
#   json_blanks       one JSON array holding MEGABYTES of blanks and nothing else
#   json_empty_arrays one JSON array of MEGABYTES/3 records that are empty arrays
#   calls_nested      (import calls) a calls document of MEGABYTES of nested brackets
#   calls_numbers     (import calls) a calls document holding an array of MEGABYTES/2 numbers
set -eu # no pipefail: `yes` and `head` end pipelines by SIGPIPE

kind=${1:?kind}
bytes=$((${2:?megabytes} * 1000 * 1000))
header='call,acronym,title,host,entity'

# `count` copies of the byte `char`.
repeat() { head -c "$1" /dev/zero | tr '\0' "$2"; }

# `count` distinct keys "kNNNNNNNN":1 (fifteen bytes a key with its comma), comma-separated.
keys() { seq -f '"k%08.0f":1' 1 "$1" | paste -sd, - | tr -d '\n'; }

case "$kind" in
  csv_long_field) printf '%s\nX,A,' "$header"; repeat "$bytes" a; printf ',FI,E\n' ;;
  csv_commas) printf '%s\nX,A,T,FI,E' "$header"; repeat "$bytes" ,; printf '\n' ;;
  csv_stray_quote)
    printf '%s\nX,STRAY,Stray "word",FI,E\n' "$header"
    yes 'X,VALID,T,FI,E' | head -c "$bytes"
    ;;
  ndjson_long_line) printf '{"call":"'; repeat "$bytes" a; printf '"}\n' ;;
  json_long_array) printf '[['; yes '1,' | tr -d '\n' | head -c "$bytes"; printf '1]]\n' ;;
  json_many_keys) printf '[{'; keys $((bytes / 15)); printf '}]\n' ;;
  ndjson_many_keys) printf '{'; keys $((bytes / 15)); printf '}\n' ;;
  csv_many_partners)
    printf 'call,acronym,title,host,partners,entity\n'
    for i in $(seq 1 $((bytes / 1000000))); do
      printf 'X,A%s,T,FI,' "$i"; yes 'PT;' | tr -d '\n' | head -c 999999; printf 'PT,E\n'
    done
    ;;
  json_blanks) printf '['; repeat "$bytes" ' '; printf ']\n' ;;
  json_empty_arrays) printf '[[]'; yes ',[]' | head -n $((bytes / 3)) | tr -d '\n'; printf ']\n' ;;
  calls_nested) printf '{"calls": '; repeat $((bytes / 2)) '['; repeat $((bytes / 2)) ']'; printf '}\n' ;;
  calls_numbers) printf '{"calls": [['; yes '1,' | tr -d '\n' | head -c "$bytes"; printf '1]]}\n' ;;
  *)
    echo "hostile.sh: unknown kind '$kind'" >&2
    exit 2
    ;;
esac
