import { desc, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { entryHash, GENESIS_HASH } from './hash.js';
import { auditLog } from './schema.js';

/** Who did it. Built from the session or token for requests, `cli:` or `system` otherwise. */
export interface Actor {
  userId: number | null;
  label: string;
  role: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  /** Dotted, past tense: `campaign.application.approved`, `privacy.roster.exported`. */
  action: string;
  programId?: number | null;
  targetType?: string;
  targetId?: string | number | null;
  /** For changes: `{ field: [before, after] }` or a summary. Never personal data in clear. */
  diff?: unknown;
}

export const systemActor = (label = 'system'): Actor => ({ userId: null, label, role: null, ip: null, requestId: null });

/** Serialises writers of the chain; held only from the append to the commit. */
const AUDIT_CHAIN_LOCK = 720_145_002;

/**
 * Appends entries to the hash chain inside the caller's transaction. Call it last in the
 * transaction (runCommand does) so the chain lock is held only until commit.
 */
export async function appendAudit(tx: Tx, actor: Actor, entries: AuditEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  for (const e of entries) {
    const base = {
      at,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      role: actor.role,
      programId: e.programId ?? null,
      action: e.action,
      targetType: e.targetType ?? null,
      targetId: e.targetId == null ? null : String(e.targetId),
      ip: actor.ip,
      requestId: actor.requestId,
      diff: e.diff ?? null,
    };
    // The id is part of the hash, so reserve it first.
    const [reserved] = await queryRows<{ id: string | number }>(tx, sql`select nextval(pg_get_serial_sequence('audit_log', 'id'))::bigint as id`);
    const id = Number(reserved!.id);
    const hash = entryHash(prevHash, { id, ...base });
    await tx.execute(sql`insert into audit_log
      (id, at, actor_user_id, actor_label, role, program_id, action, target_type, target_id, ip, request_id, diff, prev_hash, hash)
      overriding system value values
      (${id}, ${at.toISOString()}, ${base.actorUserId}, ${base.actorLabel}, ${base.role}, ${base.programId}, ${base.action},
       ${base.targetType}, ${base.targetId}, ${base.ip}, ${base.requestId}, ${base.diff === null ? null : JSON.stringify(base.diff)}::jsonb,
       ${prevHash}, ${hash})`);
    prevHash = hash;
  }
}
