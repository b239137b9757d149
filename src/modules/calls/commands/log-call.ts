import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/command.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { programScope } from '../../../platform/vault/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { callLogs } from '../schema.js';
import { callSchema } from '../validators.js';
import { callAnswerColumns, callAuditDiff, hasCaller, receivedAtOf, sealedCaller } from './call-values.js';

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
 * The API takes the one-statement way first (log-call-direct.ts); this is the general one.
 */
export async function logCall(ctx: CommandContext, programId: number, input: unknown) {
  const v = parseOrThrow(callSchema, input);
  const receivedAt = receivedAtOf(v, ctx.now);
  const answer = callAnswerColumns(v);
  const sealed = sealedCaller(hasCaller(v) ? await ctx.deps.vault.box(ctx.tx, programScope(programId)) : null, v);
  // The counter is taken last: its row stays locked until commit, so other agents wait as little as possible.
  const number = await nextCallNumber(ctx, programId);
  const [row] = await ctx.tx
    .insert(callLogs)
    .values({
      programId,
      number,
      receivedAt,
      day: tokyoDate(receivedAt),
      ...answer,
      durationSeconds: v.durationSeconds ?? null,
      ...sealed,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: callLogs.id, number: callLogs.number, simple: callLogs.simple });
  ctx.audit({ action: 'calls.call.logged', programId, targetType: 'call_log', targetId: row!.id, diff: callAuditDiff(number, answer) });
  return row!;
}
