/** The papers' API for the OpenAPI document: the contract notices and honoraria. */
import { z } from 'zod';
import { fileResponse, jsonResponse, lazyApiPaths, type ApiOperation } from '../../../../platform/http/openapi-kit.js';
import { pp } from '../messages.js';
import { NOTICE_KINDS, type NoticeKind } from '../schema.js';
import { honorariumSchema } from '../validators.js';

const tags = ['事業の記録'];

export const HonorariumAnswer = z.object({
  id: z.number().int().meta({ description: '謝礼金の記録の ID' }),
  gross: z.number().int().meta({ description: '支払額（源泉徴収前、円）' }),
  withholding: z.number().int().meta({ description: '源泉徴収税額（円）: 100万円まで10.21%、超える部分20.42%、1円未満切り捨て' }),
  net: z.number().int().meta({ description: '差引支給額（円）= gross − withholding' }),
});

function noticeOperation(kind: NoticeKind): ApiOperation {
  return {
    summary: `${pp(`notice.${kind}`)}（PDF）`,
    description: `事業のデータ（業務名、契約期間、発注者・受注者、主任担当者、作業従事者名簿）から ${pp(`notice.${kind}`)} を作成して返します（和暦の日付）。作業従事者名簿を記載するため、出力は個人情報の出力として記録されます。届出の種類は ${NOTICE_KINDS.join('、')} のいずれかで、それ以外は 404 です。成果物として提出するのは管理画面（/admin/records/{slug}/notices）です。`,
    auth: 'bearer',
    tags,
    responses: { 200: fileResponse('届出の PDF', 'application/pdf') },
    problems: {
      unauthenticated: 'トークンがない、または無効',
      forbidden: 'admin・operator・city でない、または作業従事者名簿で承認されていない',
      'not-found': '事業がない、または他の事業',
      'validation-failed': '届出に必要な設定（受注者、契約期間、主任担当者）がない',
    },
  };
}

export const PAPERS_PATHS = lazyApiPaths(() => ({
  ...Object.fromEntries(NOTICE_KINDS.map((kind) => [`GET /programs/{slug}/notices/${kind}.pdf`, noticeOperation(kind)])),
  'POST /programs/{slug}/honoraria': {
    summary: '謝礼金を記録（源泉徴収税額を計算）',
    description: '講師・活動事例発表団体・司会・ファシリテーターへの謝礼金を記録し、源泉徴収税額（所得税及び復興特別所得税: 支払額100万円までは10.21%、超える部分は20.42%、1円未満切り捨て）と差引支給額を返します。支払先の氏名・住所は暗号化して保管します。',
    auth: 'bearer',
    tags,
    body: {
      schema: honorariumSchema,
      fields: {
        payee: { description: '支払先の氏名（団体名）' },
        role: { description: 'lecturer（講師）、presenter（活動事例発表団体）、mc（司会）、facilitator（ファシリテーター）' },
        gross: { description: '支払額（源泉徴収前、円、整数）' },
        address: { description: '支払先の住所（任意）' },
        paidOn: { format: 'date', description: '支払日（YYYY-MM-DD、任意）' },
        budgetLineId: { description: '計上する費目の ID（任意。省略時は区分に応じた仕様書の固定費目）' },
      },
    },
    responses: { 201: jsonResponse('記録した', HonorariumAnswer) },
    problems: {
      unauthenticated: 'トークンがない、または無効',
      forbidden: 'admin・operator でない',
      'not-found': '事業がない、または他の事業',
      'bad-request': '本文が JSON でない',
      'validation-failed': '入力誤り（支払先、区分、支払額）',
    },
  } satisfies ApiOperation,
}));
