import { hash, verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { users } from './schema.js';
import { authMessages as m } from './web/messages.js';

/** OWASP Password Storage Cheat Sheet: Argon2id, m=19 MiB, t=2, p=1. */
// 2 is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so a missing account is not told apart by timing.
    await hash(password, ARGON2_OPTIONS);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Returns a Japanese reason when the password is not acceptable, else null. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return m('ja', 'pwTooShort', { min: MIN_PASSWORD_LENGTH });
  if ([...password].length > 128) return m('ja', 'pwTooLong');
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return m('ja', 'pwCommon');
  if (/^(.)\1+$/.test(password)) return m('ja', 'pwRepeated');
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return m('ja', 'pwContainsEmail');
  return null;
}

/** Stores a user's new password (already hashed with hashPassword). */
export async function setPasswordHash(conn: Conn, userId: number, passwordHash: string): Promise<void> {
  await conn.update(users).set({ passwordHash }).where(eq(users.id, userId));
}
