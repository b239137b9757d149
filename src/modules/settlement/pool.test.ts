import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { makeToken, makeUser } from '../../../test/helpers/fixtures.js';
import { ledgerIsBalanced, programBalances } from './ledger.js';
import { campaignWithFacilities } from './test-fixtures.js';

/**
 * The pool is funded on first use from the `pool` setting (default 120,000,000 yen). Concurrent
 * first uses must fund it once: on PostgreSQL they run in parallel transactions.
 */
describe('pool funding on first use', () => {
  let env: TestEnv;
  let app: TestBrowser['app'];
  before(async () => {
    env = await createTestEnv({ MAX_IN_FLIGHT: '2000', SHED_LAG_MS: '0', DATABASE_WAIT_MS: '60000' });
    app = new TestBrowser(env.deps).app;
  });
  after(() => env.close());

  async function fundings(programId: number): Promise<number> {
    const [r] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from ledger_entries where program_id = ${programId} and reason = 'funded'`);
    return Number(r!.n);
  }

  test('concurrent first claims on a never-funded program (no pool setting) fund the default pool exactly once', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'pool-first', 8);
    const user = await makeUser(env.deps, 'op@pool-first.example', 'operator', program.id);
    const token = await makeToken(env.deps, user.id);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        apiRequest(app, 'POST', '/api/v1/programs/pool-first/claims', {
          token,
          body: { facilityId: facilities[i % 8]!.id, bookingRef: `P${i}`, bookedOn: '2025-05-20', checkIn: '2025-06-01', nights: 1, guests: 1, totalPrice: 10000 },
        }),
      ),
    );
    assert.deepEqual([...new Set(results.map((r) => r.status))], [201]);
    const b = await programBalances(env.deps.db, program.id);
    assert.equal(b.pool, 120_000_000, 'the pool is funded once, not once per racing transaction');
    assert.equal(b.reserved, 40 * 5000);
    assert.equal(await fundings(program.id), 1);
    assert.equal(await ledgerIsBalanced(env.deps.db, program.id), true);
  });

  test('concurrent budget reads and first claims on a never-funded program fund it once', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'pool-mixed', 4);
    const user = await makeUser(env.deps, 'op@pool-mixed.example', 'operator', program.id);
    const token = await makeToken(env.deps, user.id);
    const calls = Array.from({ length: 30 }, (_, i) =>
      i % 2
        ? apiRequest(app, 'GET', '/api/v1/programs/pool-mixed/budget', { token })
        : apiRequest(app, 'POST', '/api/v1/programs/pool-mixed/claims', {
            token,
            body: { facilityId: facilities[i % 4]!.id, bookingRef: `Q${i}`, bookedOn: '2025-05-20', checkIn: '2025-06-01', nights: 1, guests: 1, totalPrice: 10000 },
          }),
    );
    const results = await Promise.all(calls);
    for (const r of results) assert.ok(r.status === 200 || r.status === 201, `status ${r.status}`);
    const budget = await (await apiRequest(app, 'GET', '/api/v1/programs/pool-mixed/budget', { token })).json();
    assert.equal(budget.pool, 120_000_000);
    assert.equal(budget.reserved, 15 * 5000);
    assert.equal(await fundings(program.id), 1);
    assert.equal(await ledgerIsBalanced(env.deps.db, program.id), true);
  });
});
