CREATE TABLE "job_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"job_id" uuid NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"actor_account_id" uuid,
	"actor_email" text,
	"actor_role" text,
	"detail" jsonb,
	"request_id" text,
	"client_ip" text,
	CONSTRAINT "job_events_action_known" CHECK ("job_events"."action" in ('created', 'started', 'paused_auth', 'resumed', 'cancel_requested', 'cancelled', 'completed', 'retried', 'undo_created')),
	CONSTRAINT "job_events_actor_role_known" CHECK ("job_events"."actor_role" is null or "job_events"."actor_role" in ('viewer', 'operator', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "job_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"target_id" text NOT NULL,
	"target_name" text,
	"target_email" text,
	"position" integer NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp (3) with time zone,
	"error_code" text,
	"error_message" text,
	"audit_event_id" bigint,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "job_items_state_known" CHECK ("job_items"."state" in ('pending', 'running', 'succeeded', 'already', 'failed', 'refused', 'cancelled')),
	CONSTRAINT "job_items_target_id_format" CHECK ("job_items"."target_id" ~ '^[0-9a-f]{32}$'),
	CONSTRAINT "job_items_leased_when_running" CHECK (("job_items"."state" = 'running') = ("job_items"."lease_owner" is not null and "job_items"."lease_expires_at" is not null)),
	CONSTRAINT "job_items_finished_when_final" CHECK (("job_items"."state" in ('pending', 'running')) = ("job_items"."finished_at" is null)),
	CONSTRAINT "job_items_failed_has_code" CHECK ("job_items"."state" <> 'failed' or "job_items"."error_code" is not null)
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"created_by_account_id" uuid,
	"created_by_email" text NOT NULL,
	"created_by_role" text NOT NULL,
	"reason" text NOT NULL,
	"ticket" text,
	"request_id" text NOT NULL,
	"client_ip" text,
	"undo_of" uuid,
	"total_items" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"cancel_requested_at" timestamp (3) with time zone,
	"paused_at" timestamp (3) with time zone,
	"last_error_code" text,
	"last_error_message" text,
	CONSTRAINT "jobs_kind_known" CHECK ("jobs"."kind" in ('deactivate', 'reactivate')),
	CONSTRAINT "jobs_status_known" CHECK ("jobs"."status" in ('queued', 'running', 'paused_auth', 'cancelling', 'cancelled', 'completed')),
	CONSTRAINT "jobs_created_by_role_known" CHECK ("jobs"."created_by_role" in ('viewer', 'operator', 'admin')),
	CONSTRAINT "jobs_total_items_positive" CHECK ("jobs"."total_items" > 0),
	CONSTRAINT "jobs_finished_when_final" CHECK (("jobs"."status" in ('cancelled', 'completed')) = ("jobs"."finished_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_items" ADD CONSTRAINT "job_items_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_undo_of_jobs_id_fk" FOREIGN KEY ("undo_of") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_events_job_idx" ON "job_events" USING btree ("job_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "job_items_job_target_key" ON "job_items" USING btree ("job_id","target_id");--> statement-breakpoint
CREATE INDEX "job_items_job_position_idx" ON "job_items" USING btree ("job_id","position");--> statement-breakpoint
CREATE INDEX "job_items_job_state_idx" ON "job_items" USING btree ("job_id","state");--> statement-breakpoint
CREATE INDEX "job_items_claimable_idx" ON "job_items" USING btree ("state","available_at") WHERE "job_items"."state" in ('pending', 'running');--> statement-breakpoint
CREATE INDEX "jobs_created_at_idx" ON "jobs" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "jobs_undo_of_idx" ON "jobs" USING btree ("undo_of");