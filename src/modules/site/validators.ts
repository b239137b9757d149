import { z } from 'zod';
import { isSafeHref } from './markdown.js';

const url = z
  .string()
  .trim()
  .max(500, 'URLは500文字以内で入力してください')
  .refine((u) => u === '' || isSafeHref(u), 'URLは http:// か https:// で始まるもの、またはサイト内のパスを入力してください');

/** A path on this site (`/…`, not `//host`): the CSP shows images only from our own origin. */
export const isSitePath = (u: string) => u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/\\') && isSafeHref(u);

/** A content version as the operator enters it (form or CLI). */
export const draftSchema = z.object({
  titleJa: z.string().trim().min(1, 'タイトル（日本語）を入力してください').max(200, 'タイトルは200文字以内で入力してください'),
  titleEn: z.string().trim().max(200, 'タイトル（英語）は200文字以内で入力してください').default(''),
  bodyJa: z.string().max(50_000, '本文は50,000文字以内で入力してください').default(''),
  bodyEn: z.string().max(50_000, '本文（英語）は50,000文字以内で入力してください').default(''),
  linkUrl: url.default(''),
  imageUrl: z
    .string()
    .trim()
    .max(500, '画像のパスは500文字以内で入力してください')
    .refine((u) => u === '' || isSitePath(u), '外部のサイトの画像は表示できません。画像ファイルをアップロードしてください')
    .default(''),
  altJa: z.string().trim().max(200, '代替テキストは200文字以内で入力してください').default(''),
  altEn: z.string().trim().max(200, '代替テキスト（英語）は200文字以内で入力してください').default(''),
  sortOrder: z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || /^[0-9０-９]{1,4}$/.test(s), '表示順は0から9999までの数字で入力してください')
    .transform((s) => (s === '' ? 0 : Number(s.normalize('NFKC')))),
});
export type DraftInput = z.infer<typeof draftSchema>;

/** `YYYY-MM-DDTHH:MM` (Asia/Tokyo) from a datetime-local field, or empty for "now". */
export const publishAtSchema = z
  .string()
  .trim()
  .refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s), '公開日時は 2026-06-01T09:00 のように YYYY-MM-DDTHH:MM の形式で入力してください')
  .refine((s) => s === '' || isRealDateTime(s), '公開日時が正しくありません（存在しない日付や時刻です）');

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
