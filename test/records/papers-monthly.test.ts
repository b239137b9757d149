import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/app.js';
import { systemActor } from '../../src/platform/audit/index.js';
import { runCommand } from '../../src/platform/command.js';
import { findProgramBySlug } from '../../src/platform/programs/queries.js';
import { deliverableStatusByKey } from '../../src/modules/deliverables/index.js';
import { reportIncident } from '../../src/modules/privacy/incidents/commands.js';
import { PAPERS_INBOX } from '../../src/modules/records/papers/inbox.js';
import { draftDueReports, isFirstBusinessDay } from '../../src/modules/records/papers/monthly/jobs.js';
import { findMonthlyReport } from '../../src/modules/records/papers/monthly/queries.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeProgram, makeToken, makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../helpers/http.js';
import { pdfText, setSettings } from './papers-helpers.js';

describe('records papers: the monthly progress report', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    env = await createTestEnv();
    env.clock.set('2026-12-01T00:00:00Z'); // Tuesday 1 December, 9:00 in Tokyo
    app = createApp(env.deps);
    const camp = await makeProgram(env.deps, 'mr-camp', 'campaign');
    const ev = await makeProgram(env.deps, 'mr-event', 'event');
    await setSettings(env.deps, 'mr-camp', { startsOn: '2026-06-01', endsOn: '2027-03-31', contractor: '株式会社テスト企画' });
    await setSettings(env.deps, 'mr-event', { startsOn: '2027-01-01', endsOn: '2027-03-31' });
    await makeUser(env.deps, 'mr-op@example.jp', 'operator', camp.id);
    await makeUser(env.deps, 'mr-city@example.jp', 'city', camp.id);
    await makeUser(env.deps, 'mr-op-e@example.jp', 'operator', ev.id);
    await runCommand(env.deps, systemActor('test'), (ctx) =>
      reportIncident(ctx, camp.id, { title: '誤送信', discoveredOn: '2026-11-10', dataKinds: '氏名', reportable: 'false', malicious: 'false' }),
    );
    const op = await makeToken(env.deps, (await makeUser(env.deps, 'mr-op2@example.jp', 'operator', camp.id)).id);
    assert.equal((await apiRequest(app, 'POST', '/api/v1/programs/mr-camp/honoraria', { token: op, body: { payee: '司会者', role: 'mc', gross: 20000, paidOn: '2026-11-28' } })).status, 201);
  });
  after(() => env.close());

  it('the first business day follows the office calendar', () => {
    assert.equal(isFirstBusinessDay('2026-12-01'), true);
    assert.equal(isFirstBusinessDay('2026-12-02'), false);
    assert.equal(isFirstBusinessDay('2027-01-01'), false, 'closed 12-29..01-03');
    assert.equal(isFirstBusinessDay('2027-01-04'), true, 'the first Monday after the closure');
    assert.equal(isFirstBusinessDay('2026-11-02'), true, '1 November 2026 is a Sunday');
  });

  it('the draft contains figures from every module present, for the past month of running contracts only', async () => {
    assert.equal(await draftDueReports(env.deps, '2026-12-01'), 1, 'only the campaign ran in November');
    const camp = (await findProgramBySlug(env.deps.db, 'mr-camp'))!;
    const report = (await findMonthlyReport(env.deps.db, camp.id, '2026-11'))!;
    assert.equal(report.status, 'draft');
    // Every installed module that gives figures for a campaign is on the report.
    const giving: string[] = [];
    for (const m of env.deps.modules.modules) if (m.monthlyFigures && (await m.monthlyFigures(env.deps, camp, '2026-11')).length) giving.push(m.name);
    const onReport = [...new Set(report.figures.map((f) => f.module))];
    assert.deepEqual(onReport, giving);
    for (const name of ['campaign', 'settlement', 'calls', 'surveys', 'deliverables', 'privacy', 'records']) assert.ok(onReport.includes(name), `${name} is on the report`);
    assert.equal(report.figures.find((f) => f.module === 'privacy' && f.label.startsWith('個人情報の事故の発生'))?.value, 1, 'the November incident');
    assert.equal(report.figures.find((f) => f.module === 'records' && f.label.startsWith('謝礼金'))?.value, 1, 'the honorarium paid in November');
    assert.equal(await draftDueReports(env.deps, '2026-12-01'), 0, 'once per month');
  });

  it('an event program gets its own modules\' figures (registrations, not claims)', async () => {
    const ev = (await findProgramBySlug(env.deps.db, 'mr-event'))!;
    const b = new TestBrowser(env.deps, app);
    await b.login('mr-op-e@example.jp', TEST_PASSWORD);
    await b.get('/admin/records/mr-event/monthly');
    const made = await b.post('/admin/records/mr-event/monthly', { month: '2026-11', _once: b.once() });
    assert.equal(made.status, 303);
    const report = (await findMonthlyReport(env.deps.db, ev.id, '2026-11'))!;
    const modules = new Set(report.figures.map((f) => f.module));
    assert.ok(modules.has('events') && modules.has('deliverables') && !modules.has('settlement'), [...modules].join(','));
    const future = await b.post('/admin/records/mr-event/monthly', { month: '2026-12', _once: b.once() });
    assert.equal(future.status, 422, 'the current month is not over');
  });

  it('the operator completes and sends it; it goes to the monthly-report deliverable and the City receives it; PDF and xlsx', async () => {
    const camp = (await findProgramBySlug(env.deps.db, 'mr-camp'))!;
    const cityInbox = async () => (await PAPERS_INBOX.find((i) => i.roles.includes('city'))!.items(env.deps, camp, ['city']))[0]!.count;
    const [op, city] = [new TestBrowser(env.deps, app), new TestBrowser(env.deps, app)];
    await op.login('mr-op@example.jp', TEST_PASSWORD);
    await city.login('mr-city@example.jp', TEST_PASSWORD);
    const page = await op.get('/admin/records/mr-camp/monthly?month=2026-11');
    assert.equal(page.status, 200);
    const seen = /name="seenUpdatedAt" value="([^"]+)"/.exec(op.lastHtml)![1]!;
    const empty = await op.post('/admin/records/mr-camp/monthly/send', { month: '2026-11', seenUpdatedAt: seen });
    assert.equal(empty.status, 422, 'the summary is required to send');
    await op.get('/admin/records/mr-camp/monthly?month=2026-11');
    const saved = await op.post('/admin/records/mr-camp/monthly/save', { month: '2026-11', seenUpdatedAt: seen, summary: '予定どおり進んでいます。', issues: '', plans: '12月は精算を行います。', _once: op.once() });
    assert.equal(saved.status, 303);
    const stale = await op.post('/admin/records/mr-camp/monthly/send', { month: '2026-11', seenUpdatedAt: seen });
    assert.equal(stale.status, 409, 'a page from before the save is stale');
    await op.get('/admin/records/mr-camp/monthly?month=2026-11');
    const fresh = /name="seenUpdatedAt" value="([^"]+)"/.exec(op.lastHtml)![1]!;
    assert.equal((await op.post('/admin/records/mr-camp/monthly/send', { month: '2026-11', seenUpdatedAt: fresh })).status, 303);
    assert.equal((await deliverableStatusByKey(env.deps.db, camp.id, 'monthly-report'))?.latestVersion, 1, 'the PDF is the deliverable\'s version');
    assert.equal(await cityInbox(), 1, 'waiting for the City');

    const pdf = await city.request('/admin/records/mr-camp/monthly/report.pdf?month=2026-11');
    assert.equal(pdf.status, 200);
    const text = pdfText(await pdf.arrayBuffer());
    for (const s of ['月次報告書（令和8年11月分）', '予定どおり進んでいます。', '個人情報の事故の発生', '12月は精算を行います。']) assert.ok(text.includes(s), `${s} in:\n${text}`);
    const xlsx = await city.request('/admin/records/mr-camp/monthly/report.xlsx?month=2026-11');
    assert.equal(xlsx.status, 200);
    assert.equal((await city.request('/admin/records/mr-camp/monthly/report.pdf?month=2026-10')).status, 404);
    assert.equal((await city.request('/admin/records/mr-camp/monthly/report.pdf?month=nope')).status, 422);

    await city.get('/admin/records/mr-camp/monthly?month=2026-11');
    assert.equal((await city.post('/admin/records/mr-camp/monthly/receive', { month: '2026-11', _once: city.once() })).status, 303);
    assert.equal(await cityInbox(), 0);
    assert.equal((await findMonthlyReport(env.deps.db, camp.id, '2026-11'))!.status, 'received');
  });
});
