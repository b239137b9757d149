import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { reportStay, reviewClaim } from './commands/claim-lifecycle.js';
import { checkTransferDate } from './commands/close-month.js';
import { reserveClaim } from './commands/reserve-claim.js';
import { ledgerIsBalanced, programBalances } from './ledger.js';
import { monthlyLines } from './reports.js';
import { campaignWithFacilities } from './test-fixtures.js';

describe('month-end close', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  async function approvedStay(
    program: Awaited<ReturnType<typeof campaignWithFacilities>>['program'],
    facility: Awaited<ReturnType<typeof campaignWithFacilities>>['facilities'][number],
    ref: string,
    checkIn: string,
    stay = { nights: 1, guests: 1, totalPrice: 10000 },
  ) {
    return runCommand(env.deps, systemActor('test'), async (ctx) => {
      const { claim } = await reserveClaim(ctx, program, facility, { facilityId: facility.id, bookingRef: ref, bookedOn: '2025-05-20', checkIn, ...stay });
      await reportStay(ctx, program, claim.id, stay);
      return reviewClaim(ctx, program, claim.id, 'approve', '');
    });
  }

  test('closing takes the approved stays checked out in the month, is idempotent, and never changes afterwards', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'close-a', 2);
    await approvedStay(program, facilities[0]!, 'J1', '2025-06-10');
    await approvedStay(program, facilities[1]!, 'J2', '2025-06-29');
    await approvedStay(program, facilities[0]!, 'J3', '2025-06-30'); // checks out 07-01: July
    let r = await cli(env.deps, ['settlement', 'close', '--program', 'close-a', '--month', '2025-06']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /closed 2025-06: 2 stays, 10000 yen/);
    r = await cli(env.deps, ['settlement', 'close', '--program', 'close-a', '--month', '2025-06']);
    assert.match(r.out, /already closed 2025-06: 2 stays, 10000 yen/);
    // A June stay approved after the close goes into July as an adjustment.
    await approvedStay(program, facilities[1]!, 'J4', '2025-06-05');
    r = await cli(env.deps, ['settlement', 'close', '--program', 'close-a', '--month', '2025-06']);
    assert.match(r.out, /2 stays, 10000 yen/);
    r = await cli(env.deps, ['settlement', 'close', '--program', 'close-a', '--month', '2025-07']);
    assert.match(r.out, /closed 2025-07: 2 stays, 10000 yen/);
    assert.equal((await cli(env.deps, ['settlement', 'close', '--program', 'close-a', '--month', '2025-13'])).code, 1);
    r = await cli(env.deps, ['settlement', 'paid', '--program', 'close-a', '--month', '2025-06']);
    assert.equal(r.code, 1, 'no payment before the 全銀 file');
    // The file written (these fixture facilities have no bank account: its record is set here; zengin-payment.test.ts writes real ones).
    await env.deps.db.execute(sql`update payment_batches set zengin_sha256 = ${'e'.repeat(64)}, zengin_exported_at = now() where program_id = ${program.id} and month = '2025-06'`);
    r = await cli(env.deps, ['settlement', 'paid', '--program', 'close-a', '--month', '2025-06']);
    assert.equal(r.code, 0, r.err);
    const b = await programBalances(env.deps.db, program.id);
    assert.equal(b.paid, 10000);
    assert.equal(b.approved, 10000);
    assert.equal(await ledgerIsBalanced(env.deps.db, program.id), true);
    const statuses = await queryRows<{ status: string; n: number }>(env.deps.db, sql`select status, count(*)::int as n from claims where program_id = ${program.id} group by status order by status`);
    assert.deepEqual(statuses.map((s) => [s.status, Number(s.n)]), [['approved', 2], ['paid', 2]]);
  });

  test('the monthly report counts 人泊 as guests × nights: a 2-guest, 2-night stay counts 4', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'close-gn', 1);
    await approvedStay(program, facilities[0]!, 'G1', '2025-06-10', { nights: 2, guests: 2, totalPrice: 40000 });
    await approvedStay(program, facilities[0]!, 'G2', '2025-06-20', { nights: 1, guests: 3, totalPrice: 30000 });
    assert.equal((await cli(env.deps, ['settlement', 'close', '--program', 'close-gn', '--month', '2025-06'])).code, 0);
    const [line] = await monthlyLines(env.deps.db, program.id, '2025-06');
    assert.equal(line!.guests, 5);
    assert.equal(line!.nights, 3);
    assert.equal(line!.guestNights, 7);
  });

  test('concurrent closes of one month make one batch', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'close-b', 1);
    for (let i = 0; i < 5; i++) await approvedStay(program, facilities[0]!, `K${i}`, '2025-06-10');
    const { closeMonth } = await import('./commands/close-month.js');
    const results = await Promise.all(Array.from({ length: 5 }, () => runCommand(env.deps, systemActor('test'), (ctx) => closeMonth(ctx, program, '2025-06'))));
    assert.equal(new Set(results.map((r) => r.batch.id)).size, 1);
    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal(results[0]!.batch.total, 25000);
  });

  test('a month that has not ended (Asia/Tokyo) cannot be closed: CLI exit 1, Japanese message, nothing written', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'close-open', 1);
    await approvedStay(program, facilities[0]!, 'O1', '2025-06-10');
    // 23:59:59 on 30 June in Tokyo: June has not ended.
    env.clock.set('2025-06-30T14:59:59Z');
    let r = await cli(env.deps, ['settlement', 'close', '--program', 'close-open', '--month', '2025-06']);
    assert.equal(r.code, 1);
    assert.match(r.err, /2025年06月はまだ終わっていないため締められません（2025-07-01 以降に締めてください。今日は日本時間で 2025-06-30 です）/);
    r = await cli(env.deps, ['settlement', 'close', '--program', 'close-open', '--month', '2025-09']);
    assert.equal(r.code, 1, 'a future month neither');
    const [n] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from payment_batches where program_id = ${program.id}`);
    assert.equal(Number(n!.n), 0);
    // One second later it is 1 July in Tokyo (still 30 June in UTC): June can be closed.
    env.clock.set('2025-06-30T15:00:00Z');
    r = await cli(env.deps, ['settlement', 'close', '--program', 'close-open', '--month', '2025-06']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /closed 2025-06: 1 stays, 5000 yen/);
    env.clock.set('2026-06-01T01:00:00Z');
  });

  test('a transfer date must be a bank business day', () => {
    assert.doesNotThrow(() => checkTransferDate('2025-07-31'));
    assert.throws(() => checkTransferDate('2025-08-02'), /営業日ではありません（次の営業日: 2025-08-04）/);
    assert.throws(() => checkTransferDate('2025-12-31'), /営業日ではありません/);
  });
});
