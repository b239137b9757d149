CREATE TABLE "records_budget_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "records_budget_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"budget" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "records_budget_lines_budget" CHECK ("records_budget_lines"."budget" >= 0)
);
--> statement-breakpoint
CREATE TABLE "records_expenses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "records_expenses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"budget_line_id" integer NOT NULL,
	"spent_on" date NOT NULL,
	"payee_sealed" text NOT NULL,
	"item" text NOT NULL,
	"amount" integer NOT NULL,
	"receipt_type" text,
	"receipt_size" integer,
	"receipt_sealed" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	CONSTRAINT "records_expenses_amount" CHECK ("records_expenses"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "records_honoraria" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "records_honoraria_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"budget_line_id" integer,
	"role" text NOT NULL,
	"payee_sealed" text NOT NULL,
	"address_sealed" text,
	"gross" integer NOT NULL,
	"withholding" integer NOT NULL,
	"net" integer NOT NULL,
	"paid_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	CONSTRAINT "records_honoraria_amounts" CHECK ("records_honoraria"."gross" > 0 and "records_honoraria"."withholding" >= 0 and "records_honoraria"."net" = "records_honoraria"."gross" - "records_honoraria"."withholding")
);
--> statement-breakpoint
CREATE TABLE "records_monthly_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "records_monthly_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"month" text NOT NULL,
	"figures" jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"issues" text DEFAULT '' NOT NULL,
	"plans" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by" integer,
	"received_at" timestamp with time zone,
	"received_by" integer
);
--> statement-breakpoint
CREATE TABLE "records_notices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "records_notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"kind" text NOT NULL,
	"issued_on" date NOT NULL,
	"fingerprint" text NOT NULL,
	"version_number" integer,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
ALTER TABLE "records_budget_lines" ADD CONSTRAINT "records_budget_lines_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_expenses" ADD CONSTRAINT "records_expenses_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_expenses" ADD CONSTRAINT "records_expenses_budget_line_id_records_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."records_budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_expenses" ADD CONSTRAINT "records_expenses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_honoraria" ADD CONSTRAINT "records_honoraria_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_honoraria" ADD CONSTRAINT "records_honoraria_budget_line_id_records_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."records_budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_honoraria" ADD CONSTRAINT "records_honoraria_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_monthly_reports" ADD CONSTRAINT "records_monthly_reports_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_monthly_reports" ADD CONSTRAINT "records_monthly_reports_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_monthly_reports" ADD CONSTRAINT "records_monthly_reports_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_notices" ADD CONSTRAINT "records_notices_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_notices" ADD CONSTRAINT "records_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "records_budget_lines_name" ON "records_budget_lines" USING btree ("program_id","name");--> statement-breakpoint
CREATE INDEX "records_expenses_program" ON "records_expenses" USING btree ("program_id","spent_on");--> statement-breakpoint
CREATE INDEX "records_honoraria_program" ON "records_honoraria" USING btree ("program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "records_monthly_reports_month" ON "records_monthly_reports" USING btree ("program_id","month");--> statement-breakpoint
CREATE INDEX "records_notices_program" ON "records_notices" USING btree ("program_id","kind");