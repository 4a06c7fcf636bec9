-- The same guards as db/migrations/0001_append_only_guards.sql (SQLite), as plpgsql functions
-- that raise. Keep the two in step: test/integration/pg-migrations.test.ts checks these rules.
--
-- The audit log is append-only: golden rule 7, keep a record of what was done and why.
-- PostgreSQL also has TRUNCATE, which skips row triggers: refuse it too (SQLite has no TRUNCATE;
-- its DELETE without WHERE is refused by the delete trigger).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- A certificate is never changed after issue, except to be revoked or superseded (once each),
-- or to have the holder's name anonymised when their retention period ends (lib/data-rights).
-- Column for column the SQLite trigger's condition, with `IS NOT` written `IS DISTINCT FROM` and
-- LIKE written ILIKE (SQLite's LIKE ignores ASCII case; PostgreSQL's does not).
-- As on SQLite, revoked_by, revoked_reason, superseded_by_id, created_at and id are not guarded.
CREATE FUNCTION certificates_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.code IS DISTINCT FROM OLD.code OR NEW.person_id IS DISTINCT FROM OLD.person_id
    OR NEW.scheme_id IS DISTINCT FROM OLD.scheme_id
    OR (NEW.holder_name IS DISTINCT FROM OLD.holder_name AND NEW.holder_name NOT ILIKE 'Anonymised person%')
    OR NEW.course_id IS DISTINCT FROM OLD.course_id OR NEW.course_title IS DISTINCT FROM OLD.course_title
    OR NEW.content_version IS DISTINCT FROM OLD.content_version OR NEW.cycle IS DISTINCT FROM OLD.cycle
    OR NEW.issued_on IS DISTINCT FROM OLD.issued_on OR NEW.expires_on IS DISTINCT FROM OLD.expires_on
    OR NEW.modules IS DISTINCT FROM OLD.modules
    OR (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at)
    OR (OLD.superseded_at IS NOT NULL AND NEW.superseded_at IS DISTINCT FROM OLD.superseded_at)
  THEN
    RAISE EXCEPTION 'certificates are immutable once issued';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER certificates_immutable BEFORE UPDATE ON certificates
FOR EACH ROW EXECUTE FUNCTION certificates_immutable();
--> statement-breakpoint
CREATE FUNCTION certificates_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'certificates are never deleted';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
FOR EACH ROW EXECUTE FUNCTION certificates_no_delete();
--> statement-breakpoint
CREATE TRIGGER certificates_no_truncate BEFORE TRUNCATE ON certificates
FOR EACH STATEMENT EXECUTE FUNCTION certificates_no_delete();
