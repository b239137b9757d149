CREATE TABLE "site_content_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "site_content_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"content_id" integer NOT NULL,
	"program_id" integer NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"body_ja" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"link_url" text DEFAULT '' NOT NULL,
	"image_url" text DEFAULT '' NOT NULL,
	"alt_ja" text DEFAULT '' NOT NULL,
	"alt_en" text DEFAULT '' NOT NULL,
	"publish_at" timestamp with time zone,
	"restored_from" integer,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_by" integer,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "site_contents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "site_contents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_index_versions" (
	"program_id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "site_content_versions" ADD CONSTRAINT "site_content_versions_content_id_site_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."site_contents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_contents" ADD CONSTRAINT "site_contents_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "site_content_versions_number" ON "site_content_versions" USING btree ("content_id","number");--> statement-breakpoint
CREATE INDEX "site_content_versions_live" ON "site_content_versions" USING btree ("program_id","status","publish_at") WHERE "site_content_versions"."status" = 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "site_contents_key" ON "site_contents" USING btree ("program_id","key");--> statement-breakpoint
CREATE INDEX "site_contents_kind" ON "site_contents" USING btree ("program_id","kind");--> statement-breakpoint
-- The public facility search answers from an in-process index on every app instance. Any change to
-- a program's facilities bumps that program's version here; instances compare it (at most once a
-- second) with the version their index was built from and rebuild when it moved.
CREATE OR REPLACE FUNCTION site_bump_index_version() RETURNS trigger AS $$
DECLARE
  pid integer;
BEGIN
  IF TG_OP = 'DELETE' THEN
    pid := OLD.program_id;
  ELSE
    pid := NEW.program_id;
  END IF;
  INSERT INTO site_index_versions (program_id, version, updated_at) VALUES (pid, 1, now())
  ON CONFLICT (program_id) DO UPDATE SET version = site_index_versions.version + 1, updated_at = now();
  IF TG_OP = 'UPDATE' AND OLD.program_id <> NEW.program_id THEN
    INSERT INTO site_index_versions (program_id, version, updated_at) VALUES (OLD.program_id, 1, now())
    ON CONFLICT (program_id) DO UPDATE SET version = site_index_versions.version + 1, updated_at = now();
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER facilities_bump_site_index AFTER INSERT OR UPDATE OR DELETE ON facilities
  FOR EACH ROW EXECUTE FUNCTION site_bump_index_version();
