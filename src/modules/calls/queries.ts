import { and, asc, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';
import { addDays, daysInMonth, tokyoDate as tokyoDateOf } from '../../platform/calendar/index.js';
import { callFaq, callLogs, callTallySubmissions, CALLER_TYPES, CATEGORIES, type CallerType, type Category, type Period } from './schema.js';

export type Counts<K extends string> = Record<K, number>;

export interface Tally {
  total: number;
  simple: number;
  missed: number;
  byCallerType: Counts<CallerType>;
  byCategory: Counts<Category>;
  /** caller type × category, for the report's table. */
  cross: Record<CallerType, Counts<Category>>;
}

const zeros = <K extends string>(keys: readonly K[]): Counts<K> => Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;

function emptyTally(): Tally {
  return {
    total: 0,
    simple: 0,
    missed: 0,
    byCallerType: zeros(CALLER_TYPES),
    byCategory: zeros(CATEGORIES),
    cross: Object.fromEntries(CALLER_TYPES.map((t) => [t, zeros(CATEGORIES)])) as Tally['cross'],
  };
}

interface Row {
  day: string;
  caller_type: CallerType | null;
  category: Category | null;
  simple: boolean;
  missed: boolean;
  n: number;
}

function add(t: Tally, r: Row): void {
  const n = Number(r.n);
  if (!r.caller_type || !r.category) {
    // A call the phone system opened and no agent completed: a missed call, or one to complete.
    if (r.missed) t.missed += n;
    return;
  }
  t.total += n;
  if (r.simple) t.simple += n;
  t.byCallerType[r.caller_type] += n;
  t.byCategory[r.category] += n;
  t.cross[r.caller_type][r.category] += n;
}

async function groupedRows(conn: Conn, programId: number, from: string, to: string): Promise<Row[]> {
  return queryRows<Row>(
    conn,
    sql`select day::text as day, caller_type, category, simple, missed, count(*)::int as n
        from call_logs where program_id = ${programId} and day >= ${from} and day <= ${to}
        group by day, caller_type, category, simple, missed`,
  );
}

/** The calls of one Asia/Tokyo day, by caller type and category (count-only and detailed alike). */
export async function dailyTally(conn: Conn, programId: number, day: string): Promise<Tally> {
  const t = emptyTally();
  for (const r of await groupedRows(conn, programId, day, day)) add(t, r);
  return t;
}

/** The calls of a month (`YYYY-MM`), with the total of each day of it. */
export async function monthlyTally(conn: Conn, programId: number, month: string): Promise<Tally & { byDay: Array<{ date: string; total: number }> }> {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  const last = addDays(first, daysInMonth(y, m) - 1);
  const t = emptyTally();
  const perDay = new Map<string, number>();
  for (const r of await groupedRows(conn, programId, first, last)) {
    add(t, r);
    if (r.caller_type && r.category) perDay.set(r.day, (perDay.get(r.day) ?? 0) + Number(r.n));
  }
  const byDay: Array<{ date: string; total: number }> = [];
  for (let d = first; d <= last; d = addDays(d, 1)) byDay.push({ date: d, total: perDay.get(d) ?? 0 });
  return { ...t, byDay };
}

export async function findSubmission(conn: Conn, programId: number, period: Period, key: string) {
  const [row] = await conn
    .select()
    .from(callTallySubmissions)
    .where(and(eq(callTallySubmissions.programId, programId), eq(callTallySubmissions.period, period), eq(callTallySubmissions.periodKey, key)));
  return row;
}

export async function findCall(conn: Conn, id: number) {
  const [row] = await conn.select().from(callLogs).where(eq(callLogs.id, id));
  return row;
}

/** Calls waiting for a callback (要折り返し), oldest first. */
export async function openCallbacks(conn: Conn, programId: number, limit = 100) {
  return conn
    .select({ id: callLogs.id, number: callLogs.number, receivedAt: callLogs.receivedAt, callerType: callLogs.callerType, category: callLogs.category, question: callLogs.question })
    .from(callLogs)
    .where(and(eq(callLogs.programId, programId), eq(callLogs.outcome, 'callback'), isNull(callLogs.callbackDoneAt)))
    .orderBy(asc(callLogs.id))
    .limit(limit);
}

export async function countOpenCallbacks(conn: Conn, programId: number): Promise<{ count: number; oldest: Date | null }> {
  const [r] = await queryRows<{ n: number; oldest: string | null }>(
    conn,
    sql`select count(*)::int as n, min(received_at)::text as oldest from call_logs where program_id = ${programId} and outcome = 'callback' and callback_done_at is null`,
  );
  return { count: Number(r?.n ?? 0), oldest: r?.oldest ? new Date(r.oldest) : null };
}

/** Calls the phone system opened that no agent has completed yet (newest first). */
export async function openCtiCalls(conn: Conn, programId: number, limit = 20) {
  return conn
    .select({ id: callLogs.id, number: callLogs.number, receivedAt: callLogs.receivedAt, missed: callLogs.missed, durationSeconds: callLogs.durationSeconds })
    .from(callLogs)
    .where(and(eq(callLogs.programId, programId), isNull(callLogs.callerType)))
    .orderBy(desc(callLogs.id))
    .limit(limit);
}

/** Past calls whose question or answer contains `q` (newest first); no personal data. */
export async function searchCalls(conn: Conn, programId: number, q: string, limit = 30) {
  const like = `%${q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
  return conn
    .select({ id: callLogs.id, number: callLogs.number, receivedAt: callLogs.receivedAt, callerType: callLogs.callerType, category: callLogs.category, question: callLogs.question, answer: callLogs.answer, outcome: callLogs.outcome })
    .from(callLogs)
    .where(and(eq(callLogs.programId, programId), or(ilike(callLogs.question, like), ilike(callLogs.answer, like))))
    .orderBy(desc(callLogs.id))
    .limit(limit);
}

/** Earlier calls from one number (its blind index), newest first. */
export async function callsByPhoneIndex(conn: Conn, programId: number, phoneIndex: string, limit = 20) {
  return conn
    .select({ id: callLogs.id, number: callLogs.number, receivedAt: callLogs.receivedAt, callerType: callLogs.callerType, category: callLogs.category, question: callLogs.question, answer: callLogs.answer, outcome: callLogs.outcome })
    .from(callLogs)
    .where(and(eq(callLogs.programId, programId), eq(callLogs.phoneIndex, phoneIndex)))
    .orderBy(desc(callLogs.id))
    .limit(limit);
}

/** Tallies prepared and not yet submitted (the operator's inbox), with the earliest deadline. */
export async function pendingTallies(conn: Conn, programId: number, period: Period): Promise<{ count: number; oldest: Date | null; due: string | null }> {
  const [r] = await queryRows<{ n: number; oldest: string | null; due: string | null }>(
    conn,
    sql`select count(*)::int as n, min(created_at)::text as oldest, min(due_at)::text as due from call_tally_submissions where program_id = ${programId} and period = ${period} and submitted_at is null`,
  );
  return { count: Number(r?.n ?? 0), oldest: r?.oldest ? new Date(r.oldest) : null, due: r?.due ? tokyoDateOf(new Date(r.due)) : null };
}

/** Tallies submitted in the last `days` days, on time and late (the City's inbox). */
export async function recentSubmissions(conn: Conn, programId: number, since: Date) {
  return conn
    .select()
    .from(callTallySubmissions)
    .where(and(eq(callTallySubmissions.programId, programId), sql`${callTallySubmissions.submittedAt} >= ${since.toISOString()}::timestamptz`))
    .orderBy(desc(callTallySubmissions.submittedAt));
}

export async function listSubmissions(conn: Conn, programId: number, limit = 60) {
  return conn.select().from(callTallySubmissions).where(eq(callTallySubmissions.programId, programId)).orderBy(desc(callTallySubmissions.periodKey)).limit(limit);
}

export async function linePlans(conn: Conn, programId: number, from: string, to: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ day: string; lines: number }>(conn, sql`select day::text as day, lines from call_line_plans where program_id = ${programId} and day >= ${from} and day <= ${to}`);
  return new Map(rows.map((r) => [r.day, Number(r.lines)]));
}
