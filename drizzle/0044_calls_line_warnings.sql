CREATE TABLE "call_line_warnings" (
	"program_id" integer NOT NULL,
	"day" date NOT NULL,
	"planned" integer NOT NULL,
	"required" integer NOT NULL,
	"warned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_line_warnings" ADD CONSTRAINT "call_line_warnings_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_line_warnings_day" ON "call_line_warnings" USING btree ("program_id","day");