import { and, eq, isNull } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { programScope } from '../../../platform/vault/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { cm } from '../messages.js';
import { callLogs } from '../schema.js';
import { callSchema } from '../validators.js';
import { callAnswerColumns, callAuditDiff } from './call-values.js';

/**
 * The agent completes a call the phone system opened: caller type, category, question, answer,
 * outcome (the times and the number stay as the phone system gave them). Twice is 409.
 */
export async function completeCall(ctx: CommandContext, programId: number, id: number, input: unknown) {
  const v = parseOrThrow(callSchema.omit({ receivedAt: true, callerPhone: true }), input);
  const answer = callAnswerColumns(v);
  const box = v.callerName ? await ctx.deps.vault.box(ctx.tx, programScope(programId)) : null;
  const rows = await ctx.tx
    .update(callLogs)
    .set({
      ...answer,
      ...(v.durationSeconds !== undefined ? { durationSeconds: v.durationSeconds } : {}),
      ...(box ? { callerNameSealed: box.seal(v.callerName!) } : {}),
      createdBy: ctx.actor.userId,
      updatedAt: ctx.now,
    })
    .where(and(eq(callLogs.id, id), eq(callLogs.programId, programId), isNull(callLogs.callerType)))
    .returning({ id: callLogs.id, number: callLogs.number });
  if (!rows.length) throw new AppError('conflict', cm('err.noCall'));
  ctx.audit({ action: 'calls.call.completed', programId, targetType: 'call_log', targetId: id, diff: callAuditDiff(rows[0]!.number, answer) });
  return rows[0]!;
}
