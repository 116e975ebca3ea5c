-- SPDX-License-Identifier: EUPL-1.2
-- Audit entries name what they are about by a kind and an id (subject_kind, subject_id)
-- instead of only proposal_id, so that the log can speak of calls, cut-offs and imports, and
-- later of experts, scores and criteria. Entries already there are carried over with their
-- ids: the kind and id come from the entity text the log has always shown ("call CODE",
-- "cutoff CODE/LABEL", "proposal CODE/ACRONYM", "import ..."). A call or cut-off that cannot
-- be found any more (only an edit outside cfp removes one) keeps its entry with no id rather
-- than stop the migration: the entity text still names it.
-- subject_id has no foreign key: the log outlives what it speaks of.

CREATE TABLE audit_with_subject (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL CHECK (length(actor) > 0),
  command      TEXT NOT NULL,
  entity       TEXT NOT NULL,
  action       TEXT NOT NULL,
  subject_kind TEXT NOT NULL CHECK (subject_kind = 'call' OR subject_kind = 'cutoff' OR subject_kind = 'proposal'
                                    OR subject_kind = 'expert' OR subject_kind = 'score'
                                    OR subject_kind = 'criterion' OR subject_kind = 'import'),
  subject_id   INTEGER,
  before       TEXT CHECK (before IS NULL OR json_valid(before)),
  after        TEXT CHECK (after IS NULL OR json_valid(after)),
  -- An import is an event, not a stored thing: it has no id.
  CHECK (subject_kind <> 'import' OR subject_id IS NULL)
) STRICT;

INSERT INTO audit_with_subject (id, at, actor, command, entity, action, subject_kind, subject_id, before, after)
SELECT a.id, a.at, a.actor, a.command, a.entity, a.action,
       CASE
         WHEN a.entity LIKE 'proposal %' THEN 'proposal'
         WHEN a.entity LIKE 'call %' THEN 'call'
         WHEN a.entity LIKE 'cutoff %' THEN 'cutoff'
         WHEN a.entity LIKE 'import %' THEN 'import'
       END,
       CASE
         WHEN a.entity LIKE 'proposal %' THEN a.proposal_id
         WHEN a.entity LIKE 'call %' THEN (SELECT c.id FROM call c WHERE c.code = substr(a.entity, 6))
         WHEN a.entity LIKE 'cutoff %' THEN (
           -- "cutoff CODE/LABEL": a call code has no '/', a label may.
           SELECT k.id FROM cutoff k JOIN call c ON c.id = k.call_id
           WHERE c.code = substr(a.entity, 8, instr(substr(a.entity, 8), '/') - 1)
             AND k.label = substr(a.entity, 8 + instr(substr(a.entity, 8), '/')))
       END,
       a.before, a.after
FROM audit a
ORDER BY a.id;

DROP TABLE audit;
ALTER TABLE audit_with_subject RENAME TO audit;

CREATE INDEX audit_by_subject ON audit (subject_kind, subject_id);

CREATE TRIGGER audit_is_append_only_update
BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_is_append_only_delete
BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
