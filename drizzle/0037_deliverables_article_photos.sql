CREATE TABLE "deliverable_article_photos" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliverable_article_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"hearing_id" integer NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"sealed_key" text NOT NULL,
	"iv" text NOT NULL,
	"tag" text NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"alt" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "deliverable_articles" ADD COLUMN "deliverable_id" integer;--> statement-breakpoint
ALTER TABLE "deliverable_articles" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliverable_articles" ADD COLUMN "published" jsonb;--> statement-breakpoint
ALTER TABLE "deliverable_article_photos" ADD CONSTRAINT "deliverable_article_photos_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_article_photos" ADD CONSTRAINT "deliverable_article_photos_hearing_id_deliverable_hearings_id_fk" FOREIGN KEY ("hearing_id") REFERENCES "public"."deliverable_hearings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliverable_article_photos_hearing" ON "deliverable_article_photos" USING btree ("hearing_id");--> statement-breakpoint
ALTER TABLE "deliverable_articles" ADD CONSTRAINT "deliverable_articles_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE set null ON UPDATE no action;