-- SPDX-License-Identifier: EUPL-1.2
-- Evaluation, second part: experts' scores and the consensus.
--
-- An evaluation is one expert's scores of one proposal at one cut-off, one score (half points,
-- 0 to 10) a criterion of the call; it belongs to the cut-off the proposal was evaluated at, so
-- that a proposal evaluated again at a later cut-off starts afresh. Scoring again replaces the
-- scores; each earlier version stays in evaluation_version as a JSON snapshot, as proposal
-- versions do. The consensus of a criterion is recorded when the experts agree on one;
-- otherwise cfp takes the median of the individual scores. A proposal's outcome (selected,
-- reserve, rejected) is recorded when a ranking is applied.

CREATE TABLE evaluation (
  id                 INTEGER PRIMARY KEY,
  proposal_id        INTEGER NOT NULL REFERENCES proposal (id),
  cutoff_id          INTEGER NOT NULL REFERENCES cutoff (id),
  expert_id          INTEGER NOT NULL REFERENCES expert (id),
  comment            TEXT,
  version            INTEGER NOT NULL CHECK (version >= 1),
  recorded_at        TEXT NOT NULL,
  recorded_real_at   TEXT NOT NULL,
  recorded_simulated INTEGER NOT NULL CHECK (recorded_simulated = 0 OR recorded_simulated = 1),
  recorded_by        TEXT NOT NULL,
  UNIQUE (proposal_id, cutoff_id, expert_id)
) STRICT;

CREATE INDEX evaluation_by_cutoff ON evaluation (cutoff_id);

CREATE TABLE score (
  evaluation_id INTEGER NOT NULL REFERENCES evaluation (id),
  criterion_id  INTEGER NOT NULL REFERENCES criterion (id),
  score         INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  PRIMARY KEY (evaluation_id, criterion_id)
) STRICT, WITHOUT ROWID;

-- A criterion with scores is frozen: found through this index.
CREATE INDEX score_by_criterion ON score (criterion_id);

CREATE TABLE evaluation_version (
  evaluation_id      INTEGER NOT NULL REFERENCES evaluation (id),
  version            INTEGER NOT NULL CHECK (version >= 1),
  recorded_at        TEXT NOT NULL,
  recorded_real_at   TEXT NOT NULL,
  recorded_simulated INTEGER NOT NULL CHECK (recorded_simulated = 0 OR recorded_simulated = 1),
  recorded_by        TEXT NOT NULL,
  snapshot           TEXT NOT NULL CHECK (json_valid(snapshot)),
  PRIMARY KEY (evaluation_id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE consensus (
  proposal_id        INTEGER NOT NULL REFERENCES proposal (id),
  cutoff_id          INTEGER NOT NULL REFERENCES cutoff (id),
  criterion_id       INTEGER NOT NULL REFERENCES criterion (id),
  score              INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  comment            TEXT,
  recorded_at        TEXT NOT NULL,
  recorded_by        TEXT NOT NULL,
  PRIMARY KEY (proposal_id, cutoff_id, criterion_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX consensus_by_criterion ON consensus (criterion_id);

-- What the ranking decided (`cfp rank --apply`), apart from the proposal's status and versions.
ALTER TABLE proposal ADD COLUMN outcome TEXT
  CHECK (outcome IS NULL OR outcome = 'selected' OR outcome = 'reserve' OR outcome = 'rejected');
