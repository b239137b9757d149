import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../../app.js';
import { runCommand } from '../../../platform/command.js';
import { systemActor } from '../../../platform/audit/index.js';
import { setProgramSettings } from '../../../platform/programs/commands/set-program-settings.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { apiRequest, TestBrowser } from '../../../../test/helpers/http.js';
import { makeProgram, makeToken, makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { callsJobHandlers, daysToPrepare, PREPARE_JOB } from '../jobs.js';

describe('reports to the City: morning job, operator submits, City inbox, downloads, staffing', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;
  let agent: string;
  before(async () => {
    env = await createTestEnv();
    const p = await makeProgram(env.deps, 'rep');
    await runCommand(env.deps, systemActor('test'), (ctx) => setProgramSettings(ctx, 'rep', [['callCenterPeakFrom', '2026-05-11']]));
    agent = await makeToken(env.deps, (await makeUser(env.deps, 'agent@rep.example', 'agent', p.id)).id);
    await makeUser(env.deps, 'op@rep.example', 'operator', p.id);
    await makeUser(env.deps, 'city@rep.example', 'city', p.id);
    app = createApp(env.deps);
  });
  after(() => env.close());

  test('a Monday prepares Friday to Sunday; after a holiday the days since the last business day', () => {
    assert.deepEqual(daysToPrepare('2026-05-18'), ['2026-05-15', '2026-05-16', '2026-05-17']);
    assert.deepEqual(daysToPrepare('2026-04-30'), ['2026-04-28', '2026-04-29']);
    assert.deepEqual(daysToPrepare('2027-01-04'), ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  test('the job puts the tally in the operator\'s inbox; submitted on time, the City sees it', async () => {
    env.clock.set('2026-05-14T02:00:00Z'); // Thu 11:00 JST
    for (const body of [{ callerType: 'user', category: 'overview' }, { callerType: 'business', category: 'application', question: '審査は', answer: '2週間' }]) {
      assert.equal((await apiRequest(app, 'POST', '/api/v1/programs/rep/calls', { token: agent, body })).status, 201);
    }
    env.clock.set('2026-05-15T00:00:00Z'); // Fri 09:00 JST
    await callsJobHandlers[PREPARE_JOB]!({ deps: env.deps, job: { payload: { scheduledFor: '2026-05-15' } } } as never);
    await callsJobHandlers[PREPARE_JOB]!({ deps: env.deps, job: { payload: { scheduledFor: '2026-05-15' } } } as never); // idempotent
    const op = new TestBrowser(env.deps, app);
    await op.login('op@rep.example', TEST_PASSWORD);
    await op.get('/admin/inbox');
    assert.ok(op.lastHtml.includes('未提出の日次の問い合わせ集計'), 'operator inbox');
    await op.get('/admin/calls/rep/reports?date=2026-05-14');
    assert.ok(op.lastHtml.includes('合計 2件（うち件数のみ 1件、詳細 1件）'), 'counts add up on the page');
    assert.ok(op.lastHtml.includes('2026-05-15 12:00'), 'due noon next business day');
    const xlsx = await op.get('/admin/calls/rep/daily/2026-05-14/report.xlsx');
    assert.equal(xlsx.status, 200);
    assert.ok((await xlsx.arrayBuffer()).byteLength > 1000, 'xlsx');
    const pdf = await op.get('/admin/calls/rep/monthly/2026-05/report.pdf');
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    await op.get('/admin/calls/rep/reports?date=2026-05-14');
    const sub = await op.post('/admin/calls/rep/daily/2026-05-14/submit', { _once: op.once() });
    assert.equal(sub.status, 303);
    await op.get(sub.headers.get('location')!);
    assert.ok(op.lastHtml.includes('集計を市へ提出しました（期限内）'), 'flash on time');
    const city = new TestBrowser(env.deps, app);
    await city.login('city@rep.example', TEST_PASSWORD);
    await city.get('/admin/inbox');
    assert.ok(city.lastHtml.includes('提出された問い合わせ集計（期限内 1・期限後 0）'), city.lastHtml.slice(0, 200));
    await city.get('/admin/calls/rep/reports?month=2026-05');
    assert.ok(city.lastHtml.includes('<svg') && city.lastHtml.includes('日別の件数（表）'), 'chart with a table');
    assert.ok(!city.lastHtml.includes('市へ提出する'), 'the City does not submit');
  });

  test('line staffing: a day below 2 lines, or 3 in the 14 peak days, is short', async () => {
    const op = new TestBrowser(env.deps, app);
    await op.login('op@rep.example', TEST_PASSWORD);
    await op.get('/admin/calls/rep/reports?month=2026-05');
    const r = await op.post('/admin/calls/rep/lines?month=2026-05', { 'lines_2026-05-08': '2', 'lines_2026-05-11': '2', 'lines_2026-05-12': '3', 'lines_2026-05-13': 'x', _once: op.once() });
    assert.equal(r.status, 422);
    const ok = await op.post('/admin/calls/rep/lines?month=2026-05', { 'lines_2026-05-08': '2', 'lines_2026-05-11': '2', 'lines_2026-05-12': '3', _once: op.once() });
    assert.equal(ok.status, 303);
    await op.get('/admin/calls/rep/reports?month=2026-05');
    const row = (d: string) => new RegExp(`2026年5月${d}日[^<]*</th>(?:(?!</tr>).)*`, 's').exec(op.lastHtml)?.[0] ?? '';
    assert.ok(row('8').includes('充足'), row('8'));
    assert.ok(row('11').includes('不足（繁忙期）'), row('11'));
    assert.ok(row('12').includes('充足（繁忙期）'), row('12'));
    assert.ok(row('9').includes('休業日'), 'Saturday closed');
  });
});
