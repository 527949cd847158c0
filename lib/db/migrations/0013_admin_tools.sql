CREATE TABLE "protected_people" (
	"workfront_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"reason" text NOT NULL,
	"added_by_email" text NOT NULL,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protected_people_id_format" CHECK ("protected_people"."workfront_id" ~ '^[0-9a-f]{32}$')
);
--> statement-breakpoint
CREATE TABLE "admin_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "admin_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_account_id" uuid,
	"actor_email" text NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"subject_name" text,
	"reason" text,
	"detail" jsonb,
	"request_id" text NOT NULL,
	"client_ip" text,
	CONSTRAINT "admin_events_action_known" CHECK ("admin_events"."action" in ('account_invited', 'account_role_changed', 'account_disabled', 'account_enabled', 'account_sessions_ended', 'person_protected', 'person_unprotected')),
	CONSTRAINT "admin_events_actor_role_known" CHECK ("admin_events"."actor_role" in ('viewer', 'operator', 'admin'))
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "preferences" jsonb;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "source_name" text;--> statement-breakpoint
ALTER TABLE "admin_events" ADD CONSTRAINT "admin_events_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_events_occurred_at_idx" ON "admin_events" USING btree ("occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
-- The admin log is append-only, as the audit log is: nothing may change or delete a row.
CREATE FUNCTION "admin_events_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'admin_events is append-only: rows cannot be changed or deleted'
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "admin_events_append_only"
  BEFORE UPDATE OR DELETE ON "admin_events"
  FOR EACH ROW EXECUTE FUNCTION "admin_events_append_only"();
--> statement-breakpoint
CREATE TRIGGER "admin_events_no_truncate"
  BEFORE TRUNCATE ON "admin_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "admin_events_append_only"();
