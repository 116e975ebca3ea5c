-- SPDX-License-Identifier: EUPL-1.2
-- The whole schema for PostgreSQL, as the SQLite migrations 0001 to 0012 leave it: reference
-- data (states, sectors), calls with their cut-offs, criteria and document rules, proposals
-- with their version history, rounds and documents, experts, scores and the consensus, and the
-- append-only, sealed audit log. Tables, columns and their order are those of SQLite, so that a
-- row can be copied from one to the other as it is.
--
-- How values are kept:
-- * Instants (UTC moments) are timestamptz(0): whole seconds, as cfp's instants are. The wall
--   time of a cut-off (a civil time in a zone, not an instant) and the date a state joined stay
--   text in the form SQLite keeps, checked the same way.
-- * Money is bigint cents; scores and thresholds are integer half points; weights integer
--   thousandths. Ids and the ids the audit log names are bigint.
-- * Flags are boolean (SQLite: INTEGER 0 or 1).
-- * JSON is text, kept byte for byte (the audit seals cover it); where SQLite checked it with
--   json_valid(), a cast to json checks it here.
-- * Every text column has the collation "C": it compares and sorts bytes, as SQLite's BINARY
--   does, whatever the database's own locale.
-- * Where SQLite compared with COLLATE NOCASE (call codes, cut-off labels, acronyms, and the
--   log's actors and actions), the key is nocase(x): ASCII letters folded, nothing else, as
--   NOCASE does. "LINKÖPING" and "linkÖping" are one label, "Ö" and "ö" are not.
-- * Ids are identity columns "by default": cfp may give a row its id (a removed call's is never
--   given again), and a copy of an SQLite file keeps its ids; after such a copy each identity
--   must be set past the largest id copied.
--
-- The guards of the history and of the audit log are triggers, as in SQLite, and refuse with
-- the same messages. They raise SQLSTATE 23001 (restrict_violation), which nothing else in
-- this schema raises, with the trigger's name as the constraint of the error. TRUNCATE, which
-- SQLite does not have and which row triggers do not see, is refused on every table whose rows
-- these guards keep.

-- The key under which SQLite's COLLATE NOCASE compares: ASCII A-Z folded to a-z, every other
-- character as it is. lower() under the collation "C" folds only ASCII; under any other it
-- would fold every letter.
CREATE FUNCTION nocase(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(value COLLATE "C");

-- Refuses the change: the message is the trigger's argument.
CREATE FUNCTION refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'restrict_violation',
    SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
END
$$;

-- Refuses to delete a row of a proposal (OLD.proposal_id) that is not a draft, or that is not
-- there any more; the message is the trigger's argument. The proposal's row is locked, so that
-- it cannot be submitted while its draft history goes.
CREATE FUNCTION refuse_unless_draft() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  proposal_status text;
BEGIN
  SELECT status INTO proposal_status FROM proposal WHERE id = OLD.proposal_id FOR SHARE;
  IF proposal_status IS DISTINCT FROM 'draft' THEN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'restrict_violation',
      SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
  END IF;
  RETURN OLD;
END
$$;

-- Core schema: reference data (states, sectors), calls with their cut-offs, proposals with
-- their version history, and the append-only audit log.

CREATE TABLE state (
  code                text COLLATE "C" PRIMARY KEY CHECK (length(code) = 2 AND code ~ '^[A-Z][A-Z]$'),
  name                text COLLATE "C" NOT NULL CHECK (length(name) > 0),
  eu                  boolean NOT NULL,
  -- 'YYYY-MM-DD', a civil date.
  participating_since text COLLATE "C" CHECK (participating_since IS NULL OR
                                              participating_since ~ '^[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]$')
);

CREATE TABLE sector (
  name     text COLLATE "C" PRIMARY KEY CHECK (name ~ '^[a-z]' AND name !~ '[^a-z-]'),
  position integer NOT NULL UNIQUE
);

INSERT INTO sector (name, position) VALUES
  ('health', 1), ('manufacturing', 2), ('climate', 3), ('finance', 4), ('automotive', 5),
  ('cybersecurity', 6), ('agrifood', 7), ('education', 8), ('culture', 9),
  ('green-economy', 10), ('space', 11);

-- The states taking part in the EuroHPC Joint Undertaking: the 27 EU members and the
-- associated or participating states. Codes are ISO 3166-1 alpha-2 with the EU's
-- conventions: EL for Greece and UK for the United Kingdom.
-- participating_since is recorded only where a start date is known to matter for calls
-- run with this tool (Switzerland joined on 1 January 2025); NULL means "before that".
-- Türkiye is written with a Unicode escape, so that the name stored does not depend on the
-- client encoding this file is read in.

INSERT INTO state (code, name, eu, participating_since) VALUES
  ('AT', 'Austria', true, NULL),
  ('BE', 'Belgium', true, NULL),
  ('BG', 'Bulgaria', true, NULL),
  ('HR', 'Croatia', true, NULL),
  ('CY', 'Cyprus', true, NULL),
  ('CZ', 'Czechia', true, NULL),
  ('DK', 'Denmark', true, NULL),
  ('EE', 'Estonia', true, NULL),
  ('FI', 'Finland', true, NULL),
  ('FR', 'France', true, NULL),
  ('DE', 'Germany', true, NULL),
  ('EL', 'Greece', true, NULL),
  ('HU', 'Hungary', true, NULL),
  ('IE', 'Ireland', true, NULL),
  ('IT', 'Italy', true, NULL),
  ('LV', 'Latvia', true, NULL),
  ('LT', 'Lithuania', true, NULL),
  ('LU', 'Luxembourg', true, NULL),
  ('MT', 'Malta', true, NULL),
  ('NL', 'Netherlands', true, NULL),
  ('PL', 'Poland', true, NULL),
  ('PT', 'Portugal', true, NULL),
  ('RO', 'Romania', true, NULL),
  ('SK', 'Slovakia', true, NULL),
  ('SI', 'Slovenia', true, NULL),
  ('ES', 'Spain', true, NULL),
  ('SE', 'Sweden', true, NULL),
  ('AL', 'Albania', false, NULL),
  ('IS', 'Iceland', false, NULL),
  ('IL', 'Israel', false, NULL),
  ('MD', 'Moldova', false, NULL),
  ('ME', 'Montenegro', false, NULL),
  ('MK', 'North Macedonia', false, NULL),
  ('NO', 'Norway', false, NULL),
  ('RS', 'Serbia', false, NULL),
  ('CH', 'Switzerland', false, '2025-01-01'),
  ('TR', U&'T\00FCrkiye', false, NULL),
  ('UK', 'United Kingdom', false, NULL);

-- A call's overall threshold is in half points, over the sum of the unweighted scores. A call
-- may name the kinds of part a submission requires (a comma-separated list, '' for none) and
-- the size limit of one document.
CREATE TABLE call (
  id                   bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  code                 text COLLATE "C" NOT NULL
                       CHECK (length(code) BETWEEN 1 AND 64 AND code !~ '[^A-Za-z0-9._-]'),
  title                text COLLATE "C" NOT NULL CHECK (length(title) > 0),
  opens_at             timestamptz(0),
  budget_cents         bigint CHECK (budget_cents IS NULL OR budget_cents >= 0),
  created_at           timestamptz(0) NOT NULL,
  overall_threshold    integer NOT NULL DEFAULT 20 CHECK (overall_threshold BETWEEN 0 AND 200),
  required_parts       text COLLATE "C" NOT NULL DEFAULT '' CHECK (required_parts !~ '[^a-z,-]'),
  document_limit_bytes bigint NOT NULL DEFAULT 52428800 CHECK (document_limit_bytes BETWEEN 1024 AND 209715200)
);

-- Unique ignoring ASCII case (SQLite: code COLLATE NOCASE UNIQUE).
CREATE UNIQUE INDEX call_code_key ON call (nocase(code));

CREATE TABLE cutoff (
  id        bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  call_id   bigint NOT NULL REFERENCES call (id),
  label     text COLLATE "C" NOT NULL CHECK (length(label) BETWEEN 1 AND 64),
  -- The instant that counts, and the legal definition it came from (wall time in a zone, the
  -- wall time as 'YYYY-MM-DDTHH:MM:SS'), kept so that the instant can be recomputed should the
  -- zone's rules change.
  closes_at timestamptz(0) NOT NULL,
  wall_time text COLLATE "C" NOT NULL CHECK (
              wall_time ~ '^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]$'),
  zone      text COLLATE "C" NOT NULL CHECK (length(zone) > 0),
  UNIQUE (call_id, closes_at),
  UNIQUE (call_id, id)
);

-- Unique in its call ignoring ASCII case (SQLite: label COLLATE NOCASE, UNIQUE (call_id, label)).
CREATE UNIQUE INDEX cutoff_call_id_label_key ON cutoff (call_id, nocase(label));

-- A contribution that was never given is absent (NULL), not 0; only a draft may leave its EU
-- contribution out. outcome is what the ranking decided (`cfp rank --apply`).
CREATE TABLE proposal (
  id                          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  call_id                     bigint NOT NULL REFERENCES call (id),
  acronym                     text COLLATE "C" NOT NULL
                              CHECK (length(acronym) BETWEEN 1 AND 32 AND acronym !~ '[^A-Za-z0-9._-]'),
  title                       text COLLATE "C" NOT NULL CHECK (length(title) > 0),
  host                        text COLLATE "C" NOT NULL REFERENCES state (code),
  entity                      text COLLATE "C" NOT NULL CHECK (length(entity) > 0),
  plan                        text COLLATE "C" NOT NULL CHECK (plan IN ('new', 'upgrade', 'none')),
  experimental_platform       boolean NOT NULL,
  eu_contribution_cents       bigint CHECK (eu_contribution_cents IS NULL OR eu_contribution_cents >= 0),
  national_contribution_cents bigint CHECK (national_contribution_cents IS NULL OR national_contribution_cents >= 0),
  status                      text COLLATE "C" NOT NULL CHECK (status IN ('draft', 'submitted', 'withdrawn')),
  cutoff_id                   bigint,
  submitted_at                timestamptz(0),
  withdrawal_reason           text COLLATE "C",
  version                     integer NOT NULL CHECK (version >= 1),
  created_at                  timestamptz(0) NOT NULL,
  -- When and by whom the current version was recorded (history shows it as the last version),
  -- the machine's clock then, and whether the time was simulated (CFP_NOW).
  updated_at                  timestamptz(0) NOT NULL,
  updated_by                  text COLLATE "C" NOT NULL DEFAULT '',
  updated_real_at             timestamptz(0),
  updated_simulated           boolean NOT NULL DEFAULT false,
  outcome                     text COLLATE "C"
                              CHECK (outcome IS NULL OR outcome IN ('selected', 'reserve', 'rejected')),
  -- The cut-off belongs to the proposal's own call.
  FOREIGN KEY (call_id, cutoff_id) REFERENCES cutoff (call_id, id),
  -- A draft has no cut-off and no submission time; a submitted or withdrawn proposal has both.
  CHECK ((status = 'draft') = (cutoff_id IS NULL)),
  CHECK ((status = 'draft') = (submitted_at IS NULL)),
  CHECK ((status = 'withdrawn') = (withdrawal_reason IS NOT NULL)),
  -- Only a draft may leave its EU contribution out.
  CHECK (status = 'draft' OR eu_contribution_cents IS NOT NULL)
);

-- Unique in its call ignoring ASCII case (SQLite: acronym COLLATE NOCASE, UNIQUE (call_id, acronym)).
CREATE UNIQUE INDEX proposal_call_id_acronym_key ON proposal (call_id, nocase(acronym));
CREATE INDEX proposal_by_host ON proposal (host);
CREATE INDEX proposal_by_cutoff ON proposal (cutoff_id);

-- Only a draft may be deleted (`cfp proposal delete`); its partners, sectors, history,
-- documents, declared conflicts and evaluations go first, in the same transaction.
CREATE TRIGGER proposal_is_deleted_only_as_draft
BEFORE DELETE ON proposal
FOR EACH ROW WHEN (OLD.status <> 'draft')
EXECUTE FUNCTION refuse_change('only a draft proposal can be deleted; a submitted or withdrawn one stays on record');

CREATE TRIGGER proposal_is_deleted_only_as_draft_truncate
BEFORE TRUNCATE ON proposal
FOR EACH STATEMENT
EXECUTE FUNCTION refuse_change('only a draft proposal can be deleted; a submitted or withdrawn one stays on record');

CREATE TABLE proposal_partner (
  proposal_id bigint NOT NULL REFERENCES proposal (id),
  state_code  text COLLATE "C" NOT NULL REFERENCES state (code),
  PRIMARY KEY (proposal_id, state_code)
);

CREATE INDEX proposal_partner_by_state ON proposal_partner (state_code);

-- The host state cannot also be a partner: checked when a partner is added and when the host
-- changes. The proposal's row is locked while a partner is added, so that its host cannot
-- change meanwhile.
CREATE FUNCTION check_partner_is_not_host() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  proposal_host text;
BEGIN
  SELECT host INTO proposal_host FROM proposal WHERE id = NEW.proposal_id FOR SHARE;
  IF NEW.state_code = proposal_host THEN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'restrict_violation',
      SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION check_host_is_not_partner() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM proposal_partner WHERE proposal_id = NEW.id AND state_code = NEW.host) THEN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'restrict_violation',
      SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER proposal_partner_is_not_host
BEFORE INSERT ON proposal_partner
FOR EACH ROW
EXECUTE FUNCTION check_partner_is_not_host('the host state cannot also be a partner');

CREATE TRIGGER proposal_host_is_not_partner
BEFORE UPDATE OF host ON proposal
FOR EACH ROW
EXECUTE FUNCTION check_host_is_not_partner('the host state cannot also be a partner');

CREATE TABLE proposal_sector (
  proposal_id bigint NOT NULL REFERENCES proposal (id),
  sector      text COLLATE "C" NOT NULL REFERENCES sector (name),
  PRIMARY KEY (proposal_id, sector)
);

-- The earlier versions of each proposal, as JSON snapshots; the current version is the
-- proposal row itself (so that recording a proposal writes one row, not two). Each says in
-- which snapshot format it was written (1: the proposal record of cfp 0.1's JSON output), when
-- by the machine's clock, and whether its time was simulated.
-- The history stays append-only for every proposal that has been submitted; a draft's earlier
-- versions go with the draft when it is deleted (the audit entry of the deletion keeps them).
CREATE TABLE proposal_version (
  proposal_id        bigint NOT NULL REFERENCES proposal (id),
  version            integer NOT NULL CHECK (version >= 1),
  recorded_at        timestamptz(0) NOT NULL,
  recorded_by        text COLLATE "C" NOT NULL,
  snapshot           text COLLATE "C" NOT NULL, -- JSON written by the store (records.cpp); checked when read
  snapshot_format    integer NOT NULL DEFAULT 1 CHECK (snapshot_format >= 1),
  recorded_real_at   timestamptz(0),
  recorded_simulated boolean NOT NULL DEFAULT false,
  PRIMARY KEY (proposal_id, version)
);

CREATE TRIGGER proposal_version_is_immutable_update
BEFORE UPDATE ON proposal_version
FOR EACH ROW
EXECUTE FUNCTION refuse_change('proposal history is append-only');

CREATE TRIGGER proposal_version_is_immutable_delete
BEFORE DELETE ON proposal_version
FOR EACH ROW
EXECUTE FUNCTION refuse_unless_draft('proposal history is append-only');

CREATE TRIGGER proposal_version_is_immutable_truncate
BEFORE TRUNCATE ON proposal_version
FOR EACH STATEMENT
EXECUTE FUNCTION refuse_change('proposal history is append-only');

-- The audit log. Entries name what they are about by a kind and an id (subject_kind,
-- subject_id); subject_id has no foreign key: the log outlives what it speaks of. An import is
-- an event, not a stored thing: it has no id. Every entry records the machine's clock (real_at)
-- beside the time the rules used (at), and whether that time was simulated (CFP_NOW); entries
-- carried over from before real time was recorded have none.
CREATE TABLE audit (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  at           timestamptz(0) NOT NULL,
  actor        text COLLATE "C" NOT NULL CHECK (length(actor) > 0),
  command      text COLLATE "C" NOT NULL,
  entity       text COLLATE "C" NOT NULL,
  action       text COLLATE "C" NOT NULL,
  subject_kind text COLLATE "C" NOT NULL CHECK (subject_kind IN ('call', 'cutoff', 'proposal', 'expert', 'score',
                                                                 'criterion', 'import')),
  subject_id   bigint,
  before       text COLLATE "C" CHECK (before IS NULL OR before::json IS NOT NULL),
  after        text COLLATE "C" CHECK (after IS NULL OR after::json IS NOT NULL),
  real_at      timestamptz(0),
  simulated    boolean NOT NULL DEFAULT false,
  CHECK (subject_kind <> 'import' OR subject_id IS NULL)
);

CREATE INDEX audit_by_subject ON audit (subject_kind, subject_id);
-- `log --actor` and `log --action` compare ignoring ASCII case, and refuse a name the log
-- does not hold: these answer both without reading the whole log.
CREATE INDEX audit_by_actor ON audit (nocase(actor));
CREATE INDEX audit_by_action ON audit (nocase(action));

CREATE TRIGGER audit_is_append_only_update
BEFORE UPDATE ON audit
FOR EACH ROW
EXECUTE FUNCTION refuse_change('the audit log is append-only');

CREATE TRIGGER audit_is_append_only_delete
BEFORE DELETE ON audit
FOR EACH ROW
EXECUTE FUNCTION refuse_change('the audit log is append-only');

CREATE TRIGGER audit_is_append_only_truncate
BEFORE TRUNCATE ON audit
FOR EACH STATEMENT
EXECUTE FUNCTION refuse_change('the audit log is append-only');

-- Each audit entry's seal: the SHA-256 (lowercase hex) of the previous entry's seal and the
-- entry's own content, computed by cfp. `cfp log verify` recomputes the chain. audit_id has no
-- foreign key: a seal whose entry is gone is what the verification reports.
CREATE TABLE audit_seal (
  audit_id bigint PRIMARY KEY,
  hash     text COLLATE "C" NOT NULL CHECK (length(hash) = 64 AND hash !~ '[^0-9a-f]')
);

CREATE TRIGGER audit_seal_is_append_only_update
BEFORE UPDATE ON audit_seal
FOR EACH ROW
EXECUTE FUNCTION refuse_change('the audit log is append-only');

CREATE TRIGGER audit_seal_is_append_only_delete
BEFORE DELETE ON audit_seal
FOR EACH ROW
EXECUTE FUNCTION refuse_change('the audit log is append-only');

CREATE TRIGGER audit_seal_is_append_only_truncate
BEFORE TRUNCATE ON audit_seal
FOR EACH STATEMENT
EXECUTE FUNCTION refuse_change('the audit log is append-only');

-- Evaluation, first part: what a call's proposals are scored on, and who scores them.
--
-- Every call has criteria, each scored 0 to 5 in half points, with a threshold (half points,
-- the consensus score a proposal must reach on it), a weight (thousandths: 1 is 1000; weights
-- rank proposals and never touch a threshold) and a position (lists and tie-breaks, from 1).
-- A criterion removed leaves its id unused (as SQLite's AUTOINCREMENT does), so that the audit
-- log's subject ids never name two criteria.
CREATE TABLE criterion (
  id        bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  call_id   bigint NOT NULL REFERENCES call (id),
  key       text COLLATE "C" NOT NULL CHECK (length(key) BETWEEN 1 AND 32 AND key ~ '^[a-z]' AND key !~ '[^a-z0-9_]'),
  name      text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  weight    integer NOT NULL CHECK (weight BETWEEN 1 AND 100000),
  threshold integer NOT NULL CHECK (threshold BETWEEN 0 AND 10),
  position  integer NOT NULL CHECK (position BETWEEN 1 AND 20),
  UNIQUE (call_id, key),
  UNIQUE (call_id, position)
);

-- Experts have a name unique ignoring case and spacing and a state; the conflicts of interest
-- the rules derive from them (state, organisation) are computed, and those an official
-- declares are kept with their reason.
CREATE TABLE expert (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name         text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- The name as names are compared (cfp's util::comparison_key: trimmed, spaces collapsed,
  -- Unicode NFC and case-folded): "LINKÖPING" and "Linköping" are one name.
  name_key     text COLLATE "C" NOT NULL UNIQUE,
  state        text COLLATE "C" NOT NULL REFERENCES state (code),
  organisation text COLLATE "C" CHECK (organisation IS NULL OR length(organisation) BETWEEN 1 AND 200),
  email        text COLLATE "C" CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
  created_at   timestamptz(0) NOT NULL
);

CREATE TABLE declared_conflict (
  expert_id   bigint NOT NULL REFERENCES expert (id),
  proposal_id bigint NOT NULL REFERENCES proposal (id),
  reason      text COLLATE "C" NOT NULL CHECK (length(reason) > 0),
  declared_at timestamptz(0) NOT NULL,
  PRIMARY KEY (expert_id, proposal_id)
);

CREATE INDEX declared_conflict_by_proposal ON declared_conflict (proposal_id);

-- Evaluation, second part: experts' scores and the consensus.
--
-- An evaluation is one expert's scores of one proposal at one cut-off, one score (half points,
-- 0 to 10) a criterion of the call; it belongs to the cut-off the proposal was evaluated at, so
-- that a proposal evaluated again at a later cut-off starts afresh. Scoring again replaces the
-- scores; each earlier version stays in evaluation_version as a JSON snapshot, as proposal
-- versions do. The consensus of a criterion is recorded when the experts agree on one;
-- otherwise cfp takes the median of the individual scores.

CREATE TABLE evaluation (
  id                 bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  proposal_id        bigint NOT NULL REFERENCES proposal (id),
  cutoff_id          bigint NOT NULL REFERENCES cutoff (id),
  expert_id          bigint NOT NULL REFERENCES expert (id),
  comment            text COLLATE "C",
  version            integer NOT NULL CHECK (version >= 1),
  recorded_at        timestamptz(0) NOT NULL,
  recorded_real_at   timestamptz(0) NOT NULL,
  recorded_simulated boolean NOT NULL,
  recorded_by        text COLLATE "C" NOT NULL,
  UNIQUE (proposal_id, cutoff_id, expert_id)
);

CREATE INDEX evaluation_by_cutoff ON evaluation (cutoff_id);

CREATE TABLE score (
  evaluation_id bigint NOT NULL REFERENCES evaluation (id),
  criterion_id  bigint NOT NULL REFERENCES criterion (id),
  score         integer NOT NULL CHECK (score BETWEEN 0 AND 10),
  PRIMARY KEY (evaluation_id, criterion_id)
);

-- A criterion with scores is frozen: found through this index.
CREATE INDEX score_by_criterion ON score (criterion_id);

CREATE TABLE evaluation_version (
  evaluation_id      bigint NOT NULL REFERENCES evaluation (id),
  version            integer NOT NULL CHECK (version >= 1),
  recorded_at        timestamptz(0) NOT NULL,
  recorded_real_at   timestamptz(0) NOT NULL,
  recorded_simulated boolean NOT NULL,
  recorded_by        text COLLATE "C" NOT NULL,
  snapshot           text COLLATE "C" NOT NULL CHECK (snapshot::json IS NOT NULL),
  PRIMARY KEY (evaluation_id, version)
);

CREATE TABLE consensus (
  proposal_id  bigint NOT NULL REFERENCES proposal (id),
  cutoff_id    bigint NOT NULL REFERENCES cutoff (id),
  criterion_id bigint NOT NULL REFERENCES criterion (id),
  score        integer NOT NULL CHECK (score BETWEEN 0 AND 10),
  comment      text COLLATE "C",
  recorded_at  timestamptz(0) NOT NULL,
  recorded_by  text COLLATE "C" NOT NULL,
  PRIMARY KEY (proposal_id, cutoff_id, criterion_id)
);

CREATE INDEX consensus_by_criterion ON consensus (criterion_id);

-- Resubmission: a proposal whose cut-off has closed without funding it (withdrawn, or rejected
-- by the evaluation) may enter a later cut-off under the same acronym, as a new version
-- (`cfp proposal resubmit`). Each earlier cut-off it took part in keeps a round: the version
-- that stood when that cut-off closed (its fields are that version's snapshot in
-- proposal_version), the status it had there and the outcome the evaluation gave it there, so
-- that the cut-off's reports and ranking still count it. A round never changes but for the
-- outcome, which `cfp rank --apply` of that cut-off records; it is never removed.

CREATE TABLE proposal_round (
  proposal_id bigint NOT NULL REFERENCES proposal (id),
  cutoff_id   bigint NOT NULL REFERENCES cutoff (id),
  version     integer NOT NULL CHECK (version >= 1),
  status      text COLLATE "C" NOT NULL CHECK (status IN ('submitted', 'withdrawn')),
  outcome     text COLLATE "C" CHECK (outcome IS NULL OR outcome IN ('selected', 'reserve', 'rejected')),
  PRIMARY KEY (proposal_id, cutoff_id),
  FOREIGN KEY (proposal_id, version) REFERENCES proposal_version (proposal_id, version)
);

CREATE INDEX proposal_round_by_cutoff ON proposal_round (cutoff_id);

CREATE TRIGGER proposal_round_keeps_its_facts
BEFORE UPDATE OF proposal_id, cutoff_id, version, status ON proposal_round
FOR EACH ROW
EXECUTE FUNCTION refuse_change('a round of a proposal never changes but for its outcome');

CREATE TRIGGER proposal_round_is_kept
BEFORE DELETE ON proposal_round
FOR EACH ROW
EXECUTE FUNCTION refuse_change('a round of a proposal is never removed');

CREATE TRIGGER proposal_round_is_kept_truncate
BEFORE TRUNCATE ON proposal_round
FOR EACH STATEMENT
EXECUTE FUNCTION refuse_change('a round of a proposal is never removed');

-- What an audit entry concerns besides its subject. An import writes one entry for the whole
-- file (its subject is the import, which has no id); audit_related names what that import
-- created or changed. Like subject_id, subject_id here has no foreign key: the log outlives
-- what it speaks of. Rows are written with their entry, in its transaction, and never change;
-- they are not part of the entry's seal (the entry's own counts are).

CREATE TABLE audit_related (
  audit_id     bigint NOT NULL REFERENCES audit (id),
  subject_kind text COLLATE "C" NOT NULL CHECK (subject_kind IN ('call', 'cutoff', 'proposal', 'expert', 'score',
                                                                 'criterion')),
  subject_id   bigint NOT NULL,
  PRIMARY KEY (audit_id, subject_kind, subject_id)
);

CREATE INDEX audit_related_by_subject ON audit_related (subject_kind, subject_id);

CREATE TRIGGER audit_related_is_append_only_update
BEFORE UPDATE ON audit_related
FOR EACH ROW
EXECUTE FUNCTION refuse_change('the audit log is append-only');

CREATE TRIGGER audit_related_is_append_only_delete
BEFORE DELETE ON audit_related
FOR EACH ROW
EXECUTE FUNCTION refuse_change('the audit log is append-only');

CREATE TRIGGER audit_related_is_append_only_truncate
BEFORE TRUNCATE ON audit_related
FOR EACH STATEMENT
EXECUTE FUNCTION refuse_change('the audit log is append-only');

-- Proposal documents: the files of a proposal (its Part B, annexes, letters of support), kept
-- in the database itself, so that one database holds the whole record, and a document changes
-- under the same transaction as the version it belongs to.
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

CREATE TABLE document_content (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  sha256     text COLLATE "C" NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 !~ '[^0-9a-f]'),
  size       bigint NOT NULL CHECK (size BETWEEN 1 AND 209715200),
  media_type text COLLATE "C" NOT NULL CHECK (length(media_type) BETWEEN 1 AND 255),
  chunks     integer NOT NULL CHECK (chunks >= 1)
);

