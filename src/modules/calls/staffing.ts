import { addDays, daysInMonth, isBusinessDay } from '../../platform/calendar/index.js';
import type { CallCenterConfig } from './settings.js';

/** The seed's floor: at least 2 lines, and 3 in the 14 days around the start. */
export const SEED_LINES = 2;
export const SEED_PEAK_LINES = 3;
export const PEAK_DAYS = 14;
/** How far ahead a shortage is warned of (inbox and mail): two weeks, time to staff the lines. */
export const WARN_DAYS = 14;

export interface StaffingDay {
  date: string;
  open: boolean;
  peak: boolean;
  required: number;
  planned: number | null;
  short: boolean;
}

/** One day of the staffing calendar: whether the line is open, the lines it needs and whether the plan falls short. */
export function staffingDay(date: string, cfg: CallCenterConfig, plans: Map<string, number>): StaffingDay {
  const peakEnd = cfg.peakFrom ? addDays(cfg.peakFrom, PEAK_DAYS - 1) : null;
  const open = cfg.days === 'all' || isBusinessDay(date);
  const peak = Boolean(cfg.peakFrom && peakEnd && date >= cfg.peakFrom && date <= peakEnd);
  const required = peak ? Math.max(cfg.peakLines, SEED_PEAK_LINES) : Math.max(cfg.lines, SEED_LINES);
  const planned = plans.get(date) ?? null;
  return { date, open, peak, required, planned, short: open && (planned ?? 0) < required };
}

/** The staffing calendar of a month. */
export function staffingMonth(month: string, cfg: CallCenterConfig, plans: Map<string, number>): StaffingDay[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: daysInMonth(y, m) }, (_, i) => staffingDay(addDays(`${month}-01`, i), cfg, plans));
}

/** The days the call center answers: from the first line's opening to the last line's closing (none while no period is set). */
export function servicePeriod(cfg: CallCenterConfig): { from: string; to: string } | null {
  const opens = [cfg.userOpens, cfg.businessOpens].filter((d): d is string => !!d).sort();
  const closes = [cfg.userCloses, cfg.businessCloses].filter((d): d is string => !!d).sort();
  return opens.length && closes.length ? { from: opens[0]!, to: closes.at(-1)! } : null;
}

/** The range to look at for shortages from `today`: the next WARN_DAYS days, within the service period. */
export function warnRange(cfg: CallCenterConfig, today: string): { from: string; to: string } | null {
  const period = servicePeriod(cfg);
  if (!period) return null;
  const from = today > period.from ? today : period.from;
  const last = addDays(today, WARN_DAYS - 1);
  const to = last < period.to ? last : period.to;
  return from <= to ? { from, to } : null;
}

/** The short days in a range (inclusive). */
export function shortDays(range: { from: string; to: string }, cfg: CallCenterConfig, plans: Map<string, number>): StaffingDay[] {
  const out: StaffingDay[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) {
    const s = staffingDay(d, cfg, plans);
    if (s.short) out.push(s);
  }
  return out;
}
