import { formatJaDate } from '../../platform/calendar/index.js';
import type { Locale } from '../../platform/i18n/index.js';
import type { EventConfig } from './config.js';
import { eventMessages as em } from './messages.js';
import type { Accommodation, Attendance, Channel, RegistrationStatus } from './schema.js';

export function eventDateText(cfg: EventConfig, locale: Locale = 'ja'): string {
  if (!cfg.eventDate) return em(locale, 'notSet');
  const day = locale === 'en' ? cfg.eventDate : formatJaDate(cfg.eventDate);
  return `${day} ${cfg.startTime}〜${cfg.endTime}`;
}

export function dayText(d: string | null, locale: Locale = 'ja'): string {
  if (!d) return em(locale, 'notSet');
  return locale === 'en' ? d : formatJaDate(d);
}

export const CHANNEL_LABELS: Record<Channel, string> = { web: 'Web', email: 'メール', fax: 'FAX', phone: '電話', post: '郵送', 'walk-in': '当日受付' };
export const STATUS_LABELS: Record<RegistrationStatus, string> = { confirmed: '参加確定', waitlisted: 'キャンセル待ち', cancelled: '取消', merged: '重複統合' };
export const ATTENDANCE_LABELS: Record<Attendance, string> = { venue: '会場', online: 'オンライン' };
export const ACCOMMODATION_LABELS: Record<Accommodation, string> = { wheelchair: '車いす', hearing: '聴覚支援', visual: '視覚支援', other: 'その他' };

export function statusText(locale: Locale, s: RegistrationStatus): string {
  const key = ({ confirmed: 'statusConfirmed', waitlisted: 'statusWaitlisted', cancelled: 'statusCancelled', merged: 'statusMerged' } as const)[s];
  return em(locale, key);
}

export function accommodationText(codes: readonly Accommodation[], note: string): string {
  return [...codes.map((c) => ACCOMMODATION_LABELS[c]), note].filter(Boolean).join('／');
}
