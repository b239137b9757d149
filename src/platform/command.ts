import { isDatabaseRefusal, type Tx } from '../db/client.js';
import { appendAudit, type Actor, type AuditEntry } from './audit/index.js';
import { sealSoon } from './audit/seal.js';
import type { Deps } from './deps.js';
import { checkPersonalDataGates, GateRefused } from './personal-data-gate.js';
import { noteCommitted } from './write-epoch.js';

export interface CommandContext {
  tx: Tx;
  deps: Deps;
  actor: Actor;
  now: Date;
  /** Queues an audit entry; all are appended at the end of the same transaction. */
  audit(entry: AuditEntry): void;
  /**
   * Runs `undo` (best effort, after the rollback) if the transaction does not commit: e.g. removes
   * a file a command put in a file store for a row that was then not written.
   */
  onRollback(undo: () => Promise<void>): void;
}

/**
 * Runs a state-changing use-case in one transaction that also writes its audit entries:
 * either the change and its record both commit, or neither does. After the commit the new entries
 * are sealed under the audit key, in the background.
 */
export async function runCommand<T>(deps: Deps, actor: Actor, fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  const undos: Array<() => Promise<void>> = [];
  let result: T;
  try {
    result = await deps.db.transaction(async (tx) => {
      const entries: AuditEntry[] = [];
      const ctx: CommandContext = { tx, deps, actor, now, audit: (e) => void entries.push(e), onRollback: (undo) => void undos.push(undo) };
      const result = await fn(ctx);
      // A view or export of personal data the gates refuse rolls back: nothing read leaves.
      await checkPersonalDataGates(ctx, entries);
      await appendAudit(tx, actor, entries, now);
      return result;
    });
  } catch (e) {
    for (const undo of undos.splice(0)) await undo().catch(() => undefined);
    if (!(e instanceof GateRefused)) throw e;
    await deps.db.transaction((tx) => appendAudit(tx, actor, [e.refusal.audit], now));
    sealSoon(deps);
    throw e.refusal.error;
  }
  noteCommitted();
  // The committed entries get their keyed seals right away, in the background (audit/seal.ts).
  sealSoon(deps);
  return result;
}

/**
 * The command failed because a unique constraint refused a row (SQLSTATE 23505): another request
 * wrote the same key first. For routes that answer it (a retry, a field error) without reaching
 * for the database client.
 */
export function isUniqueViolation(e: unknown): boolean {
  return isDatabaseRefusal(e, '23505');
}
