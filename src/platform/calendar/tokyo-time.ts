/**
 * Instants ↔ Asia/Tokyo wall clock. Japan has had a fixed UTC+09:00 offset with no DST since 1951,
 * so a constant offset is exact for every date this system handles and, unlike `Date#getHours`,
 * ignores the process time zone.
 */
import { assertIsoDate, type IsoDate } from './iso-date.js';

export const TOKYO_OFFSET_MS = 9 * 3_600_000;

/** The instant shifted so that its UTC fields read as Tokyo wall-clock time. */
function shifted(instant: Date): Date {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return new Date(t + TOKYO_OFFSET_MS);
}

/** The calendar day in Tokyo at `instant`. */
export function tokyoDate(instant: Date): IsoDate {
  return shifted(instant).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` in Tokyo. */
export function tokyoDateTime(instant: Date): string {
  const iso = shifted(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The instant at 00:00 JST of `date`. */
export function startOfTokyoDay(date: IsoDate): Date {
  assertIsoDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) - TOKYO_OFFSET_MS);
}

/** The instant at `hour`:`minute` JST of `date`. */
export function tokyoInstant(date: IsoDate, hour: number, minute = 0): Date {
  return new Date(startOfTokyoDay(date).getTime() + (hour * 60 + minute) * 60_000);
}
