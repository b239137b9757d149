import { z } from 'zod';
import { isIsoDate } from '../../../platform/calendar/index.js';

const date = z.string().trim().refine(isIsoDate, '日付を YYYY-MM-DD の形で入力してください');
const text = (max: number, required?: string) => (required ? z.string().trim().min(1, required).max(max, `${max}文字以内で入力してください`) : z.string().trim().max(max, `${max}文字以内で入力してください`).optional());
const flag = z.union([z.boolean(), z.enum(['true', 'false', 'on', ''])]).optional().transform((v) => v === true || v === 'true' || v === 'on');

/** An incident report, from the form or the API. */
export const incidentSchema = z.object({
  title: text(300, '何が起きたかを入力してください') as z.ZodType<string>,
  occurredOn: z.union([date, z.literal('')]).optional().transform((v) => v || undefined),
  discoveredOn: date,
  dataKinds: text(1000, 'どの情報が対象かを入力してください') as z.ZodType<string>,
  people: z.union([z.number(), z.string().trim().regex(/^\d*$/, '人数を数字で入力してください')]).optional().transform((v) => (v === undefined || v === '' ? undefined : Number(v))),
  cause: text(2000),
  measures: text(2000),
  prevention: text(2000),
  reportable: flag,
  malicious: flag,
});
export type IncidentInput = z.output<typeof incidentSchema>;

export const incidentUpdateSchema = z.object({
  kind: z.enum(['note', 'preliminary', 'final', 'closed'], { message: '種類を選んでください' }),
  note: z.string().trim().min(1, '内容を入力してください').max(4000, '4000文字以内で入力してください'),
});
