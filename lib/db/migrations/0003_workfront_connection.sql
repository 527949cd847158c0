CREATE TABLE "workfront_connection" (
	"id" text PRIMARY KEY DEFAULT 'current' NOT NULL,
	"connection_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"secret_version" integer DEFAULT 1 NOT NULL,
	"tenant_url" text NOT NULL,
	"method" text NOT NULL,
	"sealed_secret" text NOT NULL,
	"hint" text NOT NULL,
	"connected_by_account_id" uuid,
	"connected_by_email" text NOT NULL,
	"connected_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"key_created_at" timestamp (3) with time zone,
	"key_created_exact" boolean DEFAULT false NOT NULL,
	"workfront_user_id" text NOT NULL,
	"workfront_user_name" text,
	"workfront_user_email" text,
	"may_edit_users" boolean,
	"state" text DEFAULT 'ok' NOT NULL,
	"reconnect_reason" text,
	"reconnect_at" timestamp (3) with time zone,
	"last_tested_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workfront_connection_single_row" CHECK ("workfront_connection"."id" = 'current'),
	CONSTRAINT "workfront_connection_method_known" CHECK ("workfront_connection"."method" in ('password', 'api_key', 'oauth2')),
	CONSTRAINT "workfront_connection_state_known" CHECK ("workfront_connection"."state" in ('ok', 'reconnect')),
	CONSTRAINT "workfront_connection_reconnect_has_reason" CHECK (("workfront_connection"."state" = 'reconnect') = ("workfront_connection"."reconnect_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "workfront_connection" ADD CONSTRAINT "workfront_connection_connected_by_account_id_accounts_id_fk" FOREIGN KEY ("connected_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;