import { z } from 'zod';
import { isIsoDate } from '../../platform/calendar/index.js';
import { STAFF_KINDS } from './schema.js';

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isIsoDate(v), '日付を YYYY-MM-DD の形で入力してください');

/** A request to add someone to the roster: from the API (JSON) and the back-office form alike. */
export const staffRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email('メールアドレスの形式が正しくありません').max(254),
  kind: z.enum(STAFF_KINDS, { message: '区分を選んでください（officer、manager、worker）' }),
  duties: z.string().trim().min(1, '担当業務を入力してください').max(500, '担当業務は500文字以内で入力してください'),
  affiliation: z.string().trim().max(200, '所属は200文字以内で入力してください').optional(),
  reason: z.string().trim().max(1000, '申請理由は1000文字以内で入力してください').optional(),
  trainedOn: optionalDate,
  pledgedOn: optionalDate,
});
export type StaffRequest = z.output<typeof staffRequestSchema>;

/** The City's decision on a request. */
export const staffDecisionSchema = z.object({
  decision: z.enum(['approve', 'reject'], { message: 'approve か reject を指定してください' }),
  comment: z.string().trim().max(1000, 'コメントは1000文字以内で入力してください').optional(),
});
export type StaffDecision = z.output<typeof staffDecisionSchema>;
