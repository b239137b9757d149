CREATE TABLE "records_action_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "records_action_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"program_id" integer NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"task_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "records_meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "records_meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"start_time" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"attendees_city" text NOT NULL,
	"attendees_contractor" text NOT NULL,
	"agenda" text NOT NULL,
	"minutes_status" text DEFAULT 'none' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"decisions" text DEFAULT '' NOT NULL,
	"sent_at" timestamp with time zone,
	"city_comment" text DEFAULT '' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "records_schedule_submissions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "records_schedule_submissions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"deliverable_id" integer NOT NULL,
	"version" integer NOT NULL,
	"hash" text NOT NULL,
	"tasks" jsonb NOT NULL,
	"reason" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" integer
);
--> statement-breakpoint
CREATE TABLE "records_schedule_tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "records_schedule_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"milestone" boolean DEFAULT false NOT NULL,
	"owner" text DEFAULT 'contractor' NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"depends_on" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer NOT NULL,
	"action_item_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "records_action_items" ADD CONSTRAINT "records_action_items_meeting_id_records_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."records_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_action_items" ADD CONSTRAINT "records_action_items_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_action_items" ADD CONSTRAINT "records_action_items_task_id_records_schedule_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."records_schedule_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_meetings" ADD CONSTRAINT "records_meetings_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_meetings" ADD CONSTRAINT "records_meetings_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_schedule_submissions" ADD CONSTRAINT "records_schedule_submissions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_schedule_submissions" ADD CONSTRAINT "records_schedule_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records_schedule_tasks" ADD CONSTRAINT "records_schedule_tasks_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "records_action_items_meeting" ON "records_action_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "records_meetings_program" ON "records_meetings" USING btree ("program_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "records_schedule_submissions_version" ON "records_schedule_submissions" USING btree ("program_id","version");--> statement-breakpoint
CREATE INDEX "records_schedule_tasks_program" ON "records_schedule_tasks" USING btree ("program_id","position");