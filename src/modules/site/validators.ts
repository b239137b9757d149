import { z } from 'zod';
import { isSafeHref } from './markdown.js';
import { sam } from './messages.js';

const url = z
  .string()
  .trim()
  .max(500, sam('valid.urlMax'))
  .refine((u) => u === '' || isSafeHref(u), sam('valid.urlSafe'));

/** A path on this site (`/…`, not `//host` nor `/\host`): the CSP shows images only from our own origin. */
export const isSitePath = (u: string) => u.startsWith('/') && isSafeHref(u);

/** A content version as the operator enters it (form or CLI). */
export const draftSchema = z.object({
  titleJa: z.string().trim().min(1, sam('valid.titleJaRequired')).max(200, sam('valid.titleJaMax')),
  titleEn: z.string().trim().max(200, sam('valid.titleEnMax')).default(''),
  bodyJa: z.string().max(50_000, sam('valid.bodyJaMax')).default(''),
  bodyEn: z.string().max(50_000, sam('valid.bodyEnMax')).default(''),
  linkUrl: url.default(''),
  imageUrl: z
    .string()
    .trim()
    .max(500, sam('valid.imageUrlMax'))
    .refine((u) => u === '' || isSitePath(u), sam('valid.imageUrlExternal'))
    .default(''),
  altJa: z.string().trim().max(200, sam('valid.altJaMax')).default(''),
  altEn: z.string().trim().max(200, sam('valid.altEnMax')).default(''),
  sortOrder: z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || /^[0-9０-９]{1,4}$/.test(s), sam('valid.sortOrder'))
    .transform((s) => (s === '' ? 0 : Number(s.normalize('NFKC')))),
});
export type DraftInput = z.infer<typeof draftSchema>;

/** `YYYY-MM-DDTHH:MM` (Asia/Tokyo) from a datetime-local field, or empty for "now". */
export const publishAtSchema = z
  .string()
  .trim()
  .refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s), sam('valid.publishAtFormat'))
  .refine((s) => s === '' || isRealDateTime(s), sam('valid.publishAtReal'));

/** A calendar date and time that exists (2026-02-30T25:00 does not). */
function isRealDateTime(s: string): boolean {
  const d = parsePublishAt(s);
  if (!d) return false;
  const back = new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
  return back === s;
}

export function parsePublishAt(s: string): Date | null {
  if (!s) return null;
  const d = new Date(`${s}:00+09:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}
