import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { isIsoDate, tokyoDate } from '../../../platform/calendar/index.js';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import { lockProgram } from '../../../platform/programs/queries.js';
import { programs, type Program } from '../../../platform/programs/schema.js';
import { cm } from '../messages.js';

/**
 * An admin re-opens applications until a day (inclusive), even after the campaign has started,
 * with a reason that goes into the audit trail. An empty `until` withdraws a re-opening.
 */
export async function reopenApplications(ctx: CommandContext, programId: number, until: string, reason: string): Promise<Program> {
  const errors: FieldError[] = [];
  const today = tokyoDate(ctx.now);
  if (until !== '' && (!isIsoDate(until) || until < today)) errors.push({ field: 'until', message: cm('errReopenUntil') });
  if (!reason.trim()) errors.push({ field: 'reason', message: cm('errReopenReason') });
  if (errors.length) throw new AppError('validation-failed', cm('errInput'), { fieldErrors: errors });
  // Re-read under the lock: a settings change made meanwhile is kept.
  const program = await lockProgram(ctx.tx, programId);
  if (!program) throw new AppError('not-found');
  const settings = { ...program.settings };
  const before = settings.applicationsReopenedUntil ?? null;
  if (until === '') delete settings.applicationsReopenedUntil;
  else settings.applicationsReopenedUntil = until;
  const [updated] = await ctx.tx.update(programs).set({ settings, updatedAt: ctx.now }).where(eq(programs.id, program.id)).returning();
  ctx.audit({ action: 'campaign.applications.reopened', programId: program.id, targetType: 'program', targetId: program.id, diff: { until: [before, until || null], reason: reason.trim() } });
  return updated!;
}
