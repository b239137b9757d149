CREATE TABLE "audit_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"count" bigint NOT NULL,
	"last_id" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
-- The head starts from the chain as it stands (an empty chain has no head row).
INSERT INTO audit_head (id, count, last_id, last_hash)
SELECT 1, (SELECT count(*) FROM audit_log), id, hash FROM audit_log ORDER BY id DESC LIMIT 1;
--> statement-breakpoint
-- The head cannot be deleted or truncated (it can be updated: every append does).
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- audit_append as in 0009, and it moves the head in the same statement, under the chain lock.
CREATE OR REPLACE FUNCTION audit_append(
  p_at timestamptz, p_actor_user_id integer, p_actor_label text, p_role text, p_program_id integer,
  p_action text, p_target_type text, p_target_id text, p_ip text, p_request_id text, p_diff jsonb, p_body text
) RETURNS bigint AS $$
DECLARE
  v_prev text;
  v_id bigint;
  v_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(720145002);
  SELECT hash INTO v_prev FROM audit_log ORDER BY id DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  v_hash := encode(sha256(convert_to(v_prev || E'\n' || v_id::text || E'\n' || p_body, 'UTF8')), 'hex');
  INSERT INTO audit_log (id, at, actor_user_id, actor_label, role, program_id, action, target_type, target_id, ip, request_id, diff, prev_hash, hash)
  OVERRIDING SYSTEM VALUE
  VALUES (v_id, p_at, p_actor_user_id, p_actor_label, p_role, p_program_id, p_action, p_target_type, p_target_id, p_ip, p_request_id, p_diff,
          v_prev, v_hash);
  INSERT INTO audit_head (id, count, last_id, last_hash) VALUES (1, 1, v_id, v_hash)
  ON CONFLICT (id) DO UPDATE SET count = audit_head.count + 1, last_id = excluded.last_id, last_hash = excluded.last_hash;
  RETURN v_id;
END
$$ LANGUAGE plpgsql;
