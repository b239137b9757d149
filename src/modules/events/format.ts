import { formatJaDate } from '../../platform/calendar/index.js';
import type { Locale } from '../../platform/i18n/index.js';
import type { EventConfig } from './config.js';
import { am, eventMessages as em, type EventMessageKey } from './messages.js';
import type { Accommodation, Attendance, Channel, RegistrationStatus } from './schema.js';

export function eventDateText(cfg: EventConfig, locale: Locale = 'ja'): string {
  if (!cfg.eventDate) return em(locale, 'notSet');
  const day = locale === 'en' ? cfg.eventDate : formatJaDate(cfg.eventDate);
  return em(locale, 'dateTime', { day, start: cfg.startTime, end: cfg.endTime });
}

export function dayText(d: string | null, locale: Locale = 'ja'): string {
  if (!d) return em(locale, 'notSet');
  return locale === 'en' ? d : formatJaDate(d);
}

const STATUS_KEYS = { confirmed: 'labelStatusConfirmed', waitlisted: 'labelStatusWaitlisted', cancelled: 'labelStatusCancelled', merged: 'labelStatusMerged' } as const satisfies Record<RegistrationStatus, EventMessageKey>;
const ATTENDANCE_KEYS = { venue: 'labelAttendanceVenue', online: 'labelAttendanceOnline' } as const satisfies Record<Attendance, EventMessageKey>;
const ACCOMMODATION_KEYS = { wheelchair: 'labelAccWheelchair', hearing: 'labelAccHearing', visual: 'labelAccVisual', other: 'labelAccOther' } as const satisfies Record<Accommodation, EventMessageKey>;

/** Short labels (roster, mails, printouts): a registration's status, how it takes part, the support asked for. */
export const statusLabel = (s: RegistrationStatus, locale: Locale = 'ja') => em(locale, STATUS_KEYS[s]);
export const attendanceLabel = (a: Attendance, locale: Locale = 'ja') => em(locale, ATTENDANCE_KEYS[a]);
export const accommodationLabel = (a: Accommodation, locale: Locale = 'ja') => em(locale, ACCOMMODATION_KEYS[a]);

const japanese = <K extends string>(keys: Record<K, unknown>, label: (k: K) => string) => Object.fromEntries(Object.keys(keys).map((k) => [k, label(k as K)])) as Record<K, string>;

/** The same labels in Japanese, for the back office (pages, exports, CLI). */
export const CHANNEL_LABELS: Record<Channel, string> = {
  web: am('channel.web'),
  email: am('channel.email'),
  fax: am('channel.fax'),
  phone: am('channel.phone'),
  post: am('channel.post'),
  'walk-in': am('channel.walk-in'),
};
export const STATUS_LABELS: Record<RegistrationStatus, string> = japanese(STATUS_KEYS, (s) => statusLabel(s));
export const ATTENDANCE_LABELS: Record<Attendance, string> = japanese(ATTENDANCE_KEYS, (a) => attendanceLabel(a));
export const ACCOMMODATION_LABELS: Record<Accommodation, string> = japanese(ACCOMMODATION_KEYS, (a) => accommodationLabel(a));

/** The applicant's status as they see it on their own page. */
export function statusText(locale: Locale, s: RegistrationStatus): string {
  const key = ({ confirmed: 'statusConfirmed', waitlisted: 'statusWaitlisted', cancelled: 'statusCancelled', merged: 'statusMerged' } as const)[s];
  return em(locale, key);
}

/** The support asked for, listed with the free-text note. */
export function accommodationText(codes: readonly Accommodation[], note: string, locale: Locale = 'ja'): string {
  return [...codes.map((c) => accommodationLabel(c, locale)), note].filter(Boolean).join(em(locale, 'listSeparator'));
}
