CREATE TABLE "survey_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"response_id" integer NOT NULL,
	"name_sealed" text,
	"postal_code_sealed" text,
	"address_sealed" text,
	"phone_sealed" text,
	"email_sealed" text,
	"email_index" text NOT NULL,
	"phone_index" text NOT NULL,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_lotteries" (
	"program_id" integer PRIMARY KEY NOT NULL,
	"seed_hash" text NOT NULL,
	"seed_sealed" text NOT NULL,
	"committed_at" timestamp with time zone NOT NULL,
	"seed" text,
	"entry_list_hash" text,
	"entry_count" integer,
	"winners" integer,
	"alternates" integer,
	"drawn_order" jsonb,
	"drawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_paper_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_paper_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sheet_id" integer NOT NULL,
	"pass" integer NOT NULL,
	"entered_by" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_paper_sheets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_paper_sheets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"number" integer NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"facility_code" text,
	"scan" text,
	"scan_type" text,
	"response_id" integer,
	"settled_by" integer,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_prizes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_prizes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"name" text NOT NULL,
	"stock" integer NOT NULL,
	"kept_at" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_questionnaires" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_questionnaires_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"title_en" text,
	"questions" jsonb NOT NULL,
	"decision_comment" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"channel" text NOT NULL,
	"facility_code" text,
	"answers" jsonb NOT NULL,
	"receipt" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_shipments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_shipments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"prize_id" integer NOT NULL,
	"status" text DEFAULT 'preparing' NOT NULL,
	"carrier" text,
	"tracking_number" text,
	"decision_note" text,
	"replaces" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_entries" ADD CONSTRAINT "survey_entries_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_entries" ADD CONSTRAINT "survey_entries_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_lotteries" ADD CONSTRAINT "survey_lotteries_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_paper_entries" ADD CONSTRAINT "survey_paper_entries_sheet_id_survey_paper_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."survey_paper_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_paper_entries" ADD CONSTRAINT "survey_paper_entries_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_paper_sheets" ADD CONSTRAINT "survey_paper_sheets_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_paper_sheets" ADD CONSTRAINT "survey_paper_sheets_questionnaire_id_survey_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."survey_questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_paper_sheets" ADD CONSTRAINT "survey_paper_sheets_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_paper_sheets" ADD CONSTRAINT "survey_paper_sheets_settled_by_users_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_prizes" ADD CONSTRAINT "survey_prizes_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questionnaires" ADD CONSTRAINT "survey_questionnaires_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questionnaires" ADD CONSTRAINT "survey_questionnaires_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_questionnaire_id_survey_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."survey_questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_shipments" ADD CONSTRAINT "survey_shipments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_shipments" ADD CONSTRAINT "survey_shipments_entry_id_survey_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."survey_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_shipments" ADD CONSTRAINT "survey_shipments_prize_id_survey_prizes_id_fk" FOREIGN KEY ("prize_id") REFERENCES "public"."survey_prizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_entries_email" ON "survey_entries" USING btree ("program_id","email_index");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_entries_phone" ON "survey_entries" USING btree ("program_id","phone_index");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_entries_response" ON "survey_entries" USING btree ("response_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_paper_entries_pass" ON "survey_paper_entries" USING btree ("sheet_id","pass");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_paper_entries_user" ON "survey_paper_entries" USING btree ("sheet_id","entered_by");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_paper_sheets_number" ON "survey_paper_sheets" USING btree ("program_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questionnaires_version" ON "survey_questionnaires" USING btree ("program_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_receipt" ON "survey_responses" USING btree ("receipt");--> statement-breakpoint
CREATE INDEX "survey_responses_program" ON "survey_responses" USING btree ("program_id","created_at");--> statement-breakpoint
CREATE INDEX "survey_responses_facility" ON "survey_responses" USING btree ("program_id","facility_code");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_shipments_entry" ON "survey_shipments" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "survey_shipments_status" ON "survey_shipments" USING btree ("program_id","status") WHERE "survey_shipments"."status" <> 'delivered';