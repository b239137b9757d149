import { tokyoDate } from '../../platform/calendar/index.js';
import type { Conn } from '../../db/client.js';
import type { Locale } from '../../platform/i18n/index.js';
import { surveyMessages as sm } from './messages.js';
import { findLottery } from './queries.js';

/** What a campaign's top page shows of the prize draw: the committed seed's hash and where the procedure is. */
export interface LotteryNotice {
  heading: string;
  /** The sentence before the hash (committed) or the draw's date (drawn). */
  text: string;
  /** SHA-256 (hex) of the committed seed. */
  seedHash: string;
  /** The public page of the procedure under the program's path (`/{slug}` + this; the caller adds /en). */
  procedurePath: string;
  procedureLabel: string;
}

/** The prize draw's public notice for a program, in `locale`, or null before the seed is committed. */
export async function lotteryNotice(db: Conn, program: { id: number }, locale: Locale): Promise<LotteryNotice | null> {
  const l = await findLottery(db, program.id);
  if (!l) return null;
  return {
    heading: sm(locale, 'homeHeading'),
    text: l.drawnAt ? sm(locale, 'homeDrawn', { date: tokyoDate(l.drawnAt) }) : sm(locale, 'homeCommitted', { date: tokyoDate(l.committedAt) }),
    seedHash: l.seedHash,
    procedurePath: '/survey/lottery',
    procedureLabel: sm(locale, 'procedureLink'),
  };
}
