import { z } from 'zod';
import { isIsoDate } from '../../../platform/calendar/index.js';
import { pp } from './messages.js';
import { HONORARIUM_ROLES } from './schema.js';

const yenText = (message: string, min: number, max: number) =>
  z.union([z.number(), z.string().trim().regex(/^\d{1,12}$/, message).transform(Number)], { error: message }).pipe(z.number({ error: message }).int(message).min(min, message).max(max, message));
const isoDate = z.string({ error: pp('v.date') }).trim().refine((v) => isIsoDate(v), pp('v.date'));
const optionalDate = z.preprocess((v) => (v === '' || v === null ? undefined : v), isoDate.optional());
const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number({ error: pp('err.line') }).int(pp('err.line')).positive(pp('err.line')).max(2_147_483_647, pp('err.line')).optional());

export const budgetLineSchema = z.object({
  name: z.string({ error: pp('v.name') }).trim().min(1, pp('v.name')).max(100, pp('v.name')),
  budget: yenText(pp('v.budget'), 0, 10_000_000_000),
  note: z.string().trim().max(200, pp('v.note')).optional().default(''),
});

export const expenseSchema = z.object({
  budgetLineId: z.coerce.number({ error: pp('err.line') }).int(pp('err.line')).positive(pp('err.line')).max(2_147_483_647, pp('err.line')),
  spentOn: isoDate,
  payee: z.string({ error: pp('v.payee') }).trim().min(1, pp('v.payee')).max(100, pp('v.payee')),
  item: z.string({ error: pp('v.item') }).trim().min(1, pp('v.item')).max(200, pp('v.item')),
  amount: yenText(pp('v.amount'), 1, 1_000_000_000),
});

/** The honorarium, from the form and from `POST /api/v1/programs/{slug}/honoraria`. */
export const honorariumSchema = z.object({
  payee: z.string({ error: pp('v.payee') }).trim().min(1, pp('v.payee')).max(100, pp('v.payee')),
  role: z.enum(HONORARIUM_ROLES, { error: pp('v.role') }),
  gross: yenText(pp('v.gross'), 1, 100_000_000),
  address: z.string().trim().max(200, pp('v.address')).optional(),
  paidOn: optionalDate,
  budgetLineId: optionalId,
});

export const paidSchema = z.object({ paidOn: isoDate });

const text = z.string().max(4000, pp('v.text')).optional().default('');
export const reportTextSchema = z.object({ summary: text, issues: text, plans: text });
