import { eq, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';
import type { Box } from '../vault/index.js';
import { ACCOUNT_LOCK_MS, ACCOUNT_MAX_FAILURES, IP_LOCK_MS, IP_MAX_FAILURES, IP_WINDOW_MS } from './policy.js';
import { loginThrottle, users, type User } from './schema.js';

/** Seconds until the IP may try again, or 0. */
export async function ipLockedFor(conn: Conn, ip: string | null, now: Date): Promise<number> {
  if (!ip) return 0;
  const [row] = await conn.select().from(loginThrottle).where(eq(loginThrottle.key, 'ip:' + ip));
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
}

export function accountLockedFor(user: Pick<User, 'lockedUntil'>, now: Date): number {
  if (!user.lockedUntil || user.lockedUntil <= now) return 0;
  return Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
}

/** Counts a failure for the IP (a sliding window) and returns whether it is now locked. */
export async function recordIpFailure(conn: Conn, ip: string | null, now: Date): Promise<boolean> {
  if (!ip) return false;
  const key = 'ip:' + ip;
  const windowStart = new Date(now.getTime() - IP_WINDOW_MS);
  const lockUntil = new Date(now.getTime() + IP_LOCK_MS);
  // One statement, so concurrent failures from one address are all counted.
  const rows = await queryRows<{ failures: number }>(conn, sql`
    insert into login_throttle (key, failures, window_start) values (${key}, 1, ${now.toISOString()})
    on conflict (key) do update set
      failures = case when login_throttle.window_start < ${windowStart.toISOString()} then 1 else login_throttle.failures + 1 end,
      window_start = case when login_throttle.window_start < ${windowStart.toISOString()} then ${now.toISOString()}::timestamptz else login_throttle.window_start end
    returning failures`);
  const failures = Number(rows[0]!.failures);
  if (failures >= IP_MAX_FAILURES) {
    await conn.update(loginThrottle).set({ lockedUntil: lockUntil, failures: 0 }).where(eq(loginThrottle.key, key));
    return true;
  }
  return false;
}

/**
 * The throttle key of an e-mail address that has no account: a keyed hash (the system box's blind
 * index, so the table never holds a guessable hash of an address). The address is hex-encoded
 * first because the blind index folds case, spaces and hyphens, and two addresses that differ only
 * there must not share a counter (their sharing would tell a registered address from others).
 */
export function addressThrottleKey(box: Box, kind: 'login' | 'mail', email: string): string {
  return `${kind === 'login' ? 'addr' : 'mail-to'}:${box.blindIndex(Buffer.from(email.trim().toLowerCase(), 'utf8').toString('hex'))}`;
}

/** Seconds until an address without an account may be tried again, or 0 (the account lock's twin). */
export async function addressLockedFor(conn: Conn, key: string, now: Date): Promise<number> {
  const [row] = await conn.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return row ? accountLockedFor(row, now) : 0;
}

/**
 * Counts a failed login for an address without an account, exactly as recordAccountFailure counts
 * one for an account: the ACCOUNT_MAX_FAILURES-th locks it for ACCOUNT_LOCK_MS. So a locked-out
 * answer says nothing about whether the address is registered.
 */
export async function recordAddressFailure(conn: Conn, key: string, now: Date): Promise<boolean> {
  const rows = await queryRows<{ failures: number }>(conn, sql`
    insert into login_throttle (key, failures, window_start) values (${key}, 1, ${now.toISOString()})
    on conflict (key) do update set failures = login_throttle.failures + 1, window_start = excluded.window_start
    returning failures`);
  if (Number(rows[0]!.failures) < ACCOUNT_MAX_FAILURES) return false;
  await conn.update(loginThrottle).set({ lockedUntil: new Date(now.getTime() + ACCOUNT_LOCK_MS), failures: 0 }).where(eq(loginThrottle.key, key));
  return true;
}

/** Counts a failure for the account; returns true when this failure locked it. */
export async function recordAccountFailure(conn: Conn, userId: number, now: Date): Promise<boolean> {
  const rows = await queryRows<{ failed_logins: number }>(conn, sql`
    update users set failed_logins = failed_logins + 1 where id = ${userId} returning failed_logins`);
  const failures = Number(rows[0]!.failed_logins);
  if (failures >= ACCOUNT_MAX_FAILURES) {
    await conn.update(users).set({ lockedUntil: new Date(now.getTime() + ACCOUNT_LOCK_MS), failedLogins: 0 }).where(eq(users.id, userId));
    return true;
  }
  return false;
}

export async function clearAccountFailures(conn: Conn, userId: number, now: Date): Promise<void> {
  await conn.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, userId));
}

/** Drops counters and spent TOTP steps older than a day (nightly job). */
export async function purgeThrottle(conn: Conn, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  await conn.execute(sql`delete from login_throttle where window_start < ${dayAgo} and (locked_until is null or locked_until < ${now.toISOString()})`);
}