CREATE TABLE document_chunk (
  content_id bigint NOT NULL REFERENCES document_content (id) ON DELETE CASCADE,
  position   integer NOT NULL CHECK (position >= 0),
  data       bytea NOT NULL CHECK (octet_length(data) BETWEEN 1 AND 1048576),
  UNIQUE (content_id, position)
);

-- part: 'part-b', 'annex', 'support-letter', 'other', or one of the last three followed by
-- '-2' to '-20' (no leading zero).
CREATE TABLE proposal_document (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  proposal_id  bigint NOT NULL REFERENCES proposal (id),
  part         text COLLATE "C" NOT NULL CHECK (
                 part IN ('part-b', 'annex', 'support-letter', 'other')
                 OR part ~ '^(annex|support-letter|other)-([2-9]|1[0-9]|20)$'),
  content_id   bigint NOT NULL REFERENCES document_content (id),
  file_name    text COLLATE "C" NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  title        text COLLATE "C" CHECK (title IS NULL OR length(title) > 0),
  from_version integer NOT NULL CHECK (from_version >= 1),
  to_version   integer CHECK (to_version IS NULL OR to_version > from_version),
  recorded_at  timestamptz(0) NOT NULL,
  recorded_by  text COLLATE "C" NOT NULL
);

-- One current document a part.
CREATE UNIQUE INDEX proposal_document_current ON proposal_document (proposal_id, part) WHERE to_version IS NULL;
CREATE INDEX proposal_document_by_version ON proposal_document (proposal_id, from_version);
CREATE INDEX proposal_document_by_content ON proposal_document (content_id);

