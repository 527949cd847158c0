-- Every sort index also holds the status, licence type and search text, so a page of the list with a search or a licence filter is answered from the index alone (lib/user-index/query.ts pageOf).
DROP INDEX "indexed_users_by_name";--> statement-breakpoint
DROP INDEX "indexed_users_by_email";--> statement-breakpoint
DROP INDEX "indexed_users_by_last_login";--> statement-breakpoint
DROP INDEX "indexed_users_by_deactivated";--> statement-breakpoint
DROP INDEX "indexed_users_by_created";--> statement-breakpoint
CREATE INDEX "indexed_users_by_name" ON "indexed_users" USING btree ("tenant","sort_name" NULLS FIRST,"id","is_active","license_type","search_text");--> statement-breakpoint
CREATE INDEX "indexed_users_by_email" ON "indexed_users" USING btree ("tenant","email" NULLS FIRST,"id","is_active","license_type","search_text");--> statement-breakpoint
CREATE INDEX "indexed_users_by_last_login" ON "indexed_users" USING btree ("tenant","last_login_at" NULLS FIRST,"id","is_active","license_type","search_text");--> statement-breakpoint
CREATE INDEX "indexed_users_by_deactivated" ON "indexed_users" USING btree ("tenant","deactivated_at" NULLS FIRST,"id","is_active","license_type","search_text");--> statement-breakpoint
CREATE INDEX "indexed_users_by_created" ON "indexed_users" USING btree ("tenant","created_at" NULLS FIRST,"id","is_active","license_type","search_text");