CREATE TABLE "audit_seals" (
	"key_id" text NOT NULL,
	"entry_id" bigint NOT NULL,
	"entry_hash" text NOT NULL,
	"mac" text NOT NULL,
	CONSTRAINT "audit_seals_key_id_entry_id_pk" PRIMARY KEY("key_id","entry_id")
);
--> statement-breakpoint
-- Seals are append-only, like the entries they seal (0002).
CREATE TRIGGER audit_seals_no_update BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- The append runs with its owner's rights (the role that applied the migrations), so the app may
-- run as a role with only SELECT and INSERT on the audit tables (README: two database roles): it
-- queues intents; the deferred trigger appends them, moves the head and drops the intents.
ALTER FUNCTION audit_append(timestamptz, integer, text, text, integer, text, text, text, text, text, jsonb, text)
  SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION audit_intent_append() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
-- Entries reach the chain only through audit_intents (whose trigger calls this as the owner).
REVOKE EXECUTE ON FUNCTION audit_append(timestamptz, integer, text, text, integer, text, text, text, text, text, jsonb, text) FROM PUBLIC;
