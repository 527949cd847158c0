-- The audit log is append-only. The app writes a pending row before each Workfront call and
-- completes it once afterwards; nothing may delete a row or change it in any other way.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- Completion may set these; every other column, including any added later, is frozen.
  completion text[] := ARRAY['outcome', 'completed_at', 'error_code', 'error_message', 'refused_reason',
                             'is_active_after', 'is_active_before', 'snapshot'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_events is append-only: rows cannot be deleted'
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.outcome <> 'pending' THEN
    RAISE EXCEPTION 'audit_events is append-only: event % is already complete', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.outcome = 'pending' OR NEW.completed_at IS NULL THEN
    RAISE EXCEPTION 'audit_events is append-only: an update must complete event % with a final outcome', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF (to_jsonb(NEW) - completion) IS DISTINCT FROM (to_jsonb(OLD) - completion) THEN
    RAISE EXCEPTION 'audit_events is append-only: completing event % may change only its outcome columns', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  -- What was recorded before the call may be filled in if missing, never rewritten.
  IF (OLD.is_active_before IS NOT NULL AND NEW.is_active_before IS DISTINCT FROM OLD.is_active_before)
     OR (OLD.snapshot IS NOT NULL AND NEW.snapshot IS DISTINCT FROM OLD.snapshot) THEN
    RAISE EXCEPTION 'audit_events is append-only: event % already holds its state before the call', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
--> statement-breakpoint
CREATE FUNCTION "audit_events_no_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: it cannot be truncated'
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_no_truncate"();
