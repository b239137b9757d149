import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { queryRows } from '../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { programScope } from '../../platform/vault/index.js';
import { payoutAccountOf, setPayoutAccount } from './payout-account.js';
import { openCampaign } from './test-helpers.js';

const HEADER = 'name,nameKana,type,postalCode,address,ward,phone,url,rooms,features';

describe('facilities import (CLI)', () => {
  let env: TestEnv;
  const file = (name: string, content: Buffer | string) => {
    const p = path.join(env.dataDir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const count = async () => Number((await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from facilities`))[0]!.n);
  before(async () => {
    env = await createTestEnv();
    await openCampaign(env.deps, 'imp');
  });
  after(() => env.close());

  test('one bad row rejects the file; every bad row is listed by line and reason; nothing is loaded', async () => {
    const csv = [
      HEADER,
      'ホテル一番町,ほてるいちばんちょう,hotel,980-0811,仙台市青葉区一番町1-1,青葉区,022-111-2222,,30,駐車場あり|Wi-Fi',
      '旅館二番,リョカンニバン,castle,980-0811,仙台市青葉区二番町1,青葉区,022-111-2222,,10,',
      '民宿三番,ミンシュクサンバン,simple,98-0811,仙台市若林区1,中央区,022-111-2222,,10,宇宙',
    ].join('\r\n');
    const r = await cli(env.deps, ['facilities', 'import', '--program', 'imp', file('bad.csv', csv)]);
    assert.equal(r.code, 1);
    assert.match(r.err, /line 3: type/);
    assert.match(r.err, /line 4: postalCode/);
    assert.match(r.err, /line 4: ward/);
    assert.match(r.err, /line 4: features/);
    assert.doesNotMatch(r.err, /line 2/);
    assert.equal(await count(), 0);
  });

  test('Shift_JIS and UTF-8 files load, with registration numbers and Japanese intact', async () => {
    const rows = [HEADER, 'ホテル勾当台,ホテルコウトウダイ,hotel,980-0803,仙台市青葉区国分町3-1,青葉区,022-222-3333,https://k.example.jp/,80,駐車場あり|温泉・大浴場'].join('\r\n');
    const r1 = await cli(env.deps, ['facilities', 'import', '--program', 'imp', file('sjis.csv', iconv.encode(rows, 'cp932'))]);
    assert.equal(r1.code, 0, r1.err);
    const r2 = await cli(env.deps, ['facilities', 'import', '--program', 'imp', file('utf8.csv', '\uFEFF' + rows.replace('勾当台', '泉中央').replace('コウトウダイ', 'イズミチュウオウ'))]);
    assert.equal(r2.code, 0, r2.err);
    const got = await queryRows<{ name: string; registration_number: string; features: string[] }>(env.deps.db, sql`select name, registration_number, features from facilities order by id`);
    assert.deepEqual(got.map((g) => [g.name, g.registration_number]), [['ホテル勾当台', 'R-000001'], ['ホテル泉中央', 'R-000002']]);
    assert.deepEqual(got[0]!.features, ['駐車場あり', '温泉・大浴場']);
  });

  test('bank columns are checked as in the application, row by row; good ones are sealed, not stored in clear', async () => {
    const before = await count();
    const head = `${HEADER},bankCode,branchCode,accountType,accountNumber,accountHolderKana`;
    const fac = (n: number) => `銀行テスト${n},ギンコウテスト,hotel,980-0811,仙台市青葉区一番町${n},青葉区,022-111-2222,,10,`;
    const bad = [
      head,
      `${fac(1)},0001,001,ordinary,7654321,ｶ)ｷﾞﾝｺｳﾃｽﾄ`,
      `${fac(2)},9998,001,ordinary,7654321,カブシキガイシャ`,
      `${fac(3)},0001,999,ordinary,7654321,カブシキガイシャ`,
      `${fac(4)},0001,001,savings,123456,青葉観光`,
      `${fac(5)},0001,,,,`,
      `${fac(6)},,,,,`,
    ].join('\r\n');
    const r = await cli(env.deps, ['facilities', 'import', '--program', 'imp', file('bank-bad.csv', bad)]);
    assert.equal(r.code, 1);
    assert.match(r.err, /line 3: bankCode: 金融機関コード 9998 の金融機関はありません/);
    assert.match(r.err, /line 4: branchCode: 支店コード 999 の支店はみずほにありません/);
    assert.match(r.err, /line 5: accountType/);
    assert.match(r.err, /line 5: accountNumber: 口座番号は7桁/);
    assert.match(r.err, /line 5: accountHolderKana: 口座名義はカナで/);
    assert.match(r.err, /line 6: branchCode/, 'a row with some bank columns must give all five');
    assert.match(r.err, /line 6: accountHolderKana/);
    assert.doesNotMatch(r.err, /line 2|line 7/);
    assert.equal(await count(), before, 'nothing is imported');

    const good = [head, `${fac(7)},０００１,001,当座,0012345,かぶしきがいしゃぎんこう`, `${fac(8)},,,,,`].join('\r\n');
    const ok = await cli(env.deps, ['facilities', 'import', '--program', 'imp', file('bank-good.csv', good)]);
    assert.equal(ok.code, 0, ok.err);
    const rows = await queryRows<{ id: number; program_id: number; name: string; account_sealed: string | null }>(
      env.deps.db,
      sql`select f.id, f.program_id, f.name, a.account_sealed from facilities f left join facility_payout_accounts a on a.facility_id = f.id where f.name like '銀行テスト%' order by f.id`,
    );
    assert.deepEqual(rows.map((x) => [x.name, x.account_sealed !== null]), [['銀行テスト7', true], ['銀行テスト8', false]]);
    assert.doesNotMatch(rows[0]!.account_sealed!, /0012345/, 'the account is sealed in the vault');
    const box = await env.deps.vault.box(env.deps.db, programScope(rows[0]!.program_id));
    assert.deepEqual(await payoutAccountOf(env.deps.db, box, rows[0]!.id), { bankCode: '0001', branchCode: '001', accountType: 'checking', accountNumber: '0012345', holderKana: 'ｶﾌﾞｼｷｶﾞｲｼﾔｷﾞﾝｺｳ' });
    assert.equal(await payoutAccountOf(env.deps.db, box, rows[1]!.id), null, 'no bank columns: no account to pay to');
    // Seeding (the demo) gives one directly, checked as any other.
    await assert.rejects(setPayoutAccount(env.deps.db, box, rows[1]!.program_id, rows[1]!.id, { bankCode: '9998', branchCode: '001', accountType: 'ordinary', accountNumber: '1234567', accountHolderKana: 'ﾃｽﾄ' }));
    await setPayoutAccount(env.deps.db, box, rows[1]!.program_id, rows[1]!.id, { bankCode: '0005', branchCode: '001', accountType: 'ordinary', accountNumber: '7654321', accountHolderKana: 'てすと' });
    assert.equal((await payoutAccountOf(env.deps.db, box, rows[1]!.id))?.holderKana, 'ﾃｽﾄ');
  });

  test('an optional nameEn column gives the English name (#14 item 6)', async () => {
    const csv = [`${HEADER},nameEn`, '英語名テスト1,エイゴメイテストイチ,hotel,980-0811,仙台市青葉区一番町1-1,青葉区,022-111-2222,,10,,Eigo Test Hotel', '英語名テスト2,エイゴメイテストニ,hotel,980-0811,仙台市青葉区一番町1-2,青葉区,022-111-2222,,10,,'].join('\n');
    const r = await cli(env.deps, ['facilities', 'import', '--program', 'imp', file('name-en.csv', csv)]);
    assert.equal(r.code, 0, r.err);
    const rows = await queryRows<{ name: string; name_en: string }>(env.deps.db, sql`select name, name_en from facilities where name like '英語名テスト%' order by name`);
    assert.deepEqual(rows.map((x) => [x.name, x.name_en]), [['英語名テスト1', 'Eigo Test Hotel'], ['英語名テスト2', '']]);
  });

  describe('text never corrupts silently', () => {
    const row = (name: string, kana: string, ward = '青葉区') => `${name},${kana},hotel,980-0811,仙台市${ward}一番町1-1,${ward},022-111-2222,,10,`;
    const names = async () => (await queryRows<{ name: string }>(env.deps.db, sql`select name from facilities order by id`)).map((r) => r.name);

    test('a two-row Shift_JIS file with half-width kana is read as Shift_JIS', async () => {
      const before = await count();
      const r = await cli(env.deps, ['facilities', 'import', '--program', 'imp', file('kana.csv', iconv.encode([HEADER, row('ﾎﾃﾙｾﾝﾀﾞｲ', 'ﾎﾃﾙｾﾝﾀﾞｲ'), row('ﾘｮｶﾝ①', 'ﾘｮｶﾝ', '泉区')].join('\r\n'), 'cp932'))]);
      assert.equal(r.code, 0, r.err);
      assert.equal(await count(), before + 2);
      assert.deepEqual((await names()).slice(-2), ['ホテルセンダイ', 'リョカン1'], 'half-width kana read right (then normalised, NFKC)');
    });

    test('a lone lead byte refuses the file, naming its line', async () => {
      const before = await count();
      const bytes = Buffer.concat([iconv.encode([HEADER, row('旅館甲', 'リョカンコウ'), '旅館'].join('\r\n'), 'cp932'), Buffer.from([0x82]), iconv.encode(row('', 'リョカンオツ').slice(0) + '\r\n', 'cp932')]);
      const r = await cli(env.deps, ['facilities', 'import', '--program', 'imp', file('lone.csv', bytes)]);
      assert.equal(r.code, 1);
      assert.match(r.err, /line 3: encoding: Shift_JIS として正しく読めない文字/);
      assert.doesNotMatch(r.err, /line 2/);
      assert.equal(await count(), before);
    });

    test('a UTF-8 file with one Shift_JIS row refuses the file, naming that line', async () => {
      const before = await count();
      const bytes = Buffer.concat([Buffer.from([HEADER, row('旅館丙', 'リョカンヘイ'), row('旅館丁', 'リョカンテイ'), ''].join('\r\n')), iconv.encode(row('旅館戊', 'リョカンボ') + '\r\n', 'cp932'), Buffer.from(row('旅館己', 'リョカンキ'))]);
      const r = await cli(env.deps, ['facilities', 'import', '--program', 'imp', file('mixed.csv', bytes)]);
      assert.equal(r.code, 1);
      assert.match(r.err, /line 4: encoding: UTF-8 として正しく読めない文字/);
      assert.equal(await count(), before);
    });

    test('--encoding states the encoding', async () => {
      const text = [HEADER, row('旅館庚', 'リョカンコウ')].join('\r\n');
      const wrong = await cli(env.deps, ['facilities', 'import', '--program', 'imp', '--encoding', 'shift_jis', file('declared.csv', text)]);
      assert.equal(wrong.code, 1);
      assert.match(wrong.err, /Shift_JIS が指定されています/);
      assert.equal((await cli(env.deps, ['facilities', 'import', '--program', 'imp', '--encoding', 'euc-jp', file('declared.csv', text)])).code, 2);
      const ok = await cli(env.deps, ['facilities', 'import', '--program', 'imp', '--encoding', 'shift_jis', file('declared-sjis.csv', iconv.encode(text, 'cp932'))]);
      assert.equal(ok.code, 0, ok.err);
      assert.equal((await names()).at(-1), '旅館庚');
    });
  });
});
