import { tokyoDate } from '../../../../platform/calendar/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { pp } from '../messages.js';

/** A past month `YYYY-MM` (before the Tokyo month of `now`), or a refusal on the `month` field. */
export function parsePastMonth(text: string | undefined, now: Date): string {
  const month = (text ?? '').trim();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || month < '2000-01' || month >= tokyoDate(now).slice(0, 7)) {
    throw new AppError('validation-failed', pp('err.month'), { fieldErrors: [{ field: 'month', message: pp('err.month') }] });
  }
  return month;
}

/** A month named by a link (`?month=`): undefined when it is not one (the page then answers 404). */
export function monthQuery(text: string | undefined): string | undefined {
  const month = (text ?? '').trim();
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : undefined;
}

/** 2026-11 → 令和8年11月 (the era of the month's first day). */
export function warekiMonth(month: string, wareki: (d: string) => string): string {
  return wareki(`${month}-01`).replace(/1日$/, '');
}
