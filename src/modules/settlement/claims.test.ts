import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { makeToken, makeUser } from '../../../test/helpers/fixtures.js';
import { cli } from '../../../test/helpers/cli.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';
import { setAllocation } from './commands/budget.js';
import { grantFacilityAccess } from './facility-access.js';
import { ledgerIsBalanced, programBalances } from './ledger.js';
import { bookingInput, campaignWithFacilities } from './test-fixtures.js';

const claim = bookingInput;

describe('claims against a fixed budget', () => {
  let env: TestEnv;
  let app: TestBrowser['app'];
  let opToken: string;
  before(async () => {
    // Hundreds of requests at once in one process: above the default load-shedding threshold.
    env = await createTestEnv({ MAX_IN_FLIGHT: '2000', SHED_LAG_MS: '0', DATABASE_WAIT_MS: '60000' });
    app = new TestBrowser(env.deps).app;
  });
  after(() => env.close());

  async function operatorOf(programId: number, email: string): Promise<string> {
    const user = await makeUser(env.deps, email, 'operator', programId);
    return makeToken(env.deps, user.id);
  }

  test('500 concurrent reservations against an allocation that fits 100: exactly 100 reserved, 400 budget-exhausted, ledger balanced', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'conc-alloc', 1);
    opToken = await operatorOf(program.id, 'op@conc-alloc.example');
    const f = facilities[0]!;
    // Each claim: 10,000 yen at 50 % = 5,000 yen; 100 of them = 500,000 yen.
    await runCommand(env.deps, systemActor('test'), (ctx) => setAllocation(ctx, program, f.id, 500_000));
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => apiRequest(app, 'POST', `/api/v1/programs/conc-alloc/claims`, { token: opToken, body: claim(f.id, `R${i}`) })));
    const statuses = results.map((r) => r.status);
    const other = results.filter((r) => r.status !== 201 && r.status !== 409);
    assert.equal(other.length, 0, other.length ? `${other.length} answered ${other[0]!.status}: ${await other[0]!.text()}` : '');
    assert.equal(statuses.filter((s) => s === 201).length, 100);
    assert.equal(statuses.filter((s) => s === 409).length, 400);
    const refused = await results.find((r) => r.status === 409)!.json();
    assert.match(refused.type, /budget-exhausted$/);
    const b = await programBalances(env.deps.db, program.id);
    assert.equal(b.reserved, 500_000);
    assert.equal(b.available, 0);
    assert.equal(await ledgerIsBalanced(env.deps.db, program.id), true);
    const [row] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from claims where program_id = ${program.id}`);
    assert.equal(Number(row!.n), 100, 'no claim row without its money');
    // The facility is sold out now, and back on sale when money is released.
    const soldOut = await queryRows<{ sold_out_on: string | null }>(env.deps.db, sql`select sold_out_on::text from facilities where id = ${f.id}`);
    assert.ok(soldOut[0]!.sold_out_on);
    const first = await results.find((r) => r.status === 201)!.json();
    assert.equal((await apiRequest(app, 'POST', `/api/v1/claims/${first.id}/cancel`, { token: opToken })).status, 200);
    const back = await queryRows<{ sold_out_on: string | null }>(env.deps.db, sql`select sold_out_on::text from facilities where id = ${f.id}`);
    assert.equal(back[0]!.sold_out_on, null);
  });

  test('the same against the pool (facilities without allocation)', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'conc-pool', 5, [['pool', '500000']]);
    const token = await operatorOf(program.id, 'op@conc-pool.example');
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => apiRequest(app, 'POST', `/api/v1/programs/conc-pool/claims`, { token, body: claim(facilities[i % 5]!.id, `P${i}`) })),
    );
    assert.equal(results.filter((r) => r.status === 201).length, 100);
    assert.equal(results.filter((r) => r.status === 409).length, 400);
    const b = await programBalances(env.deps.db, program.id);
    assert.equal(b.pool, 500_000);
    assert.equal(b.reserved, 500_000);
    assert.equal(await ledgerIsBalanced(env.deps.db, program.id), true);
  });

  test('retries never double-reserve: same body → 200 with the same claim; different body → 409', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'idem', 1);
    const token = await operatorOf(program.id, 'op@idem.example');
    const body = claim(facilities[0]!.id, 'BK-1');
    const results = await Promise.all(Array.from({ length: 10 }, () => apiRequest(app, 'POST', '/api/v1/programs/idem/claims', { token, body })));
    assert.equal(results.filter((r) => r.status === 201).length, 1);
    assert.equal(results.filter((r) => r.status === 200).length, 9);
    const ids = new Set(await Promise.all(results.map(async (r) => (await r.json()).id)));
    assert.equal(ids.size, 1);
    assert.equal((await programBalances(env.deps.db, program.id)).reserved, 5000);
    const conflict = await apiRequest(app, 'POST', '/api/v1/programs/idem/claims', { token, body: { ...body, guests: 2 } });
    assert.equal(conflict.status, 409);
    assert.equal((await conflict.json()).code, 'conflict');
  });

  test('rule refusals are 422 with the reason code; bad input lists every field', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'rules', 1);
    const token = await operatorOf(program.id, 'op@rules.example');
    const r = await apiRequest(app, 'POST', '/api/v1/programs/rules/claims', { token, body: claim(facilities[0]!.id, 'X', { checkIn: '2025-08-01' }) });
    assert.equal(r.status, 422);
    const body = await r.json();
    assert.equal(body.code, 'rule-refused');
    assert.equal(body.reason, 'outside-campaign-period');
    const bad = await apiRequest(app, 'POST', '/api/v1/programs/rules/claims', { token, body: { facilityId: facilities[0]!.id, bookingRef: '', bookedOn: '2025-02-30', checkIn: 'x', nights: 0, guests: 1.5, totalPrice: -1 } });
    assert.equal(bad.status, 422);
    const fields = (await bad.json()).errors.map((e: { field: string }) => e.field).sort();
    assert.deepEqual(fields, ['bookedOn', 'bookingRef', 'checkIn', 'guests', 'nights', 'totalPrice']);
  });

  test('a business acts only for its own facilities (404 otherwise); stay report, review, budget', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'biz', 2);
    const owner = await makeUser(env.deps, 'owner@biz.example', 'business', program.id);
    await grantFacilityAccess(env.deps.db, facilities[0]!.id, owner.id);
    const bizToken = await makeToken(env.deps, owner.id);
    const token = await operatorOf(program.id, 'op@biz.example');
    const other = await apiRequest(app, 'POST', '/api/v1/programs/biz/claims', { token: bizToken, body: claim(facilities[1]!.id, 'O-1') });
    assert.equal(other.status, 404);
    const mine = await apiRequest(app, 'POST', '/api/v1/programs/biz/claims', { token: bizToken, body: claim(facilities[0]!.id, 'M-1', { nights: 2, guests: 2, totalPrice: 24000 }) });
    assert.equal(mine.status, 201);
    const created = await mine.json();
    assert.deepEqual(created, { id: created.id, bookingRef: 'M-1', discount: 12000, status: 'reserved' });
    const up = await apiRequest(app, 'POST', `/api/v1/claims/${created.id}/stay`, { token: bizToken, body: { nights: 2, guests: 3, totalPrice: 24000 } });
    assert.equal(up.status, 422, 'never more guests than reserved');
    const stay = await apiRequest(app, 'POST', `/api/v1/claims/${created.id}/stay`, { token: bizToken, body: { nights: 1, guests: 2, totalPrice: 12000 } });
    assert.equal(stay.status, 200);
    assert.equal((await stay.json()).discount, 6000);
    assert.equal((await apiRequest(app, 'POST', `/api/v1/claims/${created.id}/review`, { token: bizToken, body: { decision: 'approve' } })).status, 403);
    assert.equal((await apiRequest(app, 'POST', `/api/v1/claims/${created.id}/review`, { token, body: { decision: 'reject' } })).status, 422, 'reason required');
    const ok = await apiRequest(app, 'POST', `/api/v1/claims/${created.id}/review`, { token, body: { decision: 'approve' } });
    assert.equal((await ok.json()).status, 'approved');
    const budget = await (await apiRequest(app, 'GET', '/api/v1/programs/biz/budget', { token })).json();
    assert.deepEqual(budget, { pool: 120_000_000, allocated: 6000, reserved: 0, approved: 6000, paid: 0, remaining: 120_000_000 - 6000 });
    assert.equal((await apiRequest(app, 'GET', '/api/v1/programs/biz/budget', { token: bizToken })).status, 403);
  });

  test('allocation set by CLI: never above the pool, never below what is committed; audited', async () => {
    const { program, facilities } = await campaignWithFacilities(env.deps, 'alloc-cli', 2, [['pool', '1000000']]);
    const f = facilities[0]!.id;
    let r = await cli(env.deps, ['allocation', 'set', '--program', 'alloc-cli', '--facility', String(f), '--yen', '800000']);
    assert.equal(r.code, 0, r.err);
    r = await cli(env.deps, ['allocation', 'set', '--program', 'alloc-cli', '--facility', String(facilities[1]!.id), '--yen', '300000']);
    assert.equal(r.code, 1);
    assert.match(r.err, /原資を超える/);
    r = await cli(env.deps, ['allocation', 'set', '--program', 'alloc-cli', '--facility', '999999', '--yen', '1']);
    assert.equal(r.code, 1);
    const p = (await findProgramBySlug(env.deps.db, 'alloc-cli'))!;
    const token = await operatorOf(p.id, 'op@alloc-cli.example');
    assert.equal((await apiRequest(app, 'POST', '/api/v1/programs/alloc-cli/claims', { token, body: claim(f, 'A-1') })).status, 201);
    r = await cli(env.deps, ['allocation', 'set', '--program', 'alloc-cli', '--facility', String(f), '--yen', '1000']);
    assert.equal(r.code, 1);
    assert.match(r.err, /小さい配分額にはできません/);
    const [n] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'settlement.allocation.set' and program_id = ${program.id}`);
    assert.equal(Number(n!.n), 1);
    r = await cli(env.deps, ['program', 'set', 'alloc-cli', 'pool=500000']);
    assert.equal(r.code, 1);
    assert.match(r.err, /配分済みの額より小さく/);
    const budget = await (await apiRequest(app, 'GET', '/api/v1/programs/alloc-cli/budget', { token })).json();
    assert.equal(budget.pool, 1_000_000, 'the pool cannot shrink below what is allocated');
  });
});
