CREATE TABLE "call_counters" (
	"program_id" integer PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_cti_tokens" (
	"program_id" integer PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_cti_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "call_faq" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "call_faq_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"category" text NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"question_en" text DEFAULT '' NOT NULL,
	"answer_en" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"from_call_id" integer,
	"call_count" integer DEFAULT 0 NOT NULL,
	"comment" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_line_plans" (
	"program_id" integer NOT NULL,
	"day" date NOT NULL,
	"lines" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_logs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "call_logs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"number" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"caller_type" text,
	"category" text,
	"simple" boolean NOT NULL,
	"question" text,
	"answer" text,
	"outcome" text,
	"duration_seconds" integer,
	"caller_name_sealed" text,
	"caller_phone_sealed" text,
	"phone_index" text,
	"cti_call_id" text,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"missed" boolean DEFAULT false NOT NULL,
	"callback_done_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_tally_submissions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "call_tally_submissions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"period" text NOT NULL,
	"period_key" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"on_time" boolean,
	"total" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_counters" ADD CONSTRAINT "call_counters_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_cti_tokens" ADD CONSTRAINT "call_cti_tokens_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_faq" ADD CONSTRAINT "call_faq_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_line_plans" ADD CONSTRAINT "call_line_plans_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_tally_submissions" ADD CONSTRAINT "call_tally_submissions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_faq_program" ON "call_faq" USING btree ("program_id","status","category");--> statement-breakpoint
CREATE UNIQUE INDEX "call_line_plans_day" ON "call_line_plans" USING btree ("program_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "call_logs_number" ON "call_logs" USING btree ("program_id","number");--> statement-breakpoint
CREATE INDEX "call_logs_day" ON "call_logs" USING btree ("program_id","day","caller_type","category");--> statement-breakpoint
CREATE INDEX "call_logs_phone" ON "call_logs" USING btree ("program_id","phone_index") WHERE "call_logs"."phone_index" is not null;--> statement-breakpoint
CREATE INDEX "call_logs_callbacks" ON "call_logs" USING btree ("program_id","id") WHERE "call_logs"."outcome" = 'callback' and "call_logs"."callback_done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "call_logs_cti" ON "call_logs" USING btree ("program_id","cti_call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_tally_submissions_key" ON "call_tally_submissions" USING btree ("program_id","period","period_key");