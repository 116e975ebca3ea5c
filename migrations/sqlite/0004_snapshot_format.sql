-- SPDX-License-Identifier: EUPL-1.2
-- Each stored proposal version says in which snapshot format it was written, so that the
-- format can change without making earlier versions unreadable. Every version written so far
-- is format 1 (the proposal record of cfp 0.1's JSON output).

ALTER TABLE proposal_version ADD COLUMN snapshot_format INTEGER NOT NULL DEFAULT 1 CHECK (snapshot_format >= 1);
