CREATE TABLE "deliverable_hearings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliverable_hearings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"group_name" text NOT NULL,
	"contact_sealed" text,
	"visit_on" date,
	"place" text DEFAULT '' NOT NULL,
	"city_staff" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'candidate' NOT NULL,
	"honorarium_yen" integer DEFAULT 10000 NOT NULL,
	"honorarium_paid_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliverable_hearings" ADD CONSTRAINT "deliverable_hearings_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliverable_hearings_program" ON "deliverable_hearings" USING btree ("program_id");