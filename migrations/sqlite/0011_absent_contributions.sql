-- SPDX-License-Identifier: EUPL-1.2
-- A contribution that was never given is absent (NULL), not 0: eu_contribution_cents and
-- national_contribution_cents become nullable. A submitted or withdrawn proposal always has its
-- EU contribution (cfp refuses to submit without it; the new table CHECK below is the last line
-- of defence); a draft may leave both out, any proposal the national one.
--
-- Existing rows keep every value as it is: a 0 stays 0 (0.00 EUR). The file cannot tell a 0
-- that was typed (or read from an import file) from the 0 that cfp stored when the option or
-- cell was left out, and no other record tells it soundly either: the audit log keeps the
-- command line of `proposal add` and `update`, but an import records only the file's digest,
-- and an amount may come from any of a proposal's versions. Changing a stored value would also
-- change what the current version's SHA-256 (its receipt) covers, and make the history show
-- a change nobody made. A draft whose 0 means "not given" can be told so with
-- `cfp proposal update REF --eu-contribution ''`.
--
-- SQLite cannot drop NOT NULL with ALTER TABLE, so the table is rebuilt as SQLite documents
-- (https://sqlite.org/lang_altertable.html#otheralter, the twelve steps): cfp runs migrations
-- with foreign keys off, checks every foreign key (PRAGMA foreign_key_check) before the commit
-- and turns them on again afterwards. The rows are copied with their ids, so that every table
-- referring to a proposal (partners, sectors, versions, conflicts, evaluations, consensus)
-- still finds it. The proposal's indexes and triggers go with the old table and are made again
-- as 0001 and 0008 made them; the triggers of other tables that read the proposal table
-- (proposal_partner's from 0001, proposal_version's delete guard from 0008) are dropped first,
-- since SQLite refuses to rename a table while a trigger names a table that is missing, and
-- made again after it.
-- Every other constraint, default and the column order (with 0005's and 0007's added columns)
-- stay as they were.

DROP TRIGGER proposal_partner_is_not_host;
DROP TRIGGER proposal_version_is_immutable_delete;

CREATE TABLE proposal_with_absent_contributions (
  id                          INTEGER PRIMARY KEY,
  call_id                     INTEGER NOT NULL REFERENCES call (id),
  acronym                     TEXT NOT NULL COLLATE NOCASE
                              CHECK (length(acronym) BETWEEN 1 AND 32 AND acronym NOT GLOB '*[^A-Za-z0-9._-]*'),
  title                       TEXT NOT NULL CHECK (length(title) > 0),
  host                        TEXT NOT NULL REFERENCES state (code),
  entity                      TEXT NOT NULL CHECK (length(entity) > 0),
  plan                        TEXT NOT NULL CHECK (plan = 'new' OR plan = 'upgrade' OR plan = 'none'),
  experimental_platform       INTEGER NOT NULL CHECK (experimental_platform = 0 OR experimental_platform = 1),
  eu_contribution_cents       INTEGER CHECK (eu_contribution_cents IS NULL OR eu_contribution_cents >= 0),
  national_contribution_cents INTEGER CHECK (national_contribution_cents IS NULL OR national_contribution_cents >= 0),
  status                      TEXT NOT NULL CHECK (status = 'draft' OR status = 'submitted' OR status = 'withdrawn'),
  cutoff_id                   INTEGER,
  submitted_at                TEXT,
  withdrawal_reason           TEXT,
  version                     INTEGER NOT NULL CHECK (version >= 1),
  created_at                  TEXT NOT NULL,
  -- When and by whom the current version was recorded (history shows it as the last version).
  updated_at                  TEXT NOT NULL,
  updated_by                  TEXT NOT NULL DEFAULT '',
  updated_real_at             TEXT,
  updated_simulated           INTEGER NOT NULL DEFAULT 0 CHECK (updated_simulated = 0 OR updated_simulated = 1),
  outcome                     TEXT
                              CHECK (outcome IS NULL OR outcome = 'selected' OR outcome = 'reserve' OR outcome = 'rejected'),
  UNIQUE (call_id, acronym),
  -- The cut-off belongs to the proposal's own call.
  FOREIGN KEY (call_id, cutoff_id) REFERENCES cutoff (call_id, id),
  -- A draft has no cut-off and no submission time; a submitted or withdrawn proposal has both.
  CHECK ((status = 'draft') = (cutoff_id IS NULL)),
  CHECK ((status = 'draft') = (submitted_at IS NULL)),
  CHECK ((status = 'withdrawn') = (withdrawal_reason IS NOT NULL)),
  -- Only a draft may leave its EU contribution out.
  CHECK (status = 'draft' OR eu_contribution_cents IS NOT NULL)
) STRICT;

INSERT INTO proposal_with_absent_contributions (id, call_id, acronym, title, host, entity, plan, experimental_platform,
  eu_contribution_cents, national_contribution_cents, status, cutoff_id, submitted_at, withdrawal_reason, version,
  created_at, updated_at, updated_by, updated_real_at, updated_simulated, outcome)
SELECT id, call_id, acronym, title, host, entity, plan, experimental_platform,
  eu_contribution_cents, national_contribution_cents, status, cutoff_id, submitted_at, withdrawal_reason, version,
  created_at, updated_at, updated_by, updated_real_at, updated_simulated, outcome
FROM proposal
ORDER BY id;

DROP TABLE proposal;
ALTER TABLE proposal_with_absent_contributions RENAME TO proposal;

CREATE INDEX proposal_by_host ON proposal (host);
CREATE INDEX proposal_by_cutoff ON proposal (cutoff_id);

CREATE TRIGGER proposal_partner_is_not_host
BEFORE INSERT ON proposal_partner
WHEN NEW.state_code = (SELECT host FROM proposal WHERE id = NEW.proposal_id)
BEGIN
  SELECT RAISE(ABORT, 'the host state cannot also be a partner');
END;

CREATE TRIGGER proposal_host_is_not_partner
BEFORE UPDATE OF host ON proposal
WHEN EXISTS (SELECT 1 FROM proposal_partner WHERE proposal_id = NEW.id AND state_code = NEW.host)
BEGIN
  SELECT RAISE(ABORT, 'the host state cannot also be a partner');
END;

CREATE TRIGGER proposal_version_is_immutable_delete
BEFORE DELETE ON proposal_version
WHEN (SELECT status FROM proposal WHERE id = OLD.proposal_id) IS NOT 'draft'
BEGIN
  SELECT RAISE(ABORT, 'proposal history is append-only');
END;

CREATE TRIGGER proposal_is_deleted_only_as_draft
BEFORE DELETE ON proposal
WHEN OLD.status <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft proposal can be deleted; a submitted or withdrawn one stays on record');
END;
