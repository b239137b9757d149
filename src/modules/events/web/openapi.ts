/** The events module's API for the OpenAPI document: registrations and the roster. */
import { fileResponse, jsonResponse, lazyApiPaths } from '../../../platform/http/openapi-kit.js';
import { ROSTER_COLUMNS } from '../roster.js';
import { registrationSchema } from '../validators.js';
import { RegisteredAnswer } from './api-schemas.js';

const tags = ['情報交換会'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Words for the fields of registrationSchema (validators.ts), which the route parses. */
const REGISTRATION_FIELDS = {
  name: { description: '氏名' },
  nameKana: { description: 'ふりがな（ひらがな・カタカナ）' },
  organization: { description: '所属' },
  orgRole: { description: '役職' },
  email: { format: 'email', description: 'メールアドレス（web では必須）' },
  phone: { description: '電話番号（全角数字・ハイフン可）' },
  fax: { description: 'FAX 番号' },
  attendance: { description: 'venue: 会場、online: オンライン' },
  accommodations: { description: '配慮事項：wheelchair（車いす）、hearing（聴覚）、visual（視覚）、other のコードの配列、または自由記述' },
  accommodationNote: { description: '配慮事項の自由記述' },
  question: { description: '事前の質問' },
  channel: { description: '受付の経路。web 以外は operator/admin のトークンが必要' },
  consent: { description: 'web：個人情報の取扱いへの同意（false なら 422）' },
  receivedOn: { format: 'date', description: '受付日（YYYY-MM-DD、web 以外。省略すると今日）' },
};

export const EVENTS_PATHS = lazyApiPaths(() => ({
  'POST /programs/{slug}/registrations': {
    summary: '参加申込の登録',
    description:
      'channel が web（既定）の申込は認証不要で、メールアドレスが必須です（確認メールを送ります。同じアドレス・同じ接続元からの送信は 1 時間あたりの上限があり、超えると 429）。email・fax・phone・post・walk-in の受付は事業の operator/admin のトークンが必要で、receivedOn に受付日を指定できます。定員を超えるとキャンセル待ち（waitlisted）。accommodations は配慮事項のコードの配列、または自由記述の文字列。',
    auth: 'optional',
    tags,
    body: { schema: registrationSchema('ja'), fields: REGISTRATION_FIELDS },
    responses: { 201: jsonResponse('受け付けた', RegisteredAnswer) },
    problems: {
      unauthenticated: 'web 以外の受付でトークンがない',
      forbidden: 'web 以外の受付をする権限がない',
      'not-found': '情報交換会の事業がない',
      'window-closed': '受付期間外（detail.opens, detail.closes）',
      'validation-failed': '入力誤り（errors[].field に項目名）。オンライン参加を受け付けていない事業への online も',
      'too-many-attempts': '確認メールの送信が上限に達した（Retry-After）',
    },
  },
  'GET /programs/{slug}/roster.xlsx': {
    summary: '参加者名簿（Excel）',
    description: `個人情報を含みます。出力は監査ログに記録されます。列：${ROSTER_COLUMNS.map((c) => c.header).join('、')}`,
    auth: 'bearer',
    tags,
    responses: { 200: fileResponse('xlsx', XLSX) },
    problems: { unauthenticated: 'トークンがない、または無効', forbidden: '名簿を見られない役割', 'not-found': '事業がない、他の事業、または情報交換会でない' },
  },
}));
