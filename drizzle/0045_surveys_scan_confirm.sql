ALTER TABLE "survey_lotteries" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "survey_lotteries" ADD COLUMN "confirmed_by" integer;--> statement-breakpoint
ALTER TABLE "survey_paper_sheets" ADD COLUMN "scan_key_sealed" text;--> statement-breakpoint
ALTER TABLE "survey_paper_sheets" ADD COLUMN "scan_size" integer;--> statement-breakpoint
ALTER TABLE "survey_paper_sheets" ADD COLUMN "scan_uploaded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "survey_lotteries" ADD CONSTRAINT "survey_lotteries_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;