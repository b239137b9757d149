import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand, type CommandContext } from '../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { setAllocation } from './commands/budget.js';
import { reportStay, reviewClaim } from './commands/claim-lifecycle.js';
import { closeMonth, markBatchPaid } from './commands/close-month.js';
import { moveAllocation } from './commands/move-allocation.js';
import { reserveClaim } from './commands/reserve-claim.js';
import { facilityBalances, ledgerIsBalanced, programBalances } from './ledger.js';
import { bookingInput, campaignWithFacilities } from './test-fixtures.js';
import { paymentBatches } from './schema.js';
import { eq } from 'drizzle-orm';

/**
 * Commands that set money from a value they read run one after the other on the same rows (on
 * PostgreSQL they really run at once here): nothing is counted twice or lost.
 */
describe('allocation changes and payment marks at once', () => {
  let env: TestEnv;
  let fx: Awaited<ReturnType<typeof campaignWithFacilities>>;
  const run = <T>(fn: (ctx: CommandContext) => Promise<T>) => runCommand(env.deps, systemActor('test'), fn);
  before(async () => {
    env = await createTestEnv();
    fx = await campaignWithFacilities(env.deps, 'money', 2);
  });
  after(() => env.close());

  test('two allocations set at once: the result is one of them, never their sum', async () => {
    const [a] = fx.facilities;
    await run((ctx) => setAllocation(ctx, fx.program, a!.id, 10_000));
    await Promise.all([run((ctx) => setAllocation(ctx, fx.program, a!.id, 30_000)), run((ctx) => setAllocation(ctx, fx.program, a!.id, 50_000))]);
    const { allocation } = await facilityBalances(env.deps.db, fx.program.id, a!.id);
    assert.ok(allocation === 30_000 || allocation === 50_000, `allocation ${allocation}`);
    const b = await programBalances(env.deps.db, fx.program.id);
    assert.equal(b.allocated, allocation);
    assert.ok(await ledgerIsBalanced(env.deps.db, fx.program.id));
  });

  test('two opposite moves at once neither deadlock nor create money', async () => {
    const [a, b] = fx.facilities;
    await run((ctx) => setAllocation(ctx, fx.program, a!.id, 40_000));
    await run((ctx) => setAllocation(ctx, fx.program, b!.id, 40_000));
    await Promise.all([run((ctx) => moveAllocation(ctx, fx.program, a!.id, b!.id, 5_000)), run((ctx) => moveAllocation(ctx, fx.program, b!.id, a!.id, 7_000))]);
    const ax = (await facilityBalances(env.deps.db, fx.program.id, a!.id)).allocation;
    const bx = (await facilityBalances(env.deps.db, fx.program.id, b!.id)).allocation;
    assert.deepEqual([ax, bx], [42_000, 38_000]);
    assert.ok(await ledgerIsBalanced(env.deps.db, fx.program.id));
  });

  test('a month marked paid twice at once moves its money once', async () => {
    const [a] = fx.facilities;
    await run(async (ctx) => {
      const { claim } = await reserveClaim(ctx, fx.program, a!, bookingInput(a!.id, 'PAY-1'));
      await reportStay(ctx, fx.program, claim.id, { nights: 1, guests: 1, totalPrice: 10000 });
      await reviewClaim(ctx, fx.program, claim.id, 'approve', '');
    });
    const { batch } = await run((ctx) => closeMonth(ctx, fx.program, '2025-06'));
    assert.ok(batch.total > 0);
    // The 全銀 file was written (its hash recorded): only then can the month be marked paid.
    await env.deps.db.update(paymentBatches).set({ zenginSha256: 'f'.repeat(64), zenginExportedAt: new Date() }).where(eq(paymentBatches.id, batch.id));
    const paidBefore = (await programBalances(env.deps.db, fx.program.id)).paid;
    const results = await Promise.all([run((ctx) => markBatchPaid(ctx, fx.program, '2025-06')), run((ctx) => markBatchPaid(ctx, fx.program, '2025-06'))]);
    assert.deepEqual(results.map((r) => r.status), ['paid', 'paid']);
    assert.equal((await programBalances(env.deps.db, fx.program.id)).paid - paidBefore, batch.total);
    assert.ok(await ledgerIsBalanced(env.deps.db, fx.program.id));
  });
});
