-- Appends one audit entry to the hash chain in a single statement: take the chain lock, read the
-- previous hash, reserve the id and insert with hash = sha256(prev || '\n' || id || '\n' || body).
-- One round trip keeps the section under the lock short, which bounds the write throughput of
-- every audited command. `body` is the canonical JSON of the entry's fields, made by the
-- application (src/platform/audit/hash.ts), which also verifies the chain.
CREATE OR REPLACE FUNCTION audit_append(
  p_at timestamptz, p_actor_user_id integer, p_actor_label text, p_role text, p_program_id integer,
  p_action text, p_target_type text, p_target_id text, p_ip text, p_request_id text, p_diff jsonb, p_body text
) RETURNS bigint AS $$
DECLARE
  v_prev text;
  v_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(720145002);
  SELECT hash INTO v_prev FROM audit_log ORDER BY id DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  INSERT INTO audit_log (id, at, actor_user_id, actor_label, role, program_id, action, target_type, target_id, ip, request_id, diff, prev_hash, hash)
  OVERRIDING SYSTEM VALUE
  VALUES (v_id, p_at, p_actor_user_id, p_actor_label, p_role, p_program_id, p_action, p_target_type, p_target_id, p_ip, p_request_id, p_diff,
          v_prev, encode(sha256(convert_to(v_prev || E'\n' || v_id::text || E'\n' || p_body, 'UTF8')), 'hex'));
  RETURN v_id;
END
$$ LANGUAGE plpgsql;
