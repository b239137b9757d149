CREATE TABLE "backup_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "backup_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"path" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"master_key_id" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"taken_by" text NOT NULL
);
