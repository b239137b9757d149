import type { Tx } from '../../db/client.js';
import type { AuditAction } from './actions.js';
import { entryBody } from './hash.js';
import { auditIntents } from './schema.js';

/** Who did it. Built from the session or token for requests, `cli:` or `system` otherwise. */
export interface Actor {
  userId: number | null;
  label: string;
  role: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  /**
   * Dotted, past tense: `campaign.application.approved`. One of the actions some module labels in
   * its catalogue (`defineAuditActions`, in the module's `audit-actions.ts`): an unlabelled action
   * does not compile. Stored as the plain string.
   */
  action: AuditAction;
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
 * Queues entries for the hash chain in the caller's transaction, in one statement: they are
 * appended (by the database function `audit_append`, which takes the chain lock, links and
 * inserts) when the transaction commits, by a deferred trigger on `audit_intents`. The chain lock
 * is thus held only during COMMIT, never across a round trip to this process; entries of a rolled
 * back transaction never reach the chain.
 */
export async function appendAudit(tx: Tx, actor: Actor, entries: AuditEntry[], at: Date): Promise<void> {
  if (!entries.length) return;
  await tx.insert(auditIntents).values(entries.map((e) => intentRow(actor, e, at)));
}

/** An `audit_intents` row for one entry: its fields and the canonical body the chain hashes. */
export function intentRow(actor: Actor, e: AuditEntry, at: Date) {
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
  return { ...f, body: entryBody(f) };
}

/**
 * For an entry whose target the same statement creates (its id unknown until then): the body is
 * built with `targetId: null` and the statement puts the id in with
 * `replace(body, PENDING_TARGET, '"targetId":' || to_json(id::text))`. Keys are sorted and the
 * diff is the caller's, so the text occurs once, at the top level.
 */
export const PENDING_TARGET = '"targetId":null';
