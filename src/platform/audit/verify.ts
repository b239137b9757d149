import { asc, eq, gt } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { entryBody, entryHash, GENESIS_HASH } from './hash.js';
import { auditHead, auditLog } from './schema.js';

export type VerifyResult =
  | { ok: true; count: number }
  | { ok: false; count: number; badId: number; reason: 'hash-mismatch' | 'chain-broken' | 'entries-missing-at-end' | 'head-mismatch' };

/**
 * Walks the chain in id order, in pages, and names the first entry that does not hold; then
 * compares the end of the chain with the head, so entries deleted from the end are found too
 * (named by the id the head says was last).
 */
export async function verifyAuditChain(conn: Conn, pageSize = 5000): Promise<VerifyResult> {
  // The head first: entries appended during the walk then only add to what is read after it.
  const [head] = await conn.select().from(auditHead).where(eq(auditHead.id, 1));
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await conn.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize);
    if (rows.length === 0) return checkHead(head, { count, lastId, lastHash: prevHash });
    for (const r of rows) {
      if (r.prevHash !== prevHash) return { ok: false, count, badId: r.id, reason: 'chain-broken' };
      const expected = entryHash(prevHash, r.id, entryBody({
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
      if (expected !== r.hash) return { ok: false, count, badId: r.id, reason: 'hash-mismatch' };
      prevHash = r.hash;
      lastId = r.id;
      count++;
    }
  }
}

function checkHead(head: typeof auditHead.$inferSelect | undefined, end: { count: number; lastId: number; lastHash: string }): VerifyResult {
  const { count } = end;
  if (!head) return count === 0 ? { ok: true, count } : { ok: false, count, badId: end.lastId, reason: 'head-mismatch' };
  // The walk may see entries appended after the head was read: the head's entry must be on the chain.
  if (count < head.count || end.lastId < head.lastId) return { ok: false, count, badId: head.lastId, reason: 'entries-missing-at-end' };
  if (count === head.count && (end.lastId !== head.lastId || end.lastHash !== head.lastHash)) return { ok: false, count, badId: head.lastId, reason: 'head-mismatch' };
  return { ok: true, count };
}
