import { z } from 'zod';
import { isIsoDate } from '../../platform/calendar/index.js';

const int = (min: number, max: number, message: string) => z.coerce.number({ message }).int(message).min(min, message).max(max, message);
const isoDate = (message: string) => z.string({ message }).trim().refine(isIsoDate, message);

/** `POST /deliverables/{id}/rounds`: which version (its number) goes to the City. */
export const roundRequestSchema = z.object({
  version: int(1, 10_000, '版の番号（1以上の整数）を指定してください'),
});

/** One comment of the City: general (no page) or pinned to a page and spot (x, y from 0 to 1). */
export const commentSchema = z
  .object({
    page: int(1, 10_000, 'ページは1以上の整数で指定してください').optional(),
    x: z.coerce.number({ message: '横位置は0〜1の数で指定してください' }).min(0, '横位置は0〜1の数で指定してください').max(1, '横位置は0〜1の数で指定してください').optional(),
    y: z.coerce.number({ message: '縦位置は0〜1の数で指定してください' }).min(0, '縦位置は0〜1の数で指定してください').max(1, '縦位置は0〜1の数で指定してください').optional(),
    text: z.string({ message: 'コメントを入力してください' }).trim().min(1, 'コメントを入力してください').max(2000, 'コメントは2,000字以内で入力してください'),
  })
  .refine((c) => (c.x === undefined) === (c.y === undefined) && (c.x === undefined || c.page !== undefined), { message: '位置（x, y）は両方とページを指定してください', path: ['x'] });

/** `POST /deliverables/{id}/rounds/{round}/answer`. */
export const answerRequestSchema = z.object({
  decision: z.enum(['comments', 'approve'], { message: '回答は comments か approve です' }),
  comments: z.array(commentSchema).max(200, 'コメントは200件までです').optional(),
  reason: z.string().trim().max(1000, '理由は1,000字以内で入力してください').optional(),
});

/** `POST /deliverables/{id}/delivery`. */
export const deliveryRequestSchema = z.object({
  deliveredOn: isoDate('納品日を YYYY-MM-DD で入力してください'),
  form: z.string({ message: '納品形態を入力してください' }).trim().min(1, '納品形態を入力してください').max(200, '納品形態は200字以内です'),
  quantity: int(0, 10_000_000, '数量は0以上の整数で入力してください'),
});

/** The operator's edit of a register row. */
export const editRequestSchema = z.object({
  title: z.string().trim().min(1, '名称を入力してください').max(200, '名称は200字以内です'),
  note: z.string().trim().max(500, '数量・形式は500字以内です').default(''),
  dueOn: z.union([z.literal(''), isoDate('納期を YYYY-MM-DD で入力してください')]).transform((v) => v || null),
  requiredRounds: int(0, 20, '必要な校正回数は0〜20の整数です'),
});

export type AnswerRequest = z.infer<typeof answerRequestSchema>;

/** A hearing record (the form and any later API). */
export const hearingSchema = z
  .object({
    groupName: z.string({ message: '団体名を入力してください' }).trim().min(1, '団体名を入力してください').max(200, '団体名は200字以内です'),
    contact: z.string().trim().max(500, '連絡先は500字以内です').default(''),
    visitOn: z.union([z.literal(''), isoDate('訪問日を YYYY-MM-DD で入力してください')]).default('').transform((v) => v || null),
    place: z.string().trim().max(200, '訪問場所は200字以内です').default(''),
    cityStaff: z.string().trim().max(200, '同行した市職員は200字以内です').default(''),
    notes: z.string().trim().max(4000, 'メモは4,000字以内です').default(''),
    status: z.enum(['candidate', 'heard', 'selected', 'declined'], { message: '状況を選んでください' }),
    honorariumYen: int(0, 1_000_000, '謝礼は0以上の整数（円）で入力してください').default(10_000),
    honorariumPaidOn: z.union([z.literal(''), isoDate('支払日を YYYY-MM-DD で入力してください')]).default('').transform((v) => v || null),
  })
  .refine((h) => h.honorariumPaidOn === null || h.status === 'selected', { message: '謝礼の支払日は発表団体に選定した団体にだけ記録できます', path: ['honorariumPaidOn'] });

/** An interview article: a title of one to two lines (60 characters at most), the body, the speaker's title. */
export const articleSchema = z.object({
  title: z
    .string({ message: 'タイトルを入力してください' })
    .trim()
    .min(1, 'タイトルを入力してください')
    .refine((t) => [...t.replace(/\r?\n/g, '')].length <= 60, 'タイトルは60字以内（1〜2行）にしてください')
    .refine((t) => t.split(/\r?\n/).length <= 2, 'タイトルは2行までです'),
  body: z.string({ message: '本文を入力してください' }).trim().min(1, '本文を入力してください').max(5000, '本文は5,000字以内です'),
  speakerTitle: z.string().trim().max(100, '話し手の肩書は100字以内です').default(''),
});

/** A photo's caption (shown under it) and its alt text (required: what the photo shows, for readers who cannot see it). */
export const photoTextSchema = z.object({
  alt: z.string({ message: '代替テキストを入力してください' }).trim().min(1, '代替テキスト（写真に写っているものの説明）を入力してください').max(200, '代替テキストは200字以内です'),
  caption: z.string().trim().max(100, 'キャプションは100字以内です').default(''),
});
