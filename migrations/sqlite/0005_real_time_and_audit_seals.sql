-- SPDX-License-Identifier: EUPL-1.2
-- Time that cannot be forged silently, and a tamper-evident audit log.
--
-- Every audit entry and every version of a proposal records the machine's clock (real_at)
-- beside the time the rules used (at), and whether that time was simulated (CFP_NOW). Rows
-- written before this migration have no real time (NULL) and count as not simulated: nothing
-- tells which of them were.
--
-- Each audit entry gets a seal: the SHA-256 of the previous entry's seal and the entry's own
-- content (the store's canonical form, computed by cfp, which also seals the entries already
-- there when it applies this migration). `cfp log verify` recomputes the chain: an entry
-- edited, removed or slipped in outside cfp breaks it from there on. Seals are append-only
-- and so are the entries' ids: AUTOINCREMENT would not help a file the attacker can edit, but
-- the chain does.

ALTER TABLE audit ADD COLUMN real_at TEXT;
ALTER TABLE audit ADD COLUMN simulated INTEGER NOT NULL DEFAULT 0 CHECK (simulated = 0 OR simulated = 1);

ALTER TABLE proposal ADD COLUMN updated_real_at TEXT;
ALTER TABLE proposal ADD COLUMN updated_simulated INTEGER NOT NULL DEFAULT 0
  CHECK (updated_simulated = 0 OR updated_simulated = 1);

ALTER TABLE proposal_version ADD COLUMN recorded_real_at TEXT;
ALTER TABLE proposal_version ADD COLUMN recorded_simulated INTEGER NOT NULL DEFAULT 0
  CHECK (recorded_simulated = 0 OR recorded_simulated = 1);

CREATE TABLE audit_seal (
  audit_id INTEGER PRIMARY KEY,
  hash     TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*')
) STRICT;

CREATE TRIGGER audit_seal_is_append_only_update
BEFORE UPDATE ON audit_seal
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_seal_is_append_only_delete
BEFORE DELETE ON audit_seal
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
