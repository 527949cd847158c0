-- Trigrams for the users search (lib/user-index/query.ts); pg_trgm is a trusted extension (PostgreSQL 13+), shipped with the embedded server and contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "indexed_users_by_status_name";--> statement-breakpoint
DROP INDEX "indexed_users_by_email";--> statement-breakpoint
CREATE INDEX "indexed_users_by_name" ON "indexed_users" USING btree ("tenant","sort_name" NULLS FIRST,"id","is_active");--> statement-breakpoint
CREATE INDEX "indexed_users_by_last_login" ON "indexed_users" USING btree ("tenant","last_login_at" NULLS FIRST,"id","is_active");--> statement-breakpoint
CREATE INDEX "indexed_users_by_deactivated" ON "indexed_users" USING btree ("tenant","deactivated_at" NULLS FIRST,"id","is_active");--> statement-breakpoint
CREATE INDEX "indexed_users_by_created" ON "indexed_users" USING btree ("tenant","created_at" NULLS FIRST,"id","is_active");--> statement-breakpoint
CREATE INDEX "indexed_users_by_manager" ON "indexed_users" USING btree ("tenant","manager_id");--> statement-breakpoint
CREATE INDEX "indexed_users_search_trgm" ON "indexed_users" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "indexed_users_by_email" ON "indexed_users" USING btree ("tenant","email" NULLS FIRST,"id","is_active");