CREATE TABLE "audit_intents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_intents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp (3) with time zone NOT NULL,
	"actor_user_id" integer,
	"actor_label" text NOT NULL,
	"role" text,
	"program_id" integer,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"ip" text,
	"request_id" text,
	"diff" jsonb,
	"body" text NOT NULL
);
--> statement-breakpoint
-- Appends a committed transaction's audit entry to the chain at COMMIT (deferred), then drops the
-- intent: the chain lock (taken by audit_append) is held only from here to the commit's end.
CREATE OR REPLACE FUNCTION audit_intent_append() RETURNS trigger AS $$
BEGIN
  PERFORM audit_append(NEW.at, NEW.actor_user_id, NEW.actor_label, NEW.role, NEW.program_id, NEW.action,
                       NEW.target_type, NEW.target_id, NEW.ip, NEW.request_id, NEW.diff, NEW.body);
  DELETE FROM audit_intents WHERE id = NEW.id;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_intents_append AFTER INSERT ON audit_intents
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_intent_append();
