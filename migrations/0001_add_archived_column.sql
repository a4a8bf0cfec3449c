ALTER TABLE "health_companion"."threads" ADD COLUMN "archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "idx_threads_user_archived" ON "health_companion"."threads" USING btree ("user_id","archived");
