import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { entryBody } from './hash.js';

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
  /**
   * Who acted, where it differs from the command's actor: a sign-in is requested anonymously but
   * done by (and with the roles of) the account that signed in.
   */
  actor?: Partial<Pick<Actor, 'userId' | 'label' | 'role'>>;
}

export const systemActor = (label = 'system'): Actor => ({ userId: null, label, role: null, ip: null, requestId: null });

/**
 * Appends entries to the hash chain inside the caller's transaction, one statement each (the
 * database function `audit_append` takes the chain lock, links and inserts). Call it last in the
 * transaction (runCommand does) so the lock is held only until commit.
 */
export async function appendAudit(tx: Tx, actor: Actor, entries: AuditEntry[], at: Date): Promise<void> {
  for (const e of entries) {
    const who = { ...actor, ...e.actor };
    const f = {
      at,
      actorUserId: who.userId,
      actorLabel: who.label,
      role: who.role,
      programId: e.programId ?? null,
      action: e.action,
      targetType: e.targetType ?? null,
      targetId: e.targetId == null ? null : String(e.targetId),
      ip: actor.ip,
      requestId: actor.requestId,
      diff: e.diff ?? null,
    };
    await tx.execute(sql`select audit_append(${at.toISOString()}, ${f.actorUserId}, ${f.actorLabel}, ${f.role}, ${f.programId}, ${f.action},
      ${f.targetType}, ${f.targetId}, ${f.ip}, ${f.requestId}, ${f.diff === null ? null : JSON.stringify(f.diff)}::jsonb, ${entryBody(f)})`);
  }
}
