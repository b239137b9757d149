import type { Locale } from '../../platform/i18n/index.js';
import { programSetting } from '../../platform/programs/queries.js';
import type { Program } from '../../platform/programs/schema.js';
import { siteMessages as m } from './messages.js';
import { dateLabel } from './web/format.js';

/**
 * The dates the public sees of a campaign: its period (campaignStarts–campaignEnds, the days a
 * stay is discounted — never the contract period) and the day its site opens (siteOpensOn, the
 * press-release day in the seed). Settings are read from the program row, so no query is made.
 */
export function campaignPeriod(program: Program): { starts: string | null; ends: string | null } {
  return { starts: programSetting<string | null>(program, 'campaignStarts', null), ends: programSetting<string | null>(program, 'campaignEnds', null) };
}

/** 「キャンペーン期間：2026年7月1日 〜 2026年12月31日」, or that it is to be announced. */
export function campaignPeriodLine(program: Program, locale: Locale): string {
  const { starts, ends } = campaignPeriod(program);
  const period = starts && ends ? m(locale, 'periodRange', { from: dateLabel(locale, starts), to: dateLabel(locale, ends) }) : m(locale, 'periodUndecided');
  return m(locale, 'periodLine', { period });
}

export function siteOpensOn(program: Program): string | null {
  return programSetting<string | null>(program, 'siteOpensOn', null);
}

/** Whether the public may see the campaign's site on `today` (YYYY-MM-DD, Asia/Tokyo). */
export function siteIsOpen(program: Program, today: string): boolean {
  const opens = siteOpensOn(program);
  return !opens || opens <= today;
}

/** The day the campaign ended, once `today` is past campaignEnds; null while it runs. */
export function campaignEndedOn(program: Program, today: string): string | null {
  const { ends } = campaignPeriod(program);
  return ends && today > ends ? ends : null;
}
