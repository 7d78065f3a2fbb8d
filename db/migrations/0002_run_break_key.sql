ALTER TABLE "exceptions" ADD COLUMN "break_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "exceptions_run_break_key_idx" ON "exceptions" USING btree ("run_id","break_key");