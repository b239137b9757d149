import { and, eq, ne } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';
import { ACCOUNT_LOCK_MS, STEP_LOCK_MAX_MS, STEP_MAX_FAILURES } from './policy.js';
import { loginThrottle, sessions, users } from './schema.js';

/** A check made after the password: the second factor at sign-in, or the password again at re-authentication. */
export type Step = 'mfa' | 'reauth';

const keyOf = (step: Step, userId: number) => `${step}:${userId}`;

/** How long the lock lasts after `failures` consecutive failures: 15 min, 30 min, 1 h, … up to a day. */
export function stepLockMs(failures: number): number {
  const locks = Math.floor(failures / STEP_MAX_FAILURES);
  return Math.min(STEP_LOCK_MAX_MS, ACCOUNT_LOCK_MS * 2 ** Math.max(0, locks - 1));
}

/**
 * Counts a failure of `step` for the account (one statement, so concurrent guesses are all counted).
 * Every STEP_MAX_FAILURES-th failure locks the account — the same lock the password login honours —
 * and returns the lock in seconds; otherwise 0. `window_start` holds the last failure, so the
 * nightly purge forgets a counter only after a quiet day.
 */
export async function recordStepFailure(conn: Conn, step: Step, userId: number, now: Date): Promise<number> {
  const rows = await queryRows<{ failures: number }>(conn, sql`
    insert into login_throttle (key, failures, window_start) values (${keyOf(step, userId)}, 1, ${now.toISOString()})
    on conflict (key) do update set failures = login_throttle.failures + 1, window_start = excluded.window_start
    returning failures`);
  const failures = Number(rows[0]!.failures);
  if (failures % STEP_MAX_FAILURES !== 0) return 0;
  const lockMs = stepLockMs(failures);
  await conn.update(users).set({ lockedUntil: new Date(now.getTime() + lockMs) }).where(eq(users.id, userId));
  return lockMs / 1000;
}

export async function clearStepFailures(conn: Conn, step: Step, userId: number): Promise<void> {
  await conn.delete(loginThrottle).where(eq(loginThrottle.key, keyOf(step, userId)));
}

/** Ends the user's sessions that still owe the second factor (all of them with `all`). */
export async function endSessionsAfterLock(conn: Conn, userId: number, opts: { all: boolean }): Promise<void> {
  await conn
    .delete(sessions)
    .where(opts.all ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.mfaVerified, true)));
}

/**
 * Seconds the account stays locked, read under a row lock so concurrent guesses for one account
 * take turns: none can slip past the lock the previous one set.
 */
export async function lockedForUpdate(conn: Conn, userId: number, now: Date): Promise<number> {
  const rows = await queryRows<{ locked_until: string | Date | null }>(conn, sql`select locked_until from users where id = ${userId} for update`);
  const until = rows[0]?.locked_until ? new Date(rows[0].locked_until) : null;
  if (!until || until <= now) return 0;
  return Math.ceil((until.getTime() - now.getTime()) / 1000);
}
