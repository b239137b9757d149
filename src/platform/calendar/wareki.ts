/**
 * Japanese date formatting. The era is computed from a table rather than with
 * `Intl.DateTimeFormat('ja-JP-u-ca-japanese')`: ICU's output ('元' vs '1', era names) varies with
 * the ICU version Node was built with, and official documents need one exact form.
 */
import { assertIsoDate, weekday, type IsoDate } from './iso-date.js';
import { tokyoDate } from './tokyo-time.js';

const ERAS = [
  { name: '令和', start: '2019-05-01' },
  { name: '平成', start: '1989-01-08' },
  { name: '昭和', start: '1926-12-25' },
  { name: '大正', start: '1912-07-30' },
  // Japan adopted the Gregorian calendar on 明治6年1月1日; earlier days have no Gregorian wareki.
  { name: '明治', start: '1873-01-01', firstYear: 1868 },
] as const;

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

export interface WarekiOptions {
  /** Write the first year of an era as 元年 (default) rather than 1年. */
  gannen?: boolean;
  /** Append the weekday, e.g. （金）. */
  weekday?: boolean;
}

function toIsoDate(date: IsoDate | Date): IsoDate {
  if (date instanceof Date) return tokyoDate(date);
  assertIsoDate(date);
  return date;
}

function parts(date: IsoDate): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

function weekdaySuffix(date: IsoDate): string {
  return `（${WEEKDAYS[weekday(date)]}）`;
}

/** '令和7年5月9日'. A Date is read as its Tokyo calendar day. */
export function formatWareki(date: IsoDate | Date, opts: WarekiOptions = {}): string {
  const iso = toIsoDate(date);
  const era = ERAS.find((e) => iso >= e.start);
  if (!era) throw new RangeError(`no wareki for dates before 1873-01-01: ${iso}`);
  const { y, m, d } = parts(iso);
  const firstYear = 'firstYear' in era ? era.firstYear : Number(era.start.slice(0, 4));
  const eraYear = y - firstYear + 1;
  const yearText = eraYear === 1 && opts.gannen !== false ? '元' : String(eraYear);
  return `${era.name}${yearText}年${m}月${d}日${opts.weekday ? weekdaySuffix(iso) : ''}`;
}

/** '2025年5月9日（金）', the form public pages use. A Date is read as its Tokyo calendar day. */
export function formatJaDate(date: IsoDate | Date, opts: { weekday?: boolean } = {}): string {
  const iso = toIsoDate(date);
  const { y, m, d } = parts(iso);
  return `${y}年${m}月${d}日${opts.weekday === false ? '' : weekdaySuffix(iso)}`;
}
