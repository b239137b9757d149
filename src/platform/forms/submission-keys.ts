import crypto from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import type { Conn, Tx } from '../../db/client.js';
import { formSubmissions } from './schema.js';

export { SUBMISSION_KEY_FIELD } from './field.js';

/** Keys are valid for a day: a form left open longer is simply submitted as new. */
const KEEP_MS = 24 * 3_600_000;

function keyHash(scope: string, key: string): string {
  return crypto.createHash('sha256').update(`${scope}\0${key}`).digest('base64url');
}

export type Claim = { first: true; settle(location: string): Promise<void> } | { first: false; location: string | null };

/**
 * Claims a submission key in the command's transaction. The first claim wins; a concurrent second
 * one waits on the unique key until the first commits, then sees it (and, if the first rolled
 * back — a validation error — claims it itself, so a corrected form can be sent again).
 */
export async function claimSubmissionKey(tx: Tx, scope: string, key: string, now: Date): Promise<Claim> {
  const hash = keyHash(scope, key);
  const inserted = await tx.insert(formSubmissions).values({ keyHash: hash, createdAt: now }).onConflictDoNothing().returning({ keyHash: formSubmissions.keyHash });
  if (inserted.length) {
    return { first: true, settle: async (location) => void (await tx.update(formSubmissions).set({ location }).where(eq(formSubmissions.keyHash, hash))) };
  }
  const [row] = await tx.select({ location: formSubmissions.location }).from(formSubmissions).where(eq(formSubmissions.keyHash, hash));
  return { first: false, location: row?.location ?? null };
}

/** Forgets keys older than a day (daily job). */
export async function purgeSubmissionKeys(conn: Conn, now: Date): Promise<void> {
  await conn.delete(formSubmissions).where(lt(formSubmissions.createdAt, sql`${new Date(now.getTime() - KEEP_MS)}`));
}
