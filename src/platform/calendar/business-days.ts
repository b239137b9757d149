/**
 * Business days of the office: Monday–Friday that are neither a Japanese public holiday
 * (including 振替休日 and 国民の休日) nor a closed day of the office (year-end closure by default).
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, assertIsoDate, daysInMonth, isoDateOf, weekday, type IsoDate } from './iso-date.js';
import { startOfTokyoDay, tokyoDate } from './tokyo-time.js';

/** Month-day, `MM-DD`. A range whose `from` is after its `to` wraps over New Year. */
export interface ClosedRange {
  from: string;
  to: string;
}

export interface CalendarOptions {
  /** Replaces the default year-end closure (12-29 to 01-03); pass [] for none. */
  closedRanges?: ClosedRange[];
  /** Additional closed days (e.g. an office move). */
  extraClosed?: IsoDate[];
  /**
   * Days that are business days whatever the rules say. Future equinox days in the holiday data
   * are predictions until the Cabinet Office gazette, so a wrong one must be fixable by configuration.
   */
  extraOpen?: IsoDate[];
}

export interface BusinessCalendar {
  isBusinessDay(date: IsoDate): boolean;
  /** The holiday's Japanese name, or null. Office closures are not holidays. */
  holidayName(date: IsoDate): string | null;
  /**
   * n > 0: the n-th business day after `date`; n < 0: the |n|-th business day before it
   * (`date` itself never counts, whether or not it is a business day).
   * n = 0: `date` if it is a business day, otherwise the next business day (a due date that
   * falls on a closed day rolls forward).
   */
  addBusinessDays(date: IsoDate, n: number): IsoDate;
  /** The first business day strictly after `date`. */
  nextBusinessDay(date: IsoDate): IsoDate;
  /** The n-th (1-based) business day of the month; RangeError if the month has fewer. */
  nthBusinessDayOfMonth(year: number, month: number, n: number): IsoDate;
  /** 12:00 JST of the first business day after the Tokyo calendar day of `instant`. */
  noonOfNextBusinessDay(instant: Date): Date;
}

export const DEFAULT_CLOSED_RANGES: readonly ClosedRange[] = [{ from: '12-29', to: '01-03' }];

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const holidays: Readonly<Record<string, { name: string }>> = holidayJp.holidays;
const holidayYears = Object.keys(holidays).map((d) => Number(d.slice(0, 4)));
/** Outside these years the data has no holidays at all, which would silently count them as open. */
export const HOLIDAY_DATA_YEARS = { first: Math.min(...holidayYears), last: Math.max(...holidayYears) } as const;

function holidayOf(date: IsoDate): string | null {
  // The package's isHoliday(Date) reads local-time fields, so it depends on TZ; the keyed table does not.
  return Object.hasOwn(holidays, date) ? (holidays[date]?.name ?? null) : null;
}

function assertCovered(date: IsoDate): void {
  const y = Number(date.slice(0, 4));
  if (y < HOLIDAY_DATA_YEARS.first || y > HOLIDAY_DATA_YEARS.last) {
    throw new RangeError(
      `no holiday data for ${date} (covered: ${HOLIDAY_DATA_YEARS.first}–${HOLIDAY_DATA_YEARS.last}); update @holiday-jp/holiday_jp`,
    );
  }
}

function inRange(md: string, r: ClosedRange): boolean {
  return r.from <= r.to ? md >= r.from && md <= r.to : md >= r.from || md <= r.to;
}

export function createCalendar(opts: CalendarOptions = {}): BusinessCalendar {
  const ranges = [...(opts.closedRanges ?? DEFAULT_CLOSED_RANGES)];
  for (const r of ranges) {
    if (!MONTH_DAY.test(r.from) || !MONTH_DAY.test(r.to)) throw new RangeError(`closed range must be MM-DD: ${r.from}..${r.to}`);
  }
  const extraClosed = new Set(opts.extraClosed ?? []);
  const extraOpen = new Set(opts.extraOpen ?? []);
  for (const d of [...extraClosed, ...extraOpen]) assertIsoDate(d);
  for (const d of extraOpen) {
    if (extraClosed.has(d)) throw new RangeError(`${d} is both extraClosed and extraOpen`);
  }

  function isBusinessDay(date: IsoDate): boolean {
    assertIsoDate(date);
    if (extraOpen.has(date)) return true;
    if (extraClosed.has(date)) return false;
    assertCovered(date);
    const wd = weekday(date);
    if (wd === 0 || wd === 6) return false;
    if (holidayOf(date) !== null) return false;
    const md = date.slice(5);
    return !ranges.some((r) => inRange(md, r));
  }

  function step(date: IsoDate, dir: 1 | -1, count: number): IsoDate {
    let d = date;
    let left = count;
    while (left > 0) {
      d = addDays(d, dir);
      if (isBusinessDay(d)) left--;
    }
    return d;
  }

  function addBusinessDays(date: IsoDate, n: number): IsoDate {
    assertIsoDate(date);
    if (!Number.isInteger(n)) throw new RangeError(`business day count must be an integer: ${n}`);
    if (n === 0) return isBusinessDay(date) ? date : step(date, 1, 1);
    return n > 0 ? step(date, 1, n) : step(date, -1, -n);
  }

  function nthBusinessDayOfMonth(year: number, month: number, n: number): IsoDate {
    if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
      throw new RangeError(`invalid year/month: ${year}-${month}`);
    }
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer: ${n}`);
    let seen = 0;
    const last = daysInMonth(year, month);
    for (let day = 1; day <= last; day++) {
      const d = isoDateOf(year, month, day);
      if (isBusinessDay(d) && ++seen === n) return d;
    }
    throw new RangeError(`${year}-${month} has only ${seen} business days, not ${n}`);
  }

  return {
    isBusinessDay,
    holidayName(date) {
      assertIsoDate(date);
      return holidayOf(date);
    },
    addBusinessDays,
    nextBusinessDay: (date) => addBusinessDays(date, 1),
    nthBusinessDayOfMonth,
    noonOfNextBusinessDay(instant) {
      const next = addBusinessDays(tokyoDate(instant), 1);
      return new Date(startOfTokyoDay(next).getTime() + 12 * 3_600_000);
    },
  };
}
