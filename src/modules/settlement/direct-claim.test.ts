import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows, runPrepared } from '../../db/client.js';
import { systemActor, type Actor } from '../../platform/audit/index.js';
import { verifyAuditChain } from '../../platform/audit/verify.js';
import { runCommand } from '../../platform/command.js';
import { isAppError } from '../../platform/errors/index.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { makeToken, makeUser } from '../../../test/helpers/fixtures.js';
import { setAllocation } from './commands/budget.js';
import { reserveClaim } from './commands/reserve-claim.js';
import { reserveClaimDirect, type ClaimCaller } from './commands/reserve-claim-direct.js';
import { setProgramSettings } from '../../platform/programs/commands/set-program-settings.js';
import { findProgramVersionBySlug } from '../../platform/programs/queries.js';
import { setSalesStop } from './commands/sales-stop.js';
import { grantFacilityAccess } from './facility-access.js';
import { ledgerIsBalanced, programBalances } from './ledger.js';
import { bookingInput, campaignWithFacilities } from './test-fixtures.js';

const booking = bookingInput;

/**
 * The reservation API's one-statement path (reserveClaimDirect) must leave exactly what the
 * general path (reserveClaim in a transaction) leaves: claim, ledger, 販売終了 mark, audit chain.
 */
describe('reservation in one statement', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  const actor = (userId: number): Actor => ({ userId, label: `user:${userId}`, role: 'operator', ip: '192.0.2.1', requestId: 'req-direct' });

  /** A program whose facility has its accounts (its first claim went the general way). */
  async function setup(slug: string, allocation: number) {
    const { program, facilities } = await campaignWithFacilities(env.deps, slug, 2);
    const f = facilities[0]!;
    const run = <T>(fn: Parameters<typeof runCommand<T>>[2]) => runCommand(env.deps, systemActor('test'), fn);
    await run((ctx) => setAllocation(ctx, program, f.id, allocation));
    await run((ctx) => reserveClaim(ctx, program, f, booking(f.id, 'first')));
    const op = await makeUser(env.deps, `op@${slug}.example`, 'operator', program.id);
    const { version } = (await findProgramVersionBySlug(env.deps.db, slug))!;
    const direct = (caller: ClaimCaller, input: ReturnType<typeof booking>) => reserveClaimDirect(env.deps, program, version, caller, input);
    return { program, f, other: facilities[1]!, op, run, direct };
  }

  test('writes the claim, its money and its audit entry; uses up the allocation, marks 販売終了 and then refuses without writing anything', async () => {
    const { program, f, op, direct } = await setup('direct-ok', 15_000);
    const caller = { actor: actor(op.id), userId: op.id, staff: true };
    const first = await direct(caller, booking(f.id, 'D1'));
    assert.ok(first, 'the usual case goes in one statement');
    assert.equal(first.discount, 5000);
    const [claim] = await queryRows<{ id: string; status: string; discount: number }>(env.deps.db, sql`select id::text, status, discount from claims where facility_id = ${f.id} and booking_ref = 'D1'`);
    assert.equal(Number(claim!.id), first.id);
    assert.equal(claim!.status, 'reserved');
    const entries = await queryRows<{ amount: string; reason: string }>(env.deps.db, sql`select amount::text, reason from ledger_entries where claim_id = ${first.id}`);
    assert.deepEqual(entries, [{ amount: '5000', reason: 'reserved' }]);
    // The last 5,000 yen of the allocation: the facility is marked sold out, in the same statement.
    const last = await direct(caller, booking(f.id, 'D2'));
    assert.ok(last);
    const [mark] = await queryRows<{ d: string | null }>(env.deps.db, sql`select sold_out_on::text as d from facilities where id = ${f.id}`);
    assert.equal(mark!.d, '2026-06-01', 'the Tokyo date of the test clock');
    // Nothing left: budget-exhausted, and neither claim nor audit entry stays behind.
    await assert.rejects(
      () => direct(caller, booking(f.id, 'D3')),
      (e: unknown) => isAppError(e) && e.code === 'budget-exhausted',
    );
    const [none] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from claims where facility_id = ${f.id} and booking_ref = 'D3'`);
    assert.equal(none!.n, 0);
    const audit = await queryRows<{ action: string; target_id: string; diff: unknown; actor_user_id: number; ip: string; request_id: string }>(
      env.deps.db,
      sql`select action, target_id, diff, actor_user_id, ip, request_id from audit_log where program_id = ${program.id} and request_id = 'req-direct' order by id`,
    );
    assert.deepEqual(audit, [
      { action: 'settlement.claim.reserved', target_id: String(first.id), diff: { facilityId: f.id, discount: 5000 }, actor_user_id: op.id, ip: '192.0.2.1', request_id: 'req-direct' },
      { action: 'settlement.claim.reserved', target_id: String(last.id), diff: { facilityId: f.id, discount: 5000 }, actor_user_id: op.id, ip: '192.0.2.1', request_id: 'req-direct' },
      { action: 'settlement.facility.sold_out', target_id: String(f.id), diff: { reason: 'allocation-exhausted' }, actor_user_id: op.id, ip: '192.0.2.1', request_id: 'req-direct' },
    ]);
    assert.equal((await verifyAuditChain(env.deps.db)).ok, true, 'the bodies built before the id was known hash as the chain expects');
    const b = await programBalances(env.deps.db, program.id);
    assert.equal(b.reserved, 15_000);
    assert.equal(b.available, 0);
    assert.equal(await ledgerIsBalanced(env.deps.db, program.id), true);
  });

  test('leaves every other case to the general way: a retry, a refusal by the rules or the registration date, another business’s facility', async () => {
    const { program, f, other, op, run, direct } = await setup('direct-fallback', 100_000);
    const caller = { actor: actor(op.id), userId: op.id, staff: true };
    assert.ok(await direct(caller, booking(f.id, 'R1')));
    assert.equal(await direct(caller, booking(f.id, 'R1')), null, 'the booking exists: a retry or a conflict');
    assert.equal(await direct(caller, booking(f.id, 'R2', { checkIn: '2025-08-01' })), null, 'outside the period');
    assert.equal(await direct(caller, booking(f.id, 'R3', { bookedOn: '2025-05-01' })), null, 'booked before the facility registered');
    assert.equal(await direct(caller, booking(other.id, 'R4')), null, 'a facility without accounts yet');
    const biz = await makeUser(env.deps, 'biz@direct-fallback.example', 'business', program.id);
    const business = { actor: actor(biz.id), userId: biz.id, staff: false };
    assert.equal(await direct(business, booking(f.id, 'R5')), null, 'not its facility');
    await grantFacilityAccess(env.deps.db, f.id, biz.id);
    assert.ok(await direct(business, booking(f.id, 'R6')), 'its own facility');
    const refs = await queryRows<{ booking_ref: string }>(env.deps.db, sql`select booking_ref from claims where program_id = ${program.id} order by id`);
    assert.deepEqual(refs.map((r) => r.booking_ref), ['first', 'R1', 'R6']);
    // A business's own stop holds the mark; money running out under it is settled the general way.
    await run((ctx) => setSalesStop(ctx, program, f.id, true));
    await run((ctx) => setAllocation(ctx, program, f.id, 20_000));
    assert.ok(await direct(caller, booking(f.id, 'R7')));
    const [mark] = await queryRows<{ d: string | null }>(env.deps.db, sql`select sold_out_on::text as d from facilities where id = ${f.id}`);
    assert.equal(mark!.d, '2026-06-01');
    assert.equal(await ledgerIsBalanced(env.deps.db, program.id), true);
  });

  test('a program changed since it was read prices nothing: the statement checks its row version', async () => {
    const { program, f, op, run, direct } = await setup('direct-stale', 100_000);
    const caller = { actor: actor(op.id), userId: op.id, staff: true };
    assert.ok(await direct(caller, booking(f.id, 'S1')));
    // The test clock stands still: updated_at does not change, the row version does.
    await run((ctx) => setProgramSettings(ctx, 'direct-stale', [['discountRate', '20']]));
    assert.equal(await direct(caller, booking(f.id, 'S2')), null, 'read before the change');
    const [none] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from claims where program_id = ${program.id} and booking_ref = 'S2'`);
    assert.equal(none!.n, 0);
    const now = (await findProgramVersionBySlug(env.deps.db, 'direct-stale'))!;
    const priced = await reserveClaimDirect(env.deps, now.program, now.version, caller, booking(f.id, 'S2'));
    assert.equal(priced?.discount, 2000, '20 % of 10,000 yen under the new rules');
  });

  test('the API keeps the program between requests, and a change of the rules applies to the very next reservation', async () => {
    const { program, f, op, run } = await setup('direct-api', 100_000);
    const app = new TestBrowser(env.deps).app;
    const token = await makeToken(env.deps, op.id);
    const post = (ref: string) => apiRequest(app, 'POST', '/api/v1/programs/direct-api/claims', { token, body: booking(f.id, ref) });
    const first = await post('A1');
    assert.equal(first.status, 201);
    assert.equal((await first.json()).discount, 5000);
    await run((ctx) => setProgramSettings(ctx, 'direct-api', [['discountRate', '30']]));
    const second = await post('A2');
    assert.equal(second.status, 201);
    assert.equal((await second.json()).discount, 3000);
    assert.equal((await post('A2')).status, 200, 'a retry');
    const [rates] = await queryRows<{ r: string }>(env.deps.db, sql`select string_agg((rules->>'discountRate') || ':' || discount, ',' order by id) as r from claims where program_id = ${program.id}`);
    assert.equal(rates!.r, '50:5000,50:5000,30:3000');
  });

  test('a refusal by the database keeps the pooled connection (PostgreSQL)', async (t) => {
    const pool = env.deps.database.raw.pool;
    if (!pool) return t.skip('the embedded database has no pool');
    let removed = 0;
    const onRemove = () => removed++;
    pool.on('remove', onRemove);
    try {
      for (let i = 0; i < 5; i++) await assert.rejects(() => runPrepared(env.deps.database, 'test_refusal', 'select 1 / $1::int as q', [0]), /division by zero/);
      assert.deepEqual(await runPrepared(env.deps.database, 'test_refusal', 'select 1 / $1::int as q', [1]), [{ q: 1 }]);
    } finally {
      pool.off('remove', onRemove);
    }
    assert.equal(removed, 0);
  });
});
