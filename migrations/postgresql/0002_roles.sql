-- SPDX-License-Identifier: EUPL-1.2
-- The roles of a team sharing one server database, and what each may change. A person's login
-- role is made a member of one of them (GRANT cfp_official TO alice); the server then refuses
-- what the role may not do, whatever program asks.
-- * cfp_reader reads everything and changes nothing.
-- * cfp_official records, submits, corrects and imports proposals and their documents.
-- * cfp_evaluator records experts' scores, the consensus and declared conflicts.
-- * cfp_admin manages calls, cut-offs, criteria and experts, applies rankings, and may do what
--   the others do.
-- Each role that writes appends to the audit log, which no role may change (the triggers of
-- 0001 refuse it to the owner as well); the server records which login role wrote each entry. Roles belong to the whole cluster: they are made once,
-- by the first database that needs them, and taken as they are by the next.

DO $$
DECLARE
  role_name text;
BEGIN
  FOREACH role_name IN ARRAY ARRAY['cfp_reader', 'cfp_official', 'cfp_evaluator', 'cfp_admin'] LOOP
    -- A role of that name that can log in was not made by cfp: its grants would go to whoever
    -- made it.
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name AND (rolcanlogin OR rolsuper)) THEN
      RAISE EXCEPTION USING MESSAGE = format('the role %s exists and can log in: cfp''s roles are group roles '
                                             '(NOLOGIN); rename or drop that role first', role_name),
        ERRCODE = 'restrict_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        -- Another database of the cluster made it meanwhile.
        NULL;
      END;
    END IF;
  END LOOP;
  -- The roles belong to the whole cluster, and so would their grants in another cfp database of
  -- it: each database is reached only by the login roles granted CONNECT on it
  -- (GRANT CONNECT, TEMPORARY ON DATABASE cfp TO alice).
  EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO cfp_reader, cfp_official, cfp_evaluator, cfp_admin', current_schema());
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO cfp_reader, cfp_official, cfp_evaluator, cfp_admin',
                 current_schema());
  EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO cfp_official, cfp_evaluator, cfp_admin',
                 current_schema());
END
$$;

-- Every write takes this table's lock first thing (LOCK TABLE write_lock IN EXCLUSIVE MODE,
-- before its snapshot): writers queue as on a file, instead of racing to the end of the audit
-- chain and running again. Readers never wait for it. It holds no rows; UPDATE is what the lock
-- asks of a role.
CREATE TABLE write_lock (none boolean);
GRANT UPDATE ON write_lock TO cfp_official, cfp_evaluator, cfp_admin;

-- Who wrote each audit entry as the server knows them: the login role, beside the name the
-- person gave (actor: --as, CFP_USER, USER). The server fills it in; no role may give it.
ALTER TABLE audit ADD COLUMN db_role text COLLATE "C" NOT NULL DEFAULT session_user;

-- What the server holds of every audit entry, whoever inserts it: the next number (no gap, no
-- number far ahead that would block the next write), the server's time of the transaction (on
-- a sandbox, any time), the login role (db_role); a seal or a related subject only for the
-- newest entry. The seal itself (SHA-256, computed by cfp) is checked by `cfp log verify`.
CREATE FUNCTION audit_is_appended_in_order() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM (SELECT coalesce(max(id), 0) + 1 FROM audit) THEN
    RAISE EXCEPTION USING MESSAGE = 'an audit entry takes the number after the last one',
      ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
  END IF;
  IF NOT (SELECT sandbox FROM cfp_meta) AND
     (NEW.at IS DISTINCT FROM date_trunc('second', now()) OR NEW.real_at IS DISTINCT FROM NEW.at OR NEW.simulated) THEN
    RAISE EXCEPTION USING MESSAGE = 'an audit entry is stamped with the server''s clock',
      ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
  END IF;
  NEW.db_role := session_user;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_is_appended_in_order
BEFORE INSERT ON audit
FOR EACH ROW
EXECUTE FUNCTION audit_is_appended_in_order();

CREATE FUNCTION audit_newest_is_sealed_or_related() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.audit_id IS DISTINCT FROM (SELECT max(id) FROM audit) THEN
    RAISE EXCEPTION USING MESSAGE = 'only the newest audit entry takes a seal or a related subject',
      ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_seal_is_for_the_newest_entry
BEFORE INSERT ON audit_seal
FOR EACH ROW
EXECUTE FUNCTION audit_newest_is_sealed_or_related();

CREATE TRIGGER audit_related_is_for_the_newest_entry
BEFORE INSERT ON audit_related
FOR EACH ROW
EXECUTE FUNCTION audit_newest_is_sealed_or_related();

-- The audit log: appended to by every role that writes (every column but db_role).
GRANT INSERT (id, at, actor, command, entity, action, subject_kind, subject_id, before, after, real_at, simulated)
  ON audit TO cfp_official, cfp_evaluator, cfp_admin;
GRANT INSERT ON audit_seal, audit_related TO cfp_official, cfp_evaluator, cfp_admin;

-- Proposals, their history, rounds and documents.
GRANT INSERT, UPDATE, DELETE ON proposal, proposal_partner, proposal_sector, proposal_version, proposal_round,
  proposal_document, document_content, document_chunk TO cfp_official, cfp_admin;

-- Scores, the consensus and declared conflicts.
GRANT INSERT, UPDATE, DELETE ON evaluation, score, evaluation_version, consensus, declared_conflict
  TO cfp_evaluator, cfp_admin;

-- Calls, cut-offs, criteria and experts.
GRANT INSERT, UPDATE, DELETE ON call, cutoff, criterion, expert TO cfp_admin;
