import { z } from 'zod';
import type { CommandContext } from '../command.js';
import { isIsoDate } from '../calendar/index.js';
import { programSettingMessages as m } from './messages.js';
import type { Program } from './schema.js';

/**
 * One program setting (`jimukyoku program set SLUG KEY=VALUE`, and the back-office forms). A module
 * lists its own in its manifest (`settings`); README.md documents each key.
 */
export interface SettingDef {
  key: string;
  kinds: Array<Program['kind']>;
  /** Parses the text given on the CLI or in a form into the stored value. */
  schema: z.ZodType;
  description: string;
  /** Runs in the same transaction after the change, with the updated program; throwing undoes it. */
  afterChange?: (ctx: CommandContext, program: Program) => Promise<void>;
}

/**
 * The value parsers settings share, each with its Japanese message (programSettingMessages), written once. A module with a
 * rule of its own writes it beside its settings.
 */
export const settingSchemas = {
  /** `YYYY-MM-DD`, a real date (Asia/Tokyo, inclusive where a window is meant). */
  isoDate: z.string().trim().refine(isIsoDate, m('ja', 'valIsoDate')),
  /** `HH:MM`, 24-hour clock. */
  time: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, m('ja', 'valTime')),
  bool: z.enum(['true', 'false'], { message: m('ja', 'errBool') }).transform((v) => v === 'true'),
  /** Free text of at most `max` characters (not trimmed when `keepSpaces`: multi-paragraph bodies). */
  text: (max: number, opts: { keepSpaces?: boolean } = {}) => (opts.keepSpaces ? z.string() : z.string().trim()).max(max, m('ja', 'valTextMax', { max })),
  /** A whole number from `min` to `max`. */
  count: (min: number, max = 100_000) =>
    z.string().trim().regex(/^\d+$/, m('ja', 'valCountMin', { min })).transform(Number).pipe(z.number().int().min(min, m('ja', 'valCountMin', { min })).max(max, m('ja', 'valCountMax', { max }))),
  /** Integer yen, 0 or more. */
  yen: z.string().trim().regex(/^\d+$/, m('ja', 'valYen')).transform(Number).pipe(z.number().int().min(0).max(10_000_000_000, m('ja', 'valYenMax'))),
  percent: z.string().trim().regex(/^\d+$/, m('ja', 'valPercent')).transform(Number).pipe(z.number().int().min(0).max(100, m('ja', 'valPercent'))),
  /** Exactly `n` digits (bank and branch codes). */
  digits: (n: number) => z.string().trim().regex(new RegExp(`^\\d{${n}}$`), m('ja', 'valDigits', { n })),
  /** A `|`-separated list (e.g. `駐車場|温泉`), stored as an array. */
  list: (maxItemLength = 40, maxItems = 50) =>
    z
      .string()
      .transform((s) => s.split('|').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(z.string().max(maxItemLength, m('ja', 'valListItem', { max: maxItemLength }))).max(maxItems, m('ja', 'valListCount', { max: maxItems }))),
  email: z.string().trim().email(m('ja', 'valEmail')),
  /** A Japanese phone or FAX number: digits and hyphens. */
  phone: z.string().trim().regex(/^[0-9-]{10,13}$/, m('ja', 'valPhone')),
  url: z.string().trim().url(m('ja', 'valUrl')),
};
