import crypto from 'node:crypto';
import { and, asc, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Conn, Db } from '../../db/client.js';
import type { Vault } from '../vault/index.js';
import { errorFields, log } from '../log/index.js';
import { entryBody, entryHash, GENESIS_HASH } from './hash.js';
import { auditKeys, type AuditKeys } from './keys.js';
import { auditLog, auditSeals, type AuditRow } from './schema.js';

/** HMAC-SHA256(K, prevMac || "\n" || id || "\n" || hash): one link of the keyed chain. */
export function sealMac(key: Buffer, prevMac: string, id: number, hash: string): string {
  return crypto.createHmac('sha256', key).update(`${prevMac}\n${id}\n${hash}`, 'utf8').digest('hex');
}

/** The chain hash an entry's content gives (as audit_append computed it), whatever its row says. */
export function recomputeHash(prevHash: string, r: AuditRow): string {
  return entryHash(prevHash, r.id, entryBody({
    at: r.at,
    actorUserId: r.actorUserId,
    actorLabel: r.actorLabel,
    role: r.role,
    programId: r.programId,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    ip: r.ip,
    requestId: r.requestId,
    diff: r.diff,
  }));
}

export type SealOutcome =
  | { ok: true; sealed: number; lastId: number }
  /**
   * chain-broken: an entry after the last seal does not follow from it (rewritten or deleted since),
   * so nothing after it is sealed; other-key: the seals are all under another audit key (another
   * master key; a rotation reseals with `fromGenesis`).
   */
  | { ok: false; sealed: number; lastId: number; reason: 'chain-broken' | 'other-key'; badId?: number };

/** The last seal under the key: where the keyed chain stands. */
export async function lastSeal(conn: Conn, keyId: string) {
  const [row] = await conn.select().from(auditSeals).where(eq(auditSeals.keyId, keyId)).orderBy(desc(auditSeals.entryId)).limit(1);
  return row;
}

/**
 * Seals the entries committed since the last seal under `keys`, in id order. Each is verified
 * first: its prev_hash must be the sealed chain's end and its hash must follow from its content,
 * so a rewrite is never sealed (sealing stops at it). The first run on an existing trail (after
 * the upgrade that brought seals) verifies and seals it whole from the first entry. Idempotent and
 * safe to run in several processes at once: the seals are a function of the trail and the key.
 */
export async function sealAudit(conn: Conn, keys: AuditKeys, opts: { fromGenesis?: boolean; pageSize?: number } = {}): Promise<SealOutcome> {
  const pageSize = opts.pageSize ?? 2000;
  const last = await lastSeal(conn, keys.keyId);
  if (!last && !opts.fromGenesis) {
    // Only a seal under another key: another process may have sealed under this key since `last` was read.
    const [other] = await conn.select({ keyId: auditSeals.keyId }).from(auditSeals).where(ne(auditSeals.keyId, keys.keyId)).limit(1);
    if (other) return { ok: false, sealed: 0, lastId: 0, reason: 'other-key' };
  }
  let prevMac = last?.mac ?? GENESIS_HASH;
  let prevHash = last?.entryHash ?? GENESIS_HASH;
  let lastId = last?.entryId ?? 0;
  let sealed = 0;
  for (;;) {
    const rows = await conn.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize);
    if (!rows.length) return { ok: true, sealed, lastId };
    const seals: Array<typeof auditSeals.$inferInsert> = [];
    let badId: number | undefined;
    for (const r of rows) {
      if (r.prevHash !== prevHash || recomputeHash(prevHash, r) !== r.hash) {
        badId = r.id;
        break;
      }
      prevMac = sealMac(keys.chain, prevMac, r.id, r.hash);
      seals.push({ keyId: keys.keyId, entryId: r.id, entryHash: r.hash, mac: prevMac });
      prevHash = r.hash;
      lastId = r.id;
    }
    if (seals.length) await conn.insert(auditSeals).values(seals).onConflictDoNothing();
    sealed += seals.length;
    if (badId !== undefined) return { ok: false, sealed, lastId, reason: 'chain-broken', badId };
  }
}

/** How many seals there are under the key up to an entry (the entries the keyed chain vouches for). */
export async function sealCount(conn: Conn, keyId: string, upToId: number): Promise<number> {
  const [row] = await conn
    .select({ n: sql<number>`count(*)::int` })
    .from(auditSeals)
    .where(and(eq(auditSeals.keyId, keyId), sql`${auditSeals.entryId} <= ${upToId}`));
  return Number(row?.n ?? 0);
}

interface SealerState {
  running: Promise<void> | null;
  again: boolean;
  warned: string | null;
  /** Runs that failed in a row (a busy pool, a lost connection): each is retried later, up to SEAL_RETRIES_MS. */
  failures: number;
}

/** When a failed run is tried again: a moment later, then longer; after the last, the next command's run seals it all. */
export const SEAL_RETRIES_MS = [1000, 5000, 30_000];

/** The database was closed under the run (shutdown, the end of a CLI command): nothing to warn about, the next start seals. */
function isClosedDatabase(e: unknown): boolean {
  for (let x: unknown = e; x instanceof Error; x = x.cause) {
    if (/PGlite is closed|after calling end on the pool|Connection terminated/.test(x.message)) return true;
  }
  return false;
}

const sealers = new WeakMap<Db, SealerState>();

/** How long after a commit its entries are sealed, at most (plus the sealing itself). */
export const SEAL_DELAY_MS = 200;

/**
 * Seals what has been committed, soon and in the background (after each command commits, within
 * SEAL_DELAY_MS): at most one run per database handle at a time, another right after it when more
 * was asked for meanwhile. Never throws; a refusal (a rewritten entry) is logged once, as a warning;
 * a failed run (a busy pool under a large import) is retried (SEAL_RETRIES_MS); a database closed
 * under it (shutdown) is left for the next start.
 */
export function sealSoon(deps: { db: Db; vault: Pick<Vault, 'deriveKey'> }): void {
  let s = sealers.get(deps.db);
  if (!s) sealers.set(deps.db, (s = { running: null, again: false, warned: null, failures: 0 }));
  const state = s;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = (async () => {
    try {
      // A moment's wait gathers the entries of the commands committing meanwhile into one run: under
      // load the sealing costs a few statements per SEAL_DELAY_MS, not per command.
      await new Promise((resolve) => setTimeout(resolve, SEAL_DELAY_MS));
      do {
        state.again = false;
        const r = await sealAudit(deps.db, auditKeys(deps.vault));
        if (!r.ok && state.warned !== `${r.reason}:${r.badId}`) {
          state.warned = `${r.reason}:${r.badId}`;
          log.warn('audit trail not sealed: run jimukyoku audit verify', { reason: r.reason, badId: r.badId, sealedUpToId: r.lastId });
        }
      } while (state.again);
      state.failures = 0;
    } catch (e) {
      if (isClosedDatabase(e)) return;
      const retryMs = SEAL_RETRIES_MS[state.failures++];
      log.warn('audit sealing failed', { ...errorFields(e), retryInMs: retryMs ?? null });
      if (retryMs !== undefined) setTimeout(() => sealSoon(deps), retryMs).unref();
      else state.failures = 0;
    } finally {
      state.running = null;
    }
  })();
}

/** Resolves when the background sealing started so far has finished (tests, shutdown). */
export async function sealingSettled(db: Db): Promise<void> {
  while (sealers.get(db)?.running) await sealers.get(db)!.running;
}
