/** The surveys module's API for the OpenAPI document: responses, the City's approval, the tally. */
import { jsonResponse, lazyApiPaths } from '../../../platform/http/openapi-kit.js';
import { decisionSchema } from '../commands/decide-questionnaire.js';
import { ApprovalAnswer, ReceivedAnswer, ResponseBody, TallyAnswer, TallyQuery } from './api-schemas.js';

const tags = ['アンケート'];

export const SURVEYS_PATHS = lazyApiPaths(() => ({
  'POST /programs/{slug}/survey/responses': {
    summary: 'アンケートの回答（任意でプレゼント抽選への応募）',
    description:
      '認証不要。承認済みの最新の調査票に回答します。回答の誤りは質問ごとに errors[].field = "answers.<質問ID>"、応募欄の誤りは "lottery.<項目>" の 422。応募は1人1回：メールアドレスと電話番号（前後の空白・大文字小文字・全角半角を揃えて比較）が既存の応募と同じなら 409 duplicate-entry で、回答も記録しません（応募なしで送り直せます）。Accept-Language: en で英語のメッセージ。',
    auth: 'public',
    tags,
    body: { schema: ResponseBody },
    responses: { 201: jsonResponse('受け付けた', ReceivedAnswer) },
    problems: {
      'not-found': '事業がない',
      'window-closed': '回答期間外（detail.opens, detail.closes）、調査票が未承認、または抽選の終了後の応募',
      'validation-failed': '回答・応募欄の誤り（errors[].field）',
      'duplicate-entry': '同じ人の2回目の抽選応募',
      'too-many-attempts': '同じ接続元から10分間に送れる回答数（設定 surveyResponsesPerClient、既定 30）を超えた（Retry-After 秒後に再送）',
      'bad-request': 'JSON でない',
    },
  },
  'POST /programs/{slug}/survey/approval': {
    summary: '調査票の承認・差戻し（市）',
    description: '承認待ち（draft）の最新版の調査票を承認（approve）または差戻し（reject）します。承認した版が公開のアンケートになります。',
    auth: 'bearer',
    tags,
    body: { schema: decisionSchema },
    responses: { 200: jsonResponse('判断を記録した', ApprovalAnswer) },
    problems: {
      unauthenticated: 'トークンがない',
      forbidden: '事業の city でない',
      'not-found': '事業がない・他の事業、または調査票がない',
      conflict: '承認待ちの調査票がない（判断済み）',
      'validation-failed': 'decision が approve/reject でない',
      'bad-request': 'JSON でない',
    },
  },
  'GET /programs/{slug}/survey/tally': {
    summary: 'アンケートの集計',
    description: 'Web と確定した紙の回答の集計。個人情報は含みません（自由記述の電話番号・メールアドレスらしい部分は伏せ字）。',
    auth: 'bearer',
    tags,
    query: TallyQuery,
    responses: { 200: jsonResponse('集計', TallyAnswer) },
    problems: { unauthenticated: 'トークンがない', forbidden: '事業の admin/operator/city でない', 'not-found': '事業がない・他の事業、または調査票がない', 'validation-failed': '条件の誤り' },
  },
}));
