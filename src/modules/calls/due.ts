/**
 * Deadlines of the call tallies (seed 002 §6-4): a day's tally is due by 12:00 Asia/Tokyo of the
 * next business day, a month's by the 7th business day of the next month. Both follow the office
 * calendar (holidays and CALENDAR_CLOSED_DAYS).
 */
import { addDays, isIsoDate, noonOfNextBusinessDay, nthBusinessDayOfMonth, startOfTokyoDay, TOKYO_OFFSET_MS } from '../../platform/calendar/index.js';

/** ISO 8601 with the Tokyo offset: `2026-04-30T12:00:00+09:00`. */
export function tokyoIso(instant: Date): string {
  return new Date(instant.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 19) + '+09:00';
}

export function dailyDueAt(day: string): Date {
  return noonOfNextBusinessDay(startOfTokyoDay(day));
}

/** `YYYY-MM` → the 7th business day of the following month (YYYY-MM-DD). */
export function monthlyDueOn(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? nthBusinessDayOfMonth(y + 1, 1, 7) : nthBusinessDayOfMonth(y, m + 1, 7);
}

/** A monthly tally is on time when submitted any time on its due day (before 24:00 JST). */
export function monthlyDueAt(month: string): Date {
  return startOfTokyoDay(addDays(monthlyDueOn(month), 1));
}

export function isMonth(v: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(v) && isIsoDate(`${v}-01`);
}

/** The first day after the period (the tally can be submitted from then on). */
export function periodEnd(period: 'daily' | 'monthly', key: string): Date {
  if (period === 'daily') return startOfTokyoDay(addDays(key, 1));
  const [y, m] = key.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return startOfTokyoDay(next);
}
