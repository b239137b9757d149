/**
 * The site module's paths for the OpenAPI document: the public facility search API and the open
 * data files. The open data files live on the public site, not under /api/v1, so those paths carry
 * their own `servers` entry (the site's root).
 *
 * The search's parameters are described by hand, with the constants searchQueryFrom reads them
 * with: the search ignores a value it does not know rather than refusing it (a shared link never
 * breaks) and is the busiest route, where a zod parse of the query would cost ~18 µs a request.
 */
import { z } from 'zod';
import { FACILITY_TYPES, WARDS } from '../../campaign/index.js';
import { fileResponse, jsonResponse, lazyApiPaths } from '../../../platform/http/openapi-kit.js';
import { SORTS } from '../search/facility-index.js';
import { FacilityPage } from './api-schemas.js';
import { OPEN_DATA_COLUMNS } from './opendata.js';
import { SEARCH_LIMITS } from './search-query.js';

const tags = ['参加施設（公開）'];
const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }, extra: Record<string, unknown> = {}) => ({ name, in: 'query', required: false, description, schema, ...extra });

const OpenDataFile = z.object({
  program: z.string(),
  version: z.number().int().meta({ description: '参加施設の一覧の版（変わるたびに増える）' }),
  items: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).meta({ description: `CSV と同じ列名をキーにした 1 施設。列：${OPEN_DATA_COLUMNS.map((c) => c.header).join('、')}` }),
});

export const siteOpenApiPaths = lazyApiPaths((baseUrl) => {
  const site = [{ url: baseUrl, description: '公開サイト（/api/v1 の外）' }];
  return {
    'GET /programs/{slug}/facilities': {
      summary: '参加施設の検索（公開・認証不要）',
      description:
        '名称・フリガナ・住所・特色の全文検索（全角半角・ひらがなカタカナ・空白の有無を区別しない、部分一致、空白区切りはすべてを含む）。知らない値のパラメータは無視します。ETag と 304、Cache-Control: public, max-age=30。公開日（siteOpensOn）の前は 404。',
      auth: 'public',
      tags,
      query: [
        query('q', `検索語（日本語、${SEARCH_LIMITS.q}文字まで）`),
        query('ward', '区', { type: 'string', enum: [...WARDS] }),
        query('type', '種別', { type: 'string', enum: [...FACILITY_TYPES] }),
        query('feature', `特色（日本語、繰り返し可、${SEARCH_LIMITS.features}個まで。すべてを持つ施設）`, { type: 'array', items: { type: 'string', maxLength: SEARCH_LIMITS.feature } }, { style: 'form', explode: true }),
        query('available', 'true なら販売終了の施設を除く', { type: 'string', enum: ['true'] }),
        query('sort', '並び順（kana: 五十音順、ward: 区ごと）', { type: 'string', enum: [...SORTS], default: 'kana' }),
        query('page', 'ページ（1から）', { type: 'integer', minimum: 1, default: 1 }),
        query('perPage', '1ページの件数', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
      ],
      headers: [{ name: 'If-None-Match', in: 'header', required: false, description: '前の応答の ETag', schema: { type: 'string' } }],
      responses: {
        200: jsonResponse('検索結果', FacilityPage, { headers: { ETag: { schema: { type: 'string' } } } }),
        304: { description: 'If-None-Match の ETag から変わっていません' },
      },
      problems: { 'not-found': '該当するキャンペーンがない（公開日の前を含む）' },
    },
    'GET /{slug}/opendata/facilities.csv': {
      summary: '参加施設のオープンデータ（CSV、UTF-8 BOM 付き）',
      description: `デジタル庁「自治体標準オープンデータセット」の列の形式。列：${OPEN_DATA_COLUMNS.map((c) => c.header).join('、')}`,
      auth: 'public',
      tags,
      servers: site,
      responses: { 200: fileResponse('CSV', 'text/csv') },
      problems: { 'not-found': '該当するキャンペーンがない' },
    },
    'GET /{slug}/opendata/facilities.json': {
      summary: '参加施設のオープンデータ（JSON、CSV と同じ列）',
      auth: 'public',
      tags,
      servers: site,
      responses: { 200: jsonResponse('CSV と同じ行', OpenDataFile) },
      problems: { 'not-found': '該当するキャンペーンがない' },
    },
  };
});
