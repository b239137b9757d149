/**
 * The site module's paths for the OpenAPI 3.1 document (merged in src/modules/openapi.ts): the
 * public facility search API and the open data files. The open data files live on the public site,
 * not under /api/v1, so those paths carry their own `servers` entry (the site's root).
 */
import { FACILITY_TYPES, WARDS } from '../../campaign/index.js';
import { OPEN_DATA_COLUMNS } from './opendata.js';

type PathItem = Record<string, unknown>;

const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, description: 'キャンペーン（program）の slug' };
const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }, extra: Record<string, unknown> = {}) => ({ name, in: 'query', required: false, description, schema, ...extra });
const notFound = { description: '該当するキャンペーンがありません', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

const Facility = {
  type: 'object',
  required: ['id', 'name', 'nameKana', 'type', 'ward', 'address', 'features', 'url', 'soldOut', 'soldOutOn'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string', description: '施設名' },
    nameKana: { type: 'string', description: '施設名のフリガナ（全角カタカナ）' },
    type: { type: 'string', enum: [...FACILITY_TYPES], description: '施設の種別（募集で使うコード）' },
    ward: { type: 'string', enum: [...WARDS] },
    address: { type: 'string' },
    features: { type: 'array', items: { type: 'string' }, description: '特色（日本語）' },
    url: { type: 'string', format: 'uri', description: '公開サイトの施設ページ' },
    soldOut: { type: 'boolean', description: '販売終了なら true' },
    soldOutOn: { type: ['string', 'null'], format: 'date', description: '販売終了日（YYYY-MM-DD）。販売中なら null' },
  },
};

const FacilityPage = {
  type: 'object',
  required: ['total', 'page', 'perPage', 'items'],
  properties: { total: { type: 'integer' }, page: { type: 'integer' }, perPage: { type: 'integer' }, items: { type: 'array', items: Facility } },
};

const openDataRow = {
  type: 'object',
  description: 'CSV と同じ列名をキーにした 1 施設',
  properties: Object.fromEntries(OPEN_DATA_COLUMNS.map((c) => [c.header, { type: c.kind === 'int' ? ['integer', 'string'] : 'string' }])),
};

export function siteOpenApiPaths(baseUrl: string): Record<string, PathItem> {
  const site = [{ url: baseUrl, description: '公開サイト（/api/v1 の外）' }];
  return {
    '/programs/{slug}/facilities': {
      get: {
        summary: '参加施設の検索（公開・認証不要）',
        description:
          '名称・フリガナ・住所・特色の全文検索（全角半角・ひらがなカタカナ・空白の有無を区別しない、部分一致、空白区切りはすべてを含む）。ETag と 304、Cache-Control: public, max-age=30。',
        parameters: [
          slug,
          query('q', '検索語（日本語）'),
          query('ward', '区', { type: 'string', enum: [...WARDS] }),
          query('type', '種別', { type: 'string', enum: [...FACILITY_TYPES] }),
          query('feature', '特色（日本語、繰り返し可。すべてを持つ施設）', { type: 'array', items: { type: 'string' } }, { style: 'form', explode: true }),
          query('available', 'true なら販売終了の施設を除く', { type: 'string', enum: ['true'] }),
          query('sort', '並び順（kana: 五十音順、ward: 区ごと）', { type: 'string', enum: ['kana', 'ward'], default: 'kana' }),
          query('page', 'ページ（1から）', { type: 'integer', minimum: 1, default: 1 }),
          query('perPage', '1ページの件数', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
          { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
        ],
        responses: {
          200: { description: '検索結果', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: FacilityPage } } },
          304: { description: 'If-None-Match の ETag から変わっていません' },
          404: notFound,
          503: { description: 'アクセス集中（Retry-After）', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    },
    '/{slug}/opendata/facilities.csv': {
      servers: site,
      get: {
        summary: '参加施設のオープンデータ（CSV、UTF-8 BOM 付き）',
        description: `デジタル庁「自治体標準オープンデータセット」の列の形式。列：${OPEN_DATA_COLUMNS.map((c) => c.header).join('、')}`,
        parameters: [slug],
        responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, 404: notFound },
      },
    },
    '/{slug}/opendata/facilities.json': {
      servers: site,
      get: {
        summary: '参加施設のオープンデータ（JSON、CSV と同じ列）',
        parameters: [slug],
        responses: {
          200: {
            description: 'CSV と同じ行',
            content: {
              'application/json': {
                schema: { type: 'object', required: ['program', 'version', 'items'], properties: { program: { type: 'string' }, version: { type: 'integer' }, items: { type: 'array', items: openDataRow } } },
              },
            },
          },
          404: notFound,
        },
      },
    },
  };
}
