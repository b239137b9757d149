import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import type { Locale } from '../../../platform/i18n/index.js';
import { programScope } from '../../../platform/vault/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig } from '../config.js';
import { queueRegistrationMail } from '../mails.js';
import { eventMessages as em } from '../messages.js';
import { openPerson } from '../person.js';
import { findRegistration } from '../queries.js';
import { eventRegistrations, type EventRegistration } from '../schema.js';
import { lockCounter, takeFreeSeats } from '../seats.js';
import { notifyPromoted } from './notify-promoted.js';

/**
 * Cancels a registration (by the applicant through their link, or by staff) and gives the freed
 * seat to the first person waiting, who is told by mail (or by a printed notice for paper applicants).
 * `locale` is the language of a refusal (the applicant's page is bilingual).
 */
export async function cancelRegistration(ctx: CommandContext, program: Program, id: number, by: 'applicant' | 'staff', locale: Locale = 'ja'): Promise<{ promoted: EventRegistration[] }> {
  await lockCounter(ctx.tx, program.id);
  const r = await findRegistration(ctx.tx, id);
  if (!r || r.programId !== program.id) throw new AppError('not-found');
  if (r.status === 'cancelled' || r.status === 'merged') throw new AppError('conflict', em(locale, 'errAlreadyCancelled'));
  const [cancelled] = await ctx.tx
    .update(eventRegistrations)
    .set({ status: 'cancelled', cancelledAt: ctx.now, updatedAt: ctx.now, groupId: null })
    .where(eq(eventRegistrations.id, id))
    .returning();
  const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
  await queueRegistrationMail(ctx, box, program, cancelled!, openPerson(box, cancelled!), 'cancelled');
  ctx.audit({ action: 'events.registration.cancelled', programId: program.id, targetType: 'event_registration', targetId: id, diff: { number: r.number, status: [r.status, 'cancelled'], by } });
  const promoted = r.status === 'confirmed' ? await takeFreeSeats(ctx.tx, program.id, eventConfig(program), ctx.now) : [];
  await notifyPromoted(ctx, box, program, promoted);
  return { promoted };
}
