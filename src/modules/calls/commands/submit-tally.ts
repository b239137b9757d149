import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import { dailyDueAt, monthlyDueAt, periodEnd } from '../due.js';
import { cm } from '../messages.js';
import { dailyTally, monthlyTally } from '../queries.js';
import { callTallySubmissions, type Period } from '../schema.js';

export function dueAtOf(period: Period, key: string): Date {
  return period === 'daily' ? dailyDueAt(key) : monthlyDueAt(key);
}

/**
 * Prepares a tally's submission row (the operator's inbox shows it until submitted); idempotent.
 * Returns whether it was new.
 */
export async function prepareTally(ctx: CommandContext, programId: number, period: Period, key: string): Promise<boolean> {
  const rows = await ctx.tx
    .insert(callTallySubmissions)
    .values({ programId, period, periodKey: key, dueAt: dueAtOf(period, key), createdAt: ctx.now })
    .onConflictDoNothing()
    .returning({ id: callTallySubmissions.id });
  if (rows.length) ctx.audit({ action: 'calls.tally.prepared', programId, targetType: 'call_tally', targetId: rows[0]!.id, diff: { period, key } });
  return rows.length > 0;
}

/**
 * Submits a day's or a month's tally to the City: on time when before its deadline. A period not
 * yet over, or one already submitted, is refused (409).
 */
export async function submitTally(ctx: CommandContext, programId: number, period: Period, key: string): Promise<{ submittedAt: Date; onTime: boolean }> {
  if (ctx.now.getTime() < periodEnd(period, key).getTime()) throw new AppError('conflict', cm('err.notOver'));
  await prepareTally(ctx, programId, period, key);
  const total = period === 'daily' ? (await dailyTally(ctx.tx, programId, key)).total : (await monthlyTally(ctx.tx, programId, key)).total;
  const rows = await ctx.tx
    .update(callTallySubmissions)
    .set({ submittedAt: ctx.now, onTime: ctx.now.getTime() <= dueAtOf(period, key).getTime(), total })
    .where(and(eq(callTallySubmissions.programId, programId), eq(callTallySubmissions.period, period), eq(callTallySubmissions.periodKey, key), sql`${callTallySubmissions.submittedAt} is null`))
    .returning({ id: callTallySubmissions.id, onTime: callTallySubmissions.onTime });
  if (!rows.length) {
    const [prev] = await ctx.tx
      .select({ at: callTallySubmissions.submittedAt })
      .from(callTallySubmissions)
      .where(and(eq(callTallySubmissions.programId, programId), eq(callTallySubmissions.period, period), eq(callTallySubmissions.periodKey, key)));
    throw new AppError('conflict', cm('err.alreadySubmitted', { at: prev?.at ? tokyoDateTime(prev.at) : '' }));
  }
  const onTime = rows[0]!.onTime === true;
  ctx.audit({ action: 'calls.tally.submitted', programId, targetType: 'call_tally', targetId: rows[0]!.id, diff: { period, key, total, onTime } });
  return { submittedAt: ctx.now, onTime };
}
