CREATE TABLE "account_requests" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"email_sealed" text NOT NULL,
	"program_id" integer NOT NULL,
	"role" text NOT NULL,
	"landing" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_requests" ADD CONSTRAINT "account_requests_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;