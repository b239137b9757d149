import { AppError } from '../../../platform/errors/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { isIsoDate } from '../../../platform/calendar/index.js';
import { cm } from '../messages.js';
import { callLinePlans } from '../schema.js';

/** Sets the lines planned for days (`{ 'YYYY-MM-DD': n }`); one audit entry for the change. */
export async function setLinePlans(ctx: CommandContext, programId: number, plans: Record<string, string>) {
  const entries: Array<[string, number]> = [];
  const errors: Array<{ field: string; message: string }> = [];
  for (const [day, text] of Object.entries(plans)) {
    if (!isIsoDate(day)) continue;
    const t = text.trim();
    if (t === '') continue;
    if (!/^\d{1,3}$/.test(t)) errors.push({ field: `lines_${day}`, message: cm('val.lines') });
    else entries.push([day, Number(t)]);
  }
  if (errors.length) throw new AppError('validation-failed', cm('val.lines'), { fieldErrors: errors });
  for (const [day, lines] of entries) {
    await ctx.tx.insert(callLinePlans).values({ programId, day, lines }).onConflictDoUpdate({ target: [callLinePlans.programId, callLinePlans.day], set: { lines } });
  }
  if (entries.length) ctx.audit({ action: 'calls.lines.planned', programId, targetType: 'program', targetId: programId, diff: { days: entries.length } });
}
