import { z } from 'zod';
import { CALLER_TYPES, CATEGORIES } from '../schema.js';

/**
 * The answers of the calls API (api.ts types them with these; the OpenAPI document, ./openapi.ts,
 * is generated from them). Lists from schema.ts are read lazily (see events/web/api-schemas.ts).
 */
export const CallAnswer = z.object({
  id: z.number().int(),
  number: z.number().int().meta({ description: '受付番号（事業ごとの連番）' }),
  simple: z.boolean().meta({ description: 'question も answer もない件数のみの記録なら true' }),
});

const byCallerType = z.lazy(() => z.object(Object.fromEntries(CALLER_TYPES.map((k) => [k, z.number().int()])) as Record<(typeof CALLER_TYPES)[number], z.ZodNumber>));
const byCategory = z.lazy(() => z.object(Object.fromEntries(CATEGORIES.map((k) => [k, z.number().int()])) as Record<(typeof CATEGORIES)[number], z.ZodNumber>));

const dateString = () => z.string().meta({ format: 'date' });
const dateTimeString = () => z.string().meta({ format: 'date-time' });

/** What a daily and a monthly tally both answer. */
const tallyFields = {
  total: z.number().int(),
  simple: z.number().int().meta({ description: '件数のみの記録の数（total の内数）' }),
  missed: z.number().int().meta({ description: '応答しなかった着信（電話システム連携。total に含まない）' }),
  byCallerType,
  byCategory,
  submittedAt: dateTimeString().nullable(),
};

export const DailyAnswer = z.object({
  date: dateString(),
  dueAt: dateTimeString().meta({ description: '提出期限：翌営業日の12:00（Asia/Tokyo、+09:00 付き）' }),
  ...tallyFields,
});

export const MonthlyAnswer = z.object({
  month: z.string().meta({ description: 'YYYY-MM' }),
  dueOn: dateString().meta({ description: '提出期限：翌月の第7営業日' }),
  ...tallyFields,
  byDay: z.array(z.object({ date: dateString(), total: z.number().int() })),
});

export const SubmitAnswer = z.object({
  submittedAt: dateTimeString(),
  onTime: z.boolean().meta({ description: '期限内に提出したか' }),
});

export const FaqList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      category: z.lazy(() => z.enum(CATEGORIES)),
      question: z.string(),
      answer: z.string(),
      updatedAt: dateTimeString().meta({ description: '市が承認した版の公開日時' }),
    }),
  ),
});

export const FaqProposed = z.object({ id: z.number().int(), status: z.literal('proposed') });
export const FaqDecided = z.object({ status: z.enum(['published', 'rejected']) });

export const CtiAnswer = z.object({ ok: z.boolean(), id: z.number().int().nullable().meta({ description: '記録の id（外線発信や重複は null）' }) });
