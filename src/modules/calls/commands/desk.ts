import { and, eq, isNull } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { programScope } from '../../../platform/vault/index.js';
import { lookUpApplicationStatus } from '../../campaign/index.js';
import { cm } from '../messages.js';
import { callsByPhoneIndex } from '../queries.js';
import { callLogs } from '../schema.js';
import { normalizePhone } from '../validators.js';

/** A callback (要折り返し) is done: it leaves the to-do list. A second click is refused (409). */
export async function markCallbackDone(ctx: CommandContext, programId: number, id: number): Promise<void> {
  const rows = await ctx.tx
    .update(callLogs)
    .set({ callbackDoneAt: ctx.now, updatedAt: ctx.now })
    .where(and(eq(callLogs.id, id), eq(callLogs.programId, programId), eq(callLogs.outcome, 'callback'), isNull(callLogs.callbackDoneAt)))
    .returning({ number: callLogs.number });
  if (!rows.length) throw new AppError('conflict', cm('err.callbackDone'));
  ctx.audit({ action: 'calls.call.callback_done', programId, targetType: 'call_log', targetId: id, diff: { number: rows[0]!.number } });
}

/**
 * Earlier calls from a number (found by its blind index, never decrypted in bulk): a view of
 * personal data (who called when), so it is audited — without the number itself.
 */
export async function callerHistory(ctx: CommandContext, programId: number, phone: string) {
  const digits = normalizePhone(phone);
  if (digits.length < 10 || digits.length > 13) return null;
  const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
  const rows = await callsByPhoneIndex(ctx.tx, programId, box.blindIndex(digits));
  ctx.audit({ action: 'calls.caller_history.viewed', programId, targetType: 'call_log', targetId: null, diff: { found: rows.length } });
  return rows;
}

/** An application's status and stage for a caller, by number or facility name; every look-up is audited. */
export async function lookUpStatus(ctx: CommandContext, programId: number, q: string) {
  const rows = await lookUpApplicationStatus(ctx.tx, programId, q);
  ctx.audit({ action: 'calls.status.looked_up', programId, targetType: 'campaign_application', targetId: null, diff: { query: q.slice(0, 100), found: rows.map((r) => r.number) } });
  return rows;
}
