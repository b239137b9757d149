/**
 * Business-day calendar for the office (Asia/Tokyo), Japanese date formats and Tokyo time helpers.
 * Calendar days are `YYYY-MM-DD` strings; instants are `Date`s.
 */
import { createCalendar } from './business-days.js';

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

/** The office calendar with the default year-end closure and no overrides. */
export const calendar = createCalendar();

export const {
  isBusinessDay,
  holidayName,
  addBusinessDays,
  nextBusinessDay,
  nthBusinessDayOfMonth,
  noonOfNextBusinessDay,
} = calendar;
