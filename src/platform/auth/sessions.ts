import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './policy.js';
import { sessions, users, type User } from './schema.js';
import { randomToken, sha256 } from './tokens.js';

export type SessionRow = typeof sessions.$inferSelect;

/** Creates a session and returns the cookie token; only its hash is stored. */
export async function createSession(
  conn: Conn,
  userId: number,
  now: Date,
  opts: { ip: string | null; mfaVerified: boolean },
): Promise<{ token: string; session: SessionRow }> {
  const token = randomToken(32);
  const [session] = await conn
    .insert(sessions)
    .values({
      idHash: sha256(token),
      userId,
      csrfToken: randomToken(24),
      mfaVerified: opts.mfaVerified,
      reauthAt: now,
      createdAt: now,
      lastSeenAt: now,
      ip: opts.ip,
    })
    .returning();
  return { token, session: session! };
}

export function sessionExpired(s: Pick<SessionRow, 'createdAt' | 'lastSeenAt'>, now: Date): boolean {
  return now.getTime() - s.lastSeenAt.getTime() > SESSION_IDLE_MS || now.getTime() - s.createdAt.getTime() > SESSION_ABSOLUTE_MS;
}

/** Looks up a live session; an expired one is deleted on sight. */
export async function findSession(conn: Conn, token: string, now: Date): Promise<{ session: SessionRow; user: User } | null> {
  if (!token || token.length > 100) return null;
  const [row] = await conn
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sha256(token)));
  if (!row) return null;
  if (sessionExpired(row.session, now) || row.user.status !== 'active') {
    await conn.delete(sessions).where(eq(sessions.idHash, row.session.idHash));
    return null;
  }
  return row;
}

/** Sliding idle timeout; written at most once a minute per session to spare the database. */
export async function touchSession(conn: Conn, session: SessionRow, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < 60_000) return;
  await conn.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, session.idHash));
}

/**
 * Replaces the session with a fresh token (after login steps and privilege changes), so a token
 * seen before the change is worthless after it.
 */
export async function rotateSession(
  conn: Conn,
  old: SessionRow,
  now: Date,
  changes: Partial<Pick<SessionRow, 'mfaVerified' | 'reauthAt'>> = {},
): Promise<{ token: string; session: SessionRow }> {
  await conn.delete(sessions).where(eq(sessions.idHash, old.idHash));
  const token = randomToken(32);
  const [session] = await conn
    .insert(sessions)
    .values({
      idHash: sha256(token),
      userId: old.userId,
      csrfToken: randomToken(24),
      mfaVerified: changes.mfaVerified ?? old.mfaVerified,
      reauthAt: changes.reauthAt ?? old.reauthAt,
      createdAt: old.createdAt,
      lastSeenAt: now,
      ip: old.ip,
    })
    .returning();
  return { token, session: session! };
}

export async function destroySession(conn: Conn, idHash: string): Promise<void> {
  await conn.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function destroyUserSessions(conn: Conn, userId: number): Promise<void> {
  await conn.delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends every session of the user but one (after a password change: the one that changed it). */
export async function destroyOtherSessions(conn: Conn, userId: number, keepIdHash: string): Promise<void> {
  await conn.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, keepIdHash)));
}

export async function purgeExpiredSessions(conn: Conn, now: Date): Promise<void> {
  await conn
    .delete(sessions)
    .where(
      or(
        lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
        lt(sessions.createdAt, new Date(now.getTime() - SESSION_ABSOLUTE_MS)),
      ),
    );
}

