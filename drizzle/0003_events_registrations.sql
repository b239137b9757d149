CREATE TABLE "event_counters" (
	"program_id" integer PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_groups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"number" integer NOT NULL,
	"facilitator" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_program_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_program_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"position" integer NOT NULL,
	"start_time" text NOT NULL,
	"minutes" integer NOT NULL,
	"title" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"speakers" text DEFAULT '' NOT NULL,
	"streamed" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"attendance" text NOT NULL,
	"channel" text NOT NULL,
	"received_on" date NOT NULL,
	"name_sealed" text NOT NULL,
	"name_kana_sealed" text NOT NULL,
	"organization_sealed" text,
	"org_role_sealed" text,
	"email_sealed" text,
	"phone_sealed" text,
	"fax_sealed" text,
	"accommodations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accommodation_note_sealed" text,
	"question_sealed" text,
	"kana_index" text NOT NULL,
	"email_index" text,
	"phone_index" text,
	"fax_index" text,
	"org_index" text,
	"possible_duplicate_of" integer,
	"merged_into" integer,
	"link_nonce" text NOT NULL,
	"token_hash" text NOT NULL,
	"print_status" text,
	"print_sent_at" timestamp with time zone,
	"group_id" integer,
	"checked_in_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_counters" ADD CONSTRAINT "event_counters_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_groups" ADD CONSTRAINT "event_groups_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_program_items" ADD CONSTRAINT "event_program_items_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_groups_number" ON "event_groups" USING btree ("program_id","number");--> statement-breakpoint
CREATE INDEX "event_program_items_program" ON "event_program_items" USING btree ("program_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_number" ON "event_registrations" USING btree ("program_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_token" ON "event_registrations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "event_registrations_status" ON "event_registrations" USING btree ("program_id","status","attendance","number");--> statement-breakpoint
CREATE INDEX "event_registrations_kana" ON "event_registrations" USING btree ("program_id","kana_index");--> statement-breakpoint
CREATE INDEX "event_registrations_print" ON "event_registrations" USING btree ("program_id","print_status") WHERE "event_registrations"."print_status" is not null;