import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { reserveClaim } from '../commands/reserve-claim.js';
import { facilityBalances, ledgerIsBalanced, programBalances } from '../ledger.js';
import { campaignWithFacilities } from '../test-fixtures.js';

describe('back-office allocations page', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let fx: Awaited<ReturnType<typeof campaignWithFacilities>>;
  before(async () => {
    env = await createTestEnv();
    fx = await campaignWithFacilities(env.deps, 'alloc-web', 3, [['pool', '1000000']]);
    await makeUser(env.deps, 'op@alloc-web.example', 'operator', fx.program.id);
    await makeUser(env.deps, 'city@alloc-web.example', 'city', fx.program.id);
    op = new TestBrowser(env.deps);
    await op.login('op@alloc-web.example', TEST_PASSWORD);
  });
  after(() => env.close());

  const [a, b] = [0, 1];

  test('sets an allocation, lists it with its use, and the dashboard links here', async () => {
    const dash = await (await op.get('/admin/settlement/alloc-web')).text();
    assert.match(dash, /href="\/admin\/settlement\/alloc-web\/allocations"/);
    await op.get('/admin/settlement/alloc-web/allocations');
    const res = await op.post('/admin/settlement/alloc-web/allocations', { action: 'set', facility: String(fx.facilities[a]!.id), yen: '600,000' });
    assert.equal(res.status, 303);
    await runCommand(env.deps, systemActor('test'), (ctx) =>
      reserveClaim(ctx, fx.program, fx.facilities[a]!, { facilityId: fx.facilities[a]!.id, bookingRef: 'AW1', bookedOn: '2025-05-20', checkIn: '2025-06-01', nights: 1, guests: 1, totalPrice: 10000 }),
    );
    const html = await (await op.get('/admin/settlement/alloc-web/allocations')).text();
    assert.match(html, /配分済み（合計）<\/dt>\s*<dd[^>]*>600,000円/);
    assert.match(html, /未配分<\/dt>\s*<dd[^>]*>400,000円/);
    // Row of facility 1: allocation 600,000, reserved 5,000, remaining 595,000.
    assert.match(html, /テスト施設1[^<]*<\/th>\s*<td[^>]*>600,000円<\/td>\s*<td[^>]*>5,000円<\/td>(\s*<td[^>]*>0円<\/td>){2}\s*<td[^>]*>595,000円/);
    assert.match(html, /テスト施設2[^<]*<\/th>\s*<td[^>]*>配分なし/);
  });

  test('the sum never passes the pool: a clear Japanese error beside the field, nothing saved', async () => {
    await op.get('/admin/settlement/alloc-web/allocations');
    const res = await op.post('/admin/settlement/alloc-web/allocations', { action: 'set', facility: String(fx.facilities[b]!.id), yen: '400001' });
    assert.equal(res.status, 409);
    const html = await res.text();
    assert.match(html, /最大400,000円まで配分できます/);
    assert.match(html, /href="#yen"/, 'the error summary links to the field');
    assert.equal((await facilityBalances(env.deps.db, fx.program.id, fx.facilities[b]!.id)).hasAllocation, false);
    const below = await op.post('/admin/settlement/alloc-web/allocations', { action: 'set', facility: String(fx.facilities[a]!.id), yen: '1000' });
    assert.equal(below.status, 409);
    assert.match(await below.text(), /5,000円以上で指定してください/);
    const bad = await op.post('/admin/settlement/alloc-web/allocations', { action: 'set', facility: '', yen: '-3' });
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /施設を選んでください/);
    assert.match(badHtml, /金額を0以上の整数/);
  });

  test('moves part of an allocation to another facility in one audited step', async () => {
    await op.get('/admin/settlement/alloc-web/allocations');
    const tooMuch = await op.post('/admin/settlement/alloc-web/allocations', { action: 'move', from: String(fx.facilities[a]!.id), to: String(fx.facilities[b]!.id), moveYen: '595001' });
    assert.equal(tooMuch.status, 409);
    assert.match(await tooMuch.text(), /595,000円以下で指定してください/);
    const ok = await op.post('/admin/settlement/alloc-web/allocations', { action: 'move', from: String(fx.facilities[a]!.id), to: String(fx.facilities[b]!.id), moveYen: '200000' });
    assert.equal(ok.status, 303);
    assert.equal((await facilityBalances(env.deps.db, fx.program.id, fx.facilities[a]!.id)).allocation, 400_000);
    assert.equal((await facilityBalances(env.deps.db, fx.program.id, fx.facilities[b]!.id)).allocation, 200_000);
    const totals = await programBalances(env.deps.db, fx.program.id);
    assert.equal(totals.allocated, 600_000);
    assert.equal(totals.pool, 1_000_000);
    assert.equal(await ledgerIsBalanced(env.deps.db, fx.program.id), true);
    const audit = await queryRows<{ target_id: string; diff: { yen: [number, number] } }>(env.deps.db, sql`select target_id, diff from audit_log where action = 'settlement.allocation.set' and program_id = ${fx.program.id} order by id`);
    assert.deepEqual(audit.map((r) => r.diff.yen), [[0, 600_000], [600_000, 400_000], [0, 200_000]]);
  });

  test('City staff see the dashboard but may not open or change allocations', async () => {
    const city = new TestBrowser(env.deps);
    await city.login('city@alloc-web.example', TEST_PASSWORD);
    assert.equal((await city.get('/admin/settlement/alloc-web')).status, 200);
    assert.equal((await city.get('/admin/settlement/alloc-web/allocations')).status, 403);
    assert.doesNotMatch(await (await city.get('/admin/settlement/alloc-web')).text(), /allocations/, 'no link to a page City staff cannot open');
  });
});
