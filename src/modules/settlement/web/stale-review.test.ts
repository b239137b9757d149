import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser } from '../../../../test/helpers/fixtures.js';
import { reportStay } from '../commands/claim-lifecycle.js';
import { reserveClaim } from '../commands/reserve-claim.js';
import { ledgerIsBalanced, programBalances } from '../ledger.js';
import { bookingInput, campaignWithFacilities } from '../test-fixtures.js';

/** Two operators review the same reported stays from pages loaded before either decision. */
describe('claims review: concurrent decisions on one stay, one wins (409 for the other)', () => {
  let env: TestEnv;
  let op1: TestBrowser;
  let op2: TestBrowser;
  let fx: Awaited<ReturnType<typeof campaignWithFacilities>>;
  let n = 0;
  before(async () => {
    env = await createTestEnv();
    fx = await campaignWithFacilities(env.deps, 'strev', 1);
    await makeUser(env.deps, 'op1@strev.example', 'operator', fx.program.id);
    await makeUser(env.deps, 'op2@strev.example', 'operator', fx.program.id);
    [op1, op2] = (await signedInBrowsers(env.deps, ['op1@strev.example', 'op2@strev.example'])) as [TestBrowser, TestBrowser];
  });
  after(() => env.close());

  /** Reported stays awaiting review. */
  async function stayed(count: number): Promise<number[]> {
    return runCommand(env.deps, systemActor('test'), async (ctx) => {
      const ids: number[] = [];
      for (let i = 0; i < count; i++) {
        const { claim } = await reserveClaim(ctx, fx.program, fx.facilities[0]!, bookingInput(fx.facilities[0]!.id, `ST-${++n}`));
        await reportStay(ctx, fx.program, claim.id, { nights: 1, guests: 1, totalPrice: 10000 });
        ids.push(claim.id);
      }
      return ids;
    });
  }

  function review(b: TestBrowser, ids: number[], decision: 'approve' | 'reject', reason = '') {
    const body = new URLSearchParams([['_csrf', b.csrf()], ...ids.map((id): [string, string] => ['ids', String(id)]), ['decision', decision], ['reason', reason]]);
    return b.request('/admin/settlement/strev/claims/review', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
  const statuses = async (ids: number[]) => {
    const rows = await queryRows<{ id: number; status: string }>(env.deps.db, sql`select id, status from claims where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) order by id`);
    return ids.map((id) => rows.find((r) => Number(r.id) === id)!.status);
  };
  const decisionsOf = (id: number) =>
    queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where target_type = 'claim' and target_id = ${String(id)} and action in ('settlement.claim.approved', 'settlement.claim.rejected')`);

  test('approve and reject of the same stay at once: one is recorded, the other is refused with 409; the ledger moves once', async () => {
    const [id] = (await stayed(1)) as [number];
    await op1.get('/admin/settlement/strev/claims');
    await op2.get('/admin/settlement/strev/claims');
    assert.match(op1.lastHtml, new RegExp(`name="ids"[^>]*value="${id}"|value="${id}"[^>]*name="ids"`));
    const before = await programBalances(env.deps.db, fx.program.id);
    const [{ discount }] = (await queryRows<{ discount: number }>(env.deps.db, sql`select discount from claims where id = ${id}`)) as [{ discount: number }];
    assert.ok(Number(discount) > 0);
    const [a, r] = await Promise.all([review(op1, [id], 'approve'), review(op2, [id], 'reject', '宿泊実績が確認できません')]);
    assert.deepEqual([a.status, r.status].sort(), [303, 409]);
    const approved = a.status === 303;
    const html = await (approved ? r : a).text();
    assert.match(html, /審査待ちでない申請が含まれています|状態: (承認済み|却下)）は(承認|却下)できません/);
    assert.deepEqual(await statuses([id]), [approved ? 'approved' : 'rejected']);
    assert.equal((await decisionsOf(id)).length, 1, 'one decision audited');
    const after = await programBalances(env.deps.db, fx.program.id);
    assert.equal(after.approved - before.approved, approved ? Number(discount) : 0);
    assert.equal(before.reserved - after.reserved, Number(discount), 'the reserved discount moved exactly once');
    assert.ok(await ledgerIsBalanced(env.deps.db, fx.program.id));
  });

  test('overlapping bulk reviews at once: one applies whole, the other changes nothing', async () => {
    const [x, y, z] = (await stayed(3)) as [number, number, number];
    await op1.get('/admin/settlement/strev/claims');
    await op2.get('/admin/settlement/strev/claims');
    const [a, r] = await Promise.all([review(op1, [x, y], 'approve'), review(op2, [y, z], 'reject', '重複した申請です')]);
    assert.deepEqual([a.status, r.status].sort(), [303, 409]);
    if (a.status === 303) assert.deepEqual(await statuses([x, y, z]), ['approved', 'approved', 'stayed']);
    else assert.deepEqual(await statuses([x, y, z]), ['stayed', 'rejected', 'rejected']);
    assert.equal((await decisionsOf(y)).length, 1);
    assert.ok(await ledgerIsBalanced(env.deps.db, fx.program.id));
  });
});
