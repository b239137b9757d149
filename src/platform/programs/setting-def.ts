import { z } from 'zod';
import type { CommandContext } from '../command.js';
import { isIsoDate } from '../calendar/index.js';
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
 * The value parsers settings share, each with its Japanese message, written once. A module with a
 * rule of its own writes it beside its settings.
 */
export const settingSchemas = {
  /** `YYYY-MM-DD`, a real date (Asia/Tokyo, inclusive where a window is meant). */
  isoDate: z.string().trim().refine(isIsoDate, 'YYYY-MM-DD 形式の実在する日付で指定してください'),
  /** `HH:MM`, 24-hour clock. */
  time: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM 形式（24時間制）で指定してください'),
  bool: z.enum(['true', 'false'], { message: 'true か false を指定してください' }).transform((v) => v === 'true'),
  /** Free text of at most `max` characters (not trimmed when `keepSpaces`: multi-paragraph bodies). */
  text: (max: number, opts: { keepSpaces?: boolean } = {}) => (opts.keepSpaces ? z.string() : z.string().trim()).max(max, `${max}文字以内で指定してください`),
  /** A whole number from `min` to `max`. */
  count: (min: number, max = 100_000) =>
    z.string().trim().regex(/^\d+$/, `${min}以上の整数で指定してください`).transform(Number).pipe(z.number().int().min(min, `${min}以上の整数で指定してください`).max(max, `${max}以下の整数で指定してください`)),
  /** Integer yen, 0 or more. */
  yen: z.string().trim().regex(/^\d+$/, '0以上の整数（円）で指定してください').transform(Number).pipe(z.number().int().min(0).max(10_000_000_000, '100億円以下で指定してください')),
  percent: z.string().trim().regex(/^\d+$/, '0〜100の整数で指定してください').transform(Number).pipe(z.number().int().min(0).max(100, '0〜100の整数で指定してください')),
  /** Exactly `n` digits (bank and branch codes). */
  digits: (n: number) => z.string().trim().regex(new RegExp(`^\\d{${n}}$`), `${n}桁の数字で指定してください`),
  /** A `|`-separated list (e.g. `駐車場|温泉`), stored as an array. */
  list: (maxItemLength = 40, maxItems = 50) =>
    z
      .string()
      .transform((s) => s.split('|').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(z.string().max(maxItemLength, `各項目は${maxItemLength}文字以内で指定してください`)).max(maxItems, `${maxItems}項目以内で指定してください`)),
  email: z.string().trim().email('メールアドレスを指定してください'),
  /** A Japanese phone or FAX number: digits and hyphens. */
  phone: z.string().trim().regex(/^[0-9-]{10,13}$/, '電話番号を数字とハイフンで指定してください'),
  url: z.string().trim().url('URL を指定してください'),
};
