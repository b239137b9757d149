DROP INDEX "campaign_applications_license";--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "license_number" text;--> statement-breakpoint
CREATE INDEX "campaign_applications_license_number" ON "campaign_applications" USING btree ("program_id","license_number");--> statement-breakpoint
CREATE UNIQUE INDEX "facilities_license" ON "facilities" USING btree ("program_id","license_number") WHERE "facilities"."license_number" is not null and "facilities"."status" <> 'withdrawn';