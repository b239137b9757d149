ALTER TABLE "payment_batches" ADD COLUMN "zengin_sha256" text;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "zengin_exported_at" timestamp with time zone;