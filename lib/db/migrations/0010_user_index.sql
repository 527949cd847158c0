CREATE TABLE "indexed_users" (
	"tenant" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"username" text,
	"title" text,
	"is_active" boolean NOT NULL,
	"license_type" text,
	"access_level_id" text,
	"access_level_name" text,
	"is_admin" boolean NOT NULL,
	"home_group_id" text,
	"home_group_name" text,
	"company_id" text,
	"company_name" text,
	"manager_id" text,
	"created_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone,
	"last_login_at" timestamp (3) with time zone,
	"scheduled_deactivation_at" timestamp (3) with time zone,
	"deactivated_at" timestamp (3) with time zone,
	"sort_name" text NOT NULL,
	"search_text" text NOT NULL,
	"seen_in" integer NOT NULL,
	CONSTRAINT "indexed_users_tenant_id_pk" PRIMARY KEY("tenant","id")
);
--> statement-breakpoint
CREATE TABLE "user_index_state" (
	"tenant" text PRIMARY KEY NOT NULL,
	"run" integer DEFAULT 0 NOT NULL,
	"built_at" timestamp (3) with time zone,
	"refreshed_at" timestamp (3) with time zone,
	"watermark" timestamp (3) with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp (3) with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE INDEX "indexed_users_by_status_name" ON "indexed_users" USING btree ("tenant","is_active","sort_name","id");--> statement-breakpoint
CREATE INDEX "indexed_users_by_email" ON "indexed_users" USING btree ("tenant","email");