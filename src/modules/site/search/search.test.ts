import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_FACILITIES } from '../../demo/facilities.js';
import type { PublicFacility } from '../queries.js';
import { FacilityIndex } from './facility-index.js';
import { grams, normalizeText, queryTerms } from './normalize.js';
import { englishName, readingRomaji } from './romaji.js';

/** The demo's 36 realistic Sendai facilities (with half-width ﾎﾃﾙ西多賀 and hiragana ほてる七北田), one sold out. */
function dataset(): PublicFacility[] {
  return DEMO_FACILITIES.map((d, i) => ({
    id: i + 1,
    name: d.name,
    nameKana: d.nameKana,
    nameEn: d.name === '榴岡公園ホテル' ? 'Tsutsujigaoka Park Hotel' : '',
    type: d.type,
    ward: d.ward,
    postalCode: d.postalCode,
    address: d.address,
    phone: '',
    website: '',
    rooms: d.rooms,
    features: d.features,
    description: '',
    soldOutOn: d.name === '秋保温泉 デモ館' ? '2026-06-10' : null,
  }));
}

const index = new FacilityIndex(dataset(), 1);
const names = (q: Parameters<FacilityIndex['search']>[0]) => index.search({ perPage: 100, ...q }).items.map((f) => f.name);

describe('normalizeText', () => {
  test('NFKC: half-width katakana and full-width latin/digits', () => {
    assert.equal(normalizeText('ﾎﾃﾙ'), 'ほてる');
    assert.equal(normalizeText('ＷＩ－ＦＩ　１２３'), 'wifi123');
  });
  test('katakana and hiragana fold together; ヶ and ケ alike', () => {
    assert.equal(normalizeText('ホテル'), normalizeText('ほてる'));
    assert.equal(normalizeText('鶴ヶ谷'), normalizeText('鶴ケ谷'));
    assert.equal(normalizeText('鶴ケ谷'), '鶴け谷');
  });
  test('spaces (half and full width) and separators vanish', () => {
    assert.equal(normalizeText('作並 温泉'), '作並温泉');
    assert.equal(normalizeText('作並　温泉'), '作並温泉');
    assert.equal(normalizeText('一番町二丁目1-1'), '一番町二丁目11');
  });
  test('queryTerms splits on any space, drops empty words', () => {
    assert.deepEqual(queryTerms(' ホテル　青葉 '), ['ほてる', '青葉']);
    assert.deepEqual(queryTerms('　'), []);
  });
  test('grams: bigrams, a single character is its own gram', () => {
    assert.deepEqual(grams('ほてる'), ['ほて', 'てる']);
    assert.deepEqual(grams('泉'), ['泉']);
  });
});

