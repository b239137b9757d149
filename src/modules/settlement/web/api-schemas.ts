import { z } from 'zod';
import { CLAIM_STATUSES } from '../schema.js';

/**
 * The shapes of the settlement API's bodies and answers: api.ts parses the bodies with them (the
 * claim and stay bodies are validators.ts's, shared with the CSV imports) and types its answers
 * with them, and the OpenAPI document (./openapi.ts) is generated from them.
 */

/** `POST /claims/{id}/cancel`: an empty body cancels; `noShow: true` records a no-show. */
export const cancelSchema = z.object({ noShow: z.boolean().optional().meta({ description: 'true なら無断キャンセル（no-show）として記録' }) });

/**
 * The status list comes from schema.ts, which drizzle-kit loads first, and which reaches this file
 * through campaign → settlement's manifest: read it when the schema is used, not when this file loads.
 */
const claimStatus = z.lazy(() => z.enum(CLAIM_STATUSES));

const yen = (description: string) => z.number().int().meta({ description });

/** A claim as the API shows it. */
export const ClaimAnswer = z.object({
  id: z.number().int(),
  facilityId: z.number().int(),
  bookingRef: z.string().meta({ description: '予約番号' }),
  bookedOn: z.string().meta({ format: 'date', description: '予約日' }),
  checkIn: z.string().meta({ format: 'date', description: 'チェックイン日' }),
  nights: z.number().int(),
  guests: z.number().int(),
  totalPrice: yen('宿泊代金（税込、円）'),
  discount: yen('割引額（円）'),
  status: claimStatus,
  stay: z
    .object({ nights: z.number().int(), guests: z.number().int(), totalPrice: z.number().int() })
    .nullable()
    .meta({ description: '報告された実績。未報告なら null' }),
});
export type ClaimAnswer = z.infer<typeof ClaimAnswer>;

/** `POST /programs/{slug}/claims`: the reservation (201 new, 200 the same booking sent again). */
export const ReservedAnswer = z.object({
  id: z.number().int(),
  bookingRef: z.string(),
  discount: yen('割引額（円）'),
  status: claimStatus,
});

/** `GET /programs/{slug}/budget`: the program's ledger in yen. remaining = pool − reserved − approved − paid. */
export const BudgetAnswer = z.object({
  pool: yen('予算総額'),
  allocated: yen('施設に配分した額'),
  reserved: yen('予約で確保中'),
  approved: yen('承認済み（支払待ち）'),
  paid: yen('支払済み'),
  remaining: yen('残額（pool − reserved − approved − paid）'),
});

/**
 * `GET /programs/{slug}/facilities/{id}/money`: one facility's money in yen. remaining = allocation
 * − reserved − approved − paid; a facility without an allocation (it draws on the pool) has 0 for both.
 */
export const MoneyAnswer = z.object({
  allocation: yen('配分額（施設の割引の枠。配分がなければ 0）'),
  reserved: yen('予約で確保中'),
  approved: yen('承認済み（支払待ち）'),
  paid: yen('支払済み'),
  remaining: yen('残額（allocation − reserved − approved − paid。配分がなければ 0）'),
});

/** `POST /programs/{slug}/payments`: the month whose payment (its 全銀 transfer) was made. */
export const paymentSchema = z.object({ month: z.string({ message: '月を YYYY-MM 形式で指定してください' }).meta({ description: '支払った月（締めた月、YYYY-MM）' }) });

/** A month's payment batch as the API shows it. */
export const PaymentAnswer = z.object({
  month: z.string().meta({ description: '締めた月（YYYY-MM）' }),
  status: z.enum(['closed', 'paid']),
  claimCount: z.number().int(),
  total: yen('支払額（円）'),
  transferDate: z.string().nullable().meta({ format: 'date', description: '振込指定日（全銀ファイルの）' }),
  zenginSha256: z.string().nullable().meta({ description: '支払に使った全銀ファイルの SHA-256（16進）' }),
  paidAt: z.string().nullable().meta({ format: 'date-time', description: '支払済みにした日時' }),
});
