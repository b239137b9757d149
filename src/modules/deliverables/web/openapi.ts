import { z } from 'zod';
import { fileResponse, jsonResponse, lazyApiPaths } from '../../../platform/http/openapi-kit.js';
import { answerRequestSchema, deliveryRequestSchema, roundRequestSchema } from '../validators.js';
import { DeliverableList, DeliveryAnswer, RoundAnswer, UploadBody, VersionAnswer } from './api-schemas.js';

const TAGS = ['成果物・校正'];
const roundParam = { round: { description: '校正の回（1から）', schema: z.number().int().min(1) } };

export const DELIVERABLES_PATHS = lazyApiPaths(() => ({
  'GET /programs/{slug}/deliverables': {
    summary: '成果物一覧（初回は仕様書の項目で作成）',
    auth: 'bearer',
    tags: TAGS,
    responses: { 200: jsonResponse('成果物', DeliverableList) },
    problems: { unauthenticated: 'トークンがない', forbidden: '事業の admin/operator/city でない', 'not-found': '事業がない' },
  },
  'POST /deliverables/{id}/versions': {
    summary: '版の登録（multipart/form-data: file, note。ディスクへストリーミング）',
    auth: 'bearer',
    tags: TAGS,
    body: { schema: UploadBody, description: 'multipart/form-data' },
    responses: { 201: jsonResponse('登録した版', VersionAnswer) },
    problems: {
      unauthenticated: 'トークンがない',
      forbidden: 'admin/operator でない',
      'not-found': '成果物がない',
      'validation-failed': 'ファイルがない',
      'payload-too-large': '設定 deliverableMaxUploadMb を超えた',
      'unsupported-media-type': '内容が受け付ける形式でない、または multipart でない',
      'bad-request': '本文が途中で切れた、制御文字',
    },
  },
  'POST /deliverables/{id}/rounds': {
    summary: '版を市へ校正依頼（校正 第k回）',
    auth: 'bearer',
    tags: TAGS,
    body: { schema: roundRequestSchema },
    responses: { 201: jsonResponse('送った回', RoundAnswer) },
    problems: { unauthenticated: 'トークンがない', forbidden: 'admin/operator でない', 'not-found': '成果物がない', 'validation-failed': '版がない', conflict: '前の回が未回答、または校了・納品済み', 'bad-request': 'JSON でない' },
  },
  'POST /deliverables/{id}/rounds/{round}/answer': {
    summary: '市の回答（コメント：全体またはページ・位置指定／校了）',
    auth: 'bearer',
    tags: TAGS,
    params: roundParam,
    body: { schema: answerRequestSchema, fields: { comments: { description: 'page（1から）と x, y（ページの幅・高さに対する0〜1）で位置を指定。省略すると全体へのコメント' } } },
    responses: { 200: jsonResponse('回答した回', RoundAnswer) },
    problems: {
      unauthenticated: 'トークンがない',
      forbidden: '市（city）でない',
      'not-found': '成果物がない',
      'validation-failed': 'コメントなしの修正依頼など',
      conflict: '最新の未回答の回でない',
      'rounds-required': '必要な校正回数の前の校了で reason がない',
      'bad-request': 'JSON でない',
    },
  },
  'POST /deliverables/{id}/delivery': {
    summary: '納品の記録（校了後）',
    auth: 'bearer',
    tags: TAGS,
    body: { schema: deliveryRequestSchema },
    responses: { 201: jsonResponse('納品を記録した成果物', DeliveryAnswer) },
    problems: { unauthenticated: 'トークンがない', forbidden: 'admin/operator でない', 'not-found': '成果物がない', 'validation-failed': '日付・数量の誤り', conflict: '校了していない', 'bad-request': 'JSON でない' },
  },
  'POST /deliverables/{id}/receipt': {
    summary: '市が納品の受領を確認',
    auth: 'bearer',
    tags: TAGS,
    responses: { 200: jsonResponse('受領を確認した成果物', DeliveryAnswer) },
    problems: { unauthenticated: 'トークンがない', forbidden: '市（city）でない', 'not-found': '成果物がない', conflict: '納品前、または確認済み' },
  },
  'GET /deliverables/{id}/trail.pdf': {
    summary: '校正の記録（PDF）',
    auth: 'bearer',
    tags: TAGS,
    responses: { 200: fileResponse('校正の記録', 'application/pdf') },
    problems: { unauthenticated: 'トークンがない', forbidden: '事業の admin/operator/city でない', 'not-found': '成果物がない' },
  },
}));
