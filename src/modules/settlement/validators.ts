import { z } from 'zod';
import { isIsoDate } from '../../platform/calendar/index.js';

const isoDate = (label: string) => z.string({ message: `${label}を YYYY-MM-DD で指定してください` }).refine(isIsoDate, `${label}を YYYY-MM-DD 形式の存在する日付で指定してください`);
const count = (label: string, max: number) =>
  z.number({ message: `${label}を数値で指定してください` }).int(`${label}は整数で指定してください`).min(1, `${label}は1以上で指定してください`).max(max, `${label}は${max}以下で指定してください`);

/** The limits of one claim, shared by claimSchema and the import's fast path for clean rows. */
export const CLAIM_LIMITS = { bookingRefLength: 64, nights: 60, guests: 99, totalPrice: 100_000_000 } as const;

export const claimSchema = z.object({
  facilityId: z.number({ message: '施設IDを数値で指定してください' }).int().positive(),
  bookingRef: z.string({ message: '予約番号を指定してください' }).trim().min(1, '予約番号を指定してください').max(CLAIM_LIMITS.bookingRefLength, `予約番号は${CLAIM_LIMITS.bookingRefLength}文字以内で指定してください`),
  bookedOn: isoDate('予約日'),
  checkIn: isoDate('チェックイン日'),
  nights: count('泊数', CLAIM_LIMITS.nights),
  guests: count('人数', CLAIM_LIMITS.guests),
  totalPrice: z.number({ message: '宿泊料金（税込）を数値で指定してください' }).int('宿泊料金は整数（円）で指定してください').min(1, '宿泊料金は1円以上で指定してください').max(CLAIM_LIMITS.totalPrice),
});
export type ClaimInput = z.infer<typeof claimSchema>;

export const staySchema = z.object({ nights: count('泊数', CLAIM_LIMITS.nights), guests: count('人数', CLAIM_LIMITS.guests), totalPrice: claimSchema.shape.totalPrice });
export type StayInput = z.infer<typeof staySchema>;

export const reviewSchema = z
  .object({ decision: z.enum(['approve', 'reject'], { message: 'decision は approve か reject を指定してください' }), reason: z.string().trim().max(500).optional().default('') })
  .refine((r) => r.decision === 'approve' || r.reason.length > 0, { message: '却下の理由を入力してください', path: ['reason'] });
