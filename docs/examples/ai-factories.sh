#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
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
# sectors, submission times, the titles of the proposals, the one update of MIMER, BSC-AIF's
# Part B (docs/examples/bsc-aif-part-b.pdf), the experts and their scores.
#
# The calls load through `cfp import calls` (JSON) and the proposals through
# `cfp import proposals` (CSV), as a script of another system would feed cfp.
#
# Usage: CFP=/path/to/cfp CFP_DB=/path/to/demo.db docs/examples/ai-factories.sh
set -euo pipefail

cfp=${CFP:-cfp}

"$cfp" db init >/dev/null

# Budgets are ILLUSTRATIVE; cut-offs labelled "(assumed)" are ASSUMED.
CFP_NOW=2024-09-01T09:00:00Z "$cfp" import calls - <<'JSON'
{
  "calls": [
    {
      "code": "EUROHPC-2024-CEI-AI-01",
      "title": "AI Factories: hosting entities for new or upgraded AI-optimised supercomputers",
      "opens_at": "2024-09-10",
      "budget_eur": "1.5bn",
      "cutoffs": [
        {"label": "2024-11-04", "closes_at": "2024-11-04"},
        {"label": "2025-02-01", "closes_at": "2025-02-01"},
        {"label": "2025-05-02 (assumed)", "closes_at": "2025-05-02"},
        {"label": "2025-09-01 (assumed)", "closes_at": "2025-09-01"},
        {"label": "2025-12-31 (assumed)", "closes_at": "2025-12-31"}
      ]
    },
    {
      "code": "EUROHPC-2024-CEI-AI-02",
      "title": "AI Factories: grants for the services and activities of AI Factories",
      "opens_at": "2024-09-10",
      "budget_eur": "485M",
      "cutoffs": [
        {"label": "2024-11-04", "closes_at": "2024-11-04"},
        {"label": "2025-02-01", "closes_at": "2025-02-01"},
        {"label": "2025-05-02 (assumed)", "closes_at": "2025-05-02"},
        {"label": "2025-09-01 (assumed)", "closes_at": "2025-09-01"},
        {"label": "2025-12-31 (assumed)", "closes_at": "2025-12-31"}
      ]
    }
  ]
}
JSON

# The seven AI factories selected in December 2024. Real: acronym, host, partners, entity,
# plan, experimental platform. ILLUSTRATIVE: titles, contributions, sectors, submission times.
# Pharos was submitted at 17:00:00 Brussels time exactly: on time.
# The import runs as of the first cut-off, 17:00:00 Brussels time on 4 November 2024.
CFP_NOW=2024-11-04T16:00:00Z "$cfp" import proposals - --input-format csv <<'CSV'
call,acronym,title,host,partners,entity,plan,experimental_platform,eu_contribution_eur,national_contribution_eur,sectors,status,submitted_at
EUROHPC-2024-CEI-AI-01,BSC-AIF,BSC AI Factory,ES,PT;RO;TR,Barcelona Supercomputing Center (BSC-CNS),upgrade,yes,31_000_000,31_000_000,health;manufacturing;climate;green-economy,submitted,2024-10-28T10:15:00Z
EUROHPC-2024-CEI-AI-01,IT4LIA,IT4LIA: AI Factory for Italy and its partners,IT,AT;SI,CINECA,new,no,215M,215M,manufacturing;agrifood;cybersecurity;climate,submitted,2024-10-30T14:02:11Z
EUROHPC-2024-CEI-AI-01,LUMI-AIF,LUMI AI Factory,FI,CZ;DK;EE;NO;PL,CSC – IT Center for Science,new,yes,300M,300M,health;climate;space;education,submitted,2024-11-01T08:45:30Z
EUROHPC-2024-CEI-AI-01,MeluXina-AI,MeluXina-AI: the Luxembourg AI Factory,LU,,LuxProvide,new,no,31.5M,31.5M,finance;space;cybersecurity,submitted,2024-11-02T16:20:00Z
EUROHPC-2024-CEI-AI-01,MIMER,MIMER AI Factory,SE,,Linköping University,new,no,50M,50M,health;manufacturing,submitted,2024-11-03T11:11:11Z
EUROHPC-2024-CEI-AI-01,HammerHAI,HammerHAI: AI Factory at HLRS,DE,,University of Stuttgart (HLRS),new,no,42M,42M,manufacturing;automotive;climate,submitted,2024-11-04T12:30:00Z
EUROHPC-2024-CEI-AI-01,Pharos,Pharos: the Greek AI Factory,GR,,GRNET – National Infrastructures for Research and Technology,none,no,15M,15M,health;culture;education,submitted,2024-11-04T16:00:00Z
CSV

