import type { CommandContext } from '../../platform/command.js';
import type { Locale } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Box } from '../../platform/vault/index.js';
import type { Program } from '../../platform/programs/schema.js';
import { eventConfig } from './config.js';
import { accommodationText, attendanceLabel, eventDateText, statusLabel } from './format.js';
import { linkToken, manageUrl } from './link-token.js';
import { eventMessages as em, type EventMessageKey } from './messages.js';
import { ERASED_TEXT, type Person } from './person.js';
import type { EventRegistration } from './schema.js';

export type RegistrationMailKind = 'registered' | 'promoted' | 'cancelled' | 'reminder' | 'changed';

const LEADS: Record<RegistrationMailKind, (r: EventRegistration) => EventMessageKey> = {
  registered: (r) => (r.status === 'waitlisted' ? 'mailLeadWaitlisted' : 'mailLeadRegistered'),
  promoted: () => 'mailLeadPromoted',
  cancelled: () => 'mailLeadCancelled',
  reminder: () => 'mailLeadReminder',
  changed: () => 'mailLeadChanged',
};

const SUBJECTS: Record<RegistrationMailKind, (r: EventRegistration) => EventMessageKey> = {
  registered: (r) => (r.status === 'waitlisted' ? 'mailWaitSubject' : 'mailConfirmSubject'),
  promoted: () => 'mailPromotedSubject',
  cancelled: () => 'mailCancelSubject',
  reminder: () => 'mailReminderSubject',
  changed: () => 'mailChangeSubject',
};

/**
 * The language of the mails to a registrant. A registration does not record the language its
 * registrant used (the form on `/en` and the one on `/` store the same row), so every mail is
 * Japanese; the texts exist in English too, and once a registration keeps its locale this is the
 * one place to read it.
 */
export function mailLocale(_r: EventRegistration): Locale {
  return 'ja';
}

/** The event's name as the mail names it. */
function eventName(program: Program, locale: Locale): string {
  const cfg = eventConfig(program);
  return locale === 'en' && cfg.titleEn ? cfg.titleEn : program.name;
}

export function registrationMailSubject(program: Program, r: EventRegistration, kind: RegistrationMailKind, locale: Locale = 'ja'): string {
  return em(locale, SUBJECTS[kind](r), { event: eventName(program, locale) });
}

/** The mail body: only the recipient's own data, the venue, and (for confirmed online viewers) the link. */
export function registrationMailText(program: Program, r: EventRegistration, p: Person, kind: RegistrationMailKind, link: string, locale: Locale = 'ja'): string {
  const cfg = eventConfig(program);
  const m = (key: EventMessageKey, params?: Record<string, string | number>) => em(locale, key, params);
  const en = locale === 'en';
  const event = eventName(program, locale);
  const lines = [
    m('mailDear', { name: p.name }),
    '',
    m('mailEvent', { event }),
    m(LEADS[kind](r)),
    '',
    m('mailNumber', { number: r.number }),
    m('mailStatus', { status: statusLabel(r.status, locale) }),
    m('mailAttendance', { attendance: attendanceLabel(r.attendance, locale) }),
    m('mailName', { name: p.name, kana: p.nameKana }),
  ];
  if (p.organization) lines.push(m('mailOrganization', { organization: `${p.organization}${p.orgRole ? ` ${p.orgRole}` : ''}` }));
  const acc = accommodationText(r.accommodations, p.accommodationNote, locale);
  if (acc) lines.push(m('mailAccommodations', { accommodations: acc }));
  lines.push('', m('mailDate', { date: eventDateText(cfg, locale) }));
  if (r.attendance === 'venue') {
    lines.push(m('mailVenue', { venue: en ? cfg.venueNameEn || cfg.venueName : cfg.venueName }), m('mailAddress', { address: cfg.venueAddress }));
    const access = en ? cfg.venueAccessEn || cfg.venueAccess : cfg.venueAccess;
    if (access) lines.push(m('mailAccess', { access }));
  } else if (r.status === 'confirmed' && kind !== 'cancelled') {
    lines.push(m('mailViewingUrl', { url: cfg.onlineUrl || m('mailViewingUrlLater') }), m('mailViewingNote'));
  }
  lines.push('', m(kind === 'cancelled' ? 'mailLinkStatus' : 'mailLinkManage'), link);
  lines.push('', '―――', m('secretariat', { event }));
  if (cfg.contactPhone) lines.push(m('mailPhone', { phone: cfg.contactPhone }));
  if (cfg.contactEmail) lines.push(m('mailEmail', { email: cfg.contactEmail }));
  lines.push(m('mailNoReply'));
  return lines.join('\n');
}

/**
 * Queues a mail about a registration to its own e-mail address, in the caller's transaction.
 * Returns false when there is no address to write to (paper applicants get a printed sheet).
 */
export async function queueRegistrationMail(ctx: CommandContext, box: Box, program: Program, r: EventRegistration, p: Person, kind: RegistrationMailKind): Promise<boolean> {
  if (!p.email || p.email === ERASED_TEXT) return false;
  const locale = mailLocale(r);
  const link = manageUrl(ctx.deps.config.publicBaseUrl, program.slug, linkToken(box, r.linkNonce));
  await queueMail(ctx.tx, ctx.deps, {
    programId: program.id,
    template: `events.${kind}`,
    to: p.email,
    subject: registrationMailSubject(program, r, kind, locale),
    text: registrationMailText(program, r, p, kind, link, locale),
  });
  return true;
}
