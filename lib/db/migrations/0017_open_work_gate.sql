ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_refused_code_known";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "open_work" jsonb;--> statement-breakpoint
ALTER TABLE "job_items" ADD COLUMN "open_work" jsonb;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "open_work_override" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "open_work_deferred" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_refused_code_known" CHECK ("audit_events"."refused_code" in ('main_admin', 'integration_user', 'configured', 'admin_target', 'admin_not_included', 'open_work_blocking'));