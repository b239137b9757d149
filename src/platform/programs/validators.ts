import { z } from 'zod';
import { programCommandMessages as m } from './messages.js';

/** Paths the application itself uses at the top level; a program slug must not shadow them. */
export const RESERVED_SLUGS = new Set([
  'admin', 'api', 'static', 'healthz', 'login', 'logout', 'en', 'ja', 'account', 'password', 'mfa',
  'favicon.ico', 'robots.txt', 'files', 'public', 'assets',
]);

export const slugSchema = z
  .string({ message: m('ja', 'errSlug') })
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, m('ja', 'errSlug'))
  .refine((s) => !RESERVED_SLUGS.has(s), m('ja', 'errSlugReserved'));

export const createProgramSchema = z.object({
  kind: z.enum(['campaign', 'event'], { message: m('ja', 'errKind') }),
  slug: slugSchema,
  name: z.string({ message: m('ja', 'errName') }).trim().min(1, m('ja', 'errName')).max(200, m('ja', 'errNameLong')),
});
export type CreateProgramInput = z.infer<typeof createProgramSchema>;
