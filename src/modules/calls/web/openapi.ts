/** The calls module's API for the OpenAPI document. */
import { z } from 'zod';
import { jsonResponse, lazyApiPaths } from '../../../platform/http/openapi-kit.js';
import { callSchema, decisionSchema, faqSchema } from '../validators.js';
import { ctiEventSchema } from '../commands/cti.js';
import { CallAnswer, CtiAnswer, DailyAnswer, FaqDecided, FaqList, FaqProposed, MonthlyAnswer, SubmitAnswer } from './api-schemas.js';

const tags = ['コールセンター'];
const DATE_PARAM = { description: '日付（YYYY-MM-DD、Asia/Tokyo）', schema: z.iso.date() };
const MONTH_PARAM = { description: '月（YYYY-MM）', schema: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) };

const CALL_FIELDS = {
  callerType: { description: 'user: 利用者、business: 事業者、other: その他' },
  category: { description: 'overview: キャンペーンの概要、application: 申請・審査の状況、facilities: 利用可能施設など利用者向け情報、participation: 参加方法など事業者向け情報、other: その他' },
  question: { description: '質問（question も answer もなければ件数のみの記録）' },
  answer: { description: '回答' },
  outcome: { description: 'answered: 回答済み、callback: 要折り返し、handover: 事務局へ引継ぎ、city: 市へ確認' },
  durationSeconds: { description: '通話時間（秒）' },
  receivedAt: { format: 'date-time', description: '受付日時（ISO 8601、省略すると今。後から記録する場合）。集計は Asia/Tokyo の日付で数えます' },
  callerName: { description: '相手の氏名（任意、個人情報として暗号化して保存）' },
  callerPhone: { description: '相手の電話番号（任意、暗号化して保存。同じ番号の過去の問い合わせを探せます）' },
};

/** Problems every program route of the API may answer. */
const PROGRAM_PROBLEMS = { unauthenticated: 'トークンがない、または無効', 'not-found': '事業がない、他の事業、またはキャンペーンでない' } as const;

/** Read when the document is built (lazily): api-schemas may not be evaluated yet when this file loads. */
const periodOf = (period: 'daily' | 'monthly') => ({
  daily: { param: 'date', spec: DATE_PARAM, label: '日次', unit: '日', bad: '日付が YYYY-MM-DD でない', read: '指定日（Asia/Tokyo）の件数。件数のみの記録と詳細な記録の合計。dueAt は翌営業日の12時。', answer: DailyAnswer },
  monthly: { param: 'month', spec: MONTH_PARAM, label: '月次', unit: '月', bad: '月が YYYY-MM でない', read: '指定月の件数と日別の合計。dueOn は翌月の第7営業日。', answer: MonthlyAnswer },
})[period];

/** The tally of a period and its submission to the City: the daily and monthly routes have one shape. */
function tallyPaths(period: 'daily' | 'monthly') {
  const p = periodOf(period);
  const params = { [p.param]: p.spec };
  return {
    [`GET /programs/{slug}/calls/${period}/{${p.param}}`]: {
      params,
      summary: `${p.label}の問い合わせ集計`,
      description: p.read,
      auth: 'bearer' as const,
      tags,
      responses: { 200: jsonResponse('集計', p.answer) },
      problems: { ...PROGRAM_PROBLEMS, forbidden: '集計を見られない役割', 'validation-failed': p.bad },
    },
    [`POST /programs/{slug}/calls/${period}/{${p.param}}/submit`]: {
      params,
      summary: `${p.label}集計を市へ提出`,
      auth: 'bearer' as const,
      tags,
      responses: { 200: jsonResponse('提出した', SubmitAnswer) },
      problems: { ...PROGRAM_PROBLEMS, forbidden: 'operator・admin 以外', conflict: `まだ終わっていない${p.unit}、または提出済み`, 'validation-failed': p.bad },
    },
  };
}

