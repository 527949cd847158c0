CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_type" text NOT NULL,
	"event_key" text NOT NULL,
	"channel" text NOT NULL,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp (3) with time zone,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp (3) with time zone,
	CONSTRAINT "notifications_event_type_known" CHECK ("notifications"."event_type" in ('job_ended', 'schedule_ran', 'schedule_failed', 'schedule_overdue', 'leavers_digest')),
	CONSTRAINT "notifications_channel_known" CHECK ("notifications"."channel" in ('email', 'webhook')),
	CONSTRAINT "notifications_state_known" CHECK ("notifications"."state" in ('pending', 'sending', 'sent', 'failed')),
	CONSTRAINT "notifications_leased_when_sending" CHECK (("notifications"."state" = 'sending') = ("notifications"."lease_owner" is not null and "notifications"."lease_expires_at" is not null)),
	CONSTRAINT "notifications_sent_at_when_sent" CHECK (("notifications"."state" = 'sent') = ("notifications"."sent_at" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_event_channel_key" ON "notifications" USING btree ("event_key","channel");--> statement-breakpoint
CREATE INDEX "notifications_claimable_idx" ON "notifications" USING btree ("state","next_attempt_at") WHERE "notifications"."state" in ('pending', 'sending');