import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { setAllocation } from './commands/budget.js';
import { cancelClaim } from './commands/claim-lifecycle.js';
import { reserveClaim } from './commands/reserve-claim.js';
import { setSalesStop } from './commands/sales-stop.js';
import { campaignWithFacilities } from './test-fixtures.js';

describe('販売終了: the business mark OR an exhausted allocation', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  const soldOutOn = async (id: number) => (await queryRows<{ d: string | null }>(env.deps.db, sql`select sold_out_on::text as d from facilities where id = ${id}`))[0]!.d;

  test('a facility drawing on the pool: only its business marks it; claims on the pool leave the mark alone', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'so-pool', 1);
    const f = facilities[0]!;
    const run = <T>(fn: Parameters<typeof runCommand<T>>[2]) => runCommand(env.deps, systemActor('test'), fn);
    assert.deepEqual(await run((ctx) => setSalesStop(ctx, program, f.id, true)), { changed: true });
    assert.equal(await soldOutOn(f.id), '2026-06-01', 'the Tokyo date of the stop');
    assert.deepEqual(await run((ctx) => setSalesStop(ctx, program, f.id, true)), { changed: false }, 'idempotent');
    const { claim } = await run((ctx) => reserveClaim(ctx, program, f, { facilityId: f.id, bookingRef: 'P1', bookedOn: '2025-05-20', checkIn: '2025-06-01', nights: 1, guests: 1, totalPrice: 10000 }));
    await run((ctx) => cancelClaim(ctx, program, claim.id));
    assert.equal(await soldOutOn(f.id), '2026-06-01');
    await run((ctx) => setSalesStop(ctx, program, f.id, false));
    assert.equal(await soldOutOn(f.id), null);
    // Given an allocation that one claim uses up, the allocation marks it; releasing unmarks it.
    await run((ctx) => setAllocation(ctx, program, f.id, 5000));
    const { claim: c2 } = await run((ctx) => reserveClaim(ctx, program, f, { facilityId: f.id, bookingRef: 'P2', bookedOn: '2025-05-20', checkIn: '2025-06-01', nights: 1, guests: 1, totalPrice: 10000 }));
    assert.ok(await soldOutOn(f.id));
    await run((ctx) => cancelClaim(ctx, program, c2.id));
    assert.equal(await soldOutOn(f.id), null);
    const reasons = await queryRows<{ diff: { reason: string } | null; action: string }>(env.deps.db, sql`select action, diff from audit_log where program_id = ${program.id} and action like 'settlement.facility.%' order by id`);
    assert.deepEqual(reasons.map((r) => `${r.action}${r.diff?.reason ? ':' + r.diff.reason : ''}`), [
      'settlement.facility.sales_stopped',
      'settlement.facility.sold_out:business',
      'settlement.facility.sales_resumed',
      'settlement.facility.back_on_sale',
      'settlement.facility.sold_out:allocation-exhausted',
      'settlement.facility.back_on_sale',
    ]);
  });
});
