import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import type { Box } from '../../../platform/vault/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { queueRegistrationMail } from '../mails.js';
import { openPerson } from '../person.js';
import { eventRegistrations, type EventRegistration } from '../schema.js';

/**
 * Tells each person just moved from the waitlist to confirmed: by mail, or (no address) by a
 * printed notice put back on the staff's to-send list. Audits each promotion.
 */
export async function notifyPromoted(ctx: CommandContext, box: Box, program: Program, promoted: EventRegistration[]): Promise<void> {
  for (const before of promoted) {
    const now = { ...before, status: 'confirmed' as const };
    const mailed = await queueRegistrationMail(ctx, box, program, now, openPerson(box, now), 'promoted');
    if (!mailed) await ctx.tx.update(eventRegistrations).set({ printStatus: 'to-send', printSentAt: null }).where(eq(eventRegistrations.id, before.id));
    ctx.audit({
      action: 'events.registration.promoted',
      programId: program.id,
      targetType: 'event_registration',
      targetId: before.id,
      diff: { number: before.number, status: ['waitlisted', 'confirmed'], mailed },
    });
  }
}
