-- SPDX-License-Identifier: EUPL-1.2
-- `cfp report deadlines --all --at WHEN --format csv` written as one query, for the report
-- benchmark (tests/bench/report_benchmark.sh), which runs it in the sqlite3 shell on cfp's own
-- database:
--
--   sqlite3 -readonly -csv -header cfp.db ".parameter set @at '2025-05-20T12:00:00Z'" \
--     ".read tests/bench/report_deadlines.sql"
--
-- The rules are those of docs/cli.md (report deadlines): one row per cut-off, by closing time
-- then call; `closed` once @at is past its closing second, `not_open` before its call opens,
-- else `open`; the time left as cfp writes it; the proposals submitted to the cut-off and those
-- withdrawn from it; the call's drafts on its earliest open cut-off only; the EU contribution
-- the submitted ones request, and its share of the call's budget in percent with one decimal
-- rounded half up (none without a budget). The columns are cfp's but `closes_local` (a wall
-- time in the display zone, which SQL has no time zones for). @at is UTC ISO-8601 as cfp stores
-- instants (2025-05-20T12:00:00Z), so that it compares with them as text.
-- Money is in cents, as cfp stores it.

WITH
tallies AS (
  SELECT cutoff_id,
         sum(status = 'submitted') AS submitted,
         sum(status = 'withdrawn') AS withdrawn,
         sum(CASE WHEN status = 'submitted' THEN eu_contribution_cents ELSE 0 END) AS eu_requested
  FROM proposal
  WHERE status <> 'draft'
  GROUP BY cutoff_id
),
drafts AS (
  SELECT call_id, count(*) AS drafts FROM proposal WHERE status = 'draft' GROUP BY call_id
),
cutoffs AS (
  SELECT k.id, k.call_id, c.code AS call, k.label, k.closes_at, c.budget_cents,
         CASE
           WHEN k.closes_at < @at THEN 'closed'
           WHEN c.opens_at IS NOT NULL AND @at < c.opens_at THEN 'not_open'
           ELSE 'open'
         END AS status,
         unixepoch(k.closes_at) - unixepoch(@at) AS seconds_left
  FROM cutoff k
  JOIN call c ON c.id = k.call_id
),
-- Where each call's drafts are counted: its earliest open cut-off.
earliest_open AS (
  SELECT call_id, min(closes_at) AS closes_at FROM cutoffs WHERE status = 'open' GROUP BY call_id
),
rows AS (
  SELECT k.*,
         coalesce(t.submitted, 0) AS submitted,
         coalesce(t.withdrawn, 0) AS withdrawn,
         coalesce(t.eu_requested, 0) AS eu_requested,
         iif(e.call_id IS NULL, 0, coalesce(d.drafts, 0)) AS drafts
  FROM cutoffs k
  LEFT JOIN tallies t ON t.cutoff_id = k.id
  LEFT JOIN earliest_open e ON e.call_id = k.call_id AND e.closes_at = k.closes_at
  LEFT JOIN drafts d ON d.call_id = k.call_id
)
SELECT call,
       label,
       closes_at,
       status,
       CASE
         WHEN seconds_left <= -86400 THEN printf('closed %dd ago', -seconds_left / 86400)
         WHEN seconds_left <= -3600 THEN printf('closed %dh ago', -seconds_left / 3600)
         WHEN seconds_left <= -60 THEN printf('closed %dm ago', -seconds_left / 60)
         WHEN seconds_left < 0 THEN printf('closed %ds ago', -seconds_left)
         WHEN seconds_left < 3600 THEN printf('0d 00h %02dm %02ds', seconds_left / 60, seconds_left % 60)
         ELSE printf('%dd %02dh %02dm', seconds_left / 86400, seconds_left % 86400 / 3600, seconds_left % 3600 / 60)
       END AS time_left,
       seconds_left,
       submitted,
       drafts,
       withdrawn,
       printf('%d.%02d', eu_requested / 100, eu_requested % 100) AS eu_requested_eur,
       -- tenths of a percent, rounded half up
       iif(budget_cents > 0,
           printf('%d.%d', (eu_requested * 2000 + budget_cents) / (budget_cents * 2) / 10,
                  (eu_requested * 2000 + budget_cents) / (budget_cents * 2) % 10),
           NULL) AS budget_share
FROM rows
ORDER BY closes_at, call;
