import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { setAllocation } from './commands/budget.js';
import { ledgerIsBalanced, programBalances } from './ledger.js';
import { campaignWithFacilities } from './test-fixtures.js';

const HEADER = 'facilityId,bookingRef,bookedOn,checkIn,nights,guests,totalPrice';

describe('bulk claims import', () => {
  let env: TestEnv;
  let fx: Awaited<ReturnType<typeof campaignWithFacilities>>;
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(env.dataDir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  before(async () => {
    env = await createTestEnv();
    fx = await campaignWithFacilities(env.deps, 'imp', 2);
    await runCommand(env.deps, systemActor('test'), (ctx) => setAllocation(ctx, fx.program, fx.facilities[1]!.id, 10_000));
  });
  after(() => env.close());

  test('all-or-nothing: one bad row rejects the file, every bad row listed by line, nothing saved', async () => {
    const [a, b] = fx.facilities.map((f) => f.id);
    const csv = [HEADER, `${a},A1,2025-05-20,2025-06-01,1,1,10000`, `${a},A2,2025-02-30,2025-06-01,1,1,10000`, `${a},A3,2025-05-20,2025-09-01,1,1,10000`, `${a},A1,2025-05-20,2025-06-01,1,1,10000`, `999,A4,2025-05-20,2025-06-01,1,1,10000`, `${b},B1,2025-05-20,2025-06-01,1,1,10000`].join('\r\n');
    const r = await cli(env.deps, ['claims', 'import', '--program', 'imp', file('bad.csv', csv)]);
    assert.equal(r.code, 1);
    assert.match(r.err, /3行目（bookedOn）/);
    assert.match(r.err, /4行目: 宿泊日がキャンペーン期間に含まれていません/);
    assert.match(r.err, /5行目（bookingRef）: .*重複/);
    assert.match(r.err, /6行目（facilityId）/);
    assert.match(r.err, /何も登録していません/);
    const [n] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from claims`);
    assert.equal(Number(n!.n), 0);
    assert.equal((await programBalances(env.deps.db, fx.program.id)).reserved, 0);
  });

  test('valid rows only: registers the good rows in file order until the allocation runs out', async () => {
    const [a, b] = fx.facilities.map((f) => f.id);
    const rows = [HEADER, `${a},V1,2025-05-20,2025-06-01,1,1,10000`, `${b},W1,2025-05-20,2025-06-01,1,1,10000`, `${b},W2,2025-05-20,2025-06-01,1,1,10000`, `${b},W3,2025-05-20,2025-06-01,1,1,10000`, `${a},V2,2025-05-20,2025-06-01,0,1,10000`];
    const sjis = iconv.encode(rows.join('\r\n') + '\r\n', 'cp932');
    const r = await cli(env.deps, ['claims', 'import', '--program', 'imp', '--valid-only', file('valid.csv', sjis)]);
    assert.equal(r.code, 1, 'some rows were rejected');
    assert.match(r.out, /5 rows: 3 reserved \(15000 yen\), 0 already registered, 2 rejected/);
    assert.match(r.err, /5行目: 予算枠が不足しています/);
    assert.match(r.err, /6行目（nights）/);
    const b2 = await programBalances(env.deps.db, fx.program.id);
    assert.equal(b2.reserved, 15_000);
    assert.equal(await ledgerIsBalanced(env.deps.db, fx.program.id), true);
    // The same file again: nothing new, the registered rows are recognised.
    const again = await cli(env.deps, ['claims', 'import', '--program', 'imp', '--valid-only', file('valid.csv', sjis)]);
    assert.match(again.out, /0 reserved \(0 yen\), 3 already registered/);
    const soldOut = await queryRows<{ sold_out_on: string | null }>(env.deps.db, sql`select sold_out_on::text from facilities where id = ${b}`);
    assert.ok(soldOut[0]!.sold_out_on, 'the facility whose allocation ran out is sold out');
  });

  test('a duplicate far apart in a long file is found (the table, not memory, remembers earlier batches)', async () => {
    const [a] = fx.facilities.map((f) => f.id);
    const rows = [HEADER, ...Array.from({ length: 5001 }, (_, i) => `${a},L${i},2025-05-20,2025-06-01,1,1,10000`), `${a},L0,2025-05-20,2025-06-01,1,1,10000`];
    const r = await cli(env.deps, ['claims', 'import', '--program', 'imp', file('long.csv', rows.join('\n'))]);
    assert.equal(r.code, 1);
    assert.match(r.err, /5003行目（bookingRef）: 予約番号「L0」がファイル内で重複しています/);
    const [n] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from claims where booking_ref like 'L%'`);
    assert.equal(Number(n!.n), 0, 'the rejected file left nothing');
  });

  describe('text never corrupts silently', () => {
    const refs = async (like: string) => (await queryRows<{ booking_ref: string }>(env.deps.db, sql`select booking_ref from claims where booking_ref like ${like} order by id`)).map((r) => r.booking_ref);
    const row = (ref: string, day = 1) => `${fx.facilities[0]!.id},${ref},2025-05-20,2025-06-${String(day).padStart(2, '0')},1,1,10000`;

    test('a Shift_JIS file whose first non-ASCII byte lies past 64 KiB is read as Shift_JIS', async () => {
      const rows = [HEADER];
      for (let i = 0; rows.join('\r\n').length < 70_000; i++) rows.push(row(`K${i}`));
      rows.push(row('予約-勾当台'));
      const r = await cli(env.deps, ['claims', 'import', '--program', 'imp', file('late.csv', iconv.encode(rows.join('\r\n') + '\r\n', 'cp932'))]);
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(await refs('予約-%'), ['予約-勾当台']);
    });

    test('a two-row Shift_JIS file with half-width kana is read as Shift_JIS', async () => {
      // ﾃｽﾄｳ in Shift_JIS (C3 BD C4 B3) is valid UTF-8 too (ýĳ): read as kana all the same.
      const r = await cli(env.deps, ['claims', 'import', '--program', 'imp', file('kana.csv', iconv.encode([HEADER, row('ﾃｽﾄｳ-1'), row('ﾏｲﾎｳ-2')].join('\r\n'), 'cp932'))]);
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(await refs('%-_'), ['ﾃｽﾄｳ-1', 'ﾏｲﾎｳ-2']);
    });

    test('a lone lead byte: the row is refused naming its line, nothing is registered', async () => {
      const bytes = Buffer.concat([iconv.encode([HEADER, row('LONE-1'), ''].join('\r\n'), 'cp932'), Buffer.from(row('LONE-2')), Buffer.from([0x82]), Buffer.from('\r\n' + row('LONE-3') + '\r\n')]);
      const r = await cli(env.deps, ['claims', 'import', '--program', 'imp', file('lone.csv', bytes)]);
      assert.equal(r.code, 1);
      assert.match(r.err, /3行目: Shift_JIS として正しく読めない文字/);
      assert.match(r.err, /何も登録していません/);
      assert.deepEqual(await refs('LONE-%'), []);
    });

    test('a UTF-8 file with one Shift_JIS row: that row is refused by its line; --valid-only registers the others intact', async () => {
      const bytes = Buffer.concat([Buffer.from([HEADER, row('混在-一'), row('混在-二'), ''].join('\r\n')), iconv.encode(row('混在-三') + '\r\n', 'cp932'), Buffer.from(row('混在-四') + '\r\n')]);
      const all = await cli(env.deps, ['claims', 'import', '--program', 'imp', file('mixed.csv', bytes)]);
      assert.equal(all.code, 1);
      assert.match(all.err, /4行目: UTF-8 として正しく読めない文字/);
      assert.deepEqual(await refs('混在-%'), []);
      const valid = await cli(env.deps, ['claims', 'import', '--program', 'imp', '--valid-only', file('mixed.csv', bytes)]);
      assert.equal(valid.code, 1);
      assert.match(valid.out, /4 rows: 3 reserved/);
      assert.match(valid.err, /4行目: UTF-8 として/);
      assert.deepEqual(await refs('混在-%'), ['混在-一', '混在-二', '混在-四']);
    });

    test('--encoding states the encoding; a wrong name is a usage error', async () => {
      const text = [HEADER, row('宣言-一')].join('\r\n');
      const wrong = await cli(env.deps, ['claims', 'import', '--program', 'imp', '--encoding', 'shift_jis', file('declared.csv', text)]);
      assert.equal(wrong.code, 1, 'a UTF-8 file stated to be Shift_JIS is refused, not read as mojibake');
      assert.match(wrong.err, /Shift_JIS が指定されています/);
      const bad = await cli(env.deps, ['claims', 'import', '--program', 'imp', '--encoding', 'latin1', file('declared.csv', text)]);
      assert.equal(bad.code, 2);
      const ok = await cli(env.deps, ['claims', 'import', '--program', 'imp', '--encoding', 'shift_jis', file('declared-sjis.csv', iconv.encode(text, 'cp932'))]);
      assert.equal(ok.code, 0, ok.err);
      assert.deepEqual(await refs('宣言-%'), ['宣言-一']);
    });
  });

  test('a wrong header is refused', async () => {
    const r = await cli(env.deps, ['claims', 'import', '--program', 'imp', file('hdr.csv', 'facility,ref\r\n1,2')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /必要な列がありません/);
  });
});
