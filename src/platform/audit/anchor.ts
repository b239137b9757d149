import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { memberships, users } from '../auth/schema.js';
import { stableStringify } from './hash.js';
import type { AuditKeys } from './keys.js';
import { lastSeal, sealAudit, sealCount, type SealOutcome } from './seal.js';

export const ANCHOR_FORMAT = 'jimukyoku-audit-anchor/1';

/**
 * A signed record of where the audit trail stood: how many entries, the last one's id, the
 * unkeyed chain's hash and the keyed chain's mac there. No personal data: counts and hashes only.
 * Kept outside the database (a file in AUDIT_ANCHOR_DIR) and mailed to the programs' City staff,
 * so a later rewrite of anything before it is found by `audit verify --anchor FILE`.
 */
export interface AuditAnchor {
  format: typeof ANCHOR_FORMAT;
  installationId: string;
  /** PUBLIC_BASE_URL, for people telling installations apart. */
  baseUrl: string;
  /** When it was made (ISO 8601, UTC). */
  at: string;
  count: number;
  lastId: number;
  head: string;
  seal: string;
  /** The audit key it was sealed and signed under (a fingerprint). */
  keyId: string;
  /** HMAC-SHA256 under the anchor key of every field above (sorted-key JSON), hex. */
  signature: string;
}

type Unsigned = Omit<AuditAnchor, 'signature'>;

function signatureOf(keys: AuditKeys, a: Unsigned): string {
  const { format, installationId, baseUrl, at, count, lastId, head, seal, keyId } = a;
  return crypto.createHmac('sha256', keys.anchor).update(stableStringify({ format, installationId, baseUrl, at, count, lastId, head, seal, keyId }), 'utf8').digest('hex');
}

export function signAnchor(keys: AuditKeys, a: Unsigned): AuditAnchor {
  return { ...a, signature: signatureOf(keys, a) };
}

/** Whether the signature is the anchor key's over the anchor's fields (constant-time compare). */
export function signatureHolds(keys: AuditKeys, a: AuditAnchor): boolean {
  const expected = Buffer.from(signatureOf(keys, a), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(a.signature) ? a.signature : '', 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** Reads an anchor file; null when it is not one (not JSON, another format, fields missing). */
export function parseAnchor(text: string): AuditAnchor | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object') return null;
  const a = v as Record<string, unknown>;
  const isText = (k: string) => typeof a[k] === 'string';
  const isCount = (k: string) => Number.isSafeInteger(a[k]) && (a[k] as number) >= 0;
  if (a.format !== ANCHOR_FORMAT) return null;
  if (!['installationId', 'baseUrl', 'at', 'head', 'seal', 'keyId', 'signature'].every(isText) || !isCount('count') || !isCount('lastId')) return null;
  return a as unknown as AuditAnchor;
}

/**
 * Seals what is committed, then makes a signed anchor of the sealed trail (what the keyed chain
 * vouches for). `seal` says whether sealing stopped at a rewritten entry.
 */
export async function makeAnchor(conn: Conn, keys: AuditKeys, opts: { baseUrl: string; now: Date }): Promise<{ anchor: AuditAnchor; seal: SealOutcome }> {
  const seal = await sealAudit(conn, keys);
  const last = await lastSeal(conn, keys.keyId);
  const lastId = last?.entryId ?? 0;
  const anchor = signAnchor(keys, {
    format: ANCHOR_FORMAT,
    installationId: keys.installationId,
    baseUrl: opts.baseUrl,
    at: opts.now.toISOString(),
    count: last ? await sealCount(conn, keys.keyId, lastId) : 0,
    lastId,
    head: last?.entryHash ?? '0'.repeat(64),
    seal: last?.mac ?? '0'.repeat(64),
    keyId: keys.keyId,
  });
  return { anchor, seal };
}

/** `audit-anchor-2026-06-01.json` for the daily anchor; a manual one carries its time too. */
export function anchorFileName(anchor: AuditAnchor, daily: string | null): string {
  return daily ? `audit-anchor-${daily}.json` : `audit-anchor-${anchor.at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.json`;
}

/** Writes the anchor into the directory (created if missing), whole or not at all. */
export function writeAnchorFile(dir: string, name: string, anchor: AuditAnchor): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o750 });
  const file = path.join(dir, name);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(anchor, null, 2) + '\n', { mode: 0o640 });
  fs.renameSync(tmp, file);
  return file;
}

/** The addresses of every active City user of a program, each once: whom the anchor is mailed to. */
export async function cityContacts(conn: Conn): Promise<string[]> {
  const rows = await conn
    .selectDistinct({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, 'city'), isNotNull(memberships.programId), eq(users.status, 'active')))
    .orderBy(users.email);
  return rows.map((r) => r.email);
}
