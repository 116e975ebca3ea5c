-- SPDX-License-Identifier: EUPL-1.2
-- The ranking of `cfp rank CALL --format csv` written as one query, for the evaluation benchmark
-- (tests/bench/evaluation_benchmark.sh), which runs it in the sqlite3 shell on cfp's own database:
--
--   sqlite3 -readonly -csv -header cfp.db ".parameter set @call 'EUROHPC-2024-CEI-AI-01'" \
--     ".parameter set @now '2024-11-10T00:00:00Z'" ".read tests/bench/evaluation_rank.sql"
--
-- The rules are those of docs/cli.md (rank): the call's submitted proposals whose cut-off closed
-- before @now; per proposal and criterion the median of the experts' scores (those of the
-- proposal's cut-off, without an expert's declared conflict; an even count takes the mean of
-- the two middle ones rounded down to a half point), replaced by the consensus where one is
-- recorded; incomplete below 3 experts on a criterion; below_threshold when a criterion misses
-- its threshold or the total the call's overall one; the others by weighted total, then each
-- criterion's consensus in position order (highest first), earlier submission, then acronym;
-- funded while the cumulative EU contribution stays within the call's budget, reserve after,
-- passing without a budget. Below the ranked ones: those below a threshold by weighted total,
-- then the incomplete ones, each by acronym. The columns are cfp's but `reason`, and one column
-- a criterion for the three standard criteria (by position).
-- Scores are half points (9 is 4.5), weights thousandths, money cents, as cfp stores them.

WITH
the_call AS (
  SELECT id, budget_cents, overall_threshold FROM call WHERE code = @call
),
considered AS (
  SELECT p.id, p.acronym, p.host, p.submitted_at, p.eu_contribution_cents, p.cutoff_id
  FROM proposal p
  JOIN the_call c ON c.id = p.call_id
  JOIN cutoff k ON k.id = p.cutoff_id
  WHERE p.status = 'submitted' AND k.closes_at < @now
),
-- Every score that counts (of a considered proposal's cut-off, no declared conflict), numbered
-- from the lowest within its proposal and criterion; one window for both numbers, one sort.
counted AS (
  SELECT v.proposal_id, s.criterion_id, s.score,
         row_number() OVER scores AS n, count(*) OVER scores AS experts
  FROM the_call c
  JOIN proposal p ON p.call_id = c.id AND p.status = 'submitted'
  JOIN cutoff k ON k.id = p.cutoff_id AND k.closes_at < @now
  JOIN evaluation v ON v.proposal_id = p.id AND v.cutoff_id = p.cutoff_id
  JOIN score s ON s.evaluation_id = v.id
  WHERE NOT EXISTS (SELECT 1 FROM declared_conflict d
                    WHERE d.expert_id = v.expert_id AND d.proposal_id = v.proposal_id)
  WINDOW scores AS (PARTITION BY v.proposal_id, s.criterion_id ORDER BY s.score
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
),
-- The middle score (odd count) or the two middle ones (even count), in integer half points.
medians AS (
  SELECT proposal_id, criterion_id, sum(score) / count(*) AS median, max(experts) AS experts
  FROM counted
  WHERE n IN ((experts + 1) / 2, experts / 2 + 1)
  GROUP BY proposal_id, criterion_id
),
judged AS (
  SELECT p.id AS proposal_id, k.position, k.weight, k.threshold,
         coalesce(agreed.score, m.median) AS consensus, coalesce(m.experts, 0) AS experts
  FROM considered p
  JOIN criterion k ON k.call_id = (SELECT id FROM the_call)
  LEFT JOIN medians m ON m.proposal_id = p.id AND m.criterion_id = k.id
  LEFT JOIN consensus agreed ON agreed.proposal_id = p.id AND agreed.cutoff_id = p.cutoff_id
                            AND agreed.criterion_id = k.id
),
totals AS (
  SELECT proposal_id,
         CASE WHEN count(consensus) = count(*) THEN sum(consensus) END AS total,
         CASE WHEN count(consensus) = count(*) THEN sum(consensus * weight) END AS weighted,
         min(experts) AS experts,
         max(consensus < threshold) AS misses,
         max(CASE position WHEN 1 THEN consensus END) AS c1,
         max(CASE position WHEN 2 THEN consensus END) AS c2,
         max(CASE position WHEN 3 THEN consensus END) AS c3
  FROM judged
  GROUP BY proposal_id
),
classified AS (
  SELECT p.acronym, p.host, p.submitted_at, p.eu_contribution_cents, t.*,
         CASE
           WHEN t.experts < 3 THEN 3
           WHEN t.misses OR t.total < (SELECT overall_threshold FROM the_call) THEN 2
           ELSE 1
         END AS part
  FROM totals t
  JOIN proposal p ON p.id = t.proposal_id
),
ranked AS (
  SELECT *, row_number() OVER by_rank AS rank,
         sum(eu_contribution_cents) OVER (by_rank ROWS UNBOUNDED PRECEDING) AS cumulative
  FROM classified
  WHERE part = 1
  WINDOW by_rank AS (ORDER BY weighted DESC, c1 DESC, c2 DESC, c3 DESC, submitted_at, acronym COLLATE NOCASE)
),
listed AS (
  SELECT *, CASE
              WHEN (SELECT budget_cents FROM the_call) IS NULL THEN 'passing'
              WHEN cumulative <= (SELECT budget_cents FROM the_call) THEN 'funded'
              ELSE 'reserve'
            END AS status
  FROM ranked
  UNION ALL
  SELECT *, NULL, NULL, CASE part WHEN 2 THEN 'below_threshold' ELSE 'incomplete' END
  FROM classified
  WHERE part > 1
)
SELECT rank,
       acronym,
       host,
       iif(total IS NULL, NULL, printf('%d.%d', total / 2, total % 2 * 5)) AS total,
       -- half points x thousandths, shown exactly with at least one decimal
       iif(weighted IS NULL, NULL,
           printf('%d.%s', weighted * 5 / 10000,
                  coalesce(nullif(rtrim(printf('%04d', weighted * 5 % 10000), '0'), ''), '0'))) AS weighted_total,
       iif(c1 IS NULL, NULL, printf('%d.%d', c1 / 2, c1 % 2 * 5)) AS excellence,
       iif(c2 IS NULL, NULL, printf('%d.%d', c2 / 2, c2 % 2 * 5)) AS impact,
       iif(c3 IS NULL, NULL, printf('%d.%d', c3 / 2, c3 % 2 * 5)) AS implementation,
       printf('%d.%02d', eu_contribution_cents / 100, eu_contribution_cents % 100) AS eu_contribution_eur,
       iif(cumulative IS NULL, NULL, printf('%d.%02d', cumulative / 100, cumulative % 100)) AS cumulative_eur,
       status
FROM listed
ORDER BY part, rank, coalesce(weighted, 0) DESC, acronym COLLATE NOCASE;
