import { z } from 'zod';
import { CALLER_TYPES, CATEGORIES, OUTCOMES } from './schema.js';
import { cm } from './messages.js';

/** An empty form field is an absent one. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max, cm('val.text', { max })).optional());

/** Digits only: `022-123-4567` and `0221234567` are one number (for the blind index). */
export function normalizePhone(v: string): string {
  return v.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[^0-9]/g, '');
}

export const phoneField = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .transform(normalizePhone)
    .refine((v) => v.length >= 10 && v.length <= 13, cm('val.phone'))
    .optional(),
);

/**
 * A call, from the agent desk form and from `POST /api/v1/programs/{slug}/calls`. A call with
 * neither question nor answer is a count-only (simple) record.
 */
export const callSchema = z.object({
  callerType: z.enum(CALLER_TYPES, { message: cm('val.callerType') }),
  category: z.enum(CATEGORIES, { message: cm('val.category') }),
  question: text(4000),
  answer: text(4000),
  outcome: z.preprocess(blank, z.enum(OUTCOMES, { message: cm('val.outcome') }).optional()),
  durationSeconds: z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : blank(v)),
    z.number({ message: cm('val.duration') }).int(cm('val.duration')).min(0, cm('val.duration')).max(86_400, cm('val.duration')).optional(),
  ),
  receivedAt: z.preprocess(blank, z.iso.datetime({ offset: true, message: cm('val.receivedAt') }).optional()),
  callerName: text(100),
  callerPhone: phoneField,
});
export type CallInput = z.output<typeof callSchema>;

export const faqSchema = z.object({
  category: z.enum(CATEGORIES, { message: cm('val.category') }),
  // A question is the title of its site content (at most 200 characters there).
  question: z.string({ message: cm('val.question') }).trim().min(1, cm('val.question')).max(200, cm('val.text', { max: 200 })),
  answer: z.string({ message: cm('val.answer') }).trim().min(1, cm('val.answer')).max(4000, cm('val.text', { max: 4000 })),
  questionEn: text(200),
  answerEn: text(4000),
  fromCall: z.preprocess((v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : blank(v)), z.number().int().positive().optional()),
});
export type FaqInput = z.output<typeof faqSchema>;

export const decisionSchema = z.object({
  decision: z.enum(['approve', 'reject'], { message: cm('val.decision') }),
  comment: text(2000),
});
