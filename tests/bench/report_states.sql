-- SPDX-License-Identifier: EUPL-1.2
-- `cfp report states --all --format csv` written as one query, for the report benchmark
-- (tests/bench/report_benchmark.sh), which runs it in the sqlite3 shell on cfp's own database:
--
--   sqlite3 -readonly -csv -header cfp.db ".read tests/bench/report_states.sql"
--
-- The rules are those of docs/cli.md (report states), over every call and cut-off: one row per
-- participating state, by code; the submitted proposals it hosts and those it is a partner of;
-- the drafts it hosts; the EU and national contributions of the submitted proposals it hosts;
-- those of them that the evaluation selected (`rank --apply`) and their EU contribution.
-- A withdrawn proposal counts nowhere. Money is in cents, as cfp stores it.

WITH
hosts AS (
  SELECT host,
         sum(status = 'submitted') AS hosted,
         sum(status = 'draft') AS drafts,
         sum(status = 'submitted' AND outcome = 'selected') AS selected,
         sum(CASE WHEN status = 'submitted' THEN eu_contribution_cents ELSE 0 END) AS eu_requested,
         sum(CASE WHEN status = 'submitted' THEN national_contribution_cents ELSE 0 END) AS national_committed,
         sum(CASE WHEN status = 'submitted' AND outcome = 'selected' THEN eu_contribution_cents ELSE 0 END)
           AS eu_selected
  FROM proposal
  GROUP BY host
),
partners AS (
  SELECT pp.state_code, count(*) AS partnered
  FROM proposal_partner pp
  JOIN proposal p ON p.id = pp.proposal_id
  WHERE p.status = 'submitted'
  GROUP BY pp.state_code
),
rows AS (
  SELECT s.code, s.name,
         coalesce(h.hosted, 0) AS hosted,
         coalesce(p.partnered, 0) AS partnered,
         coalesce(h.drafts, 0) AS drafts,
         coalesce(h.eu_requested, 0) AS eu_requested,
         coalesce(h.national_committed, 0) AS national_committed,
         coalesce(h.selected, 0) AS selected,
         coalesce(h.eu_selected, 0) AS eu_selected
  FROM state s
  LEFT JOIN hosts h ON h.host = s.code
  LEFT JOIN partners p ON p.state_code = s.code
)
SELECT code,
       name,
       hosted,
       partnered,
       drafts,
       printf('%d.%02d', eu_requested / 100, eu_requested % 100) AS eu_requested_eur,
       printf('%d.%02d', national_committed / 100, national_committed % 100) AS national_committed_eur,
       selected,
       printf('%d.%02d', eu_selected / 100, eu_selected % 100) AS eu_selected_eur
FROM rows
ORDER BY code;
