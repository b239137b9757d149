import { oncePer, runPrepared } from '../../../db/client.js';
import { intentRow, PENDING_TARGET, type Actor } from '../../../platform/audit/index.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import type { Deps } from '../../../platform/deps.js';
import { GroupWrite } from '../../../platform/group-write.js';
import { liveKeySql, programScope, type Scope } from '../../../platform/vault/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { callSchema } from '../validators.js';
import { callAnswerColumns, callAuditDiff, hasCaller, receivedAtOf, sealedCaller } from './call-values.js';

/** Stands for the 受付番号 in the audit diff until the statement has drawn it. */
const PENDING_NUMBER = '"number":"#call-number#"';

type Logged = { id: number; number: number; simple: boolean };

/** One call ready to write: its columns, sealed caller and audit entry (the number still to draw). */
interface Entry {
  scope: Scope | null;
  row: Record<string, unknown>;
}

/**
 * The call-entry API's hot path: the call, its 受付番号 and its audit entry written by ONE statement
 * that PostgreSQL commits on its own, together with the other calls to the same program that came
 * in while the previous statement was in flight (GroupWrite). Every call draws its number from the
 * program's counter row, locked until the commit: with 32 agents at once, calls sent one by one
 * queue on that row one commit after another; grouped, one commit carries them all. It does what
 * logCall does in a transaction; the same validation runs first.
 *
 * A call with the caller's name or number is sealed with the program's key kept between requests
 * (`vault.keptBox`); the statement itself checks that the key still exists and writes nothing when
 * it was destroyed meanwhile, on any instance. Null means "go the general way" (logCall), which
 * reads the key afresh and refuses an erased one as before — also for each call of a group whose
 * statement failed, so one bad call never fails the others.
 */
export async function logCallDirect(deps: Deps, programId: number, actor: Actor, input: unknown): Promise<Logged | null> {
  const v = parseOrThrow(callSchema, input);
  const now = deps.clock.now();
  const receivedAt = receivedAtOf(v, now);
  const answer = callAnswerColumns(v);
  const scope = hasCaller(v) ? programScope(programId) : null;
  let sealed = sealedCaller(null, v);
  if (scope) {
    const box = await deps.vault.keptBox(deps.db, scope);
    if (box.erased) return null;
    sealed = sealedCaller(box, v);
  }
  const audit = intentRow(actor, { action: 'calls.call.logged', programId, targetType: 'call_log', diff: callAuditDiff('#call-number#', answer) }, now);
  const row = {
    received_at: receivedAt.toISOString(),
    day: tokyoDate(receivedAt),
    caller_type: answer.callerType,
    category: answer.category,
    simple: answer.simple,
    question: answer.question,
    answer: answer.answer,
    outcome: answer.outcome,
    duration_seconds: v.durationSeconds ?? null,
    name_sealed: sealed.callerNameSealed,
    phone_sealed: sealed.callerPhoneSealed,
    phone_index: sealed.phoneIndex,
    user_id: audit.actorUserId,
    at: now.toISOString(),
    label: audit.actorLabel,
    role: audit.role,
    ip: audit.ip,
    request_id: audit.requestId,
    diff: audit.diff,
    body: audit.body,
  };
  return groupFor(deps, programId).submit({ scope, row });
}

const groups = oncePer((_: Deps) => new Map<number, GroupWrite<Entry, Logged | null>>());

function groupFor(deps: Deps, programId: number): GroupWrite<Entry, Logged | null> {
  const map = groups(deps);
  let g = map.get(programId);
  // Two statements in flight keep PostgreSQL busy as the counter's lock passes; the embedded
  // database runs one statement at a time anyway, so there the next group only grows meanwhile,
  // and a group still growing waits up to 16 event-loop turns so a burst is not split in two.
  if (!g) {
    const pooled = deps.database.raw.pool !== undefined;
    map.set(programId, (g = new GroupWrite((entries) => writeGroup(deps, programId, entries), 64, pooled ? 2 : 1, pooled ? 0 : 16)));
  }
  return g;
}

async function writeGroup(deps: Deps, programId: number, entries: Entry[]): Promise<Array<Logged | null>> {
  const scope = entries.find((e) => e.scope)?.scope ?? null;
  let rows: Array<{ id: number | string; number: number | string; simple: boolean; i: number }>;
  try {
    rows = await runPrepared(deps.database, 'calls_log_calls', LOG_CALLS_SQL, [programId, JSON.stringify(entries.map((e, i) => ({ i, ...e.row }))), entries.length, scope]);
  } catch (e) {
    if (entries.length === 1) throw e;
    return entries.map(() => null);
  }
  if (!rows.length) {
    // The key was destroyed since it was kept: the general way reads it afresh and refuses.
    if (scope) deps.vault.forgetKept(scope);
    return entries.map(() => null);
  }
  const answers: Array<Logged | null> = entries.map(() => null);
  for (const r of rows) answers[Number(r.i)] = { id: Number(r.id), number: Number(r.number), simple: r.simple };
  return answers;
}

/**
 * $1 program, $2 the calls as a JSON array (their columns, sealed caller, audit actor, diff and
 * body with the number still to be put in; `i` their order), $3 how many, $4 the vault scope of
 * the sealed values (null: none), whose key must still exist, else nothing is written (not even
 * the counter). The calls take the next $3 numbers in their order.
 */
const LOG_CALLS_SQL = `
with input as (
  select * from jsonb_to_recordset($2::jsonb) as t(
    i int, received_at timestamptz, day date, caller_type text, category text, simple boolean, question text, answer text,
    outcome text, duration_seconds int, name_sealed text, phone_sealed text, phone_index text, user_id int, at timestamptz,
    label text, role text, ip text, request_id text, diff jsonb, body text)
),
n as (
  insert into call_counters (program_id, last_number) select $1::int, $3::int where ${liveKeySql('$4')}
  on conflict (program_id) do update set last_number = call_counters.last_number + $3::int
  returning last_number - $3::int as first_before
),
c as (
  insert into call_logs (program_id, number, received_at, day, caller_type, category, simple, question, answer, outcome, duration_seconds,
                         caller_name_sealed, caller_phone_sealed, phone_index, created_by, created_at, updated_at)
  select $1::int, n.first_before + 1 + i.i, i.received_at, i.day, i.caller_type, i.category, i.simple, i.question, i.answer, i.outcome,
         i.duration_seconds, i.name_sealed, i.phone_sealed, i.phone_index, i.user_id, i.at, i.at
  from input i, n
  order by i.i
  returning id, number, simple
),
audit as (
  insert into audit_intents (at, actor_user_id, actor_label, role, program_id, action, target_type, target_id, ip, request_id, diff, body)
  select i.at, i.user_id, i.label, i.role, $1::int, 'calls.call.logged', 'call_log', c.id::text, i.ip, i.request_id,
         jsonb_set(i.diff, '{number}', to_jsonb(c.number)),
         replace(replace(i.body, '${PENDING_TARGET}', '"targetId":' || to_json(c.id::text)::text), '${PENDING_NUMBER}', '"number":' || c.number::text)
  from c, n, input i
  where c.number = n.first_before + 1 + i.i
  order by c.number
)
select c.id, c.number, c.simple, (c.number - n.first_before - 1)::int as i from c, n`;
