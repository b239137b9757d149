import { z } from 'zod';
import { FACILITY_TYPES, WARDS } from '../../campaign/index.js';

/**
 * The facility search API's answer (api.ts builds each item with FacilityItem's type; the OpenAPI
 * document, ./openapi.ts, is generated from these). Fields are only ever added, never removed:
 * booking systems read them.
 */
export const FacilityItem = z.object({
  id: z.number().int(),
  name: z.string().meta({ description: '施設名' }),
  nameKana: z.string().meta({ description: '施設名のフリガナ（全角カタカナ）' }),
  // Stored as text, written only through the application's validation: the document names the values.
  type: z.string().meta({ enum: [...FACILITY_TYPES], description: '施設の種別（募集で使うコード）' }),
  ward: z.string().meta({ enum: [...WARDS] }),
  address: z.string(),
  features: z.array(z.string()).meta({ description: '特色（日本語）' }),
  url: z.string().meta({ format: 'uri', description: '公開サイトの施設ページ' }),
  soldOut: z.boolean().meta({ description: '販売終了なら true' }),
  soldOutOn: z.string().nullable().meta({ format: 'date', description: '販売終了日（YYYY-MM-DD）。販売中なら null' }),
});
export type FacilityItem = z.infer<typeof FacilityItem>;

export const FacilityPage = z.object({
  total: z.number().int().meta({ description: '条件に合う施設の数' }),
  page: z.number().int(),
  perPage: z.number().int(),
  items: z.array(FacilityItem),
});
