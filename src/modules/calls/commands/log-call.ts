import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/command.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import { programScope } from '../../../platform/vault/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { cm } from '../messages.js';
import { callLogs } from '../schema.js';
import { callSchema } from '../validators.js';

/** The next 受付番号 of the program's calls: one statement, the counter row locked until commit. */
export async function nextCallNumber(ctx: CommandContext, programId: number): Promise<number> {
  const rows = await queryRows<{ last_number: number }>(
    ctx.tx,
    sql`insert into call_counters (program_id, last_number) values (${programId}, 1)
        on conflict (program_id) do update set last_number = call_counters.last_number + 1
        returning last_number`,
  );
  return Number(rows[0]!.last_number);
}

/**
 * Logs a call (入電): detailed when it has a question or an answer, count-only (`simple`) otherwise.
 * The caller's name and number, when given, are sealed; the number also gets its blind index.
 */
export async function logCall(ctx: CommandContext, programId: number, input: unknown) {
  const v = parseOrThrow(callSchema, input);
  const receivedAt = v.receivedAt ? new Date(v.receivedAt) : ctx.now;
  if (receivedAt.getTime() > ctx.now.getTime() + 60_000) {
    throw new AppError('validation-failed', cm('val.receivedFuture'), { fieldErrors: [{ field: 'receivedAt', message: cm('val.receivedFuture') }] });
  }
  const simple = !v.question && !v.answer;
  let sealed: { callerNameSealed: string | null; callerPhoneSealed: string | null; phoneIndex: string | null } = { callerNameSealed: null, callerPhoneSealed: null, phoneIndex: null };
  if (v.callerName || v.callerPhone) {
    const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
    sealed = {
      callerNameSealed: box.sealOptional(v.callerName),
      callerPhoneSealed: box.sealOptional(v.callerPhone),
      phoneIndex: v.callerPhone ? box.blindIndex(v.callerPhone) : null,
    };
  }
  const number = await nextCallNumber(ctx, programId);
  const [row] = await ctx.tx
    .insert(callLogs)
    .values({
      programId,
      number,
      receivedAt,
      day: tokyoDate(receivedAt),
      callerType: v.callerType,
      category: v.category,
      simple,
      question: v.question ?? null,
      answer: v.answer ?? null,
      outcome: v.outcome ?? (simple ? 'answered' : null),
      durationSeconds: v.durationSeconds ?? null,
      ...sealed,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: callLogs.id, number: callLogs.number, simple: callLogs.simple });
  ctx.audit({ action: 'calls.call.logged', programId, targetType: 'call_log', targetId: row!.id, diff: { number, simple, callerType: v.callerType, category: v.category } });
  return row!;
}
