-- SPDX-License-Identifier: EUPL-1.2
-- Corrections: a draft proposal may be deleted (`cfp proposal delete`), with its history.
--
-- The history of a proposal (proposal_version) stays append-only for every proposal that has
-- been submitted: a submission, a withdrawal and every version before them are the record of
-- what was handed in, and cannot be removed. A draft's earlier versions are only the drafts
-- before it (a proposal never goes back to draft), and deleting a draft takes them with it;
-- the audit entry of the deletion keeps every one of them in its `before`, sealed in the
-- audit chain, so nothing is lost. So the trigger that refused any DELETE of a version now
-- refuses it unless the proposal it belongs to is a draft.
--
-- The proposal row itself gets the matching guard: only a draft may be deleted. (Its
-- partners, sectors, history, declared conflicts and evaluations refer to it by foreign key,
-- so they must go first; cfp deletes them in the same transaction.)
--
-- Ids of deleted drafts, removed calls and removed cut-offs are never given again: cfp picks
-- a new row's id after any id the audit log names for that kind of thing. That needs no
-- schema change, and the rows already there are unaffected.

DROP TRIGGER proposal_version_is_immutable_delete;

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
