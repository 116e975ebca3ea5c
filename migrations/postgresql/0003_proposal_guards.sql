-- SPDX-License-Identifier: EUPL-1.2
-- What the server holds of every proposal, whoever writes it (cfp, or an official's role through
-- psql): outside a sandbox, a proposal is recorded and submitted at the server's time of the
-- transaction; each change of its content is a new version whose predecessor is in the history
-- first, as it was and as it read; it keeps its id and never goes back to being a draft; an
-- update that changes nothing is refused; only an administrator records an outcome (the
-- ranking's); its partners and sectors change only with a new version; and every change to a
-- proposal, its history or its rounds comes with an entry in the audit log in the same
-- transaction (which the log's own guards stamp with the server's time and the login role).
-- Every guard, also those of 0001 and 0002, reads cfp's own tables: never a temporary table of
-- the writing session that shadows one (a role with TEMPORARY, which imports need, could
-- otherwise make a "cfp_meta" that calls the database a sandbox, or an empty "audit").

CREATE FUNCTION administrator() RETURNS boolean
  LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN pg_has_role(session_user, 'cfp_admin', 'USAGE')
    OR pg_has_role(session_user, (SELECT c.relowner FROM pg_catalog.pg_class c
                                  WHERE c.oid = 'public.proposal'::regclass), 'USAGE');
END
$$;

CREATE FUNCTION proposal_is_recorded_by_the_server() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  server_now CONSTANT timestamptz := date_trunc('second', now());
  sandbox CONSTANT boolean := (SELECT m.sandbox FROM public.cfp_meta m);
  problem text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.version <> 1 THEN
      problem := 'a new proposal is version 1';
    ELSIF NOT sandbox AND (NEW.created_at IS DISTINCT FROM server_now OR NEW.updated_at IS DISTINCT FROM server_now
                           OR NEW.updated_real_at IS DISTINCT FROM server_now OR NEW.updated_simulated
                           OR NEW.submitted_at IS DISTINCT FROM CASE WHEN NEW.submitted_at IS NULL THEN NULL
                                                                     ELSE server_now END) THEN
      problem := 'a proposal is recorded and submitted at the server''s time';
    ELSIF NEW.outcome IS NOT NULL THEN
      problem := 'a new proposal has no outcome';
    END IF;
  ELSIF NEW.id IS DISTINCT FROM OLD.id OR NEW.call_id IS DISTINCT FROM OLD.call_id
        OR NEW.acronym IS DISTINCT FROM OLD.acronym OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    problem := 'a proposal keeps its id, call, acronym and creation time';
  ELSIF OLD.status <> 'draft' AND NEW.status = 'draft' THEN
    problem := 'a submitted or withdrawn proposal never becomes a draft again';
  ELSIF NEW.outcome IS NOT NULL AND NEW.outcome IS DISTINCT FROM OLD.outcome AND NOT administrator() THEN
    problem := 'only an administrator records a proposal''s outcome (cfp rank --apply)';
  ELSIF (NEW.title, NEW.host, NEW.entity, NEW.plan, NEW.experimental_platform, NEW.eu_contribution_cents,
         NEW.national_contribution_cents, NEW.status, NEW.cutoff_id, NEW.submitted_at, NEW.withdrawal_reason,
         NEW.version, NEW.updated_at, NEW.updated_by, NEW.updated_real_at, NEW.updated_simulated)
        IS NOT DISTINCT FROM
        (OLD.title, OLD.host, OLD.entity, OLD.plan, OLD.experimental_platform, OLD.eu_contribution_cents,
         OLD.national_contribution_cents, OLD.status, OLD.cutoff_id, OLD.submitted_at, OLD.withdrawal_reason,
         OLD.version, OLD.updated_at, OLD.updated_by, OLD.updated_real_at, OLD.updated_simulated) THEN
    -- The outcome alone (the evaluation's decision) is no new version; an update that changes
    -- nothing is refused, so that a proposal's row is written in a transaction only when it
    -- changes (the partners' and sectors' guard relies on it).
    IF NEW.outcome IS NOT DISTINCT FROM OLD.outcome THEN
      problem := 'an update of a proposal changes it';
    ELSIF NOT administrator() THEN
      problem := 'only an administrator records a proposal''s outcome (cfp rank --apply)';
    END IF;
  ELSIF NEW.version IS DISTINCT FROM OLD.version + 1 THEN
    problem := 'a change to a proposal is its next version';
  ELSIF NOT EXISTS (SELECT 1 FROM public.proposal_version v WHERE v.proposal_id = OLD.id AND v.version = OLD.version) THEN
    problem := 'a proposal''s replaced version goes to its history first';
  ELSIF NOT sandbox AND (NEW.updated_at IS DISTINCT FROM server_now
                         OR NEW.updated_real_at IS DISTINCT FROM server_now OR NEW.updated_simulated
                         OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at
                            AND NEW.submitted_at IS DISTINCT FROM server_now AND NEW.submitted_at IS NOT NULL) THEN
    problem := 'a proposal is recorded and submitted at the server''s time';
  END IF;
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION USING MESSAGE = problem, ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME,
      CONSTRAINT = TG_NAME;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER proposal_is_recorded_by_the_server
BEFORE INSERT OR UPDATE ON proposal
FOR EACH ROW
EXECUTE FUNCTION proposal_is_recorded_by_the_server();

-- The history receives the version being replaced, as it was recorded and as it reads: the
-- snapshot's fields are the proposal's (partners and sectors as sets), checked field by field.
CREATE FUNCTION proposal_version_is_the_replaced_one() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  p public.proposal%ROWTYPE;
  s json;
  same boolean;
BEGIN
  SELECT * INTO p FROM public.proposal WHERE id = NEW.proposal_id;
  BEGIN
    s := NEW.snapshot::json;
    same := p.id IS NOT NULL AND p.version = NEW.version AND p.updated_at = NEW.recorded_at
      AND p.updated_by = NEW.recorded_by AND p.updated_real_at IS NOT DISTINCT FROM NEW.recorded_real_at
      AND p.updated_simulated = NEW.recorded_simulated AND NEW.snapshot_format = 1
      AND (s->>'id')::bigint = p.id AND s->>'acronym' = p.acronym
      AND s->>'call' = (SELECT c.code FROM public.call c WHERE c.id = p.call_id)
      AND s->>'title' = p.title AND s->>'host' = p.host AND s->>'entity' = p.entity AND s->>'plan' = p.plan
      AND (s->>'experimental_platform')::boolean = p.experimental_platform
      AND (s->>'eu_contribution_eur')::numeric IS NOT DISTINCT FROM p.eu_contribution_cents / 100.0
      AND (s->>'national_contribution_eur')::numeric IS NOT DISTINCT FROM p.national_contribution_cents / 100.0
      AND s->>'status' = p.status AND (s->>'version')::integer = p.version
      AND s->>'withdrawal_reason' IS NOT DISTINCT FROM p.withdrawal_reason
      AND (s->>'submitted_at')::timestamptz IS NOT DISTINCT FROM p.submitted_at
      AND s->>'cutoff' IS NOT DISTINCT FROM (SELECT k.label FROM public.cutoff k WHERE k.id = p.cutoff_id)
      AND (SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM json_array_elements_text(s->'partners') x)
          = (SELECT coalesce(array_agg(pp.state_code::text ORDER BY pp.state_code), '{}')
             FROM public.proposal_partner pp WHERE pp.proposal_id = p.id)
      AND (SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM json_array_elements_text(s->'sectors') x)
          = (SELECT coalesce(array_agg(ps.sector::text ORDER BY ps.sector), '{}')
             FROM public.proposal_sector ps WHERE ps.proposal_id = p.id);
  EXCEPTION WHEN data_exception OR invalid_text_representation OR invalid_parameter_value THEN
    same := false;
  END;
  IF same IS NOT TRUE THEN
    RAISE EXCEPTION USING MESSAGE = 'a proposal''s history receives its current version, as it was recorded',
      ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER proposal_version_is_the_replaced_one
BEFORE INSERT ON proposal_version
FOR EACH ROW
EXECUTE FUNCTION proposal_version_is_the_replaced_one();

-- Checked when the transaction commits (after every statement of it): the partners and sectors
-- of a proposal changed only with the proposal itself (its row written by this transaction, or
-- removed), and the newest audit entry was written by this transaction.
CREATE FUNCTION proposal_change_is_versioned_and_audited() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  this_transaction CONSTANT xid := pg_current_xact_id()::xid;
  changed_proposal CONSTANT bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.proposal_id ELSE NEW.proposal_id END;
BEGIN
  IF TG_TABLE_NAME IN ('proposal_partner', 'proposal_sector')
     AND EXISTS (SELECT 1 FROM proposal p WHERE p.id = changed_proposal AND p.xmin <> this_transaction) THEN
    RAISE EXCEPTION USING MESSAGE = 'a proposal''s partners and sectors change only with a new version of it',
      ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
  END IF;
  IF (SELECT a.xmin FROM audit a ORDER BY a.id DESC LIMIT 1) IS DISTINCT FROM this_transaction THEN
    RAISE EXCEPTION USING MESSAGE = 'a change to a proposal is written with its audit entry',
      ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION proposal_change_is_audited() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT a.xmin FROM audit a ORDER BY a.id DESC LIMIT 1) IS DISTINCT FROM pg_current_xact_id()::xid THEN
    RAISE EXCEPTION USING MESSAGE = 'a change to a proposal is written with its audit entry',
      ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER proposal_change_is_audited
AFTER INSERT OR UPDATE OR DELETE ON proposal
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
EXECUTE FUNCTION proposal_change_is_audited();

CREATE CONSTRAINT TRIGGER proposal_partner_change_is_versioned
AFTER INSERT OR UPDATE OR DELETE ON proposal_partner
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
EXECUTE FUNCTION proposal_change_is_versioned_and_audited();

CREATE CONSTRAINT TRIGGER proposal_sector_change_is_versioned
AFTER INSERT OR UPDATE OR DELETE ON proposal_sector
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
EXECUTE FUNCTION proposal_change_is_versioned_and_audited();

CREATE CONSTRAINT TRIGGER proposal_version_change_is_audited
AFTER INSERT OR UPDATE OR DELETE ON proposal_version
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
EXECUTE FUNCTION proposal_change_is_audited();

CREATE CONSTRAINT TRIGGER proposal_round_change_is_audited
AFTER INSERT OR UPDATE OR DELETE ON proposal_round
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW
EXECUTE FUNCTION proposal_change_is_audited();

-- A deferred check can be made immediate (SET CONSTRAINTS ... IMMEDIATE) by whoever writes, which
-- only moves it earlier; it cannot be switched off but by the tables' owner.

-- Every guard reads cfp's tables and pg_catalog, then the session's temporary schema last (it is
-- searched first when a path leaves it out).
DO $$
DECLARE
  guard regprocedure;
BEGIN
  FOR guard IN
    SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    JOIN pg_catalog.pg_language l ON l.oid = p.prolang
    WHERE n.nspname = 'public' AND l.lanname = 'plpgsql'
  LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', guard);
  END LOOP;
END
$$;
