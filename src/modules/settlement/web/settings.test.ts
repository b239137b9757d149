import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { findProgramBySlug } from '../../../platform/programs/queries.js';
import { setAllocation } from '../commands/budget.js';
import { reserveClaim } from '../commands/reserve-claim.js';
import { programBalances } from '../ledger.js';
import { campaignWithFacilities } from '../test-fixtures.js';

describe('back-office rules page', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let fx: Awaited<ReturnType<typeof campaignWithFacilities>>;
  const form = (over: Record<string, string> = {}) => ({ discountRate: '50', capPerPersonNight: '5000', minPricePerPersonNight: '3000', maxNights: '7', pool: '120000000', ...over });
  before(async () => {
    env = await createTestEnv();
    fx = await campaignWithFacilities(env.deps, 'rules-web', 1);
    await makeUser(env.deps, 'op@rules-web.example', 'operator', fx.program.id);
    op = new TestBrowser(env.deps);
    await op.login('op@rules-web.example', TEST_PASSWORD);
  });
  after(() => env.close());

  test('shows the rules in force (defaults) and saves only what changed; new claims use the new rules, old ones keep theirs', async () => {
    const page = await (await op.get('/admin/settlement/rules-web/settings')).text();
    assert.match(page, /id="discountRate"[^>]*value="50"/);
    assert.match(page, /id="pool"[^>]*value="120000000"/);
    assert.match(page, /2025-05-26 〜 2025-07-10/);
    const f = fx.facilities[0]!;
    const first = await runCommand(env.deps, systemActor('test'), (ctx) => reserveClaim(ctx, fx.program, f, { facilityId: f.id, bookingRef: 'R1', bookedOn: '2025-05-20', checkIn: '2025-06-01', nights: 1, guests: 1, totalPrice: 10000 }));
    assert.equal(first.claim.discount, 5000);
    const res = await op.post('/admin/settlement/rules-web/settings', form({ discountRate: '30', pool: '2,000,000' }));
    assert.equal(res.status, 303);
    const program = (await findProgramBySlug(env.deps.db, 'rules-web'))!;
    assert.equal(program.settings.discountRate, 30);
    assert.equal(program.settings.pool, 2_000_000);
    assert.equal(program.settings.maxNights, undefined, 'unchanged values are not written');
    assert.equal((await programBalances(env.deps.db, program.id)).pool, 2_000_000, 'the ledger follows the pool setting');
    const second = await runCommand(env.deps, systemActor('test'), (ctx) => reserveClaim(ctx, program, f, { facilityId: f.id, bookingRef: 'R2', bookedOn: '2025-05-20', checkIn: '2025-06-01', nights: 1, guests: 1, totalPrice: 10000 }));
    assert.equal(second.claim.discount, 3000);
    const history = await (await op.get('/admin/settlement/rules-web/settings')).text();
    assert.match(history, /割引率<\/td>\s*<td[^>]*>（既定値） → 30%/);
    assert.match(history, /原資（割引相当分の予算総額）<\/td>\s*<td[^>]*>（既定値） → 2,000,000円/);
    assert.match(history, /op@rules-web\.example/);
  });

  test('bad values: the error beside each field, nothing saved; the pool cannot drop below what is allocated', async () => {
    await op.get('/admin/settlement/rules-web/settings');
    const bad = await op.post('/admin/settlement/rules-web/settings', form({ discountRate: '120', maxNights: '', capPerPersonNight: 'abc', pool: '2000000' }));
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /1予約あたりの対象泊数の上限を入力してください/);
    await op.get('/admin/settlement/rules-web/settings');
    const bad2 = await op.post('/admin/settlement/rules-web/settings', form({ discountRate: '120', capPerPersonNight: 'abc', pool: '2000000' }));
    assert.equal(bad2.status, 422);
    const html2 = await bad2.text();
    assert.match(html2, /href="#discountRate"/);
    assert.match(html2, /href="#capPerPersonNight"/);
    assert.equal((await findProgramBySlug(env.deps.db, 'rules-web'))!.settings.discountRate, 30);
    const program = (await findProgramBySlug(env.deps.db, 'rules-web'))!;
    await runCommand(env.deps, systemActor('test'), (ctx) => setAllocation(ctx, program, fx.facilities[0]!.id, 1_500_000));
    await op.get('/admin/settlement/rules-web/settings');
    const shrink = await op.post('/admin/settlement/rules-web/settings', form({ discountRate: '30', pool: '1000000' }));
    assert.equal(shrink.status, 409);
    assert.match(await shrink.text(), /原資を配分済みの額より小さくすることはできません/);
    assert.equal((await programBalances(env.deps.db, program.id)).pool, 2_000_000);
    assert.equal((await findProgramBySlug(env.deps.db, 'rules-web'))!.settings.pool, 2_000_000, 'the setting change was rolled back too');
  });
});
