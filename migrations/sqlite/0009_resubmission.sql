-- Resubmission: a proposal whose cut-off has closed without funding it (withdrawn, or rejected
-- by the evaluation) may enter a later cut-off under the same acronym, as a new version
-- (`cfp proposal resubmit`). Each earlier cut-off it took part in keeps a round: the version
-- that stood when that cut-off closed (its fields are that version's snapshot in
-- proposal_version), the status it had there and the outcome the evaluation gave it there, so
-- that the cut-off's reports and ranking still count it. A round never changes but for the
-- outcome, which `cfp rank --apply` of that cut-off records; it is never removed.

CREATE TABLE proposal_round (
  proposal_id INTEGER NOT NULL REFERENCES proposal (id),
  cutoff_id   INTEGER NOT NULL REFERENCES cutoff (id),
  version     INTEGER NOT NULL CHECK (version >= 1),
  status      TEXT NOT NULL CHECK (status = 'submitted' OR status = 'withdrawn'),
  outcome     TEXT CHECK (outcome IS NULL OR outcome = 'selected' OR outcome = 'reserve' OR outcome = 'rejected'),
  PRIMARY KEY (proposal_id, cutoff_id),
  FOREIGN KEY (proposal_id, version) REFERENCES proposal_version (proposal_id, version)
) STRICT, WITHOUT ROWID;

CREATE INDEX proposal_round_by_cutoff ON proposal_round (cutoff_id);

CREATE TRIGGER proposal_round_keeps_its_facts
BEFORE UPDATE OF proposal_id, cutoff_id, version, status ON proposal_round
BEGIN
  SELECT RAISE(ABORT, 'a round of a proposal never changes but for its outcome');
END;

CREATE TRIGGER proposal_round_is_kept
BEFORE DELETE ON proposal_round
BEGIN
  SELECT RAISE(ABORT, 'a round of a proposal is never removed');
END;
