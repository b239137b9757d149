CREATE TABLE "campaign_application_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_application_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"application_id" integer NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" integer,
	"actor_role" text,
	"text" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"number" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"channel" text DEFAULT 'web' NOT NULL,
	"applicant_user_id" integer,
	"facility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"personal" text,
	"contact_email_index" text,
	"license_number" text,
	"license_issued_on" text,
	"agreed_at" timestamp with time zone,
	"assignee_user_id" integer,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"returned_snapshot" jsonb,
	"city_question" text,
	"city_answer" text,
	"city_recommendation" text,
	"last_reason" text,
	"facility_id" integer,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"application_id" integer NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_notices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" integer,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "application_id" integer;--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "pending_profile" jsonb;--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "pending_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_application_events" ADD CONSTRAINT "campaign_application_events_application_id_campaign_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."campaign_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_applications" ADD CONSTRAINT "campaign_applications_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_documents" ADD CONSTRAINT "campaign_documents_application_id_campaign_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."campaign_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_notices" ADD CONSTRAINT "campaign_notices_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_application_events_app" ON "campaign_application_events" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "campaign_applications_program" ON "campaign_applications" USING btree ("program_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_applications_number" ON "campaign_applications" USING btree ("program_id","number") WHERE "campaign_applications"."number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_applications_license" ON "campaign_applications" USING btree ("program_id","license_number") WHERE "campaign_applications"."license_number" is not null and "campaign_applications"."status" not in ('draft', 'rejected');--> statement-breakpoint
CREATE INDEX "campaign_applications_applicant" ON "campaign_applications" USING btree ("applicant_user_id");--> statement-breakpoint
CREATE INDEX "campaign_documents_app" ON "campaign_documents" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "campaign_notices_program" ON "campaign_notices" USING btree ("program_id","published_at");