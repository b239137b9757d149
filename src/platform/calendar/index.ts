/**
 * Business-day calendar for the office (Asia/Tokyo), Japanese date formats and Tokyo time helpers.
 * Calendar days are `YYYY-MM-DD` strings; instants are `Date`s.
 */
import { createCalendar, type BusinessCalendar, type CalendarOptions } from './business-days.js';

export { isIsoDate, parseIsoDate, addDays, weekday, daysInMonth, type IsoDate } from './iso-date.js';
export { tokyoDate, tokyoDateTime, startOfTokyoDay, tokyoInstant, TOKYO_OFFSET_MS } from './tokyo-time.js';
export {
  createCalendar,
  DEFAULT_CLOSED_RANGES,
  HOLIDAY_DATA_YEARS,
  type BusinessCalendar,
  type CalendarOptions,
  type ClosedRange,
} from './business-days.js';
export { formatWareki, formatJaDate, type WarekiOptions } from './wareki.js';

let active: BusinessCalendar = createCalendar();

/**
 * Sets the office's closed days for this process (server and CLI call it once at start with
 * CALENDAR_CLOSED_DAYS from src/config); until then the default year-end closure applies.
 */
export function configureCalendar(opts: CalendarOptions): void {
  active = createCalendar(opts);
}

/** The office calendar as configured (see configureCalendar). */
export const calendar: BusinessCalendar = {
  isBusinessDay: (date) => active.isBusinessDay(date),
  holidayName: (date) => active.holidayName(date),
  addBusinessDays: (date, n) => active.addBusinessDays(date, n),
  nextBusinessDay: (date) => active.nextBusinessDay(date),
  nthBusinessDayOfMonth: (year, month, n) => active.nthBusinessDayOfMonth(year, month, n),
  noonOfNextBusinessDay: (instant) => active.noonOfNextBusinessDay(instant),
};

export const {
  isBusinessDay,
  holidayName,
  addBusinessDays,
  nextBusinessDay,
  nthBusinessDayOfMonth,
  noonOfNextBusinessDay,
} = calendar;
