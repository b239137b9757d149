CREATE TABLE "privacy_handovers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "privacy_handovers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"direction" text NOT NULL,
	"planned_on" date NOT NULL,
	"place" text NOT NULL,
	"people" text NOT NULL,
	"content" text NOT NULL,
	"quantity" text NOT NULL,
	"route" text DEFAULT '' NOT NULL,
	"packing" text DEFAULT '' NOT NULL,
	"use_until" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"contractor_confirmed_by" integer,
	"contractor_confirmed_at" timestamp with time zone,
	"city_confirmed_by" integer,
	"city_confirmed_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "privacy_handovers" ADD CONSTRAINT "privacy_handovers_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_handovers" ADD CONSTRAINT "privacy_handovers_contractor_confirmed_by_users_id_fk" FOREIGN KEY ("contractor_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_handovers" ADD CONSTRAINT "privacy_handovers_city_confirmed_by_users_id_fk" FOREIGN KEY ("city_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_handovers_program" ON "privacy_handovers" USING btree ("program_id");