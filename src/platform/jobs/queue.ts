import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';
import { jobs, type Job } from './schema.js';
import { redactPersonal } from '../log/redact.js';

export interface EnqueueInput {
  kind: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  /** A second enqueue with the same key is ignored: makes scheduling and retries of callers idempotent. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Enqueues inside the caller's transaction, so the job exists exactly when the change does. */
export async function enqueueJob(conn: Conn, input: EnqueueInput): Promise<number | null> {
  const rows = await conn
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: input.payload ?? {},
      runAt: input.runAt ?? new Date(),
      dedupeKey: input.dedupeKey,
      maxAttempts: input.maxAttempts ?? 8,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

/**
 * Fails the jobs whose lease ran out after their last attempt. Each claim counts as an attempt, a
 * crash included: a job that kills its worker every time would otherwise be reclaimed forever.
 */
export async function failExhaustedLeases(conn: Conn, now: Date): Promise<number> {
  const rows = await queryRows<{ id: string | number }>(conn, sql`
    update jobs set status = 'failed', locked_by = null, locked_until = null, finished_at = ${now.toISOString()},
      last_error = 'lease expired on attempt ' || attempts || ' of ' || max_attempts || ' (the worker stopped or crashed)'
    where status = 'running' and locked_until < ${now.toISOString()} and attempts >= max_attempts
    returning id`);
  return rows.length;
}

/**
 * Claims up to `limit` due jobs, and jobs whose lease ran out (their worker died) while attempts
 * remain, with FOR UPDATE SKIP LOCKED so concurrent workers never claim the same job.
 */
export async function claimJobs(conn: Conn, workerId: string, limit: number, now: Date, leaseMs: number): Promise<Job[]> {
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const nowIso = now.toISOString();
  await failExhaustedLeases(conn, now);
  const rows = await queryRows<{ id: string | number }>(conn, sql`
    update jobs set status = 'running', locked_by = ${workerId}, locked_until = ${until}, attempts = attempts + 1
    where id in (
      select id from jobs
      where (status = 'queued' and run_at <= ${nowIso}) or (status = 'running' and locked_until < ${nowIso} and attempts < max_attempts)
      order by run_at, id
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const ids = rows.map((r) => Number(r.id));
  if (ids.length === 0) return [];
  return conn.select().from(jobs).where(sql`${jobs.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
}

/** Extends the lease of a job this worker still holds; false when it lost the lease. */
export async function renewLease(conn: Conn, id: number, workerId: string, until: Date): Promise<boolean> {
  const rows = await conn
    .update(jobs)
    .set({ lockedUntil: until })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function completeJob(conn: Conn, id: number, workerId: string, now: Date): Promise<void> {
  await conn
    .update(jobs)
    .set({ status: 'done', finishedAt: now, lockedBy: null, lockedUntil: null, lastError: null })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId)));
}

/** Exponential backoff with jitter, capped at an hour. */
export function backoffMs(attempts: number): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return base + Math.floor(Math.random() * 1000);
}

export async function failJob(conn: Conn, job: Job, workerId: string, now: Date, message: string): Promise<'retry' | 'failed'> {
  const final = job.attempts >= job.maxAttempts;
  await conn
    .update(jobs)
    .set({
      status: final ? 'failed' : 'queued',
      runAt: final ? job.runAt : new Date(now.getTime() + backoffMs(job.attempts)),
      lockedBy: null,
      lockedUntil: null,
      lastError: redactPersonal(message).slice(0, 1000),
      finishedAt: final ? now : null,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)));
  return final ? 'failed' : 'retry';
}

export async function jobCounts(conn: Conn): Promise<Record<string, number>> {
  const rows = await conn.select({ status: jobs.status, n: sql<number>`count(*)::int` }).from(jobs).groupBy(jobs.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Jobs due and not yet claimed, and how long the oldest of them has waited (for /metrics). */
export async function jobQueueState(conn: Conn, now: Date): Promise<{ due: number; oldestDueSeconds: number }> {
  const [row] = await queryRows<{ due: number; oldest: string | Date | null }>(conn, sql`
    select count(*)::int as due, min(run_at) as oldest from jobs where status = 'queued' and run_at <= ${now.toISOString()}`);
  const oldest = row?.oldest ? new Date(row.oldest).getTime() : null;
  return { due: Number(row?.due ?? 0), oldestDueSeconds: oldest === null ? 0 : Math.max(0, (now.getTime() - oldest) / 1000) };
}
