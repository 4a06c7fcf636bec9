-- The audit log is append-only: golden rule 7, keep a record of what was done and why.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
-- A certificate is never changed after issue, except to be revoked or superseded (once each),
-- or to have the holder's name anonymised when their retention period ends (lib/data-rights).
CREATE TRIGGER certificates_immutable BEFORE UPDATE ON certificates
WHEN NEW.code IS NOT OLD.code OR NEW.person_id IS NOT OLD.person_id OR NEW.scheme_id IS NOT OLD.scheme_id
  OR (NEW.holder_name IS NOT OLD.holder_name AND NEW.holder_name NOT LIKE 'Anonymised person%') OR NEW.course_id IS NOT OLD.course_id
  OR NEW.course_title IS NOT OLD.course_title OR NEW.content_version IS NOT OLD.content_version
  OR NEW.cycle IS NOT OLD.cycle OR NEW.issued_on IS NOT OLD.issued_on OR NEW.expires_on IS NOT OLD.expires_on
  OR NEW.modules IS NOT OLD.modules
  OR (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS NOT OLD.revoked_at)
  OR (OLD.superseded_at IS NOT NULL AND NEW.superseded_at IS NOT OLD.superseded_at)
BEGIN SELECT RAISE(ABORT, 'certificates are immutable once issued'); END;
--> statement-breakpoint
CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
BEGIN SELECT RAISE(ABORT, 'certificates are never deleted'); END;
