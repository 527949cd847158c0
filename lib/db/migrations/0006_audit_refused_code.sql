ALTER TABLE "audit_events" ADD COLUMN "refused_code" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_refused_code_known" CHECK ("audit_events"."refused_code" in ('main_admin', 'integration_user', 'configured', 'admin_target'));--> statement-breakpoint
-- A refusal's code is set with its reason, so completing a pending row as refused may set it too
-- (0001's rule froze every column added later). Rows from before keep it null: the log is not
-- rewritten; the UI still recognises their English reasons (app/(dashboard)/audit/_components/refusal.ts).
CREATE OR REPLACE FUNCTION "audit_events_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- Completion may set these; every other column, including any added later, is frozen.
  completion text[] := ARRAY['outcome', 'completed_at', 'error_code', 'error_message', 'refused_reason',
                             'refused_code', 'is_active_after', 'is_active_before', 'snapshot'];
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
