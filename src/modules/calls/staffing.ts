import { addDays, daysInMonth, isBusinessDay } from '../../platform/calendar/index.js';
import type { CallCenterConfig } from './settings.js';

/** The seed's floor: at least 2 lines, and 3 in the 14 days around the start. */
export const SEED_LINES = 2;
export const SEED_PEAK_LINES = 3;
export const PEAK_DAYS = 14;

export interface StaffingDay {
  date: string;
  open: boolean;
  peak: boolean;
  required: number;
  planned: number | null;
  short: boolean;
}

/** The staffing calendar of a month: the lines each open day needs and whether the plan falls short. */
export function staffingMonth(month: string, cfg: CallCenterConfig, plans: Map<string, number>): StaffingDay[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  const peakEnd = cfg.peakFrom ? addDays(cfg.peakFrom, PEAK_DAYS - 1) : null;
  const days: StaffingDay[] = [];
  for (let i = 0; i < daysInMonth(y, m); i++) {
    const date = addDays(first, i);
    const open = cfg.days === 'all' || isBusinessDay(date);
    const peak = Boolean(cfg.peakFrom && peakEnd && date >= cfg.peakFrom && date <= peakEnd);
    const required = peak ? Math.max(cfg.peakLines, SEED_PEAK_LINES) : Math.max(cfg.lines, SEED_LINES);
    const planned = plans.get(date) ?? null;
    days.push({ date, open, peak, required, planned, short: open && (planned ?? 0) < required });
  }
  return days;
}
