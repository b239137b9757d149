import { z } from 'zod';
import { settingSchemas } from '../../../platform/programs/setting-def.js';
import { isSafeHref } from '../markdown.js';
import { sam } from '../messages.js';
import { A11Y_RESULTS } from '../schema.js';
import { A11Y_STANDARD, isCriterion } from './criteria.js';

/** The URLs of a test, one a line: http(s) addresses or paths of this site, 1 to 60, no repeats. */
const pageList = z
  .string()
  .transform((s) => [...new Set(s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))])
  .refine((l) => l.length > 0, sam('a11y.valid.pagesRequired'))
  .refine((l) => l.length <= 60, sam('a11y.valid.pagesMax'))
  .refine((l) => l.every((u) => u.length <= 500 && (/^https?:\/\//.test(u) || u.startsWith('/')) && isSafeHref(u)), sam('a11y.valid.pageUrl'));

/** A test as the secretariat records it. */
export const a11yTestSchema = z.object({
  testedOn: settingSchemas.isoDate,
  pages: pageList,
  standard: z.string().trim().max(200, sam('a11y.valid.standardMax')).transform((s) => s || A11Y_STANDARD),
  checker: z.string().trim().min(1, sam('a11y.valid.checkerRequired')).max(200, sam('a11y.valid.checkerMax')),
});

/** One page's result on one criterion. */
export const a11yResultSchema = z.object({
  pageUrl: z.string().min(1, sam('a11y.valid.pageRequired')),
  criterion: z.string().refine(isCriterion, sam('a11y.valid.criterion')),
  result: z.enum(A11Y_RESULTS, sam('a11y.valid.result')),
  note: z.string().trim().max(1000, sam('a11y.valid.noteMax')).default(''),
});
