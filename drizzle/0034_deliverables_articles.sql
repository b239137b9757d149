CREATE TABLE "deliverable_articles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliverable_articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"hearing_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"speaker_title" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliverable_articles" ADD CONSTRAINT "deliverable_articles_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_articles" ADD CONSTRAINT "deliverable_articles_hearing_id_deliverable_hearings_id_fk" FOREIGN KEY ("hearing_id") REFERENCES "public"."deliverable_hearings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliverable_articles_hearing" ON "deliverable_articles" USING btree ("hearing_id");