export const CALLS_PATHS = lazyApiPaths(() => ({
  'POST /programs/{slug}/calls': {
    summary: '問い合わせの記録',
    description: 'コールセンターの agent・operator・admin のトークンで、1件の入電を記録します。',
    auth: 'bearer',
    tags,
    body: { schema: callSchema, fields: CALL_FIELDS },
    responses: { 201: jsonResponse('記録した', CallAnswer) },
    problems: { ...PROGRAM_PROBLEMS, forbidden: '記録できない役割', 'validation-failed': '入力誤り（errors[].field に項目名）' },
  },
  ...tallyPaths('daily'),
  ...tallyPaths('monthly'),
  'GET /programs/{slug}/faq': {
    summary: '公開中のFAQ',
    description: '市が承認したFAQ（認証不要）：サイトの掲載内容の承認で承認され、公開中の版の文面。?lang=en で英語の文面（あるもの）。',
    auth: 'public',
    tags,
    responses: { 200: jsonResponse('FAQ', FaqList) },
    problems: { 'not-found': 'キャンペーンの事業がない' },
  },
  'POST /programs/{slug}/faq': {
    summary: 'FAQの提案',
    description: 'agent・operator が提案します。fromCall に問い合わせの id を渡すと、その問い合わせに答えたものとして数えます（相手の氏名・番号は写しません）。文面はサイトの掲載内容として市へ申請され、市がサイトの承認画面（または POST /faq/{id}/decision）で承認するまで公開されません。',
    auth: 'bearer',
    tags,
    body: { schema: faqSchema, fields: { category: { description: 'overview・application・facilities・participation・other' }, question: { description: '質問' }, answer: { description: '回答' }, questionEn: { description: '英語の質問（任意）' }, answerEn: { description: '英語の回答（任意）' }, fromCall: { description: '元になった問い合わせの id（任意）' } } },
    responses: { 201: jsonResponse('提案した', FaqProposed) },
    problems: { ...PROGRAM_PROBLEMS, forbidden: '提案できない役割', 'validation-failed': '入力誤り' },
  },
  'POST /faq/{id}/decision': {
    params: { id: 'FAQ の ID' },
    summary: 'FAQの承認・差戻し（市）',
    description: 'サイトの掲載内容の承認と同じ判断を、FAQの最新の承認待ちの版に対して行います。reject でコメントがなければ「理由の記載なし」と記録します。',
    auth: 'bearer',
    tags,
    body: { schema: decisionSchema, fields: { decision: { description: 'approve: 承認して公開、reject: 差戻し' }, comment: { description: 'コメント（任意）' } } },
    responses: { 200: jsonResponse('判断した', FaqDecided) },
    problems: { unauthenticated: 'トークンがない', forbidden: '市の職員でない', 'not-found': 'FAQがない、または他の事業', conflict: '承認待ちの版がない（判断済み）', 'validation-failed': 'decision が approve・reject でない' },
  },
  'POST /cti/{token}': {
    params: { token: { description: '`jimukyoku calls cti-token` が発行した秘密の鍵', schema: z.string() } },
    summary: '電話システム（CTI）からの通知',
    description:
      'Zammad の generic CTI と同じ形（form-encoded または JSON）：event は newCall・answer・hangup、from・to・direction（in/out）・callId（call_id も可）・cause。newCall で問い合わせの記録を開き（発信者番号は暗号化）、answer で応答時刻、hangup で終了時刻と通話時間（応答がなければ不在着信）を記録します。token は `jimukyoku calls cti-token --program SLUG` で発行します。違う token は 404 で何も書きません。',
    auth: 'public',
    tags,
    body: { schema: ctiEventSchema },
    responses: { 200: jsonResponse('受け付けた', CtiAnswer) },
    problems: { 'not-found': 'token が違う', 'validation-failed': 'event や callId がない', 'bad-request': 'JSON として読めない' },
  },
}));
