/**
 * The participating facilities as open data, in the column style of the Digital Agency's
 * 自治体標準オープンデータセット (観光施設一覧 / 公共施設一覧: code, NO, prefecture, municipality,
 * 名称, 名称_カナ, 住所, …), UTF-8 with BOM. Only public facility fields; no personal data.
 */
import type { Column } from '../../../platform/exports/index.js';
import type { PublicFacility } from '../queries.js';
import { typeLabel } from './format.js';

/** 全国地方公共団体コード (with check digit): 仙台市 and its wards. */
export const SENDAI_CODE = '041009';
const WARD_CODES: Record<string, string> = { 青葉区: '041017', 宮城野区: '041025', 若林区: '041033', 太白区: '041041', 泉区: '041050' };

export interface OpenDataRow {
  no: number;
  f: PublicFacility;
  url: string;
}

export const OPEN_DATA_COLUMNS: Column<OpenDataRow>[] = [
  { header: '都道府県コード又は市区町村コード', value: () => SENDAI_CODE },
  { header: 'NO', value: (r) => r.no, kind: 'int' },
  { header: '都道府県名', value: () => '宮城県' },
  { header: '市区町村名', value: (r) => `仙台市${r.f.ward}` },
  { header: '市区町村コード', value: (r) => WARD_CODES[r.f.ward] ?? SENDAI_CODE },
  { header: '名称', value: (r) => r.f.name },
  { header: '名称_カナ', value: (r) => r.f.nameKana },
  { header: '種別', value: (r) => typeLabel('ja', r.f.type) },
  { header: '郵便番号', value: (r) => r.f.postalCode },
  { header: '住所', value: (r) => r.f.address },
  { header: '電話番号', value: (r) => r.f.phone },
  { header: '客室数', value: (r) => r.f.rooms ?? '', kind: 'int' },
  { header: '特色', value: (r) => r.f.features.join(';') },
  { header: '販売状況', value: (r) => (r.f.soldOutOn ? '販売終了' : '販売中') },
  { header: '販売終了日', value: (r) => r.f.soldOutOn ?? '' },
  { header: 'URL', value: (r) => r.url },
  { header: '施設URL', value: (r) => r.f.website },
];

export function openDataRows(facilities: readonly PublicFacility[], urlOf: (f: PublicFacility) => string): OpenDataRow[] {
  return facilities.map((f, i) => ({ no: i + 1, f, url: urlOf(f) }));
}

/** The same data as JSON objects keyed by the CSV headers. */
export function openDataJson(rows: readonly OpenDataRow[]): Record<string, string | number>[] {
  return rows.map((r) => Object.fromEntries(OPEN_DATA_COLUMNS.map((c) => [c.header, c.value(r) ?? ''])) as Record<string, string | number>);
}
