-- Proposal documents: the files of a proposal (its Part B, annexes, letters of support), kept
-- in the database file itself, so that one file (and its backup, and `cfp db copy`) holds the
-- whole record, and a document changes under the same transaction as the version it belongs to.
--
-- The bytes are kept once per distinct content (document_content, named by its SHA-256), cut
-- into chunks of at most 1 MiB (document_chunk), so that a document of any size is written and
-- read a chunk at a time, and a part that did not change between versions costs nothing.
-- proposal_document says which content was which part of which proposal from one version
-- (from_version) until the version that replaced or detached it (to_version; NULL: it is still
-- current). A proposal version's documents are the rows with from_version <= version and
-- (to_version IS NULL OR to_version > version). Rows are never changed but to close them once,
-- and removed only with a draft (as proposal_version is); a content is removed only when no
-- row refers to it.
--
-- A call may name the kinds of part a submission requires and the size limit of one document.
--
-- The triggers below name `proposal`: a later migration that rebuilds that table drops them
-- first and makes them again (SQLite refuses to rename a table a trigger names).

ALTER TABLE call ADD COLUMN required_parts TEXT NOT NULL DEFAULT ''
  CHECK (required_parts NOT GLOB '*[^a-z,-]*');
ALTER TABLE call ADD COLUMN document_limit_bytes INTEGER NOT NULL DEFAULT 52428800
  CHECK (document_limit_bytes BETWEEN 1024 AND 209715200);

CREATE TABLE document_content (
  id         INTEGER PRIMARY KEY,
  sha256     TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size       INTEGER NOT NULL CHECK (size BETWEEN 1 AND 209715200),
  media_type TEXT NOT NULL CHECK (length(media_type) BETWEEN 1 AND 255),
  chunks     INTEGER NOT NULL CHECK (chunks >= 1)
) STRICT;

CREATE TABLE document_chunk (
  content_id INTEGER NOT NULL REFERENCES document_content (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL CHECK (position >= 0),
  data       BLOB NOT NULL CHECK (length(data) BETWEEN 1 AND 1048576),
  UNIQUE (content_id, position)
) STRICT;

CREATE TABLE proposal_document (
  id           INTEGER PRIMARY KEY,
  proposal_id  INTEGER NOT NULL REFERENCES proposal (id),
  part         TEXT NOT NULL CHECK (
                 part IN ('part-b', 'annex', 'support-letter', 'other')
                 OR (rtrim(part, '0123456789') IN ('annex-', 'support-letter-', 'other-')
                     AND substr(part, length(rtrim(part, '0123456789')) + 1) NOT GLOB '0*'
                     AND length(part) - length(rtrim(part, '0123456789')) BETWEEN 1 AND 2
                     AND CAST(substr(part, length(rtrim(part, '0123456789')) + 1) AS INTEGER) BETWEEN 2 AND 20)),
  content_id   INTEGER NOT NULL REFERENCES document_content (id),
  file_name    TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  title        TEXT CHECK (title IS NULL OR length(title) > 0),
  from_version INTEGER NOT NULL CHECK (from_version >= 1),
  to_version   INTEGER CHECK (to_version IS NULL OR to_version > from_version),
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL
) STRICT;

-- One current document a part.
CREATE UNIQUE INDEX proposal_document_current ON proposal_document (proposal_id, part) WHERE to_version IS NULL;
CREATE INDEX proposal_document_by_version ON proposal_document (proposal_id, from_version);
CREATE INDEX proposal_document_by_content ON proposal_document (content_id);

CREATE TRIGGER proposal_document_is_closed_once
BEFORE UPDATE ON proposal_document
WHEN OLD.to_version IS NOT NULL OR NEW.to_version IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.proposal_id IS NOT OLD.proposal_id OR NEW.part IS NOT OLD.part
  OR NEW.content_id IS NOT OLD.content_id OR NEW.file_name IS NOT OLD.file_name OR NEW.title IS NOT OLD.title
  OR NEW.from_version IS NOT OLD.from_version OR NEW.recorded_at IS NOT OLD.recorded_at
  OR NEW.recorded_by IS NOT OLD.recorded_by
BEGIN
  SELECT RAISE(ABORT, 'a proposal document never changes but to be closed, once');
END;

CREATE TRIGGER proposal_document_is_deleted_only_with_a_draft
BEFORE DELETE ON proposal_document
WHEN (SELECT status FROM proposal WHERE id = OLD.proposal_id) IS NOT 'draft'
BEGIN
  SELECT RAISE(ABORT, 'the documents of a submitted or withdrawn proposal stay on record');
END;

CREATE TRIGGER document_content_is_immutable
BEFORE UPDATE ON document_content
BEGIN
  SELECT RAISE(ABORT, 'a stored document never changes');
END;

CREATE TRIGGER document_chunk_is_immutable
BEFORE UPDATE ON document_chunk
BEGIN
  SELECT RAISE(ABORT, 'a stored document never changes');
END;
