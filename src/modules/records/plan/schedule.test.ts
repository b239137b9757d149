import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { programs } from '../../../platform/programs/schema.js';
import { createApp } from '../../../app.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram, makeToken, makeUser } from '../../../../test/helpers/fixtures.js';
import { apiRequest, signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';

const pdfText = async (res: Response) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(await res.arrayBuffer()) }).toString();
const taskId = async (env: TestEnv, title: string) => (await queryRows<{ id: number }>(env.deps.db, sql`select id from records_schedule_tasks where title = ${title}`))[0]!.id;

describe('records plan: the schedule — preset, Gantt chart, exports, approval and re-approval', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let city: TestBrowser;
  let opToken: string;
  let cityToken: string;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    env = await createTestEnv();
    env.clock.set('2026-12-04T01:00:00Z');
    const p = await makeProgram(env.deps, 'plan-ev', 'event');
    await env.deps.db.update(programs).set({ startsOn: '2026-10-01', endsOn: '2027-03-31', contractor: '株式会社テスト企画' }).where(eq(programs.id, p.id));
    const o = await makeUser(env.deps, 'op@plan.example', 'operator', p.id);
    const c = await makeUser(env.deps, 'city@plan.example', 'city', p.id);
    await makeProgram(env.deps, 'plan-other', 'event');
    await makeUser(env.deps, 'op@other.example', 'operator', (await queryRows<{ id: number }>(env.deps.db, sql`select id from programs where slug = 'plan-other'`))[0]!.id);
    [op, city] = (await signedInBrowsers(env.deps, ['op@plan.example', 'city@plan.example'])) as [TestBrowser, TestBrowser];
    opToken = await makeToken(env.deps, o.id);
    cityToken = await makeToken(env.deps, c.id);
    app = createApp(env.deps);
  });
  after(() => env.close());

  test('the event preset (seed 000 §7, October to March) renders as an SVG Gantt chart with its table, today line and late tasks', async () => {
    await op.get('/admin/records/plan-ev/schedule');
    assert.equal((await op.post('/admin/records/plan-ev/schedule/preset', {})).status, 303);
    await op.get('/admin/records/plan-ev/schedule');
    assert.equal((await op.post('/admin/records/plan-ev/schedule/preset', {})).status, 409, 'the preset only fills an empty schedule');
    const html = await (await op.get('/admin/records/plan-ev/schedule')).text();
    assert.match(html, /<svg[^>]*role="img"/, 'the chart is an SVG image');
    assert.match(html, /<table[\s\S]*交流会企画内容協議[\s\S]*2026年10月1日/, 'the table alternative lists the tasks with dates');
    assert.match(html, /交流会実施/);
    assert.match(html, /業務完了届の提出/);
    assert.match(html, />今日</, 'the today line is labelled');
    // On 2026-12-04, the October tasks at 0% are late.
    assert.match(html, /交流会企画内容協議（遅延）/, 'a late task is marked in the chart');
    assert.match(html, /<strong>遅延<\/strong>/, 'and in the table');
    const api = await apiRequest(app, 'GET', '/api/v1/programs/plan-ev/schedule', { token: cityToken });
    assert.equal(api.status, 200);
    const body = (await api.json()) as { approvedAt: string | null; tasks: Array<{ title: string; startsOn: string; endsOn: string; milestone: boolean; progress: number }> };
    assert.equal(body.approvedAt, null);
    assert.equal(body.tasks[0]!.startsOn, '2026-10-01');
    assert.equal(body.tasks.at(-1)!.endsOn, '2027-03-31');
    assert.ok(body.tasks.some((t) => t.title === '交流会実施' && t.milestone && t.startsOn === '2027-01-15'), 'the meeting in mid-January is a milestone');
    const svg = await apiRequest(app, 'GET', '/api/v1/programs/plan-ev/schedule.svg', { token: opToken });
    assert.equal(svg.status, 200);
    assert.match(svg.headers.get('content-type') ?? '', /image\/svg\+xml/);
    assert.match(await svg.text(), /^<\?xml[\s\S]*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*発表団体へのヒアリング/);
    const other = await makeToken(env.deps, (await queryRows<{ id: number }>(env.deps.db, sql`select id from users where email = 'op@other.example'`))[0]!.id);
    assert.equal((await apiRequest(app, 'GET', '/api/v1/programs/plan-ev/schedule', { token: other })).status, 404, 'another program is not found');
  });

  test('the schedule as an A3 landscape PDF and as xlsx', async () => {
    const pdf = await op.get('/admin/records/plan-ev/schedule.pdf');
    assert.equal(pdf.status, 200);
    const bytes = Buffer.from(await pdf.clone().arrayBuffer());
    const info = execFileSync('pdfinfo', ['-'], { input: bytes }).toString();
    assert.match(info, /Page size:\s+1190\.55 x 841\.89 pts \(A3\)/, 'A3 landscape');
    const text = await pdfText(pdf);
    assert.match(text, /業務工程表/);
    assert.match(text, /交流会企画内容協議（遅延）/);
    assert.match(text, /2026年10月/);
    const xlsx = await op.get('/admin/records/plan-ev/schedule.xlsx');
    assert.equal(xlsx.status, 200);
    assert.equal((await xlsx.arrayBuffer()).byteLength > 1000, true);
  });

  test('sent for approval, approved by the City; moving a task after approval sends a new version and asks for re-approval', async () => {
    await op.get('/admin/records/plan-ev/schedule');
    assert.equal((await op.post('/admin/records/plan-ev/schedule/submit', {})).status, 303);
    await op.get('/admin/records/plan-ev/schedule');
    assert.equal((await op.post('/admin/records/plan-ev/schedule/submit', {})).status, 409, 'nothing changed since version 1');
    const [d] = await queryRows<{ id: number }>(env.deps.db, sql`select id from deliverables where key = 'schedule'`);
    assert.equal((await apiRequest(app, 'POST', `/api/v1/deliverables/${d!.id}/rounds`, { token: opToken, body: { version: 1 } })).status, 201);
    env.clock.advance(60_000);
    assert.equal((await apiRequest(app, 'POST', `/api/v1/deliverables/${d!.id}/rounds/1/answer`, { token: cityToken, body: { decision: 'approve' } })).status, 200);
    env.clock.advance(60_000);
    const approved = (await (await apiRequest(app, 'GET', '/api/v1/programs/plan-ev/schedule', { token: opToken })).json()) as { approvedAt: string | null };
    assert.ok(approved.approvedAt, 'approved');
    assert.match(await (await op.get('/admin/records/plan-ev/schedule')).text(), /承認済み/);

    // A progress update is no change to what was approved.
    const id = await taskId(env, '案内文（チラシ）作成・校正');
    let edit = await (await op.get(`/admin/records/schedule/tasks/${id}`)).text();
    const seen = /name="seenUpdatedAt" value="([^"]+)"/.exec(edit)![1]!;
    const fields = { title: '案内文（チラシ）作成・校正', startsOn: '2026-10-01', endsOn: '2026-10-31', owner: 'contractor', ownerName: '', progress: '100', seenUpdatedAt: seen };
    assert.equal((await op.post(`/admin/records/schedule/tasks/${id}`, fields)).status, 303);
    assert.ok((await (await apiRequest(app, 'GET', '/api/v1/programs/plan-ev/schedule', { token: opToken })).json() as { approvedAt: string | null }).approvedAt, 'still approved after a progress update');

    // A stale form is refused.
    await op.get(`/admin/records/schedule/tasks/${id}`);
    assert.equal((await op.post(`/admin/records/schedule/tasks/${id}`, { ...fields, endsOn: '2026-11-10' })).status, 409, 'the form showed an older state');
    // Bad input: clear errors, no change.
    edit = await (await op.get(`/admin/records/schedule/tasks/${id}`)).text();
    const seen2 = /name="seenUpdatedAt" value="([^"]+)"/.exec(edit)![1]!;
    const bad = await op.post(`/admin/records/schedule/tasks/${id}`, { ...fields, seenUpdatedAt: seen2, endsOn: '2026-09-01' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /終了日は開始日以降にしてください/);

    // Moving the task reopens the approval and sends version 2.
    const moved = await op.post(`/admin/records/schedule/tasks/${id}`, { ...fields, seenUpdatedAt: seen2, endsOn: '2026-11-10' });
    assert.equal(moved.status, 303);
    const after = (await (await apiRequest(app, 'GET', '/api/v1/programs/plan-ev/schedule', { token: opToken })).json()) as { approvedAt: string | null };
    assert.equal(after.approvedAt, null, 'the approval no longer covers the schedule');
    const [v] = await queryRows<{ n: number }>(env.deps.db, sql`select max(number)::int as n from deliverable_versions where deliverable_id = ${d!.id}`);
    assert.equal(v!.n, 2, 'the changed schedule went to the deliverable as version 2');
    const [sub] = await queryRows<{ reason: string }>(env.deps.db, sql`select reason from records_schedule_submissions where version = 2`);
    assert.equal(sub!.reason, 'changed-after-approval');
    assert.match(await (await op.get('/admin/records/plan-ev/schedule')).text(), /要再承認/);
    assert.match(await (await op.get('/admin')).text(), /再承認が必要な業務工程表/, 'the operator inbox asks for it');
    const [audit] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'records.schedule.submitted'`);
    assert.equal(audit!.n, 2, 'each version sent is audited');
  });

  test('the City reads but does not edit; impossible ids are 404', async () => {
    assert.equal((await city.get('/admin/records/plan-ev/schedule')).status, 200);
    await city.get('/admin/records/plan-ev/schedule');
    assert.equal((await city.post('/admin/records/plan-ev/schedule/tasks', { title: 'x', startsOn: '2026-12-01', endsOn: '2026-12-02' })).status, 403);
    assert.equal((await op.get('/admin/records/schedule/tasks/99999999')).status, 404);
    assert.equal((await op.get('/admin/records/schedule/tasks/999999999999999999999')).status, 404);
  });
});
