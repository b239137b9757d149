ALTER TABLE "site_content_versions" ADD COLUMN "image_type" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "site_content_versions" ADD COLUMN "image_data" text;--> statement-breakpoint
ALTER TABLE "site_content_versions" ADD COLUMN "sort_order" integer DEFAULT 0 NOT NULL;