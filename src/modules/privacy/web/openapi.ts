/** The privacy module's API for the OpenAPI document: the staff roster. */
import { z } from 'zod';
import { jsonResponse, lazyApiPaths } from '../../../platform/http/openapi-kit.js';
import { STAFF_KINDS, STAFF_STATUSES } from '../schema.js';
import { staffDecisionSchema, staffRequestSchema } from '../validators.js';

const tags = ['個人情報の管理'];

export const StaffAnswer = z.object({
  id: z.number().int().meta({ description: '名簿の登録（申請）の ID' }),
  status: z.literal('requested').meta({ description: '市の承認待ち' }),
});
export const StaffStatusAnswer = z.object({ status: z.enum(['approved', 'rejected']).meta({ description: '市の判断の結果' }) });
export const StaffEndedAnswer = z.object({ id: z.number().int(), status: z.literal('ended').meta({ description: '終了した（直ちに個人情報を閲覧できなくなる）' }) });

export const StaffListAnswer = z.object({
  entries: z.array(
    z.object({
      id: z.number().int(),
      kind: z.lazy(() => z.enum(STAFF_KINDS)).meta({ description: 'officer: 個人情報保護責任者、manager: 作業責任者、worker: 作業従事者' }),
      status: z.lazy(() => z.enum(STAFF_STATUSES)).meta({ description: 'requested 承認待ち、approved 承認済み、rejected 却下、ended 終了' }),
      email: z.string().meta({ description: '対象者のアカウントのメールアドレス（個人情報）' }),
      affiliation: z.string(),
      duties: z.string(),
      trainedOn: z.string().nullable().meta({ description: '研修受講日（YYYY-MM-DD）' }),
      pledgedOn: z.string().nullable().meta({ description: '誓約書提出日（YYYY-MM-DD）' }),
      pledgeScans: z.number().int().meta({ description: '保管中の誓約書の写しの件数' }),
      requestedAt: z.string().meta({ description: '申請日時（ISO 8601）' }),
      decidedAt: z.string().nullable(),
      endedAt: z.string().nullable(),
    }),
  ).meta({ description: '現在の名簿と履歴（古い順）' }),
});

export const PledgeAnswer = z.object({
  id: z.number().int().meta({ description: '添付したファイルの ID' }),
  type: z.enum(['pdf', 'png', 'jpeg']).meta({ description: '内容から判定した形式' }),
  size: z.number().int().meta({ description: 'バイト数' }),
  sha256: z.string().meta({ description: '内容の SHA-256（16進）' }),
});
const PledgeBody = z.object({ file: z.string().meta({ description: '署名した誓約書のスキャン（PDF・PNG・JPEG。形式は内容で判定、8MBまで）', format: 'binary' }) });

export const PRIVACY_PATHS = lazyApiPaths(() => ({
  'POST /staff/{id}/pledge': {
    summary: '誓約書の写しを添付（multipart/form-data: file）',
    description: '名簿の登録（承認待ち・承認済み）に署名済み誓約書のスキャンを添付します。事業のデータ鍵で暗号化して保管し、閲覧は監査ログに記録されます。',
    auth: 'bearer',
    tags,
    body: { schema: PledgeBody, description: 'multipart/form-data' },
    responses: { 201: jsonResponse('添付した', PledgeAnswer) },
    problems: {
      unauthenticated: 'トークンがない、または無効',
      forbidden: 'admin・operator でない',
      'not-found': '登録がない、または他の事業',
      'validation-failed': 'ファイルがない、8MBを超える、または PDF・PNG・JPEG でない',
      conflict: '終了・却下された登録',
      'unsupported-media-type': 'multipart/form-data でない',
      'payload-too-large': '本文が MAX_UPLOAD_BYTES を超えた',
    },
  },
  'GET /programs/{slug}/staff': {
    summary: '作業従事者名簿（履歴を含む）',
    description: '事業の admin・operator・市（city）が名簿と履歴を読みます。アカウントのメールアドレス（個人情報）を含むため、閲覧は監査ログに記録され、名簿で承認されていない受託者の職員には 403 not-on-staff-roster を返します。',
    auth: 'bearer',
    tags,
    responses: { 200: jsonResponse('名簿', StaffListAnswer) },
    problems: {
      unauthenticated: 'トークンがない、または無効',
      forbidden: 'admin・operator・city でない、または名簿で承認されていない（not-on-staff-roster）',
      'not-found': '事業がない、または他の事業',
    },
  },
  'POST /programs/{slug}/staff': {
    summary: '作業従事者名簿への登録を申請',
    description: '事業の admin・operator が、個人情報を取り扱う者（区分 officer: 個人情報保護責任者、manager: 作業責任者、worker: 作業従事者）の登録を申請します。市（city）が承認すると有効になります。',
    auth: 'bearer',
    tags,
    body: {
      schema: staffRequestSchema,
      fields: {
        email: { format: 'email', description: '対象者のアカウントのメールアドレス（この事業の admin・operator・agent）' },
        kind: { description: 'officer、manager、worker' },
        duties: { description: '担当業務' },
        affiliation: { description: '所属' },
        reason: { description: '申請理由（追加・変更の理由）' },
        trainedOn: { format: 'date', description: '研修受講日（YYYY-MM-DD）' },
        pledgedOn: { format: 'date', description: '誓約書提出日（YYYY-MM-DD）' },
      },
    },
    responses: { 201: jsonResponse('申請した', StaffAnswer) },
    problems: {
      unauthenticated: 'トークンがない、または無効',
      forbidden: 'admin・operator でない',
      'not-found': '事業がない、または他の事業',
      'validation-failed': '入力誤り、またはこの事業の職員のアカウントでない',
      conflict: 'この者にはすでに承認済みまたは承認待ちの登録がある',
    },
  },
  'POST /staff/{id}/decision': {
    summary: '作業従事者名簿への登録を承認・却下（市）',
    auth: 'bearer',
    tags,
    body: { schema: staffDecisionSchema, fields: { decision: { description: 'approve または reject' }, comment: { description: 'コメント' } } },
    responses: { 200: jsonResponse('判断した', StaffStatusAnswer) },
    problems: {
      unauthenticated: 'トークンがない、または無効',
      forbidden: '市（city）でない',
      'not-found': '登録がない、または他の事業',
      'validation-failed': 'decision が approve・reject でない',
      conflict: 'すでに処理された申請',
    },
  },
  'DELETE /staff/{id}': {
    summary: '作業従事者名簿の登録を終了',
    description: '直ちに終了します。この者は（事業が enforceStaffRoster のとき）以後この事業の個人情報を閲覧・出力できません（403 not-on-staff-roster）。',
    auth: 'bearer',
    tags,
    responses: { 200: jsonResponse('終了した', StaffEndedAnswer) },
    problems: { unauthenticated: 'トークンがない、または無効', forbidden: 'admin・operator でない', 'not-found': '登録がない、または他の事業', conflict: 'すでに終了・却下された登録' },
  },
}));
