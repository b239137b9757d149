CREATE TABLE "privacy_erasures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "privacy_erasures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"executed_at" timestamp with time zone NOT NULL,
	"performed_by" text NOT NULL,
	"verified_by" text,
	"holdings" jsonb NOT NULL,
	"verification" jsonb NOT NULL,
	"master_rotated" boolean NOT NULL,
	"old_master_key_id" text NOT NULL,
	"new_master_key_id" text,
	"certificate_due_on" date NOT NULL,
	"certificate_issued_at" timestamp with time zone,
	CONSTRAINT "privacy_erasures_program_id_unique" UNIQUE("program_id")
);
--> statement-breakpoint
ALTER TABLE "privacy_erasures" ADD CONSTRAINT "privacy_erasures_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;