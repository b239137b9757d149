import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createApp } from '../../app.js';
import { queryRows } from '../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { apiRequest } from '../../../test/helpers/http.js';
import { makeProgram, makeToken, makeUser } from '../../../test/helpers/fixtures.js';

describe('calls API: log, tallies, deadlines, submit', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;
  let agent: string;
  let operator: string;
  let city: string;
  before(async () => {
    env = await createTestEnv();
    const p = await makeProgram(env.deps, 'call-api');
    await makeProgram(env.deps, 'call-other');
    agent = await makeToken(env.deps, (await makeUser(env.deps, 'agent@call.example', 'agent', p.id)).id);
    operator = await makeToken(env.deps, (await makeUser(env.deps, 'op@call.example', 'operator', p.id)).id);
    city = await makeToken(env.deps, (await makeUser(env.deps, 'city@call.example', 'city', p.id)).id);
    app = createApp(env.deps);
    env.clock.set('2026-04-28T08:00:00Z'); // 17:00 JST on Tuesday 2026-04-28
  });
  after(() => env.close());

  const post = (token: string, body: unknown) => apiRequest(app, 'POST', '/api/v1/programs/call-api/calls', { token, body });

  test('count-only and detailed calls add up in the daily and monthly tallies', async () => {
    const r1 = await post(agent, { callerType: 'user', category: 'overview' });
    assert.equal(r1.status, 201);
    const a1 = (await r1.json()) as { id: number; number: number; simple: boolean };
    assert.equal(a1.simple, true);
    assert.equal(a1.number, 1);
    const r2 = await post(agent, { callerType: 'business', category: 'participation', question: '参加の締切は？', answer: '5月末です', outcome: 'answered', durationSeconds: 180 });
    const a2 = (await r2.json()) as { number: number; simple: boolean };
    assert.equal(r2.status, 201);
    assert.deepEqual([a2.number, a2.simple], [2, false]);
    // Logged later, for the morning (01:30 UTC = 10:30 JST same day), and one at 23:30 JST on 4/27 (14:30Z).
    assert.equal((await post(operator, { callerType: 'user', category: 'facilities', receivedAt: '2026-04-28T01:30:00Z' })).status, 201);
    assert.equal((await post(operator, { callerType: 'other', category: 'other', question: '?', receivedAt: '2026-04-27T14:30:00Z' })).status, 201);
    assert.equal((await post(operator, { callerType: 'user', category: 'overview', receivedAt: '2026-04-27T15:30:00Z' })).status, 201); // 00:30 JST on 4/28

    const daily = (await (await apiRequest(app, 'GET', '/api/v1/programs/call-api/calls/daily/2026-04-28', { token: city })).json()) as Record<string, unknown>;
    assert.equal(daily.date, '2026-04-28');
    assert.equal(daily.dueAt, '2026-04-30T12:00:00+09:00');
    assert.equal(daily.total, 4);
    assert.equal(daily.simple, 3);
    assert.deepEqual(daily.byCallerType, { user: 3, business: 1, other: 0 });
    assert.deepEqual(daily.byCategory, { overview: 2, application: 0, facilities: 1, participation: 1, other: 0 });
    assert.equal(daily.submittedAt, null);
    const d27 = (await (await apiRequest(app, 'GET', '/api/v1/programs/call-api/calls/daily/2026-04-27', { token: agent })).json()) as Record<string, unknown>;
    assert.equal(d27.total, 1);

    const monthly = (await (await apiRequest(app, 'GET', '/api/v1/programs/call-api/calls/monthly/2026-04', { token: operator })).json()) as { total: number; dueOn: string; simple: number; byDay: Array<{ date: string; total: number }>; byCallerType: Record<string, number> };
    assert.equal(monthly.dueOn, '2026-05-14');
    assert.equal(monthly.total, 5);
    assert.equal(monthly.simple, 3);
    assert.equal(monthly.byDay.length, 30);
    assert.deepEqual(monthly.byDay.filter((d) => d.total > 0), [{ date: '2026-04-27', total: 1 }, { date: '2026-04-28', total: 4 }]);
    assert.equal(monthly.byDay.reduce((s, d) => s + d.total, 0), monthly.total);
    assert.equal(Object.values(monthly.byCallerType).reduce((s, n) => s + n, 0), monthly.total);
  });

  test('call entry in one statement: 32 agents at once get numbers without gaps or repeats, each audited with its number, the chain intact', async () => {
    const before = await queryRows<{ n: number }>(env.deps.db, sql`select coalesce(max(number), 0)::int as n from call_logs where program_id = (select id from programs where slug = 'call-api')`);
    const answers = await Promise.all(Array.from({ length: 32 }, (_, i) => post(agent, i % 2 ? { callerType: 'user', category: 'overview' } : { callerType: 'business', category: 'application', question: '状況は', answer: '審査中です', callerPhone: '090-1234-56' + String(10 + i) })));
    assert.deepEqual(answers.map((r) => r.status), Array(32).fill(201));
    const numbers = (await Promise.all(answers.map(async (r) => ((await r.json()) as { number: number }).number))).sort((a, b) => a - b);
    const first = Number(before[0]!.n) + 1;
    assert.deepEqual(numbers, Array.from({ length: 32 }, (_, i) => first + i), 'consecutive numbers');
    const audited = await queryRows<{ target_id: string; diff: { number: number; simple: boolean }; actor_user_id: number | null }>(
      env.deps.db,
      sql`select a.target_id, a.diff, a.actor_user_id from audit_log a join call_logs c on c.id::text = a.target_id where a.action = 'calls.call.logged' and c.number >= ${first}`,
    );
    assert.equal(audited.length, 32);
    assert.deepEqual(audited.map((a) => a.diff.number).sort((a, b) => a - b), numbers, 'each audit entry carries its number');
    assert.ok(audited.every((a) => a.actor_user_id !== null), 'the agent is the actor');
    const sealed = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from call_logs where number >= ${first} and caller_phone_sealed is not null and phone_index is not null and caller_phone_sealed not like '%090%'`);
    assert.equal(Number(sealed[0]!.n), 16, 'numbers sealed and blind-indexed');
    const { verifyAuditChain } = await import('../../platform/audit/verify.js');
    const v = await verifyAuditChain(env.deps.db);
    assert.ok(v.ok, `audit chain intact: ${JSON.stringify(v)}`);
  });

  test('a key destroyed on another instance after call entry kept it: a call with a caller is refused (410) and writes nothing, count-only still works', async () => {
    const p = await makeProgram(env.deps, 'call-erased');
    const token = await makeToken(env.deps, (await makeUser(env.deps, 'agent@erased.example', 'agent', p.id)).id);
    const postHere = (body: unknown) => apiRequest(app, 'POST', '/api/v1/programs/call-erased/calls', { token, body });
    const withCaller = { callerType: 'user', category: 'overview', question: '対象は', callerPhone: '090-1111-2222' };
    assert.equal((await postHere(withCaller)).status, 201, 'the first call keeps the key');
    // Another instance erases the program's personal data: this process's vault is not told.
    await env.deps.db.execute(sql`update data_keys set wrapped_key = null, destroyed_at = now() where scope = ${`program:${p.id}`}`);
    const refused = await postHere(withCaller);
    assert.equal(refused.status, 410, 'refused as erased');
    const [state] = await queryRows<{ calls: number; last: number }>(env.deps.db, sql`select (select count(*)::int from call_logs where program_id = ${p.id}) as calls, (select last_number from call_counters where program_id = ${p.id}) as last`);
    assert.deepEqual([Number(state!.calls), Number(state!.last)], [1, 1], 'no call written, no number drawn');
    const countOnly = await postHere({ callerType: 'user', category: 'overview' });
    assert.equal(countOnly.status, 201);
    assert.equal(((await countOnly.json()) as { number: number }).number, 2);
    assert.equal((await postHere(withCaller)).status, 410, 'still refused once the kept key was dropped');
  });

  test('bad input is 422 with field errors, never 500; a bad date or month is 422', async () => {
    const bad = await post(agent, { callerType: 'visitor', category: 'overview', durationSeconds: -1 });
    assert.equal(bad.status, 422);
    const p = (await bad.json()) as { errors: Array<{ field: string; message: string }> };
    assert.ok(p.errors.some((e) => e.field === 'callerType' && e.message.includes('利用者')), 'callerType error in Japanese');
    assert.ok(p.errors.some((e) => e.field === 'durationSeconds'), 'duration error');
    assert.equal((await post(agent, { callerType: 'user', category: 'overview', receivedAt: '2026-05-01T00:00:00Z' })).status, 422);
    assert.equal((await apiRequest(app, 'GET', '/api/v1/programs/call-api/calls/daily/2026-02-30', { token: agent })).status, 422);
    assert.equal((await apiRequest(app, 'GET', '/api/v1/programs/call-api/calls/monthly/2026-13', { token: agent })).status, 422);
  });

  test('roles: city cannot log calls, agent cannot submit, other programs are 404', async () => {
    assert.equal((await post(city, { callerType: 'user', category: 'overview' })).status, 403);
    assert.equal((await apiRequest(app, 'POST', '/api/v1/programs/call-api/calls/daily/2026-04-27/submit', { token: agent })).status, 403);
    assert.equal((await apiRequest(app, 'POST', '/api/v1/programs/call-other/calls', { token: agent, body: { callerType: 'user', category: 'overview' } })).status, 404);
    assert.equal((await post('', { callerType: 'user', category: 'overview' })).status, 401);
  });

  test('submit: not before the day is over; on time before noon of the next business day, late after; once', async () => {
    env.clock.set('2026-04-28T08:30:00Z');
    assert.equal((await apiRequest(app, 'POST', '/api/v1/programs/call-api/calls/daily/2026-04-28/submit', { token: operator })).status, 409);
    env.clock.set('2026-04-30T02:59:00Z'); // 11:59 JST on 4/30
    const ok = await apiRequest(app, 'POST', '/api/v1/programs/call-api/calls/daily/2026-04-28/submit', { token: operator });
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { submittedAt: '2026-04-30T11:59:00+09:00', onTime: true });
    assert.equal((await apiRequest(app, 'POST', '/api/v1/programs/call-api/calls/daily/2026-04-28/submit', { token: operator })).status, 409);
    env.clock.set('2026-04-30T03:01:00Z');
    const late = (await (await apiRequest(app, 'POST', '/api/v1/programs/call-api/calls/daily/2026-04-27/submit', { token: operator })).json()) as { onTime: boolean };
    assert.equal(late.onTime, false);
    const daily = (await (await apiRequest(app, 'GET', '/api/v1/programs/call-api/calls/daily/2026-04-28', { token: city })).json()) as Record<string, unknown>;
    assert.equal(daily.submittedAt, '2026-04-30T11:59:00+09:00');
    env.clock.set('2026-05-14T14:00:00Z'); // 23:00 JST on the due day
    const m = (await (await apiRequest(app, 'POST', '/api/v1/programs/call-api/calls/monthly/2026-04/submit', { token: operator })).json()) as { onTime: boolean };
    assert.equal(m.onTime, true);
    const audits = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'calls.tally.submitted'`);
    assert.equal(Number(audits[0]!.n), 3);
  });
});
