CREATE TABLE "site_a11y_results" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "site_a11y_results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"test_id" integer NOT NULL,
	"page_url" text NOT NULL,
	"criterion" text NOT NULL,
	"result" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_a11y_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "site_a11y_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"message" text,
	"test_id" integer,
	"requested_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "site_a11y_tests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "site_a11y_tests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"tested_on" date NOT NULL,
	"standard" text NOT NULL,
	"checker" text NOT NULL,
	"pages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_by" integer,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "site_a11y_results" ADD CONSTRAINT "site_a11y_results_test_id_site_a11y_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."site_a11y_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_a11y_runs" ADD CONSTRAINT "site_a11y_runs_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_a11y_runs" ADD CONSTRAINT "site_a11y_runs_test_id_site_a11y_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."site_a11y_tests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_a11y_tests" ADD CONSTRAINT "site_a11y_tests_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "site_a11y_results_cell" ON "site_a11y_results" USING btree ("test_id","page_url","criterion");--> statement-breakpoint
CREATE INDEX "site_a11y_runs_program" ON "site_a11y_runs" USING btree ("program_id","id");--> statement-breakpoint
CREATE INDEX "site_a11y_tests_program" ON "site_a11y_tests" USING btree ("program_id","status");