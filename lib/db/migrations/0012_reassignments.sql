CREATE TABLE "reassignment_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reassignment_id" uuid NOT NULL,
	"leaver_id" text NOT NULL,
	"leaver_name" text,
	"successor_id" text NOT NULL,
	"successor_name" text,
	"category" text NOT NULL,
	"obj_code" text NOT NULL,
	"object_id" text NOT NULL,
	"object_name" text,
	"field" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp (3) with time zone,
	"audit_event_id" bigint,
	"error_code" text,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "reassignment_items_state_known" CHECK ("reassignment_items"."state" in ('pending', 'running', 'done', 'failed')),
	CONSTRAINT "reassignment_items_ids_format" CHECK ("reassignment_items"."leaver_id" ~ '^[0-9a-f]{32}$' and "reassignment_items"."successor_id" ~ '^[0-9a-f]{32}$' and "reassignment_items"."object_id" ~ '^[0-9a-f]{32}$'),
	CONSTRAINT "reassignment_items_leased_when_running" CHECK (("reassignment_items"."state" = 'running') = ("reassignment_items"."lease_owner" is not null and "reassignment_items"."lease_expires_at" is not null)),
	CONSTRAINT "reassignment_items_finished_when_final" CHECK (("reassignment_items"."state" in ('pending', 'running')) = ("reassignment_items"."finished_at" is null))
);
--> statement-breakpoint
CREATE TABLE "reassignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"created_by_account_id" uuid,
	"created_by_email" text NOT NULL,
	"created_by_role" text NOT NULL,
	"reason" text NOT NULL,
	"ticket" text,
	"request_id" text NOT NULL,
	"client_ip" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "reassignments_status_known" CHECK ("reassignments"."status" in ('running', 'completed')),
	CONSTRAINT "reassignments_created_by_role_known" CHECK ("reassignments"."created_by_role" in ('viewer', 'operator', 'admin'))
);
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_known";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "change" jsonb;--> statement-breakpoint
ALTER TABLE "reassignment_items" ADD CONSTRAINT "reassignment_items_reassignment_id_reassignments_id_fk" FOREIGN KEY ("reassignment_id") REFERENCES "public"."reassignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassignments" ADD CONSTRAINT "reassignments_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reassignment_items_object_key" ON "reassignment_items" USING btree ("reassignment_id","obj_code","object_id","field");--> statement-breakpoint
CREATE INDEX "reassignment_items_claim_idx" ON "reassignment_items" USING btree ("reassignment_id","state");--> statement-breakpoint
CREATE INDEX "reassignments_status_idx" ON "reassignments" USING btree ("status");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_known" CHECK ("audit_events"."action" in ('deactivate', 'reactivate', 'reassign'));