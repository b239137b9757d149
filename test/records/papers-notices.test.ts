import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/app.js';
import { findProgramBySlug } from '../../src/platform/programs/queries.js';
import { deliverableStatusByKey } from '../../src/modules/deliverables/index.js';
import { PAPERS_INBOX } from '../../src/modules/records/papers/inbox.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeProgram, makeToken, makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../helpers/http.js';
import { auditActions, CONTRACT, pdfText, setSettings } from './papers-helpers.js';

describe('records papers: contract notices', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;
  let op: string;
  let city: string;
  let other: string;

  before(async () => {
    env = await createTestEnv();
    env.clock.set('2026-12-04T01:00:00Z'); // 10:00 in Tokyo, 令和8年12月4日
    app = createApp(env.deps);
    const p = await makeProgram(env.deps, 'nt-event', 'event');
    const q = await makeProgram(env.deps, 'nt-other', 'event');
    await setSettings(env.deps, 'nt-event', CONTRACT);
    op = await makeToken(env.deps, (await makeUser(env.deps, 'nt-op@example.jp', 'operator', p.id)).id);
    city = await makeToken(env.deps, (await makeUser(env.deps, 'nt-city@example.jp', 'city', p.id)).id);
    other = await makeToken(env.deps, (await makeUser(env.deps, 'nt-other@example.jp', 'operator', q.id)).id);
  });
  after(() => env.close());

  const inboxCount = async (label: string) => {
    const program = (await findProgramBySlug(env.deps.db, 'nt-event'))!;
    const items = (await Promise.all(PAPERS_INBOX.filter((i) => i.roles.includes('operator')).map((i) => i.items(env.deps, program, ['operator'])))).flat();
    return items.find((i) => i.label === label)?.count ?? 0;
  };

  it('着手届 renders with the contract data and a 和暦 date in the formal layout (API, pdftotext)', async () => {
    const res = await apiRequest(app, 'GET', '/api/v1/programs/nt-event/notices/commencement.pdf', { token: city });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const text = pdfText(await res.arrayBuffer());
    for (const expected of ['着手届', '令和8年12月4日', '（宛先）仙台市長', CONTRACT.name, '令和8年10月1日から令和9年3月31日まで', CONTRACT.contractor, CONTRACT.contractorAddress, CONTRACT.contractorRepresentative, CONTRACT.leadPerson, '記', '以上']) {
      assert.ok(text.includes(expected), `the notice shows ${expected}:\n${text}`);
    }
    // The date is right-aligned: further right on its line than the addressee.
    const dateLine = text.split('\n').find((l) => l.includes('令和8年12月4日'))!;
    assert.ok(dateLine.indexOf('令和8年12月4日') > 20, `date right-aligned: ${JSON.stringify(dateLine)}`);
    assert.equal((await auditActions(env.deps, 'records.notice.viewed')).length, 1, 'the render is audited');
  });

  it('every kind renders; another kind is 404; another program is 404', async () => {
    for (const [kind, title] of [['lead-person', '主任担当者届'], ['structure-change', '業務履行体制変更届'], ['completion', '業務完了届']] as const) {
      const res = await apiRequest(app, 'GET', `/api/v1/programs/nt-event/notices/${kind}.pdf`, { token: op });
      assert.equal(res.status, 200, kind);
      assert.ok(pdfText(await res.arrayBuffer()).includes(title), `${kind} is titled ${title}`);
    }
    const bad = await apiRequest(app, 'GET', '/api/v1/programs/nt-event/notices/resignation.pdf', { token: op });
    assert.equal(bad.status, 404);
    assert.equal((await apiRequest(app, 'GET', '/api/v1/programs/nt-event/notices/commencement.pdf', { token: other })).status, 404);
  });

  it('a notice without the contractor or period is refused with the missing settings (422 problem)', async () => {
    const res = await apiRequest(app, 'GET', '/api/v1/programs/nt-other/notices/commencement.pdf', { token: other });
    assert.equal(res.status, 422);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    const body = (await res.json()) as { code: string; detail: string };
    assert.equal(body.code, 'validation-failed');
    assert.match(body.detail, /受注者/);
  });

  it('issuing from the back office adds a deliverable version; a changed lead person prompts the 体制変更届 until it is issued', async () => {
    const b = new TestBrowser(env.deps, app);
    await b.login('nt-op@example.jp', TEST_PASSWORD);
    const page = await b.get('/admin/records/nt-event/notices');
    assert.equal(page.status, 200);
    const issued = await b.post('/admin/records/nt-event/notices', { kind: 'commencement', _once: b.once() });
    assert.equal(issued.status, 303, b.lastHtml.slice(0, 500));
    const program = (await findProgramBySlug(env.deps.db, 'nt-event'))!;
    assert.equal((await deliverableStatusByKey(env.deps.db, program.id, 'notice-of-commencement'))?.latestVersion, 1);
    assert.equal(await inboxCount('業務履行体制変更届の提出（主任担当者・名簿の変更）'), 0, 'nothing changed yet');

    await setSettings(env.deps, 'nt-event', { leadPerson: '後任次郎' });
    assert.equal(await inboxCount('業務履行体制変更届の提出（主任担当者・名簿の変更）'), 1, 'the change asks for a notice');
    const warned = await b.get('/admin/records/nt-event/notices');
    assert.ok((await warned.text()).includes('業務履行体制変更届を提出してください'), 'the page says so');

    await b.post('/admin/records/nt-event/notices', { kind: 'structure-change', _once: b.once() });
    const change = await deliverableStatusByKey(env.deps.db, program.id, 'structure-change');
    assert.equal(change?.latestVersion, 1, 'the structure-change deliverable was created with the notice');
    assert.equal(await inboxCount('業務履行体制変更届の提出（主任担当者・名簿の変更）'), 0, 'answered by the notice');

    // A new staff member approved on the roster is a change too.
    await makeUser(env.deps, 'nt-op2@example.jp', 'operator', program.id);
    assert.equal(await inboxCount('業務履行体制変更届の提出（主任担当者・名簿の変更）'), 1, 'the roster changed');
    assert.equal((await auditActions(env.deps, 'records.notice.issued')).length, 2);
  });

  it('the City may look but not issue; an unknown kind in the form is refused', async () => {
    const b = new TestBrowser(env.deps, app);
    await b.login('nt-city@example.jp', TEST_PASSWORD);
    assert.equal((await b.get('/admin/records/nt-event/notices')).status, 200);
    assert.ok(!b.lastHtml.includes('成果物として提出'), 'no issue button for the City');
    const op2 = new TestBrowser(env.deps, app);
    await op2.login('nt-op@example.jp', TEST_PASSWORD);
    await op2.get('/admin/records/nt-event/notices');
    const res = await op2.post('/admin/records/nt-event/notices', { kind: 'resignation', _once: op2.once() });
    assert.equal(res.status, 422);
    assert.ok((await res.text()).includes('届出の種類が正しくありません'), 'the reason is shown');
  });
});
