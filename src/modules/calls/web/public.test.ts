import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../../app.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { apiRequest, TestBrowser } from '../../../../test/helpers/http.js';
import { makeToken, makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { openCampaign } from '../../campaign/test-helpers.js';

describe('call center on the public site: contact page and FAQ after City approval', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;
  let agent: string;
  let city: string;
  before(async () => {
    env = await createTestEnv();
    const p = await openCampaign(env.deps, 'cc-pub', [
      ['callCenterPhone', '022-000-1234'],
      ['callCenterUserOpens', '2026-05-19'],
      ['callCenterUserCloses', '2026-07-18'],
      ['callCenterBusinessOpens', '2026-05-01'],
      ['callCenterBusinessCloses', '2026-07-31'],
    ]);
    agent = await makeToken(env.deps, (await makeUser(env.deps, 'agent@cc.example', 'agent', p.id)).id);
    city = await makeToken(env.deps, (await makeUser(env.deps, 'city@cc.example', 'city', p.id)).id);
    await makeUser(env.deps, 'op@cc.example', 'operator', p.id);
    app = createApp(env.deps);
  });
  after(() => env.close());

  test('the contact page shows the number, hours and periods in Japanese and English', async () => {
    const b = new TestBrowser(env.deps, app);
    const ja = await (await b.get('/cc-pub/contact')).text();
    for (const t of ['022-000-1234', '平日 09:00–17:00', '2026年5月19日 から 2026年7月18日 まで', '2026年5月1日 から 2026年7月31日 まで']) assert.ok(ja.includes(t), t);
    const en = await (await b.get('/en/cc-pub/contact')).text();
    for (const t of ['Contact (call center)', 'Weekdays 09:00–17:00', '2026-05-19 to 2026-07-18', 'Period for businesses']) assert.ok(en.includes(t), t);
  });

  test('a proposed entry is invisible until the City approves it; then on /faq (ja, en, search) and in the API', async () => {
    const r = await apiRequest(app, 'POST', '/api/v1/programs/cc-pub/faq', { token: agent, body: { category: 'facilities', question: '対象の施設はどこで探せますか', answer: '施設検索のページで探せます', questionEn: 'Where can I find the facilities?', answerEn: 'Use the facility search page.' } });
    assert.equal(r.status, 201);
    const { id, status } = (await r.json()) as { id: number; status: string };
    assert.equal(status, 'proposed');
    const b = new TestBrowser(env.deps, app);
    assert.ok(!(await (await b.get('/cc-pub/faq')).text()).includes('対象の施設はどこで探せますか'), 'not public before approval');
    assert.deepEqual(await (await apiRequest(app, 'GET', '/api/v1/programs/cc-pub/faq')).json(), { items: [] });
    assert.equal((await apiRequest(app, 'POST', `/api/v1/faq/${id}/decision`, { token: agent, body: { decision: 'approve' } })).status, 403);
    const d = await apiRequest(app, 'POST', `/api/v1/faq/${id}/decision`, { token: city, body: { decision: 'approve' } });
    assert.deepEqual(await d.json(), { status: 'published' });
    assert.equal((await apiRequest(app, 'POST', `/api/v1/faq/${id}/decision`, { token: city, body: { decision: 'reject' } })).status, 409);
    const ja = await (await b.get('/cc-pub/faq')).text();
    assert.ok(ja.includes('対象の施設はどこで探せますか') && ja.includes('利用可能施設など利用者向け情報'), 'published, under its category');
    const en = await (await b.get('/en/cc-pub/faq')).text();
    assert.ok(en.includes('Where can I find the facilities?') && en.includes('For travellers: facilities and use'), 'English');
    const miss = await (await b.get('/cc-pub/faq?q=' + encodeURIComponent('駐車場'))).text();
    assert.ok(miss.includes('該当するよくある質問はありません') && !miss.includes('対象の施設はどこで探せますか'), 'search without JavaScript');
    const api = (await (await apiRequest(app, 'GET', '/api/v1/programs/cc-pub/faq')).json()) as { items: Array<{ id: number; category: string; question: string; answer: string; updatedAt: string }> };
    assert.equal(api.items.length, 1);
    assert.equal(api.items[0]!.category, 'facilities');
    assert.match(api.items[0]!.updatedAt, /\+09:00$/);
  });

  test('back office: an agent proposes from a call (question and answer only), the operator edits, the City approves', async () => {
    const c = await apiRequest(app, 'POST', '/api/v1/programs/cc-pub/calls', { token: agent, body: { callerType: 'business', category: 'participation', question: '参加の申込方法は', answer: 'ウェブで申請します', callerName: '宮城 花子', callerPhone: '022-111-2222' } });
    const call = (await c.json()) as { id: number };
    const a = new TestBrowser(env.deps, app);
    await a.login('agent@cc.example', TEST_PASSWORD);
    await a.get(`/admin/calls/cc-pub/faq?fromCall=${call.id}`);
    assert.ok(a.lastHtml.includes('参加の申込方法は') && !a.lastHtml.includes('宮城') && !a.lastHtml.includes('022-111-2222'), 'prefilled without personal data');
    const res = await a.post('/admin/calls/cc-pub/faq/propose', { category: 'participation', question: '参加の申込方法は', answer: 'ウェブで申請します', fromCall: String(call.id), _once: a.once() });
    assert.equal(res.status, 303);
    const o = new TestBrowser(env.deps, app);
    await o.login('op@cc.example', TEST_PASSWORD);
    await o.get('/admin/calls/cc-pub/faq');
    assert.ok(o.lastHtml.includes('この回答で対応した問い合わせ：1件'), 'call count shown');
    const id = /name="id" value="(\d+)"/.exec(o.lastHtml)![1]!;
    const ed = await o.post('/admin/calls/cc-pub/faq/edit', { id, category: 'participation', question: '参加の申込方法を教えてください', answer: 'ウェブで申請します', _once: o.once() });
    assert.equal(ed.status, 303);
    const ct = new TestBrowser(env.deps, app);
    await ct.login('city@cc.example', TEST_PASSWORD);
    // The City approves in the site's approval flow: the entry is in the site's list and inbox like any content.
    await ct.get('/admin/calls/cc-pub/faq');
    assert.ok(!ct.lastHtml.includes('/faq/decide'), 'no decision of its own in calls');
    const link = /href="(\/admin\/site\/cc-pub\/contents\/\d+)">サイトの掲載内容で承認・差し戻し（第2版：承認待ち）/.exec(ct.lastHtml);
    assert.ok(link, 'the entry links to its site content, the edit is version 2 waiting');
    await ct.get('/admin/inbox');
    assert.ok(/市の承認待ちの掲載内容/.test(ct.lastHtml), "in the City's site inbox");
    await ct.get('/admin/site/cc-pub');
    assert.ok(ct.lastHtml.includes('よくある質問（コールセンター）') && ct.lastHtml.includes('参加の申込方法を教えてください'), "in the site's content list");
    await ct.get(link![1]!);
    const approve = [...ct.lastHtml.matchAll(/action="(\/admin\/site\/cc-pub\/versions\/\d+\/approve)"/g)].map((m) => m[1]!);
    assert.equal(approve.length, 2, 'both versions wait for the City');
    const newest = approve.sort((x, y) => Number(/\d+(?=\/approve)/.exec(y)![0]) - Number(/\d+(?=\/approve)/.exec(x)![0]))[0]!;
    assert.equal((await ct.post(newest, { publishAt: '', _once: ct.once() })).status, 303);
    const b = new TestBrowser(env.deps, app);
    assert.ok((await (await b.get('/cc-pub/faq')).text()).includes('参加の申込方法を教えてください'), 'edited wording published');
    // Kept current: an edit of a published entry waits for the City; the public keeps the approved wording.
    await o.get('/admin/calls/cc-pub/faq');
    assert.equal((await o.post('/admin/calls/cc-pub/faq/edit', { id, category: 'participation', question: '参加の申込方法（改訂）', answer: 'ウェブで申請します', _once: o.once() })).status, 303);
    const pub = await (await b.get('/cc-pub/faq')).text();
    assert.ok(pub.includes('参加の申込方法を教えてください') && !pub.includes('改訂'), 'approved wording stays until the City approves the edit');
    const api = (await (await apiRequest(app, 'GET', '/api/v1/programs/cc-pub/faq')).json()) as { items: Array<{ id: number; question: string }> };
    assert.ok(api.items.some((i) => i.id === Number(id) && i.question === '参加の申込方法を教えてください'), 'the API shows the site\'s live wording');
    // The API's reject is the site's rejection; without a comment the site records 「理由の記載なし」.
    const rj = await apiRequest(app, 'POST', `/api/v1/faq/${id}/decision`, { token: city, body: { decision: 'reject' } });
    assert.deepEqual(await rj.json(), { status: 'rejected' });
    await ct.get(link![1]!);
    assert.ok(ct.lastHtml.includes('理由の記載なし'), 'reason recorded in the site');
    assert.equal((await apiRequest(app, 'POST', '/api/v1/faq/999999/decision', { token: city, body: { decision: 'approve' } })).status, 404);
  });

  test('while talking, the agent finds a published entry and counts the call it answered', async () => {
    const a = new TestBrowser(env.deps, app);
    await a.login('agent@cc.example', TEST_PASSWORD);
    await a.get('/admin/calls/cc-pub?q=' + encodeURIComponent('施設'));
    assert.ok(a.lastHtml.includes('公開中のFAQ（1件）') && a.lastHtml.includes('対象の施設はどこで探せますか'), 'FAQ found on the desk');
    const id = /faq\/used[^"]*"[^>]*>(?:(?!<\/form>).)*name="id" value="(\d+)"/s.exec(a.lastHtml)![1]!;
    const r = await a.post('/admin/calls/cc-pub/faq/used?q=' + encodeURIComponent('施設'), { id, _once: a.once() });
    assert.equal(r.status, 303);
    const o = new TestBrowser(env.deps, app);
    await o.login('op@cc.example', TEST_PASSWORD);
    await o.get('/admin/calls/cc-pub/faq');
    assert.ok(/対象の施設はどこで探せますか<\/h4>\s*<p>[^<]*この回答で対応した問い合わせ：1件/.test(o.lastHtml), 'count shown to the City and operator');
  });
});
