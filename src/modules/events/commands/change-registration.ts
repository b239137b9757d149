import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { chargeAnonymousMail } from '../../../platform/auth/mail-throttle.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import type { Locale } from '../../../platform/i18n/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { programScope } from '../../../platform/vault/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig } from '../config.js';
import { queueRegistrationMail } from '../mails.js';
import { eventMessages as em } from '../messages.js';
import { openPerson } from '../person.js';
import { findRegistration } from '../queries.js';
import { ACCOMMODATIONS, ATTENDANCES, eventRegistrations } from '../schema.js';
import { hasSeat, lockCounter, takeFreeSeats } from '../seats.js';
import { notifyPromoted } from './notify-promoted.js';

function changeSchema(locale: Locale) {
  return z.object({
    attendance: z.enum(ATTENDANCES, { message: em(locale, 'errAttendance') }),
    accommodations: z.array(z.enum(ACCOMMODATIONS, { message: em(locale, 'errAccommodation') }), { message: em(locale, 'errAccommodation') }).default([]),
    accommodationNote: z.string({ message: em(locale, 'errText') }).trim().max(500, em(locale, 'errLong', { max: 500 })).default(''),
  });
}

/**
 * The applicant (through their link) or staff changes how they take part and the support they
 * need. Switching between venue and online takes a seat in the other mode, or the waitlist, and
 * frees the old one for the next person waiting.
 */
export async function changeRegistration(ctx: CommandContext, program: Program, id: number, raw: unknown, opts: { locale?: Locale; by: 'applicant' | 'staff' }) {
  const locale = opts.locale ?? 'ja';
  const d = parseOrThrow(changeSchema(locale), raw);
  const cfg = eventConfig(program);
  if (d.attendance === 'online' && !cfg.onlineEnabled) {
    throw new AppError('validation-failed', em(locale, 'errOnlineOff'), { fieldErrors: [{ field: 'attendance', message: em(locale, 'errOnlineOff') }] });
  }
  await lockCounter(ctx.tx, program.id);
  const r = await findRegistration(ctx.tx, id);
  if (!r || r.programId !== program.id) throw new AppError('not-found');
  if (r.status !== 'confirmed' && r.status !== 'waitlisted') throw new AppError('conflict', em(locale, 'errCancelledNoChange'));
  const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
  // Each change through the applicant's link mails them: charged like any mail a request without
  // a signed-in user causes (429 beyond the hourly budget of the address and the client).
  if (opts.by === 'applicant') await chargeAnonymousMail(ctx, openPerson(box, r).email, locale);
  const moving = d.attendance !== r.attendance;
  const status = moving ? ((await hasSeat(ctx.tx, program.id, cfg, d.attendance)) ? 'confirmed' : 'waitlisted') : r.status;
  const [updated] = await ctx.tx
    .update(eventRegistrations)
    .set({
      attendance: d.attendance,
      status,
      accommodations: d.accommodations,
      accommodationNoteSealed: box.sealOptional(d.accommodationNote),
      groupId: moving ? null : r.groupId,
      updatedAt: ctx.now,
    })
    .where(eq(eventRegistrations.id, id))
    .returning();
  ctx.audit({
    action: 'events.registration.changed',
    programId: program.id,
    targetType: 'event_registration',
    targetId: id,
    diff: { attendance: [r.attendance, d.attendance], status: [r.status, status], accommodations: [r.accommodations, d.accommodations], by: opts.by },
  });
  await queueRegistrationMail(ctx, box, program, updated!, openPerson(box, updated!), 'changed');
  const promoted = moving && r.status === 'confirmed' ? await takeFreeSeats(ctx.tx, program.id, cfg, ctx.now) : [];
  await notifyPromoted(ctx, box, program, promoted);
  return updated!;
}