CREATE TRIGGER proposal_document_is_closed_once
BEFORE UPDATE ON proposal_document
FOR EACH ROW WHEN (OLD.to_version IS NOT NULL OR NEW.to_version IS NULL
  OR NEW.id IS DISTINCT FROM OLD.id OR NEW.proposal_id IS DISTINCT FROM OLD.proposal_id
  OR NEW.part IS DISTINCT FROM OLD.part OR NEW.content_id IS DISTINCT FROM OLD.content_id
  OR NEW.file_name IS DISTINCT FROM OLD.file_name OR NEW.title IS DISTINCT FROM OLD.title
  OR NEW.from_version IS DISTINCT FROM OLD.from_version OR NEW.recorded_at IS DISTINCT FROM OLD.recorded_at
  OR NEW.recorded_by IS DISTINCT FROM OLD.recorded_by)
EXECUTE FUNCTION refuse_change('a proposal document never changes but to be closed, once');

CREATE TRIGGER proposal_document_is_deleted_only_with_a_draft
BEFORE DELETE ON proposal_document
FOR EACH ROW
EXECUTE FUNCTION refuse_unless_draft('the documents of a submitted or withdrawn proposal stay on record');

CREATE TRIGGER proposal_document_is_deleted_only_with_a_draft_truncate
BEFORE TRUNCATE ON proposal_document
FOR EACH STATEMENT
EXECUTE FUNCTION refuse_change('the documents of a submitted or withdrawn proposal stay on record');

CREATE TRIGGER document_content_is_immutable
BEFORE UPDATE ON document_content
FOR EACH ROW
EXECUTE FUNCTION refuse_change('a stored document never changes');

CREATE TRIGGER document_chunk_is_immutable
BEFORE UPDATE ON document_chunk
FOR EACH ROW
EXECUTE FUNCTION refuse_change('a stored document never changes');
