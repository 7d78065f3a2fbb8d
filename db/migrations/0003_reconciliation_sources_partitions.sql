CREATE TYPE "public"."partition_kind" AS ENUM('none', 'currency', 'account', 'date');--> statement-breakpoint
ALTER TABLE "reconciliations" ADD COLUMN "external_drop_folder" text;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD COLUMN "internal_drop_folder" text;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD COLUMN "external_import_id" text;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD COLUMN "internal_import_id" text;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD COLUMN "partition_by" "partition_kind" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD COLUMN "partition_days" integer DEFAULT 7 NOT NULL;