CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by_account_id" uuid NOT NULL,
	"created_by_email" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	"rate_window_started_at" timestamp (3) with time zone,
	"rate_window_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "api_tokens_role_known" CHECK ("api_tokens"."role" in ('viewer', 'operator')),
	CONSTRAINT "api_tokens_hash_format" CHECK ("api_tokens"."token_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "api_tokens_expiry_after_creation" CHECK ("api_tokens"."expires_at" > "api_tokens"."created_at")
);
--> statement-breakpoint
CREATE TABLE "leaver_requests" (
	"scope" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"job_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp (3) with time zone,
	CONSTRAINT "leaver_requests_scope_idempotency_key_pk" PRIMARY KEY("scope","idempotency_key"),
	CONSTRAINT "leaver_requests_done_has_answer" CHECK (("leaver_requests"."completed_at" is null) = ("leaver_requests"."response_status" is null))
);
--> statement-breakpoint
ALTER TABLE "admin_events" DROP CONSTRAINT "admin_events_action_known";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_token_id" uuid;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "created_by_token_id" uuid;--> statement-breakpoint
ALTER TABLE "reassignments" ADD COLUMN "created_by_token_id" uuid;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_created_at_idx" ON "api_tokens" USING btree ("created_at" DESC NULLS FIRST);--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_token_id_api_tokens_id_fk" FOREIGN KEY ("actor_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_token_id_api_tokens_id_fk" FOREIGN KEY ("created_by_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassignments" ADD CONSTRAINT "reassignments_created_by_token_id_api_tokens_id_fk" FOREIGN KEY ("created_by_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_events" ADD CONSTRAINT "admin_events_action_known" CHECK ("admin_events"."action" in ('account_invited', 'account_role_changed', 'account_disabled', 'account_enabled', 'account_sessions_ended', 'person_protected', 'person_unprotected', 'token_created', 'token_revoked'));