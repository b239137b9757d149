import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { addDays } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { programScope } from '../../../platform/vault/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig } from '../config.js';
import { queueRegistrationMail } from '../mails.js';
import { openPerson } from '../person.js';
import { eventRegistrations } from '../schema.js';

/**
 * Sends the reminder to every confirmed person with an e-mail address once the event is at most
 * `reminderDaysBefore` days away (and not yet past). Idempotent: each person is reminded once.
 */
export async function sendReminders(ctx: CommandContext, program: Program, today: string): Promise<number> {
  const cfg = eventConfig(program);
  if (program.kind !== 'event' || !cfg.eventDate || today > cfg.eventDate || addDays(today, cfg.reminderDaysBefore) < cfg.eventDate) return 0;
  const due = await ctx.tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.programId, program.id), eq(eventRegistrations.status, 'confirmed'), isNull(eventRegistrations.reminderSentAt), isNotNull(eventRegistrations.emailSealed)))
    .for('update');
  const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
  let sent = 0;
  for (const r of due) {
    if (await queueRegistrationMail(ctx, box, program, r, openPerson(box, r), 'reminder')) sent++;
    await ctx.tx.update(eventRegistrations).set({ reminderSentAt: ctx.now }).where(eq(eventRegistrations.id, r.id));
  }
  if (due.length) ctx.audit({ action: 'events.reminders.sent', programId: program.id, targetType: 'event_roster', targetId: program.id, diff: { sent, eventDate: cfg.eventDate } });
  return sent;
}
