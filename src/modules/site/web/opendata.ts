/**
 * The participating facilities as open data, in the column style of the Digital Agency's
 * 自治体標準オープンデータセット (観光施設一覧 / 公共施設一覧: 全国地方公共団体コード, 法人番号, ID,
 * 地方公共団体名, 名称, 名称_カナ, 名称_英語, 所在地_連結表記 and its parts, 緯度, 経度, 電話番号,
 * 内線番号, URL, 備考), UTF-8 with BOM. Columns we cannot fill (英語名, 緯度・経度, 内線番号) stay,
 * empty, so the file loads into tools built for the standard; this campaign's own columns
 * (販売状況 and the rest) follow at the end. Only public facility fields; no personal data. The
 * headers are the standard's column names (data, not messages); the values that are words (種別,
 * 販売状況) come from the site's catalogue, in Japanese like the standard.
 */
import type { Column } from '../../../platform/exports/index.js';
import type { PublicFacility } from '../queries.js';
import { siteMessages as m } from '../messages.js';
import { typeLabel } from './format.js';

/** 全国地方公共団体コード (with check digit) of 仙台市, the body that manages this data. */
export const SENDAI_CODE = '041009';
const PREFECTURE = '宮城県';
const CITY = '仙台市';
/** 全国地方公共団体コード of Sendai's wards (an extra column: 区コード). */
const WARD_CODES: Record<string, string> = { 青葉区: '041017', 宮城野区: '041025', 若林区: '041033', 太白区: '041041', 泉区: '041050' };

export interface AddressParts {
  /** 宮城県仙台市青葉区一番町二丁目1-1 ○○ビル */
  joined: string;
  prefecture: string;
  /** 仙台市青葉区 */
  municipality: string;
  /** 一番町二丁目 */
  town: string;
  /** 1-1 */
  number: string;
  /** ○○ビル5階 */
  building: string;
}

/**
 * Splits an address as businesses enter it (`仙台市青葉区一番町二丁目1-1 ○○ビル`, with or without
 * 宮城県 or the ward) into the standard's 所在地 parts. 町字 runs up to the first digit (ASCII or
 * full width) that is not an `N丁目`; 番地以下 up to the first space; the rest is 建物名等(方書).
 */
export function splitAddress(address: string, ward: string): AddressParts {
  let rest = address.trim();
  for (const prefix of [PREFECTURE, CITY, ward]) if (prefix && rest.startsWith(prefix)) rest = rest.slice(prefix.length);
  rest = rest.trim();
  const m = /^((?:[^0-9０-９\s　]|[0-9０-９]+丁目)*)([0-9０-９][^\s　]*)?[\s　]*(.*)$/.exec(rest)!;
  const town = (m[1] ?? '').trim();
  const number = m[2] ?? '';
  const building = number ? (m[3] ?? '').trim() : '';
  const municipality = `${CITY}${ward}`;
  return { joined: `${PREFECTURE}${municipality}${rest}`, prefecture: PREFECTURE, municipality, town: number ? town : rest, number, building };
}

export interface OpenDataRow {
  f: PublicFacility;
  address: AddressParts;
  url: string;
}

const empty = () => '';

export const OPEN_DATA_COLUMNS: Column<OpenDataRow>[] = [
  { header: '全国地方公共団体コード', value: () => SENDAI_CODE },
  { header: 'ID', value: (r) => String(r.f.id) },
  { header: '地方公共団体名', value: () => `${PREFECTURE}${CITY}` },
  { header: '名称', value: (r) => r.f.name },
  { header: '名称_カナ', value: (r) => r.f.nameKana },
  // The English name the facility gave (the romanised reading is derived, not a name: left out).
  { header: '名称_英語', value: (r) => r.f.nameEn },
  { header: '種別', value: (r) => typeLabel('ja', r.f.type) },
  { header: '所在地_連結表記', value: (r) => r.address.joined },
  { header: '所在地_都道府県', value: (r) => r.address.prefecture },
  { header: '所在地_市区町村', value: (r) => r.address.municipality },
  { header: '所在地_町字', value: (r) => r.address.town },
  { header: '所在地_番地以下', value: (r) => r.address.number },
  { header: '建物名等(方書)', value: (r) => r.address.building },
  { header: '緯度', value: empty },
  { header: '経度', value: empty },
  { header: '郵便番号', value: (r) => r.f.postalCode },
  { header: '電話番号', value: (r) => r.f.phone },
  { header: '内線番号', value: empty },
  { header: 'URL', value: (r) => r.f.website },
  { header: '備考', value: (r) => r.f.description },
  // This campaign's own columns.
  { header: '区コード', value: (r) => WARD_CODES[r.f.ward] ?? '' },
  { header: '客室数', value: (r) => r.f.rooms ?? '', kind: 'int' },
  { header: '特色', value: (r) => r.f.features.join(';') },
  { header: '販売状況', value: (r) => m('ja', r.f.soldOutOn ? 'soldOut' : 'onSale') },
  { header: '販売終了日', value: (r) => r.f.soldOutOn ?? '' },
  { header: '掲載ページURL', value: (r) => r.url },
];

export function openDataRows(facilities: readonly PublicFacility[], urlOf: (f: PublicFacility) => string): OpenDataRow[] {
  return facilities.map((f) => ({ f, address: splitAddress(f.address, f.ward), url: urlOf(f) }));
}

/** The same data as JSON objects keyed by the CSV headers, with the same values. */
export function openDataJson(rows: readonly OpenDataRow[]): Record<string, string | number>[] {
  return rows.map((r) => Object.fromEntries(OPEN_DATA_COLUMNS.map((c) => [c.header, c.value(r) ?? ''])) as Record<string, string | number>);
}
