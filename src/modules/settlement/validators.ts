import { z } from 'zod';
import { isIsoDate } from '../../platform/calendar/index.js';
import { idSchema } from '../../platform/ids.js';
import { sm } from './messages.js';

const isoDate = (label: string) => z.string({ message: sm('val.date', { label }) }).refine(isIsoDate, sm('val.dateInvalid', { label }));
const count = (label: string, max: number) =>
  z.number({ message: sm('val.count', { label }) }).int(sm('val.countInt', { label })).min(1, sm('val.countMin', { label })).max(max, sm('val.countMax', { label, max }));

/** The limits of one claim, shared by claimSchema and the import's fast path for clean rows. */
export const CLAIM_LIMITS = { bookingRefLength: 64, nights: 60, guests: 99, totalPrice: 100_000_000 } as const;

export const claimSchema = z.object({
  facilityId: idSchema(sm('val.facilityId')),
  bookingRef: z
    .string({ message: sm('val.bookingRef') })
    .trim()
    .min(1, sm('val.bookingRef'))
    .max(CLAIM_LIMITS.bookingRefLength, sm('val.bookingRefLong', { max: CLAIM_LIMITS.bookingRefLength })),
  bookedOn: isoDate(sm('term.bookedOn')),
  checkIn: isoDate(sm('term.checkInDate')),
  nights: count(sm('term.nights'), CLAIM_LIMITS.nights),
  guests: count(sm('term.guests'), CLAIM_LIMITS.guests),
  totalPrice: z
    .number({ message: sm('val.totalPrice') })
    .int(sm('val.totalPriceInt'))
    .min(1, sm('val.totalPriceMin'))
    .max(CLAIM_LIMITS.totalPrice, sm('val.totalPriceMax', { max: CLAIM_LIMITS.totalPrice.toLocaleString('ja-JP') })),
});
export type ClaimInput = z.infer<typeof claimSchema>;

export const staySchema = z.object({ nights: count(sm('term.nights'), CLAIM_LIMITS.nights), guests: count(sm('term.guests'), CLAIM_LIMITS.guests), totalPrice: claimSchema.shape.totalPrice });
export type StayInput = z.infer<typeof staySchema>;

export const reviewSchema = z
  .object({ decision: z.enum(['approve', 'reject'], { message: sm('val.decision') }), reason: z.string({ message: sm('val.reason') }).trim().max(500, sm('val.reasonLong')).optional().default('') })
  .refine((r) => r.decision === 'approve' || r.reason.length > 0, { message: sm('val.reasonRequired'), path: ['reason'] });
