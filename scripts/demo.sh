#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Builds a release cfp, loads the AI Factories example data (docs/examples/) into a fresh demo
# database, and prints the deadlines, the proposals, the conflicts of interest of the
# (illustrative) experts and their scores of the first cut-off, the ranking, the calls and the
# states; writes the HTML dashboard and the cut-offs' calendar beside the database.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release

demo_dir=build/demo
rm -rf "$demo_dir"
mkdir -p "$demo_dir"
export CFP_DB="$PWD/$demo_dir/cfp.db"
export CFP_USER=demo
cfp="$PWD/build/release/app/cfp"

CFP="$cfp" docs/examples/ai-factories.sh

# The data is shown as of a date inside the calls: the first cut-off closed and evaluated, the
# second open. Without CFP_NOW cfp reads the clock, and every cut-off of these calls is closed.
export CFP_NOW=2024-12-01T09:00:00Z
echo
echo "The demo shows the data as of $CFP_NOW (CFP_NOW; 'cfp help environment'), inside the calls:"
echo "the 2024-11-04 cut-off has closed and been evaluated, the 2025-02-01 one is open."
echo
echo "== Deadlines (as of $CFP_NOW) =="
"$cfp" deadline list
echo
echo "== Proposals =="
"$cfp" proposal list
echo
echo "== Conflicts of interest (illustrative experts) =="
"$cfp" expert conflicts
echo
echo "== Scores of the first cut-off (illustrative) =="
"$cfp" score list --call EUROHPC-2024-CEI-AI-01
echo
echo "== Evaluation summary of MIMER (illustrative) =="
"$cfp" score summary MIMER
echo
echo "== Ranking and funding line of the first cut-off (illustrative scores, 600M budget) =="
"$cfp" rank EUROHPC-2024-CEI-AI-01 --cutoff 2024-11-04 --budget 600M
echo
echo "== Calls at a glance =="
"$cfp" report calls
echo
echo "== Proposals by participating state, first call =="
"$cfp" report states --call EUROHPC-2024-CEI-AI-01
echo
echo "== Dashboard and calendar =="
"$cfp" report html --out "$demo_dir/dashboard.html"
"$cfp" report ics > "$demo_dir/cut-offs.ics"
echo "cut-off calendar: $demo_dir/cut-offs.ics ($(grep -c BEGIN:VEVENT "$demo_dir/cut-offs.ics") events)"
echo
echo "Demo database: $CFP_DB (try: CFP_DB=$CFP_DB CFP_NOW=$CFP_NOW $cfp proposal show BSC-AIF)"
echo "Dashboard: $PWD/$demo_dir/dashboard.html (open it in a browser, or print it)"
echo "cfp itself: $cfp; to put it on your PATH, 'cmake --install build/release --prefix ~/.local'"
echo "(for you alone, in ~/.local/bin) or 'sudo cmake --install build/release' (everyone, /usr/local/bin)"
