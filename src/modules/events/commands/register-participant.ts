import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { chargeAnonymousMail } from '../../../platform/auth/mail-throttle.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import type { Locale } from '../../../platform/i18n/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { programScope, type Box } from '../../../platform/vault/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig, isWithinWindow } from '../config.js';
import { newLinkNonce, linkToken, tokenHash } from '../link-token.js';
import { queueRegistrationMail } from '../mails.js';
import { eventMessages as em } from '../messages.js';
import { foldKana, foldOrganization, type Person } from '../person.js';
import { eventRegistrations, type EventRegistration } from '../schema.js';
import { hasSeat, lockCounter, takeNumber } from '../seats.js';
import { registrationSchema, type RegistrationInput } from '../validators.js';

export interface Registered {
  registration: EventRegistration;
  /** The link token, for the web form's thank-you page only. */
  token: string;
  mailed: boolean;
}

/** Channels whose applicants get a printed confirmation sheet (sent by FAX or post). */
const PAPER_CHANNELS = new Set(['fax', 'post']);

function indexes(box: Box, d: RegistrationInput) {
  return {
    kanaIndex: box.blindIndex(foldKana(d.nameKana)),
    emailIndex: d.email ? box.blindIndex(d.email) : null,
    phoneIndex: d.phone ? box.blindIndex(d.phone) : null,
    faxIndex: d.fax ? box.blindIndex(d.fax) : null,
    orgIndex: d.organization ? box.blindIndex(foldOrganization(d.organization)) : null,
  };
}

/** An earlier live registration with the same kana and any shared contact (phone and FAX compared across). */
async function findDuplicate(ctx: CommandContext, programId: number, ix: ReturnType<typeof indexes>): Promise<number | null> {
  const tel = [ix.phoneIndex, ix.faxIndex].filter((v): v is string => !!v);
  const contact: SQL[] = [];
  if (ix.emailIndex) contact.push(eq(eventRegistrations.emailIndex, ix.emailIndex));
  if (tel.length) contact.push(inArray(eventRegistrations.phoneIndex, tel), inArray(eventRegistrations.faxIndex, tel));
  if (!contact.length) return null;
  const [row] = await ctx.tx
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.programId, programId), eq(eventRegistrations.kanaIndex, ix.kanaIndex), inArray(eventRegistrations.status, ['confirmed', 'waitlisted']), or(...contact)))
    .orderBy(asc(eventRegistrations.number))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Registers one person from any channel into the roster: seat or waitlist under the counter lock,
 * the next 受付番号, sealed personal data, a duplicate flag, and the confirmation (mail, or a
 * printed sheet queued for staff).
 */
export async function registerParticipant(
  ctx: CommandContext,
  program: Program,
  raw: unknown,
  opts: { locale?: Locale; staff: boolean },
): Promise<Registered> {
  const locale = opts.locale ?? 'ja';
  if (program.kind !== 'event') throw new AppError('not-found');
  const d = parseOrThrow(registrationSchema(locale), raw);
  if (d.channel !== 'web' && !opts.staff) throw new AppError('forbidden', em(locale, 'errStaffChannel'));
  const cfg = eventConfig(program);
  if (d.attendance === 'online' && !cfg.onlineEnabled) {
    throw new AppError('validation-failed', em(locale, 'errOnlineOff'), { fieldErrors: [{ field: 'attendance', message: em(locale, 'errOnlineOff') }] });
  }
  const today = tokyoDate(ctx.now);
  const receivedOn = d.channel === 'web' ? today : (d.receivedOn ?? today);
  if (d.channel !== 'walk-in' && !isWithinWindow(cfg, receivedOn)) {
    throw new AppError('window-closed', em(locale, 'windowClosed'), { detail: { opens: cfg.registrationOpens, closes: cfg.registrationCloses } });
  }

  // A registration made without signing in mails the address it gives (and takes a seat): charged
  // against that address's and the client's hourly budget, refused with 429 beyond it.
  await chargeAnonymousMail(ctx, d.email, locale);
  await lockCounter(ctx.tx, program.id);
  // A walk-in is already in the room: they are confirmed whatever the count.
  const status = d.channel === 'walk-in' || (await hasSeat(ctx.tx, program.id, cfg, d.attendance)) ? 'confirmed' : 'waitlisted';
  const number = await takeNumber(ctx.tx, program.id);
  const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
  const ix = indexes(box, d);
  const duplicateOf = await findDuplicate(ctx, program.id, ix);
  const nonce = newLinkNonce();
  const token = linkToken(box, nonce);
  const [registration] = await ctx.tx
    .insert(eventRegistrations)
    .values({
      programId: program.id,
      number,
      status,
      attendance: d.attendance,
      channel: d.channel,
      receivedOn,
      nameSealed: box.seal(d.name),
      nameKanaSealed: box.seal(d.nameKana),
      organizationSealed: box.sealOptional(d.organization),
      orgRoleSealed: box.sealOptional(d.orgRole),
      emailSealed: box.sealOptional(d.email),
      phoneSealed: box.sealOptional(d.phone),
      faxSealed: box.sealOptional(d.fax),
      accommodations: d.accommodations,
      accommodationNoteSealed: box.sealOptional(d.accommodationNote),
      questionSealed: box.sealOptional(d.question),
      ...ix,
      possibleDuplicateOf: duplicateOf,
      linkNonce: nonce,
      tokenHash: tokenHash(token),
      printStatus: PAPER_CHANNELS.has(d.channel) || (!d.email && d.channel !== 'walk-in') ? 'to-send' : null,
      checkedInAt: d.channel === 'walk-in' ? ctx.now : null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  const person: Person = d;
  const mailed = d.channel === 'walk-in' ? false : await queueRegistrationMail(ctx, box, program, registration!, person, 'registered');
  ctx.audit({
    action: 'events.registration.created',
    programId: program.id,
    targetType: 'event_registration',
    targetId: registration!.id,
    diff: { number, status, attendance: d.attendance, channel: d.channel, receivedOn, accommodations: d.accommodations, possibleDuplicateOf: duplicateOf, mailed },
  });
  return { registration: registration!, token, mailed };
}
