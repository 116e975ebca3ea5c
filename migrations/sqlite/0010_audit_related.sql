-- SPDX-License-Identifier: EUPL-1.2
-- What an audit entry concerns besides its subject. An import writes one entry for the whole
-- file (its subject is the import, which has no id); audit_related names what that import
-- created or changed: each proposal an `import proposals` inserted or updated, each proposal
-- whose scores an `import scores` saved, each call an `import calls` added or changed (its
-- title, opening, budget, cut-offs, criteria or threshold). `log --ref` and `log --call` find
-- the import entries through it. Like subject_id, subject_id here has no foreign key: the log
-- outlives what it speaks of. Rows are written with their entry, in its transaction, and never
-- change; they are not part of the entry's seal (the entry's own counts are).
--
-- Entries already there are linked as well as the stored rows tell:
-- * `import proposals`: each proposal with a version (an earlier one or the current one)
--   recorded at the entry's time by its actor that no entry of another command accounts for
--   (`proposal update` or `withdraw` in the same second make a version each, with an entry);
--   when two imports of proposals have the same time and actor, neither is linked. The import
--   wrote its versions with the time it started writing and its entry with the time it
--   finished, so without CFP_NOW an import that crossed a second boundary stays unlinked.
-- * `import scores`: the same with the versions of the experts' evaluations (`score add` makes
--   one, with an entry).
-- * `import calls`: the calls of the call, cut-off and criterion entries that the same command
--   wrote just before the import's entry, in the same transaction (same command line, time and
--   actor, no other entry between them).

CREATE TABLE audit_related (
  audit_id     INTEGER NOT NULL REFERENCES audit (id),
  subject_kind TEXT NOT NULL CHECK (subject_kind = 'call' OR subject_kind = 'cutoff' OR subject_kind = 'proposal'
                                    OR subject_kind = 'expert' OR subject_kind = 'score'
                                    OR subject_kind = 'criterion'),
  subject_id   INTEGER NOT NULL,
  PRIMARY KEY (audit_id, subject_kind, subject_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX audit_related_by_subject ON audit_related (subject_kind, subject_id);

CREATE TRIGGER audit_related_is_append_only_update
BEFORE UPDATE ON audit_related
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_related_is_append_only_delete
BEFORE DELETE ON audit_related
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- `log --actor` and `log --action` compare ignoring ASCII case, and refuse a name the log
-- does not hold: these answer both without reading the whole log.
CREATE INDEX audit_by_actor ON audit (actor COLLATE NOCASE);
CREATE INDEX audit_by_action ON audit (action COLLATE NOCASE);

-- Imports of proposals. A proposal is linked when it has more versions recorded at the
-- import's time by its actor than entries of other commands that made one then.
WITH version (proposal_id, at, actor, count) AS (
  SELECT proposal_id, at, actor, count(*) FROM (
    SELECT proposal_id, recorded_at AS at, recorded_by AS actor FROM proposal_version
    UNION ALL
    SELECT id, updated_at, updated_by FROM proposal)
  GROUP BY proposal_id, at, actor
),
import (id, at, actor, command) AS (
  SELECT a.id, a.at, a.actor, a.command FROM audit a
  WHERE a.subject_kind = 'import' AND a.entity LIKE 'import proposals %'
    AND NOT EXISTS (SELECT 1 FROM audit o
                    WHERE o.id <> a.id AND o.subject_kind = 'import' AND o.entity LIKE 'import proposals %'
                      AND o.at = a.at AND o.actor = a.actor)
)
INSERT OR IGNORE INTO audit_related (audit_id, subject_kind, subject_id)
SELECT i.id, 'proposal', v.proposal_id
FROM import i JOIN version v ON v.at = i.at AND v.actor = i.actor
WHERE v.count > (SELECT count(*) FROM audit o
                 WHERE o.subject_kind = 'proposal' AND o.subject_id = v.proposal_id
                   AND o.at = v.at AND o.actor = v.actor AND o.command <> i.command
                   AND (o.action = 'add' OR o.action = 'update' OR o.action = 'submit' OR o.action = 'withdraw'))
ORDER BY i.id, v.proposal_id;

-- Imports of scores: the same with the versions of the experts' evaluations, made otherwise
-- by `score add` (its entries: add, replace).
WITH version (proposal_id, at, actor, count) AS (
  SELECT proposal_id, at, actor, count(*) FROM (
    SELECT e.proposal_id, v.recorded_at AS at, v.recorded_by AS actor
    FROM evaluation_version v JOIN evaluation e ON e.id = v.evaluation_id
    UNION ALL
    SELECT proposal_id, recorded_at, recorded_by FROM evaluation)
  GROUP BY proposal_id, at, actor
),
import (id, at, actor, command) AS (
  SELECT a.id, a.at, a.actor, a.command FROM audit a
  WHERE a.subject_kind = 'import' AND a.entity LIKE 'import scores %'
    AND NOT EXISTS (SELECT 1 FROM audit o
                    WHERE o.id <> a.id AND o.subject_kind = 'import' AND o.entity LIKE 'import scores %'
                      AND o.at = a.at AND o.actor = a.actor)
)
INSERT OR IGNORE INTO audit_related (audit_id, subject_kind, subject_id)
SELECT i.id, 'proposal', v.proposal_id
FROM import i JOIN version v ON v.at = i.at AND v.actor = i.actor
WHERE v.count > (SELECT count(*) FROM audit o
                 WHERE o.subject_kind = 'proposal' AND o.subject_id = v.proposal_id
                   AND o.at = v.at AND o.actor = v.actor AND o.command <> i.command
                   AND (o.action = 'add' OR o.action = 'replace'))
ORDER BY i.id, v.proposal_id;

-- Imports of calls.
INSERT OR IGNORE INTO audit_related (audit_id, subject_kind, subject_id)
SELECT audit_id, 'call', call_id FROM (
  SELECT i.id AS audit_id,
         CASE o.subject_kind
           WHEN 'call' THEN o.subject_id
           WHEN 'cutoff' THEN (SELECT k.call_id FROM cutoff k WHERE k.id = o.subject_id)
           WHEN 'criterion' THEN (SELECT r.call_id FROM criterion r WHERE r.id = o.subject_id)
         END AS call_id
  FROM audit i
  JOIN audit o ON o.id < i.id AND o.command = i.command AND o.at = i.at AND o.actor = i.actor
  WHERE i.subject_kind = 'import' AND i.entity LIKE 'import calls %'
    AND NOT EXISTS (SELECT 1 FROM audit m
                    WHERE m.id > o.id AND m.id < i.id
                      AND (m.command <> i.command OR m.at <> i.at OR m.actor <> i.actor OR m.subject_kind = 'import')))
WHERE call_id IS NOT NULL
ORDER BY audit_id, call_id;
