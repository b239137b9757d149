CREATE TABLE "privacy_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "privacy_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"owner" text NOT NULL,
	"owner_id" integer NOT NULL,
	"storage_key" text NOT NULL,
	"sealed_key" text,
	"type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_reason" text,
	CONSTRAINT "privacy_files_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "privacy_erasures" ADD COLUMN "purged" jsonb;--> statement-breakpoint
ALTER TABLE "privacy_erasures" ADD COLUMN "backups" jsonb;--> statement-breakpoint
ALTER TABLE "privacy_files" ADD CONSTRAINT "privacy_files_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_files" ADD CONSTRAINT "privacy_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_files_owner" ON "privacy_files" USING btree ("owner","owner_id");--> statement-breakpoint
CREATE INDEX "privacy_files_program" ON "privacy_files" USING btree ("program_id");