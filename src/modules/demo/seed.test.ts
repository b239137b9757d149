import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { makeToken } from '../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { findUserByEmail } from '../../platform/auth/users.js';
import { addDays, tokyoDate } from '../../platform/calendar/index.js';
import { campaignConfig } from '../campaign/config.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';
import { programBalances } from '../settlement/ledger.js';
import { facilitiesForUser } from '../settlement/queries.js';
import { DEMO_FACILITIES } from './facilities.js';
import { seedDemoIfEmpty } from './seed.js';

describe('the demo installation', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  test('is seeded once, with dates around the day it is created', async () => {
    const first = await seedDemoIfEmpty(env.deps);
    assert.deepEqual(first!.logins.map((l) => l.role), ['admin', 'operator', 'agent', 'city', 'business']);
    assert.equal(await seedDemoIfEmpty(env.deps), null, 'a second start seeds nothing');
    const today = tokyoDate(env.clock.now());
    const stay = (await findProgramBySlug(env.deps.db, 'demo-stay'))!;
    assert.ok(stay.startsOn! <= today && today <= stay.endsOn!, 'the contract period covers today');
    const cfg = campaignConfig(stay);
    assert.ok(cfg.applicationCloses! < cfg.campaignStarts!, 'applications close before the campaign starts');
    assert.equal(cfg.campaignStarts, addDays(today, 61));
  });

  test('the demo business can register a discounted booking for its facility at once', async () => {
    const stay = (await findProgramBySlug(env.deps.db, 'demo-stay'))!;
    const b = await programBalances(env.deps.db, stay.id);
    assert.equal(b.allocated, DEMO_FACILITIES.length * 2_000_000);
    const business = (await findUserByEmail(env.deps.db, 'business@demo.jimukyoku.invalid'))!;
    const [own] = await facilitiesForUser(env.deps.db, stay.id, business.id);
    assert.ok(own, 'the demo business runs a facility');
    const cfg = campaignConfig(stay);
    const token = await makeToken(env.deps, business.id);
    const app = new TestBrowser(env.deps).app;
    const res = await apiRequest(app, 'POST', '/api/v1/programs/demo-stay/claims', {
      token,
      body: { facilityId: own.id, bookingRef: 'DEMO-1', bookedOn: tokyoDate(env.clock.now()), checkIn: cfg.campaignStarts, nights: 2, guests: 2, totalPrice: 40_000 },
    });
    assert.equal(res.status, 201, await res.clone().text());
    const body = (await res.json()) as { discount: number; status: string };
    assert.equal(body.status, 'reserved');
    assert.ok(body.discount > 0);
  });
});
