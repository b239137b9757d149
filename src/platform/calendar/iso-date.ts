/**
 * Calendar days as `YYYY-MM-DD` strings. Arithmetic runs on UTC day numbers so that the result
 * never depends on the process time zone: a calendar day has no instant, only a label.
 */
import { AppError } from '../errors/index.js';

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Whether `s` is a real calendar day in `YYYY-MM-DD` form (2025-02-30 is not). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Validates user input; throws `validation-failed` so the HTTP layer can show it to the user. */
export function parseIsoDate(s: string): IsoDate {
  const trimmed = s.trim();
  if (!isIsoDate(trimmed)) {
    throw new AppError('validation-failed', `日付「${s}」が正しくありません。YYYY-MM-DD の形式で、実在する日付を入力してください。`, {
      detail: { value: s },
    });
  }
  return trimmed;
}

/** For internal callers: a bad date here is a programming error, not user input. */
export function assertIsoDate(s: IsoDate): void {
  if (!isIsoDate(s)) throw new RangeError(`not a valid YYYY-MM-DD date: ${String(s)}`);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
