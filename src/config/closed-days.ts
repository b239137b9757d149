import { isIsoDate, type ClosedRange, type IsoDate } from '../platform/calendar/index.js';

export interface ClosedDays {
  /** Yearly closures by month-day (`MM-DD`); a range may wrap over New Year. */
  ranges: ClosedRange[];
  /** One-off closed dates (`YYYY-MM-DD`). */
  dates: IsoDate[];
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Days each month can have in some year (02-29 counts: leap years). */
const MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isMonthDay(s: string): boolean {
  if (!MONTH_DAY.test(s)) return false;
  const [m, d] = s.split('-').map(Number) as [number, number];
  return d <= MAX_DAY[m - 1]!;
}

/**
 * CALENDAR_CLOSED_DAYS: comma-separated yearly closures `MM-DD..MM-DD` or `MM-DD`, and one-off
 * dates `YYYY-MM-DD`, e.g. `12-29..01-03,08-13..08-15,2026-05-01`. `none`: no closed days at all.
 * Returns a message for the first bad entry instead of throwing, so the config error lists it.
 */
export function parseClosedDays(text: string): ClosedDays | string {
  const trimmed = text.trim();
  if (trimmed === 'none') return { ranges: [], dates: [] };
  const out: ClosedDays = { ranges: [], dates: [] };
  for (const raw of trimmed.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const oneOff: boolean = isIsoDate(entry);
    if (oneOff) {
      out.dates.push(entry);
      continue;
    }
    const [from, to, extra] = entry.split('..');
    if (extra !== undefined || !from || !isMonthDay(from) || (to !== undefined && !isMonthDay(to))) {
      return `"${entry}" is not MM-DD, MM-DD..MM-DD or YYYY-MM-DD`;
    }
    out.ranges.push({ from, to: to ?? from });
  }
  return out;
}
