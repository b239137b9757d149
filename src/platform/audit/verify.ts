import { and, asc, eq, gt, lte, ne } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { GENESIS_HASH } from './hash.js';
import type { AuditKeys } from './keys.js';
import { auditHead, auditLog, auditSeals, type AuditSeal } from './schema.js';
import { recomputeHash, sealMac } from './seal.js';

export type VerifyReason =
  | 'hash-mismatch'
  | 'chain-broken'
  | 'entries-missing-at-end'
  | 'head-mismatch'
  /** The entry no longer matches its seal: rewritten, and its hashes recomputed, after it was sealed. */
  | 'seal-mismatch'
  /** An entry before sealed ones has no seal: its seal was removed. */
  | 'seal-missing'
  /** A sealed entry is gone. */
  | 'sealed-entry-missing'
  /** Every seal is under another audit key (another master key than the one configured). */
  | 'other-key';

export type VerifyResult =
  | { ok: true; count: number; /** Entries the keyed chain vouches for. */ sealed: number; /** Entries after the last seal (sealed moments after their commit). */ unsealed: number }
  | { ok: false; count: number; badId: number; reason: VerifyReason };

/**
 * Walks the chain in id order, in pages, and names the first entry that does not hold: each
 * entry's hash must follow from its content and the previous hash, and — with the audit keys —
 * each sealed entry must match its seal, which only the master key's holder can compute. Then it
 * compares the end of the chain with the head, so entries deleted from the end are found too
 * (named by the id the head says was last). Without keys only the unkeyed chain is checked.
 */
export async function verifyAuditChain(conn: Conn, keys?: AuditKeys, pageSize = 5000): Promise<VerifyResult> {
  // The head first: entries appended during the walk then only add to what is read after it.
  const [head] = await conn.select().from(auditHead).where(eq(auditHead.id, 1));
  if (keys) {
    const [mine] = await conn.select({ id: auditSeals.entryId }).from(auditSeals).where(eq(auditSeals.keyId, keys.keyId)).limit(1);
    // Only a seal under another key says so: the sealer may have sealed under this key since `mine` was read.
    const [other] = mine ? [] : await conn.select({ id: auditSeals.entryId }).from(auditSeals).where(ne(auditSeals.keyId, keys.keyId)).limit(1);
    if (other) return { ok: false, count: 0, badId: other.id, reason: 'other-key' };
  }
  let prevHash = GENESIS_HASH;
  let prevMac = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  let sealed = 0;
  let firstUnsealed: number | null = null;
  for (;;) {
    const rows = await conn.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize);
    if (rows.length === 0) {
      const end = checkHead(head, { count, lastId, lastHash: prevHash });
      if (!end.ok) return end;
      if (keys) {
        const [orphan] = await conn.select().from(auditSeals).where(and(eq(auditSeals.keyId, keys.keyId), gt(auditSeals.entryId, lastId))).limit(1);
        if (orphan) return { ok: false, count, badId: orphan.entryId, reason: 'sealed-entry-missing' };
      }
      return { ...end, sealed, unsealed: count - sealed };
    }
    const seals = keys ? await sealsIn(conn, keys.keyId, lastId, rows[rows.length - 1]!.id) : [];
    let next = 0;
    for (const r of rows) {
      if (r.prevHash !== prevHash) return { ok: false, count, badId: r.id, reason: 'chain-broken' };
      if (recomputeHash(prevHash, r) !== r.hash) return { ok: false, count, badId: r.id, reason: 'hash-mismatch' };
      // Seals and entries are both in id order: a seal passed over names an entry that is gone.
      if (next < seals.length && seals[next]!.entryId < r.id) return { ok: false, count, badId: seals[next]!.entryId, reason: 'sealed-entry-missing' };
      const seal = next < seals.length && seals[next]!.entryId === r.id ? seals[next++] : undefined;
      if (seal) {
        if (firstUnsealed !== null) return { ok: false, count, badId: firstUnsealed, reason: 'seal-missing' };
        const mac = sealMac(keys!.chain, prevMac, r.id, r.hash);
        if (seal.entryHash !== r.hash || seal.mac !== mac) return { ok: false, count, badId: r.id, reason: 'seal-mismatch' };
        prevMac = mac;
        sealed++;
      } else {
        firstUnsealed ??= r.id;
      }
      prevHash = r.hash;
      lastId = r.id;
      count++;
    }
    if (next < seals.length) return { ok: false, count, badId: seals[next]!.entryId, reason: 'sealed-entry-missing' };
  }
}

function sealsIn(conn: Conn, keyId: string, afterId: number, toId: number): Promise<AuditSeal[]> {
  return conn
    .select()
    .from(auditSeals)
    .where(and(eq(auditSeals.keyId, keyId), gt(auditSeals.entryId, afterId), lte(auditSeals.entryId, toId)))
    .orderBy(asc(auditSeals.entryId));
}

function checkHead(
  head: typeof auditHead.$inferSelect | undefined,
  end: { count: number; lastId: number; lastHash: string },
): { ok: true; count: number } | { ok: false; count: number; badId: number; reason: VerifyReason } {
  const { count } = end;
  if (!head) return count === 0 ? { ok: true, count } : { ok: false, count, badId: end.lastId, reason: 'head-mismatch' };
  // The walk may see entries appended after the head was read: the head's entry must be on the chain.
  if (count < head.count || end.lastId < head.lastId) return { ok: false, count, badId: head.lastId, reason: 'entries-missing-at-end' };
  if (count === head.count && (end.lastId !== head.lastId || end.lastHash !== head.lastHash)) return { ok: false, count, badId: head.lastId, reason: 'head-mismatch' };
  return { ok: true, count };
}

/** What an anchor vouches for: the trail's first `count` entries, ending at `lastId`. */
export interface AnchoredState {
  count: number;
  lastId: number;
  /** The unkeyed chain's hash at lastId. */
  head: string;
  /** The keyed chain's mac at lastId. */
  seal: string;
}

/**
 * Recomputes both chains from the entries' content alone (not from their stored hashes or seals)
 * up to the anchor's last entry and says whether they end where the anchor says: any rewrite,
 * insertion or deletion before the anchor changes the count, the head or the keyed mac.
 */
export async function recomputeUpTo(conn: Conn, keys: AuditKeys, lastIdIncl: number, pageSize = 5000): Promise<AnchoredState> {
  let head = GENESIS_HASH;
  let seal = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await conn
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, lastId), lte(auditLog.id, lastIdIncl)))
      .orderBy(asc(auditLog.id))
      .limit(pageSize);
    if (!rows.length) return { count, lastId, head, seal };
    for (const r of rows) {
      head = recomputeHash(head, r);
      seal = sealMac(keys.chain, seal, r.id, head);
      lastId = r.id;
      count++;
    }
  }
}
