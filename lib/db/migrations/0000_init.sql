CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"password_hash" text,
	"role" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp (3) with time zone,
	CONSTRAINT "accounts_email_lower" CHECK ("accounts"."email" = lower("accounts"."email")),
	CONSTRAINT "accounts_role_known" CHECK ("accounts"."role" in ('viewer', 'operator', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp (3) with time zone,
	"actor_account_id" uuid,
	"actor_email" text NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"target_id" text NOT NULL,
	"target_name" text,
	"target_email" text,
	"reason" text NOT NULL,
	"ticket" text,
	"outcome" text NOT NULL,
	"error_code" text,
	"error_message" text,
	"refused_reason" text,
	"is_active_before" boolean,
	"is_active_after" boolean,
	"snapshot" jsonb,
	"request_id" text NOT NULL,
	"client_ip" text,
	"job_id" uuid,
	"job_item_id" uuid,
	CONSTRAINT "audit_events_action_known" CHECK ("audit_events"."action" in ('deactivate', 'reactivate')),
	CONSTRAINT "audit_events_outcome_known" CHECK ("audit_events"."outcome" in ('pending', 'succeeded', 'already', 'failed', 'refused')),
	CONSTRAINT "audit_events_actor_role_known" CHECK ("audit_events"."actor_role" in ('viewer', 'operator', 'admin')),
	CONSTRAINT "audit_events_target_id_format" CHECK ("audit_events"."target_id" ~ '^[0-9a-f]{32}$'),
	CONSTRAINT "audit_events_completed_when_final" CHECK (("audit_events"."outcome" = 'pending') = ("audit_events"."completed_at" is null)),
	CONSTRAINT "audit_events_failed_has_code" CHECK ("audit_events"."outcome" <> 'failed' or "audit_events"."error_code" is not null),
	CONSTRAINT "audit_events_refused_has_reason" CHECK ("audit_events"."outcome" <> 'refused' or "audit_events"."refused_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "auth_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_email_key" ON "accounts" USING btree ("email");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events" USING btree ("occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_target_id_idx" ON "audit_events" USING btree ("target_id","occurred_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_email_idx" ON "audit_events" USING btree ("actor_email");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action");--> statement-breakpoint
CREATE INDEX "audit_events_outcome_idx" ON "audit_events" USING btree ("outcome");