-- Appends ALL of a committing transaction's audit intents in its first deferred trigger call, in
-- the order they were written: one chain lock, one read of the chain's end and one head update per
-- transaction instead of per entry (a group of calls written by one statement: 32 entries cost
-- 0.2 ms each instead of 0.35 ms plus 1 ms per group on the embedded database). The later calls
-- find their intent already appended and return. The intents a transaction sees are its own:
-- every other transaction deletes its intents before it commits. Same entries, ids and hashes as
-- audit_append (still defined, no longer called).
CREATE OR REPLACE FUNCTION audit_intent_append() RETURNS trigger AS $$
DECLARE
  r record;
  v_prev text;
  v_id bigint;
  v_n bigint := 0;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_intents WHERE id = NEW.id) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(720145002);
  SELECT hash INTO v_prev FROM audit_log ORDER BY id DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  FOR r IN WITH taken AS (DELETE FROM audit_intents RETURNING *) SELECT * FROM taken ORDER BY id LOOP
    v_id := nextval(pg_get_serial_sequence('audit_log', 'id'));
    INSERT INTO audit_log (id, at, actor_user_id, actor_label, role, program_id, action, target_type, target_id, ip, request_id, diff, prev_hash, hash)
    OVERRIDING SYSTEM VALUE
    VALUES (v_id, r.at, r.actor_user_id, r.actor_label, r.role, r.program_id, r.action, r.target_type, r.target_id, r.ip, r.request_id, r.diff,
            v_prev, encode(sha256(convert_to(v_prev || E'\n' || v_id::text || E'\n' || r.body, 'UTF8')), 'hex'))
    RETURNING hash INTO v_prev;
    v_n := v_n + 1;
  END LOOP;
  IF v_n = 0 THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_head (id, count, last_id, last_hash) VALUES (1, v_n, v_id, v_prev)
  ON CONFLICT (id) DO UPDATE SET count = audit_head.count + v_n, last_id = excluded.last_id, last_hash = excluded.last_hash;
  RETURN NULL;
END
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