# An update at the last second before the cut-off: MIMER's version 2 is the one that counts
# (ILLUSTRATIVE).
CFP_NOW=2024-11-04T16:00:00Z "$cfp" proposal update MIMER \
  --title "MIMER: AI Factory at Linköping University" --sector health,manufacturing,green-economy >/dev/null

# BSC-AIF's Part B, a one-page PDF beside this script (ILLUSTRATIVE), attached in the same last
# second: version 2, and its receipt covers the document.
CFP_NOW=2024-11-04T16:00:00Z "$cfp" proposal attach BSC-AIF "$(dirname "$0")/bsc-aif-part-b.pdf" --part part-b \
  --title "Technical description" >/dev/null

# Experts who will score the proposals of the first cut-off. ALL ILLUSTRATIVE: invented names,
# organisations and addresses, chosen so that the rules find conflicts of interest (a partner
# state, a host state, a hosting entity).
CFP_NOW=2024-11-05T09:00:00Z "$cfp" expert add "Ana Ferreira" --state PT --organisation "University of Porto" \
  --email ana.ferreira@example.eu >/dev/null
CFP_NOW=2024-11-05T09:01:00Z "$cfp" expert add "Jonas Berg" --state SE --organisation "Uppsala University" >/dev/null
CFP_NOW=2024-11-05T09:02:00Z "$cfp" expert add "Katrin Vogel" --state DE \
  --organisation "University of Stuttgart (HLRS)" >/dev/null
CFP_NOW=2024-11-05T09:03:00Z "$cfp" expert add "Luca Bianchi" --state IT --organisation "Politecnico di Milano" >/dev/null
CFP_NOW=2024-11-05T09:04:00Z "$cfp" expert add "Marie Dubois" --state FR --organisation "Inria" \
  --email marie.dubois@example.eu >/dev/null
CFP_NOW=2024-11-05T09:05:00Z "$cfp" expert add "Nora Hansen" --state NO >/dev/null

# The experts' scores of the first cut-off's proposals, three experts a proposal, none with a
# conflict of interest. ALL ILLUSTRATIVE: the real evaluation is not public.
score() {
  local ref=$1 expert=$2
  shift 2
  CFP_NOW=2024-11-20T10:00:00Z "$cfp" score add "$ref" --expert "$expert" "$@" >/dev/null
}
score BSC-AIF "Jonas Berg" excellence=4.5 impact=4.5 implementation=4
score BSC-AIF "Luca Bianchi" excellence=4.5 impact=4 implementation=4.5
score BSC-AIF "Marie Dubois" excellence=5 impact=4.5 implementation=4
score IT4LIA "Ana Ferreira" excellence=4.5 impact=5 implementation=4
score IT4LIA "Jonas Berg" excellence=4 impact=4.5 implementation=4
score IT4LIA "Marie Dubois" excellence=4.5 impact=4.5 implementation=3.5
score LUMI-AIF "Ana Ferreira" excellence=5 impact=4.5 implementation=4.5
score LUMI-AIF "Jonas Berg" excellence=4.5 impact=4.5 implementation=4
score LUMI-AIF "Luca Bianchi" excellence=5 impact=4 implementation=4.5
score MeluXina-AI "Katrin Vogel" excellence=4 impact=3.5 implementation=4
score MeluXina-AI "Luca Bianchi" excellence=3.5 impact=4 implementation=4
score MeluXina-AI "Nora Hansen" excellence=4 impact=3 implementation=3.5
score MIMER "Luca Bianchi" excellence=4 impact=4 implementation=3.5
score MIMER "Marie Dubois" excellence=4.5 impact=3.5 implementation=4
score MIMER "Nora Hansen" excellence=2.5 impact=4 implementation=3.5
score HammerHAI "Ana Ferreira" excellence=4 impact=4 implementation=3.5
score HammerHAI "Jonas Berg" excellence=3.5 impact=4 implementation=4
score HammerHAI "Nora Hansen" excellence=4 impact=4.5 implementation=3.5
score Pharos "Ana Ferreira" excellence=3.5 impact=3 implementation=3
score Pharos "Luca Bianchi" excellence=3 impact=3.5 implementation=2.5
score Pharos "Marie Dubois" excellence=3.5 impact=3 implementation=3
