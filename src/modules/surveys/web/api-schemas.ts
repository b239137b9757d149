import { z } from 'zod';
import { QUESTION_TYPES } from '../schema.js';

/** The answer to an accepted response. */
export const ReceivedAnswer = z.object({ receipt: z.string().meta({ description: '受付番号（回答者に表示する）' }) });

/** The body of `POST /programs/{slug}/survey/responses` (its answers are checked against the approved questionnaire). */
export const ResponseBody = z.object({
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).meta({
    description: '質問ID → 回答。single: 選択肢の値、multi: 値の配列（"<id>.other" にその他の内容）、scale: 1〜5、number: 数値、text: 文字列',
  }),
  lottery: z
    .object({ name: z.string(), postalCode: z.string(), address: z.string(), phone: z.string(), email: z.string(), consent: z.literal(true) })
    .optional()
    .meta({ description: 'プレゼント抽選への応募（任意）。メールアドレス・電話番号で1人1回' }),
  facility: z.string().optional().meta({ description: '施設コード（QR カードから）' }),
});

export const ApprovalAnswer = z.object({
  version: z.number().int(),
  status: z.enum(['approved', 'rejected']),
});

export const TallyAnswer = z.object({
  responses: z.number().int(),
  byChannel: z.object({ web: z.number().int(), paper: z.number().int() }),
  questions: z.array(
    z.object({
      id: z.string(),
      type: z.enum(QUESTION_TYPES),
      answered: z.number().int(),
      counts: z.record(z.string(), z.number().int()).optional(),
      mean: z.number().optional(),
      texts: z.array(z.string()).optional().meta({ description: '自由記述（電話番号・メールアドレスらしい部分は伏せ字）' }),
    }),
  ),
});

export const TallyQuery = z.object({
  from: z.string().optional().meta({ description: '期間の初日 YYYY-MM-DD' }),
  to: z.string().optional().meta({ description: '期間の末日 YYYY-MM-DD' }),
  channel: z.enum(['web', 'paper']).optional(),
  facility: z.string().optional().meta({ description: '施設コード' }),
});
