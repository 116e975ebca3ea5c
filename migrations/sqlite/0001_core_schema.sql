-- Core schema: reference data (states, sectors), calls with their cut-offs, proposals with
-- their version history, and the append-only audit log.
-- Instants are UTC text 'YYYY-MM-DDTHH:MM:SSZ' (sorts as time does); money is integer cents.
-- Lists of allowed values are written with OR, not IN (...): SQLite 3.40 builds a temporary
-- table for every IN list each time a CHECK runs, which slows batch imports tenfold.

CREATE TABLE state (
  code                TEXT PRIMARY KEY CHECK (length(code) = 2 AND code GLOB '[A-Z][A-Z]'),
  name                TEXT NOT NULL CHECK (length(name) > 0),
  eu                  INTEGER NOT NULL CHECK (eu = 0 OR eu = 1),
  participating_since TEXT CHECK (participating_since IS NULL OR
                                  participating_since GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
) STRICT, WITHOUT ROWID;

CREATE TABLE sector (
  name     TEXT PRIMARY KEY CHECK (name GLOB '[a-z]*' AND name NOT GLOB '*[^a-z-]*'),
  position INTEGER NOT NULL UNIQUE
) STRICT, WITHOUT ROWID;

INSERT INTO sector (name, position) VALUES
  ('health', 1), ('manufacturing', 2), ('climate', 3), ('finance', 4), ('automotive', 5),
  ('cybersecurity', 6), ('agrifood', 7), ('education', 8), ('culture', 9),
  ('green-economy', 10), ('space', 11);

CREATE TABLE call (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL COLLATE NOCASE UNIQUE
               CHECK (length(code) BETWEEN 1 AND 64 AND code NOT GLOB '*[^A-Za-z0-9._-]*'),
  title        TEXT NOT NULL CHECK (length(title) > 0),
  opens_at     TEXT CHECK (opens_at IS NULL OR
                           opens_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  budget_cents INTEGER CHECK (budget_cents IS NULL OR budget_cents >= 0),
  created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE cutoff (
  id        INTEGER PRIMARY KEY,
  call_id   INTEGER NOT NULL REFERENCES call (id),
  label     TEXT NOT NULL COLLATE NOCASE CHECK (length(label) BETWEEN 1 AND 64),
  -- The instant that counts, and the legal definition it came from (wall time in a zone), kept
  -- so that the instant can be recomputed should the zone's rules change.
  closes_at TEXT NOT NULL CHECK (
              closes_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  wall_time TEXT NOT NULL CHECK (
              wall_time GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]'),
  zone      TEXT NOT NULL CHECK (length(zone) > 0),
  UNIQUE (call_id, label),
  UNIQUE (call_id, closes_at),
  UNIQUE (call_id, id)
) STRICT;

CREATE TABLE proposal (
  id                          INTEGER PRIMARY KEY,
  call_id                     INTEGER NOT NULL REFERENCES call (id),
  acronym                     TEXT NOT NULL COLLATE NOCASE
                              CHECK (length(acronym) BETWEEN 1 AND 32 AND acronym NOT GLOB '*[^A-Za-z0-9._-]*'),
  title                       TEXT NOT NULL CHECK (length(title) > 0),
  host                        TEXT NOT NULL REFERENCES state (code),
  entity                      TEXT NOT NULL CHECK (length(entity) > 0),
  plan                        TEXT NOT NULL CHECK (plan = 'new' OR plan = 'upgrade' OR plan = 'none'),
  experimental_platform       INTEGER NOT NULL CHECK (experimental_platform = 0 OR experimental_platform = 1),
  eu_contribution_cents       INTEGER NOT NULL CHECK (eu_contribution_cents >= 0),
  national_contribution_cents INTEGER NOT NULL CHECK (national_contribution_cents >= 0),
  status                      TEXT NOT NULL CHECK (status = 'draft' OR status = 'submitted' OR status = 'withdrawn'),
  cutoff_id                   INTEGER,
  submitted_at                TEXT,
  withdrawal_reason           TEXT,
  version                     INTEGER NOT NULL CHECK (version >= 1),
  created_at                  TEXT NOT NULL,
  -- When and by whom the current version was recorded (history shows it as the last version).
  updated_at                  TEXT NOT NULL,
  updated_by                  TEXT NOT NULL DEFAULT '',
  UNIQUE (call_id, acronym),
  -- The cut-off belongs to the proposal's own call.
  FOREIGN KEY (call_id, cutoff_id) REFERENCES cutoff (call_id, id),
  -- A draft has no cut-off and no submission time; a submitted or withdrawn proposal has both.
  CHECK ((status = 'draft') = (cutoff_id IS NULL)),
  CHECK ((status = 'draft') = (submitted_at IS NULL)),
  CHECK ((status = 'withdrawn') = (withdrawal_reason IS NOT NULL))
) STRICT;

CREATE INDEX proposal_by_host ON proposal (host);
CREATE INDEX proposal_by_cutoff ON proposal (cutoff_id);

CREATE TABLE proposal_partner (
  proposal_id INTEGER NOT NULL REFERENCES proposal (id),
  state_code  TEXT NOT NULL REFERENCES state (code),
  PRIMARY KEY (proposal_id, state_code)
) STRICT, WITHOUT ROWID;

CREATE INDEX proposal_partner_by_state ON proposal_partner (state_code);

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

CREATE TABLE proposal_sector (
  proposal_id INTEGER NOT NULL REFERENCES proposal (id),
  sector      TEXT NOT NULL REFERENCES sector (name),
  PRIMARY KEY (proposal_id, sector)
) STRICT, WITHOUT ROWID;

-- The earlier versions of each proposal, as JSON snapshots; the current version is the
-- proposal row itself (so that recording a proposal writes one row, not two).
CREATE TABLE proposal_version (
  proposal_id INTEGER NOT NULL REFERENCES proposal (id),
  version     INTEGER NOT NULL CHECK (version >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  snapshot    TEXT NOT NULL, -- JSON written by the store (records.cpp); checked when read
  PRIMARY KEY (proposal_id, version)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER proposal_version_is_immutable_update
BEFORE UPDATE ON proposal_version
BEGIN
  SELECT RAISE(ABORT, 'proposal history is append-only');
END;

CREATE TRIGGER proposal_version_is_immutable_delete
BEFORE DELETE ON proposal_version
BEGIN
  SELECT RAISE(ABORT, 'proposal history is append-only');
END;

CREATE TABLE audit (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL CHECK (length(actor) > 0),
  command     TEXT NOT NULL,
  entity      TEXT NOT NULL,
  action      TEXT NOT NULL,
  proposal_id INTEGER REFERENCES proposal (id),
  before      TEXT CHECK (before IS NULL OR json_valid(before)),
  after       TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;

CREATE INDEX audit_by_proposal ON audit (proposal_id);

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
