import { programMemberEmails } from '../../../platform/auth/memberships.js';
import { formatJaDate, tokyoDate } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import type { Program } from '../../../platform/programs/schema.js';
import { cm } from '../messages.js';
import { linePlans } from '../queries.js';
import { callLineWarnings } from '../schema.js';
import { callCenterConfig } from '../settings.js';
import { shortDays, warnRange } from '../staffing.js';

/**
 * Mails the program's operators once for each day ahead (two weeks, within the call center's
 * period) with fewer lines planned than the seed's 2 (3 in the peak): the day, the lines planned
 * and needed, and a link — no personal data. A day already warned of is not mailed again
 * (call_line_warnings), so the morning job may run any number of times. Returns the days mailed.
 */
export async function warnLineShortage(ctx: CommandContext, program: Program): Promise<string[]> {
  const cfg = callCenterConfig(program);
  const range = warnRange(cfg, tokyoDate(ctx.now));
  if (!range) return [];
  const short = shortDays(range, cfg, await linePlans(ctx.tx, program.id, range.from, range.to));
  const warned: string[] = [];
  for (const d of short) {
    const planned = d.planned ?? 0;
    const [row] = await ctx.tx
      .insert(callLineWarnings)
      .values({ programId: program.id, day: d.date, planned, required: d.required, warnedAt: ctx.now })
      .onConflictDoNothing()
      .returning({ day: callLineWarnings.day });
    if (!row) continue;
    const params = { program: program.name, date: formatJaDate(d.date), planned, required: d.required, link: `${ctx.deps.config.publicBaseUrl}/admin/calls/${program.slug}/reports?month=${d.date.slice(0, 7)}` };
    for (const to of await programMemberEmails(ctx.tx, program.id, 'operator')) {
      await queueMail(ctx.tx, ctx.deps, { programId: program.id, template: 'calls.lines_short', to, subject: cm('mail.linesShortSubject', params), text: cm('mail.linesShortBody', params), lang: 'ja' });
    }
    ctx.audit({ action: 'calls.lines.short_warned', programId: program.id, targetType: 'program', targetId: program.id, diff: { day: d.date, planned, required: d.required } });
    warned.push(d.date);
  }
  return warned;
}
