-- SPDX-License-Identifier: EUPL-1.2
-- Evaluation, first part: what a call's proposals are scored on, and who scores them.
--
-- Every call has criteria, each scored 0 to 5 in half points, with a threshold (half points,
-- the consensus score a proposal must reach on it), a weight (thousandths: 1 is 1000; weights
-- rank proposals and never touch a threshold) and a position (lists and tie-breaks, from 1).
-- A call's overall threshold is in half points too, over the sum of the unweighted scores.
-- The calls already there get the standard criteria and threshold that cfp gives a new call:
-- excellence, impact and implementation, threshold 3 each, weight 1; overall 10.
--
-- Experts have a name unique ignoring case and spacing (Unicode case folding, computed by cfp)
-- and a state; the conflicts of interest the rules derive from them (state, organisation) are
-- computed, and those an official declares are kept here with their reason.

ALTER TABLE call ADD COLUMN overall_threshold INTEGER NOT NULL DEFAULT 20
  CHECK (overall_threshold BETWEEN 0 AND 200);

-- AUTOINCREMENT: a criterion removed leaves its id unused, so that the audit log's subject
-- ids never name two criteria.
CREATE TABLE criterion (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  call_id   INTEGER NOT NULL REFERENCES call (id),
  key       TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 32 AND key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'),
  name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  weight    INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100000),
  threshold INTEGER NOT NULL CHECK (threshold BETWEEN 0 AND 10),
  position  INTEGER NOT NULL CHECK (position BETWEEN 1 AND 20),
  UNIQUE (call_id, key),
  UNIQUE (call_id, position)
) STRICT;

INSERT INTO criterion (call_id, key, name, weight, threshold, position)
SELECT id, 'excellence', 'Excellence', 1000, 6, 1 FROM call
UNION ALL
SELECT id, 'impact', 'Impact', 1000, 6, 2 FROM call
UNION ALL
SELECT id, 'implementation', 'Quality and efficiency of the implementation', 1000, 6, 3 FROM call;

CREATE TABLE expert (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- The name as names are compared (cfp's util::comparison_key: trimmed, spaces collapsed,
  -- Unicode NFC and case-folded): "LINKÖPING" and "Linköping" are one name.
  name_key     TEXT NOT NULL UNIQUE,
  state        TEXT NOT NULL REFERENCES state (code),
  organisation TEXT CHECK (organisation IS NULL OR length(organisation) BETWEEN 1 AND 200),
  email        TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
  created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE declared_conflict (
  expert_id   INTEGER NOT NULL REFERENCES expert (id),
  proposal_id INTEGER NOT NULL REFERENCES proposal (id),
  reason      TEXT NOT NULL CHECK (length(reason) > 0),
  declared_at TEXT NOT NULL,
  PRIMARY KEY (expert_id, proposal_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX declared_conflict_by_proposal ON declared_conflict (proposal_id);
