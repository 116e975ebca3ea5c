#!/usr/bin/env bash
# Example data: the EuroHPC Joint Undertaking's AI Factories calls and the seven AI factories
# selected in December 2024 from the first cut-off.
#
# What is real: the call codes, the opening on 10 September 2024, the call running until
# 31 December 2025, the cut-offs of 4 November 2024 and 1 February 2025 at 17:00 Brussels time,
# and for each of the seven selected factories its acronym, host state, hosting entity, partner
# states and whether it is a new system, an upgrade or neither.
# What is ASSUMED: the later cut-offs (2 May 2025, 1 September 2025, 31 December 2025; the
# real ones came about every three months) and the call titles (paraphrased).
# What is ILLUSTRATIVE (invented for the demo): budgets, EU and national contributions,
# sectors, submission times, the titles of the proposals and the one update of MIMER.
#
# Usage: CFP=/path/to/cfp CFP_DB=/path/to/demo.db docs/examples/ai-factories.sh
set -euo pipefail

cfp=${CFP:-cfp}
call1=EUROHPC-2024-CEI-AI-01
call2=EUROHPC-2024-CEI-AI-02

at() { # at INSTANT cfp-arguments...: run cfp as if it were INSTANT
  local instant=$1
  shift
  CFP_NOW=$instant "$cfp" "$@" >/dev/null
}

at 2024-09-01T09:00:00Z db init

# Budgets are illustrative.
at 2024-09-01T09:00:00Z call add "$call1" --opens 2024-09-10 --budget 1.5bn \
  --title "AI Factories: hosting entities for new or upgraded AI-optimised supercomputers"
at 2024-09-01T09:00:00Z call add "$call2" --opens 2024-09-10 --budget 485M \
  --title "AI Factories: grants for the services and activities of AI Factories"

for call in "$call1" "$call2"; do
  at 2024-09-01T09:00:00Z deadline add "$call" 2024-11-04 --label "2024-11-04"
  at 2024-09-01T09:00:00Z deadline add "$call" 2025-02-01 --label "2025-02-01"
  at 2024-09-01T09:00:00Z deadline add "$call" 2025-05-02 --label "2025-05-02 (assumed)"
  at 2024-09-01T09:00:00Z deadline add "$call" 2025-09-01 --label "2025-09-01 (assumed)"
  at 2024-09-01T09:00:00Z deadline add "$call" 2025-12-31 --label "2025-12-31 (assumed)"
done

# The seven AI factories selected in December 2024. Contributions, sectors, titles and
# submission times are illustrative.
at 2024-10-28T10:15:00Z proposal add --call "$call1" --acronym BSC-AIF \
  --title "BSC AI Factory" --host ES --partner PT,RO,TR \
  --entity "Barcelona Supercomputing Center (BSC-CNS)" --plan upgrade --experimental-platform \
  --eu-contribution 31_000_000 --national-contribution 31_000_000 \
  --sector health,manufacturing,climate,green-economy

at 2024-10-30T14:02:11Z proposal add --call "$call1" --acronym IT4LIA \
  --title "IT4LIA: AI Factory for Italy and its partners" --host IT --partner AT,SI \
  --entity "CINECA" --plan new \
  --eu-contribution 215M --national-contribution 215M \
  --sector manufacturing,agrifood,cybersecurity,climate

at 2024-11-01T08:45:30Z proposal add --call "$call1" --acronym LUMI-AIF \
  --title "LUMI AI Factory" --host FI --partner CZ,DK,EE,NO,PL \
  --entity "CSC – IT Center for Science" --plan new --experimental-platform \
  --eu-contribution 300M --national-contribution 300M \
  --sector health,climate,space,education

at 2024-11-02T16:20:00Z proposal add --call "$call1" --acronym MeluXina-AI \
  --title "MeluXina-AI: the Luxembourg AI Factory" --host LU \
  --entity "LuxProvide" --plan new \
  --eu-contribution 31.5M --national-contribution 31.5M \
  --sector finance,space,cybersecurity

at 2024-11-03T11:11:11Z proposal add --call "$call1" --acronym MIMER \
  --title "MIMER AI Factory" --host SE \
  --entity "Linköping University" --plan new \
  --eu-contribution 50M --national-contribution 50M \
  --sector health,manufacturing

# An update before the cut-off: MIMER's version 2 is the one that counts (illustrative).
at 2024-11-04T09:00:00Z proposal update MIMER \
  --title "MIMER: AI Factory at Linköping University" --sector health,manufacturing,green-economy

at 2024-11-04T12:30:00Z proposal add --call "$call1" --acronym HammerHAI \
  --title "HammerHAI: AI Factory at HLRS" --host DE \
  --entity "University of Stuttgart (HLRS)" --plan new \
  --eu-contribution 42M --national-contribution 42M \
  --sector manufacturing,automotive,climate

# Submitted at 17:00:00 Brussels time exactly: on time.
at 2024-11-04T16:00:00Z proposal add --call "$call1" --acronym Pharos \
  --title "Pharos: the Greek AI Factory" --host GR \
  --entity "GRNET – National Infrastructures for Research and Technology" --plan none \
  --eu-contribution 15M --national-contribution 15M \
  --sector health,culture,education
