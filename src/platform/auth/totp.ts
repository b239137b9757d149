import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Conn } from '../../db/client.js';
import type { Vault } from '../vault/index.js';
import { loginThrottle, users, type User } from './schema.js';
import { sha256 } from './tokens.js';

const ISSUER = 'jimukyoku';

function totpFor(secretBase32: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export async function otpauthQrSvg(secretBase32: string, email: string): Promise<{ uri: string; svg: string }> {
  const uri = totpFor(secretBase32, email).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, svg };
}

/** RFC 6238 check with one step of clock drift either way; returns the matched time step, or null. */
export function checkTotp(secretBase32: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32, 'x').validate({ token, window: 1, timestamp: now.getTime() });
  return delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
}

/**
 * Spends a code's time step for the user, so an observed code cannot be replayed within its window.
 * Recorded in the login-throttle table; the nightly purge removes old rows.
 */
export async function spendTotpStep(conn: Conn, userId: number, step: number): Promise<boolean> {
  const rows = await conn
    .insert(loginThrottle)
    .values({ key: `totp:${userId}:${step}`, failures: 0 })
    .onConflictDoNothing()
    .returning({ key: loginThrottle.key });
  return rows.length > 0;
}

export function currentTotp(secretBase32: string, now: Date): string {
  return totpFor(secretBase32, 'x').generate({ timestamp: now.getTime() });
}

/** Ten single-use codes, `xxxx-xxxx-xxxx` (60 bits each); stored as SHA-256, which is enough for random codes. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => {
    const b = crypto.randomBytes(8).toString('hex').slice(0, 12);
    return `${b.slice(0, 4)}-${b.slice(4, 8)}-${b.slice(8, 12)}`;
  });
  return { codes, hashes: codes.map((c) => sha256(c)) };
}

export async function sealedSecret(conn: Conn, vault: Vault, user: User): Promise<string | null> {
  if (!user.totpSecret) return null;
  const box = await vault.box(conn, 'system');
  const v = box.open(user.totpSecret);
  return typeof v === 'string' ? v : null;
}

/** Uses a recovery code if it is one of the user's unused ones. */
export async function consumeRecoveryCode(conn: Conn, user: User, code: string): Promise<boolean> {
  const h = sha256(code.trim().toLowerCase());
  if (!user.recoveryCodes.includes(h)) return false;
  await conn.update(users).set({ recoveryCodes: user.recoveryCodes.filter((x) => x !== h) }).where(eq(users.id, user.id));
  return true;
}

/**
 * Creates the pending secret of an enrolment (sealed with the system key) unless one is pending.
 * Called only from POSTs that have just checked a password (sign-in, re-authentication) or from
 * the explicit start button of a session that owes the second factor, so viewing /mfa changes nothing.
 * Returns whether a new secret was made (the caller audits it).
 */
export async function startTotpEnrolment(conn: Conn, vault: Vault, user: Pick<User, 'id' | 'totpSecret' | 'totpEnabledAt'>, opts: { replace?: boolean } = {}): Promise<boolean> {
  if (user.totpEnabledAt && !opts.replace) return false;
  if (user.totpSecret && !user.totpEnabledAt && !opts.replace) return false;
  const box = await vault.box(conn, 'system');
  await conn.update(users).set({ totpSecret: box.seal(newTotpSecret()), totpEnabledAt: null, recoveryCodes: [] }).where(eq(users.id, user.id));
  return true;
}

/** Completes enrolment: the second factor is on from `now`, with these recovery code hashes. */
export async function enableTotp(conn: Conn, userId: number, now: Date, recoveryHashes: string[]): Promise<void> {
  await conn.update(users).set({ totpEnabledAt: now, recoveryCodes: recoveryHashes }).where(eq(users.id, userId));
}

/** Turns the second factor off: secret, enrolment and recovery codes all go. */
export async function disableTotp(conn: Conn, userId: number): Promise<void> {
  await conn.update(users).set({ totpSecret: null, totpEnabledAt: null, recoveryCodes: [] }).where(eq(users.id, userId));
}
