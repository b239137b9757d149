/** The settlement module's API for the OpenAPI document: claims (予約), stays (実績), reviews, the budget. */
import { jsonResponse, lazyApiPaths } from '../../../platform/http/openapi-kit.js';
import { claimSchema, reviewSchema, staySchema } from '../validators.js';
import { BudgetAnswer, cancelSchema, ClaimAnswer, MoneyAnswer, PaymentAnswer, paymentSchema, ReservedAnswer } from './api-schemas.js';

const tags = ['割引・精算'];
const claimId = { id: '割引予約（claim）の ID' };
const claimProblems = {
  unauthenticated: 'トークンがない、または無効',
  forbidden: 'この操作ができない役割（事業者の操作は自分の施設の予約だけ）',
  'not-found': '予約がない、または他の事業・他の事業者の予約',
} as const;

export const SETTLEMENT_PATHS = lazyApiPaths(() => ({
  'POST /programs/{slug}/claims': {
    summary: '割引予約の登録（予約時）',
    description:
      '予約システムから 1 件ずつ登録します。割引額はキャンペーンの規則（期間、最低代金、登録日）で計算し、施設の配分額から確保します。同じ予約番号と同じ内容を再送すると 200 で同じ予約を返します（冪等）。事業者のトークンでは自分の施設だけ。',
    auth: 'bearer',
    tags,
    body: { schema: claimSchema, fields: { bookedOn: { format: 'date', description: '予約日（YYYY-MM-DD）' }, checkIn: { format: 'date', description: 'チェックイン日（YYYY-MM-DD）' } } },
    responses: { 201: jsonResponse('登録した', ReservedAnswer), 200: jsonResponse('同じ予約番号・同じ内容の再送（既存の予約）', ReservedAnswer) },
    problems: {
      unauthenticated: 'トークンがない、または無効',
      forbidden: '予約を登録できない役割',
      'not-found': '事業がない、または施設がない・自分の施設でない',
      conflict: '同じ予約番号で内容の違う予約がある、またはキャンペーン期間が未設定',
      'budget-exhausted': '施設の配分額（または予算）が足りない',
      'validation-failed': '入力誤り（errors[].field に項目名）',
      'rule-refused': '割引の対象外（detail.reason: outside-campaign-period, below-minimum-price, booked-before-registration, invalid-booking）',
    },
  },
  'POST /claims/{id}/cancel': {
    summary: '割引予約の取消し（キャンセル、無断キャンセル）',
    description: '確保した割引額を施設の配分に戻します。取消し済みの予約にはそのまま 200。本文は省略可。',
    auth: 'bearer',
    tags,
    params: claimId,
    body: { schema: cancelSchema, required: false },
    responses: { 200: jsonResponse('取り消した予約', ClaimAnswer) },
    problems: { ...claimProblems, conflict: '予約中（reserved）でないので取り消せない', 'validation-failed': 'noShow が真偽値でない' },
  },
  'POST /claims/{id}/stay': {
    summary: '宿泊実績の報告（チェックアウト後）',
    description: '泊数・人数・代金は予約より減らすことだけができます。割引額を再計算し、差額を配分に戻します。',
    auth: 'bearer',
    tags,
    params: claimId,
    body: { schema: staySchema },
    responses: { 200: jsonResponse('実績を報告した予約（status: stayed）', ClaimAnswer) },
    problems: { ...claimProblems, conflict: '予約中（reserved）でないので報告できない', 'validation-failed': '入力誤り、または予約より多い泊数・人数・代金' },
  },
  'POST /claims/{id}/review': {
    summary: '実績の審査（承認・却下）',
    description: '事務局（operator/admin）が報告された実績を承認すると支払対象になり、却下（理由必須）すると割引額を配分に戻します。',
    auth: 'bearer',
    tags,
    params: claimId,
    body: { schema: reviewSchema },
    responses: { 200: jsonResponse('審査した予約', ClaimAnswer) },
    problems: { ...claimProblems, forbidden: '審査できない役割（事業者、City）', conflict: '実績報告済み（stayed）でないので審査できない', 'validation-failed': '判断がない、または却下の理由がない' },
  },
  'GET /programs/{slug}/budget': {
    summary: '予算の状況（総額、配分、確保、承認、支払、残額）',
    auth: 'bearer',
    tags,
    responses: { 200: jsonResponse('円単位の残高', BudgetAnswer) },
    problems: { unauthenticated: 'トークンがない、または無効', forbidden: '事業者などの見られない役割', 'not-found': '事業がない、または他の事業' },
  },
  'GET /programs/{slug}/facilities/{id}/money': {
    summary: '施設ごとの割引額の状況（配分額、確保、承認、支払、残額）',
    description: '施設の事業者（自分の施設だけ）と事業の事務局・City が読めます。配分額のない施設（予算全体から割引）は allocation と remaining が 0 です。',
    auth: 'bearer',
    tags,
    params: { id: '施設の ID' },
    responses: { 200: jsonResponse('円単位の残高', MoneyAnswer) },
    problems: { unauthenticated: 'トークンがない、または無効', forbidden: '見られない役割', 'not-found': '事業がない、施設がない、他の事業者の施設、または他の事業' },
  },
  'POST /programs/{slug}/payments': {
    summary: '締めた月を支払済みにする（振込の後）',
    description:
      '事務局（operator/admin）が、その月の全銀協 総合振込ファイルで振込を済ませた後に呼びます。承認済みの額が台帳で支払済みに移り、元に戻せません。振込ファイルをまだ作成していない月は 409。支払済みの月にはそのまま 200。答えには支払に使ったファイルの SHA-256 が入ります。',
    auth: 'bearer',
    tags,
    body: { schema: paymentSchema, fields: { month: { description: '締めた月（YYYY-MM）' } } },
    responses: { 200: jsonResponse('支払済みにした月', PaymentAnswer) },
    problems: {
      unauthenticated: 'トークンがない、または無効',
      forbidden: '支払を記録できない役割（事業者、City）',
      'not-found': '事業がない、またはその月がまだ締められていない',
      conflict: 'その月の振込ファイル（全銀）がまだ作成されていない',
      'validation-failed': '月が YYYY-MM 形式でない',
    },
  },
}));
