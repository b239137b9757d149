/** The campaign module's API for the OpenAPI document: applications (参加申請), decisions, the registry. */
import { fileResponse, jsonResponse, lazyApiPaths } from '../../../platform/http/openapi-kit.js';
import { APPLICATION_STATUSES } from '../schema.js';
import { applicationSchema } from '../validators.js';
import { ApplicationAnswer, ApplicationList, decisionRequestSchema, SubmittedAnswer } from './api-schemas.js';

const tags = ['参加申請'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Words for the fields of applicationSchema (validators.ts), which the route parses. */
const APPLICATION_FIELDS = {
  'facility.name': { description: '施設名' },
  'facility.nameEn': { description: '施設名（英語、任意）。英語のページに表示。空の場合はフリガナのローマ字表記' },
  'facility.nameKana': { description: '施設名のフリガナ（ひらがな・半角カナも可、全角カタカナに変換）' },
  'facility.type': { description: 'hotel: ホテル、ryokan: 旅館、simple: 簡易宿所、other: その他' },
  'facility.postalCode': { description: '郵便番号（980-0811 または 9800811、全角も可）' },
  'facility.address': { description: '所在地' },
  'facility.phone': { description: '電話番号' },
  'facility.url': { description: 'ウェブサイト（http/https）' },
  'facility.rooms': { description: '客室数' },
  'facility.features': { description: '特色。事業の設定 facilityFeatures の選択肢から' },
  'facility.description': { description: '紹介文' },
  'operator.corporateName': { description: '事業者名' },
  'operator.representativeName': { description: '代表者氏名' },
  'operator.contactName': { description: '担当者氏名' },
  'operator.contactEmail': { format: 'email', description: '担当者メールアドレス（受付の確認メールの宛先）' },
  'operator.contactPhone': { description: '担当者電話番号' },
  'license.number': { description: '旅館業許可番号' },
  'license.issuedOn': { format: 'date', description: '許可年月日（YYYY-MM-DD、今日まで）' },
  'bankAccount.bankCode': { description: '金融機関コード（4桁）' },
  'bankAccount.branchCode': { description: '支店コード（3桁）' },
  'bankAccount.accountType': { description: 'ordinary: 普通、checking: 当座' },
  'bankAccount.accountNumber': { description: '口座番号（7桁）' },
  'bankAccount.accountHolderKana': { description: '口座名義（カナ、全銀で使える文字のみ。半角カナ 30 文字以内で保存）' },
  agreeToTerms: { description: '募集要項への同意' },
};

export const CAMPAIGN_PATHS = lazyApiPaths(() => ({
  'POST /programs/{slug}/applications': {
    summary: '参加申請（完全な申請を一度に提出）',
    description:
      '匿名で呼べます（ウェブの申請フォームと同じ）。事業の operator/admin のトークンで呼ぶと代行申請（channel: staff）。添付書類は受け付けません（審査で差し戻して事業者ページから提出）。ほかの申請と同じ旅館業許可番号でも受け付け、審査画面で重複の可能性として示します（その番号で登録できる施設は一つだけで、二つ目の承認は 409）。匿名の申請は担当者メールアドレスに受付の確認メールを送るため、同じ宛先・同じ接続元からの件数に上限があります（429）。',
    auth: 'optional',
    tags,
    body: { schema: applicationSchema([], '9999-12-31'), fields: APPLICATION_FIELDS },
    responses: { 201: jsonResponse('受け付けた', SubmittedAnswer) },
    problems: {
      'not-found': 'キャンペーンの事業がない',
      'window-closed': '受付期間外',
      'validation-failed': '入力誤り。errors[].field はドット区切りのパス（例 bankAccount.accountNumber）',
      'too-many-attempts': '確認メールの送信が上限に達した（Retry-After）',
    },
  },
  'GET /programs/{slug}/applications': {
    summary: '参加申請の一覧（個人情報・口座情報は含まない）',
    auth: 'bearer',
    tags,
    query: [
      {
        name: 'status',
        in: 'query',
        required: false,
        description: `カンマ区切りの状態（${APPLICATION_STATUSES.join(', ')}）。知らない値は無視し、省略するとすべて`,
        schema: { type: 'string' },
      },
    ],
    responses: { 200: jsonResponse('申請の一覧', ApplicationList) },
    problems: { unauthenticated: 'トークンがない、または無効', forbidden: '一覧を見られない役割（事業者など）', 'not-found': '事業がない、または他の事業' },
  },
  'POST /applications/{id}/decisions': {
    summary: '審査の判断',
    description:
      'operator/admin: approve（登録）、reject（理由必須）、return（修正依頼、理由必須）、escalate（発注者への照会、reason に照会内容）。city: 照会中の申請に回答する。decision "answer"（reason に回答、任意で recommendation）または "approve"/"reject"/"return"（その推奨を添えた回答として扱う）。回答後は状態 answered となり、operator が最終判断する。',
    auth: 'bearer',
    tags,
    params: { id: '参加申請の ID' },
    body: { schema: decisionRequestSchema, fields: { reason: { description: '理由・照会内容・回答（reject, return, escalate, answer で必須）' }, recommendation: { description: 'City の推奨（answer のとき）' } } },
    responses: { 200: jsonResponse('判断した後の申請', ApplicationAnswer) },
    problems: {
      unauthenticated: 'トークンがない、または無効',
      forbidden: 'この判断をする権限がない',
      'not-found': '申請がない、または他の事業の申請',
      conflict: 'この状態では判断できない、seenStatus の後に状態が変わった、または承認しようとした申請の旅館業許可番号を登録済みの別の施設が使っている',
      'validation-failed': '判断がない、理由がない、seenStatus が状態でない',
    },
  },
  'GET /programs/{slug}/registry.xlsx': {
    summary: '参加事業者データ（Excel）',
    description: '口座情報の列は operator/admin にだけ含まれます（city には含まれません）。出力は監査ログに記録されます。',
    auth: 'bearer',
    tags,
    query: [{ name: 'variant', in: 'query', required: false, description: 'final: 配分額・支払額の列を加えた最終版。ほかの値・省略は registry', schema: { type: 'string', enum: ['registry', 'final'] } }],
    responses: { 200: fileResponse('xlsx', XLSX) },
    problems: { unauthenticated: 'トークンがない、または無効', forbidden: '出力できない役割（事業者など）', 'not-found': '事業がない、または他の事業' },
  },
}));
