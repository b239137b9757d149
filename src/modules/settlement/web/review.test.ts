import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { reportStay } from '../commands/claim-lifecycle.js';
import { reserveClaim } from '../commands/reserve-claim.js';
import { ledgerIsBalanced, programBalances } from '../ledger.js';
import { campaignWithFacilities } from '../test-fixtures.js';

describe('bulk review of reported stays', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let fx: Awaited<ReturnType<typeof campaignWithFacilities>>;
  const ids = new Map<string, number>();
  before(async () => {
    env = await createTestEnv();
    fx = await campaignWithFacilities(env.deps, 'rev', 2);
    const [a, b] = fx.facilities;
    await runCommand(env.deps, systemActor('test'), async (ctx) => {
      const add = async (f: typeof a, ref: string, checkIn: string, stay = true) => {
        const { claim } = await reserveClaim(ctx, fx.program, f!, { facilityId: f!.id, bookingRef: ref, bookedOn: '2025-05-20', checkIn, nights: 1, guests: 1, totalPrice: 10000 });
        if (stay) await reportStay(ctx, fx.program, claim.id, { nights: 1, guests: 1, totalPrice: 10000 });
        ids.set(ref, claim.id);
      };
      await add(a, 'JUN-1', '2025-06-01');
      await add(a, 'JUN-2', '2025-06-02');
      await add(b, 'JUN-3', '2025-06-03');
      await add(b, 'JUL-1', '2025-07-01');
      await add(a, 'RES-1', '2025-06-05', false);
      for (let i = 0; i < 52; i++) await add(b, `BULK-${String(i).padStart(2, '0')}`, '2025-06-20');
    });
    await makeUser(env.deps, 'op@rev.example', 'operator', fx.program.id);
    op = new TestBrowser(env.deps);
    await op.login('op@rev.example', TEST_PASSWORD);
  });
  after(() => env.close());

  async function review(query: string, fields: Array<[string, string]>) {
    const body = new URLSearchParams([['_csrf', op.csrf()], ...fields]);
    const res = await op.request(`/admin/settlement/rev/claims/review${query}`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    return { res, html: res.status === 303 ? '' : await res.text() };
  }

  const statusOf = async (ref: string) => (await queryRows<{ status: string }>(env.deps.db, sql`select status from claims where booking_ref = ${ref}`))[0]!.status;

  test('filters by status, facility and check-out month, with pagination; linked from the dashboard', async () => {
    assert.match(await (await op.get('/admin/settlement/rev')).text(), /href="\/admin\/settlement\/rev\/claims"/);
    const all = await (await op.get('/admin/settlement/rev/claims')).text();
    assert.match(all, /全56件中 1–50件/, 'awaiting review by default: 56 reported stays, 50 a page');
    assert.match(all, /href="\/admin\/settlement\/rev\/claims\?status=stayed&amp;page=2"/);
    assert.doesNotMatch(all, /RES-1/);
    const ids1 = [...all.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(ids1.length, new Set(ids1).size, 'no duplicate ids');
    const june = await (await op.get(`/admin/settlement/rev/claims?status=stayed&facility=${fx.facilities[0]!.id}&month=2025-06`)).text();
    assert.match(june, /全2件中/);
    assert.match(june, /JUN-1/);
    assert.doesNotMatch(june, /JUN-3|JUL-1/);
    const july = await (await op.get('/admin/settlement/rev/claims?status=stayed&month=2025-07')).text();
    assert.match(july, /全1件中/);
    assert.match(july, /JUL-1/);
    const reserved = await (await op.get('/admin/settlement/rev/claims?status=reserved')).text();
    assert.match(reserved, /RES-1/);
    assert.doesNotMatch(reserved, /name="ids"/, 'only stays awaiting review can be picked');
    const bad = await op.get('/admin/settlement/rev/claims?month=2025-6');
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /YYYY-MM 形式/);
  });

  test('rejecting needs a reason; one claim not awaiting review refuses the whole action; nothing half-done', async () => {
    await op.get('/admin/settlement/rev/claims?month=2025-06');
    let r = await review('?status=stayed&month=2025-06', [['ids', String(ids.get('JUN-1'))], ['decision', 'reject'], ['reason', ' ']]);
    assert.equal(r.res.status, 422);
    assert.match(r.html, /却下の理由を入力してください/);
    assert.match(r.html, /id="claim-\d+"[^>]*checked/, 'the choice is kept');
    r = await review('', [['decision', 'approve']]);
    assert.equal(r.res.status, 422);
    assert.match(r.html, /1件以上選んでください/);
    r = await review('', [['ids', String(ids.get('JUN-1'))], ['ids', String(ids.get('RES-1'))], ['decision', 'approve']]);
    assert.equal(r.res.status, 409);
    assert.match(r.html, /審査待ちでない申請が含まれています（予約番号: RES-1）/);
    assert.equal(await statusOf('JUN-1'), 'stayed');
  });

  test('bulk approve and reject: one transaction, one ledger movement and audit entry per claim', async () => {
    await op.get('/admin/settlement/rev/claims');
    const before = await programBalances(env.deps.db, fx.program.id);
    let r = await review('?status=stayed', [['ids', String(ids.get('JUN-1'))], ['ids', String(ids.get('JUN-2'))], ['decision', 'approve'], ['reason', '']]);
    assert.equal(r.res.status, 303);
    assert.equal(r.res.headers.get('location'), '/admin/settlement/rev/claims?status=stayed');
    r = await review('', [['ids', String(ids.get('JUN-3'))], ['decision', 'reject'], ['reason', '領収書の金額と一致しません']]);
    assert.equal(r.res.status, 303);
    assert.deepEqual([await statusOf('JUN-1'), await statusOf('JUN-2'), await statusOf('JUN-3')], ['approved', 'approved', 'rejected']);
    const after = await programBalances(env.deps.db, fx.program.id);
    assert.equal(after.approved - before.approved, 10_000);
    assert.equal(before.reserved - after.reserved, 15_000);
    assert.equal(await ledgerIsBalanced(env.deps.db, fx.program.id), true);
    const audit = await queryRows<{ action: string; n: number }>(env.deps.db, sql`select action, count(*)::int as n from audit_log where action in ('settlement.claim.approved', 'settlement.claim.rejected') group by action order by action`);
    assert.deepEqual(audit.map((a) => [a.action, Number(a.n)]), [['settlement.claim.approved', 2], ['settlement.claim.rejected', 1]]);
    const page = await (await op.get('/admin/settlement/rev/claims?status=rejected')).text();
    assert.match(page, /領収書の金額と一致しません/);
  });
});
