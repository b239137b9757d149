import { asc, gt } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { entryBody, entryHash, GENESIS_HASH } from './hash.js';
import { auditLog } from './schema.js';

export type VerifyResult =
  | { ok: true; count: number }
  | { ok: false; count: number; badId: number; reason: 'hash-mismatch' | 'chain-broken' };

/** Walks the chain in id order, in pages, and names the first entry that does not hold. */
export async function verifyAuditChain(conn: Conn, pageSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await conn.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize);
    if (rows.length === 0) return { ok: true, count };
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
