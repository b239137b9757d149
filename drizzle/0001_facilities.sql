CREATE TABLE "facilities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "facilities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"name" text NOT NULL,
	"name_kana" text NOT NULL,
	"type" text NOT NULL,
	"postal_code" text NOT NULL,
	"address" text NOT NULL,
	"ward" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"rooms" integer,
	"features" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"registration_number" text,
	"registered_on" date,
	"status" text DEFAULT 'registered' NOT NULL,
	"sold_out_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facilities_program" ON "facilities" USING btree ("program_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "facilities_registration_number" ON "facilities" USING btree ("program_id","registration_number") WHERE "facilities"."registration_number" is not null;