import { z } from 'zod';

/** Paths the application itself uses at the top level; a program slug must not shadow them. */
export const RESERVED_SLUGS = new Set([
  'admin', 'api', 'static', 'healthz', 'login', 'logout', 'en', 'ja', 'account', 'password', 'mfa',
  'favicon.ico', 'robots.txt', 'files', 'public', 'assets',
]);

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'スラッグは英小文字・数字・ハイフンの2〜40文字で、先頭は英小文字か数字にしてください')
  .refine((s) => !RESERVED_SLUGS.has(s), 'このスラッグはシステムで予約されています');

export const createProgramSchema = z.object({
  kind: z.enum(['campaign', 'event'], { message: '種別は campaign か event を指定してください' }),
  slug: slugSchema,
  name: z.string().trim().min(1, '事業名を入力してください').max(200, '事業名は200文字以内で入力してください'),
});
export type CreateProgramInput = z.infer<typeof createProgramSchema>;
