CREATE TABLE "scheduled_deactivations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" text NOT NULL,
	"target_name" text,
	"target_email" text,
	"due_at" timestamp (3) with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"policy" text DEFAULT 'deactivate_anyway' NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"created_by_account_id" uuid,
	"created_by_email" text NOT NULL,
	"created_by_role" text NOT NULL,
	"reason" text NOT NULL,
	"ticket" text,
	"source_name" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp (3) with time zone,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"overdue_at" timestamp (3) with time zone,
	"last_error_code" text,
	"last_error_message" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_deactivations_state_known" CHECK ("scheduled_deactivations"."state" in ('scheduled', 'running', 'paused_auth', 'done', 'failed', 'held', 'cancelled')),
	CONSTRAINT "scheduled_deactivations_policy_known" CHECK ("scheduled_deactivations"."policy" in ('deactivate_anyway', 'hold')),
	CONSTRAINT "scheduled_deactivations_created_by_role_known" CHECK ("scheduled_deactivations"."created_by_role" in ('viewer', 'operator', 'admin')),
	CONSTRAINT "scheduled_deactivations_target_id_format" CHECK ("scheduled_deactivations"."target_id" ~ '^[0-9a-f]{32}$'),
	CONSTRAINT "scheduled_deactivations_leased_when_running" CHECK (("scheduled_deactivations"."state" = 'running') = ("scheduled_deactivations"."lease_owner" is not null and "scheduled_deactivations"."lease_expires_at" is not null)),
	CONSTRAINT "scheduled_deactivations_finished_when_final" CHECK (("scheduled_deactivations"."state" in ('done', 'failed', 'cancelled')) = ("scheduled_deactivations"."finished_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_known";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "schedule_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "detail" jsonb;--> statement-breakpoint
ALTER TABLE "scheduled_deactivations" ADD CONSTRAINT "scheduled_deactivations_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scheduled_deactivations_due_idx" ON "scheduled_deactivations" USING btree ("due_at","id");--> statement-breakpoint
CREATE INDEX "scheduled_deactivations_waiting_idx" ON "scheduled_deactivations" USING btree ("state","due_at") WHERE "scheduled_deactivations"."state" in ('scheduled', 'running', 'paused_auth');--> statement-breakpoint
CREATE UNIQUE INDEX "scheduled_deactivations_one_open_key" ON "scheduled_deactivations" USING btree ("target_id") WHERE "scheduled_deactivations"."state" in ('scheduled', 'running', 'paused_auth', 'held');--> statement-breakpoint
CREATE INDEX "audit_events_schedule_idx" ON "audit_events" USING btree ("schedule_id") WHERE "audit_events"."schedule_id" is not null;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_known" CHECK ("audit_events"."action" in ('deactivate', 'reactivate', 'reassign', 'schedule_created', 'schedule_edited', 'schedule_cancelled', 'schedule_ran', 'schedule_failed', 'schedule_overdue', 'schedule_held'));