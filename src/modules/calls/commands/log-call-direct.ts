import { runPrepared } from '../../../db/client.js';
import { intentRow, PENDING_TARGET, type Actor } from '../../../platform/audit/index.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import type { Deps } from '../../../platform/deps.js';
import { programScope } from '../../../platform/vault/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { callSchema } from '../validators.js';
import { callAnswerColumns, callAuditDiff, hasCaller, receivedAtOf, sealedCaller } from './call-values.js';

/** Stands for the 受付番号 in the audit diff until the statement has drawn it. */
const PENDING_NUMBER = '"number":"#call-number#"';

/**
 * The call-entry API's hot path as ONE statement that PostgreSQL commits on its own: the next
 * 受付番号 (the counter row is locked only for that statement, not for a transaction of several
 * round trips — with 32 agents at once the counter is what they queue on), the call and its audit
 * entry (linked into the chain at commit by the deferred trigger, as in any transaction). It does
 * what logCall does in a transaction; the same validation runs first. A call with the caller's
 * name or number reads the program's vault key first (one read); an erased key (null) goes the
 * general way, which refuses it as before.
 */
export async function logCallDirect(deps: Deps, programId: number, actor: Actor, input: unknown): Promise<{ id: number; number: number; simple: boolean } | null> {
  const v = parseOrThrow(callSchema, input);
  const now = deps.clock.now();
  const receivedAt = receivedAtOf(v, now);
  const answer = callAnswerColumns(v);
  let sealed = sealedCaller(null, v);
  if (hasCaller(v)) {
    const box = await deps.vault.box(deps.db, programScope(programId));
    if (box.erased) return null;
    sealed = sealedCaller(box, v);
  }
  const audit = intentRow(actor, { action: 'calls.call.logged', programId, targetType: 'call_log', diff: callAuditDiff('#call-number#', answer) }, now);
  const [row] = await runPrepared<{ id: number | string; number: number | string; simple: boolean }>(deps.database, 'calls_log_call', LOG_CALL_SQL, [
    programId,
    receivedAt.toISOString(),
    tokyoDate(receivedAt),
    answer.callerType,
    answer.category,
    answer.simple,
    answer.question,
    answer.answer,
    answer.outcome,
    v.durationSeconds ?? null,
    sealed.callerNameSealed,
    sealed.callerPhoneSealed,
    sealed.phoneIndex,
    actor.userId,
    now.toISOString(),
    actor.label,
    actor.role,
    actor.ip,
    actor.requestId,
    JSON.stringify(audit.diff),
    audit.body,
  ]);
  if (!row) return null;
  return { id: Number(row.id), number: Number(row.number), simple: row.simple };
}

/**
 * $1 program, $2 received at, $3 its Tokyo day, $4–$9 caller type, category, simple, question,
 * answer, outcome, $10 duration, $11–$13 sealed name, sealed number, blind index, $14 user,
 * $15 now, $16–$19 the audit actor (label, role, ip, request id), $20–$21 the audit diff and body
 * with the number still to be put in.
 */
const LOG_CALL_SQL = `
with n as (
  insert into call_counters (program_id, last_number) values ($1::int, 1)
  on conflict (program_id) do update set last_number = call_counters.last_number + 1
  returning last_number
),
c as (
  insert into call_logs (program_id, number, received_at, day, caller_type, category, simple, question, answer, outcome, duration_seconds,
                         caller_name_sealed, caller_phone_sealed, phone_index, created_by, created_at, updated_at)
  select $1::int, n.last_number, $2::timestamptz, $3::date, $4::text, $5::text, $6::boolean, $7::text, $8::text, $9::text, $10::int,
         $11::text, $12::text, $13::text, $14::int, $15::timestamptz, $15::timestamptz
  from n
  returning id, number, simple
),
audit as (
  insert into audit_intents (at, actor_user_id, actor_label, role, program_id, action, target_type, target_id, ip, request_id, diff, body)
  select $15::timestamptz, $14::int, $16::text, $17::text, $1::int, 'calls.call.logged', 'call_log', c.id::text, $18::text, $19::text,
         jsonb_set($20::jsonb, '{number}', to_jsonb(c.number)),
         replace(replace($21::text, '${PENDING_TARGET}', '"targetId":' || to_json(c.id::text)::text), '${PENDING_NUMBER}', '"number":' || c.number::text)
  from c
)
select id, number, simple from c`;
