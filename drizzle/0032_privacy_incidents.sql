CREATE TABLE "privacy_incident_updates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "privacy_incident_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"incident_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" integer,
	"kind" text NOT NULL,
	"note" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_incidents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "privacy_incidents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"title" text NOT NULL,
	"occurred_on" date,
	"discovered_on" date NOT NULL,
	"data_kinds" text NOT NULL,
	"people" integer,
	"cause" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"prevention" text DEFAULT '' NOT NULL,
	"reportable" boolean NOT NULL,
	"malicious" boolean NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"preliminary_due_on" date,
	"final_due_on" date,
	"preliminary_reported_on" date,
	"final_reported_on" date,
	"reported_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "privacy_incident_updates" ADD CONSTRAINT "privacy_incident_updates_incident_id_privacy_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."privacy_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incident_updates" ADD CONSTRAINT "privacy_incident_updates_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incidents" ADD CONSTRAINT "privacy_incidents_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incidents" ADD CONSTRAINT "privacy_incidents_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_incident_updates_incident" ON "privacy_incident_updates" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "privacy_incidents_program" ON "privacy_incidents" USING btree ("program_id","status");