describe('FacilityIndex on the demo dataset', () => {
  test('ホテル finds ﾎﾃﾙ西多賀 and ほてる七北田 (and typed as ﾎﾃﾙ or ほてる, the same)', () => {
    const a = names({ q: 'ホテル' });
    assert.ok(a.includes('ﾎﾃﾙ西多賀'));
    assert.ok(a.includes('ほてる七北田'));
    assert.ok(a.includes('ホテル青葉通りデモ'));
    assert.deepEqual(names({ q: 'ﾎﾃﾙ' }), a);
    assert.deepEqual(names({ q: 'ほてる' }), a);
  });
  test('青葉 finds the addresses in 青葉区', () => {
    const hits = index.search({ q: '青葉', perPage: 100 }).items;
    const inAoba = dataset().filter((f) => f.ward === '青葉区').length;
    assert.equal(hits.filter((f) => f.ward === '青葉区').length, inAoba);
  });
  test('with or without spaces: 作並温泉, 作並 温泉 and さくなみ all find 作並温泉 デモの湯', () => {
    assert.ok(names({ q: '作並温泉' }).includes('作並温泉 デモの湯'));
    assert.ok(names({ q: '作並 温泉' }).includes('作並温泉 デモの湯'));
    assert.ok(names({ q: 'さくなみ' }).includes('作並温泉 デモの湯'));
    assert.ok(names({ q: 'サクナミ' }).includes('作並 山あいの宿'));
  });
  test('partial words, kana readings, full-width and features', () => {
    assert.deepEqual(names({ q: '七北' }), ['ほてる七北田']);
    assert.ok(names({ q: 'あきう' }).includes('秋保 川音の宿'));
    assert.ok(names({ q: 'ｗｉｆｉ' }).length > 10);
    assert.ok(names({ q: '泉' }).includes('泉中央ホテル'));
    assert.deepEqual(names({ q: '鶴ヶ谷' }), ['ゲストハウス鶴ケ谷']);
    assert.deepEqual(names({ q: 'ありえない施設名' }), []);
  });
  test('several words must all match', () => {
    const hits = index.search({ q: '温泉 太白', perPage: 100 }).items;
    assert.ok(hits.length >= 3);
    for (const f of hits) assert.equal(f.ward, '太白区');
  });
  test('filters: ward, type, features (all of them), hide sold-out', () => {
    for (const f of index.search({ ward: '泉区', perPage: 100 }).items) assert.equal(f.ward, '泉区');
    for (const f of index.search({ type: 'ryokan', perPage: 100 }).items) assert.equal(f.type, 'ryokan');
    const both = index.search({ features: ['温泉', '貸切風呂'], perPage: 100 }).items;
    assert.ok(both.length >= 2);
    for (const f of both) assert.ok(f.features.includes('温泉') && f.features.includes('貸切風呂'));
    assert.ok(names({ q: '秋保' }).includes('秋保温泉 デモ館'), 'sold-out facilities stay listed');
    assert.ok(!names({ q: '秋保', available: true }).includes('秋保温泉 デモ館'), 'unless the user hides them');
  });
  test('sort by kana (default) or by ward; pagination', () => {
    const kana = index.search({ perPage: 100 }).items.map((f) => normalizeText(f.nameKana));
    assert.deepEqual(kana, [...kana].sort());
    const wards = index.search({ sort: 'ward', perPage: 100 }).items.map((f) => f.ward);
    assert.equal(wards[0], '青葉区');
    assert.equal(wards.at(-1), '泉区');
    const p2 = index.search({ perPage: 10, page: 2 });
    assert.equal(p2.total, 36);
    assert.equal(p2.items.length, 10);
    assert.equal(p2.page, 2);
    assert.equal(index.search({ perPage: 10, page: 99 }).page, 4, 'a page past the end shows the last page');
  });
  test('counts and lookup by id', () => {
    assert.deepEqual(index.counts(), { total: 36, soldOut: 1 });
    assert.equal(index.get(1)?.name, DEMO_FACILITIES[0]!.name);
  });
});

describe('English search and names (#14 item 6)', () => {
  test('a kana reading in Hepburn, each word capitalised; half-width kana too', () => {
    assert.equal(readingRomaji('アキウオンセン デモカン'), 'Akiuonsen Demokan');
    assert.equal(readingRomaji('ﾎﾃﾙﾆｼﾀｶﾞ'), 'Hoterunishitaga');
    assert.equal(englishName({ nameKana: 'アキウ カワオトノヤド', nameEn: '' }), 'Akiu Kawaotonoyado');
    assert.equal(englishName({ nameKana: 'ツツジガオカコウエンホテル', nameEn: 'Tsutsujigaoka Park Hotel' }), 'Tsutsujigaoka Park Hotel');
  });
  test('"Akiu", "akiu", "AKIU" and "akiu onsen" find the 秋保 facilities by their reading', () => {
    const akiu = names({ q: 'Akiu' });
    assert.deepEqual(akiu.sort(), ['秋保 川音の宿', '秋保グランドデモホテル', '秋保温泉 デモ館'].sort(), 'every facility read アキウ…');
    assert.deepEqual(names({ q: 'akiu' }).sort(), akiu, 'case-insensitive');
    assert.deepEqual(names({ q: 'AKIU' }).sort(), akiu, 'case-insensitive');
    assert.deepEqual(names({ q: 'akiu onsen' }), ['秋保温泉 デモ館'], 'both words must match the reading');
    assert.deepEqual(names({ q: 'sakunami' }).sort(), ['作並 山あいの宿', '作並温泉 デモの湯'].sort(), 'another reading');
  });
  test('an English name is searchable', () => {
    assert.deepEqual(names({ q: 'park hotel' }), ['榴岡公園ホテル'], 'by its English name');
  });
});
