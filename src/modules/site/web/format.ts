import { formatJaDate } from '../../../platform/calendar/index.js';
import type { Locale } from '../../../platform/i18n/index.js';
import { siteMessages as m, type SiteMessageKey } from '../messages.js';

const TYPE_KEYS: Record<string, SiteMessageKey> = { hotel: 'typeHotel', ryokan: 'typeRyokan', simple: 'typeSimple', other: 'typeOther' };
const WARD_EN: Record<string, string> = { 青葉区: 'Aoba-ku', 宮城野区: 'Miyagino-ku', 若林区: 'Wakabayashi-ku', 太白区: 'Taihaku-ku', 泉区: 'Izumi-ku' };

export function typeLabel(locale: Locale, type: string): string {
  const k = TYPE_KEYS[type];
  return k ? m(locale, k) : type;
}

export function wardLabel(locale: Locale, ward: string): string {
  return locale === 'en' ? (WARD_EN[ward] ?? ward) : ward;
}

export function dateLabel(locale: Locale, iso: string): string {
  return locale === 'en' ? iso : formatJaDate(iso);
}

/** 販売終了（2026年6月10日）, or null when on sale. */
export function soldOutLabel(locale: Locale, soldOutOn: string | null): string | null {
  return soldOutOn ? m(locale, 'soldOutOn', { date: dateLabel(locale, soldOutOn) }) : null;
}
