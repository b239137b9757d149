import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createApp } from '../../../app.js';
import { queryRows } from '../../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { apiRequest, TestBrowser } from '../../../../test/helpers/http.js';
import { makeToken, makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { openCampaign, validApplication } from '../../campaign/test-helpers.js';

describe('agent desk', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;
  let b: TestBrowser;
  let agentToken: string;
  before(async () => {
    env = await createTestEnv();
    env.clock.set('2026-05-12T01:00:00Z');
    const p = await openCampaign(env.deps, 'desk');
    const agent = await makeUser(env.deps, 'agent@desk.example', 'agent', p.id);
    agentToken = await makeToken(env.deps, agent.id);
    app = createApp(env.deps);
    const r = await apiRequest(app, 'POST', '/api/v1/programs/desk/applications', { body: validApplication(1) });
    assert.equal(r.status, 201, await r.clone().text());
    b = new TestBrowser(env.deps, app);
    await b.login('agent@desk.example', TEST_PASSWORD);
  });
  after(() => env.close());

  const audits = async (action: string) => Number((await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = ${action}`))[0]!.n);

  test('the desk page works without JavaScript: count-only in one click, a detailed call, a callback done', async () => {
    const page = await b.get('/admin/calls/desk');
    assert.equal(page.status, 200);
    // Plain forms (the layout's script only prevents double submits): every action is a POST or GET form.
    assert.ok(b.lastHtml.includes('action="/admin/calls/desk/count" method="post"') || /<form[^>]*action="\/admin\/calls\/desk\/count"/.test(b.lastHtml), 'count form');
    assert.ok(b.lastHtml.includes('name="pair" value="business:participation"'), 'one-click buttons');
    const counted = await b.post('/admin/calls/desk/count', { pair: 'business:participation', _once: b.once() });
    assert.equal(counted.status, 303);
    await b.get('/admin/calls/desk');
    assert.ok(b.lastHtml.includes('事業者・参加方法など事業者向け情報 を1件記録しました'), 'flash of the count');
    const bad = await b.post('/admin/calls/desk/log', { callerType: '', category: 'overview', question: 'x', _once: b.once() });
    assert.equal(bad.status, 422);
    assert.ok(b.lastHtml.includes('相手の区分（利用者・事業者・その他）を選んでください'), 'field error');
    const ok = await b.post('/admin/calls/desk/log', {
      callerType: 'user',
      category: 'application',
      question: '申請の結果はいつ届きますか',
      answer: '審査後にメールでお知らせします',
      outcome: 'callback',
      durationSeconds: '95',
      callerName: '青葉 太郎',
      callerPhone: '090-1234-5678',
      _once: b.once(),
    });
    assert.equal(ok.status, 303, b.lastHtml.slice(0, 500));
    await b.get('/admin/calls/desk');
    assert.ok(b.lastHtml.includes('問い合わせ No.2 を記録しました'), 'flash of the log');
    assert.ok(b.lastHtml.includes('No.2 の折り返しを完了にする'), 'callback listed');
    const [row] = await queryRows<{ caller_name_sealed: string; caller_phone_sealed: string; phone_index: string }>(env.deps.db, sql`select caller_name_sealed, caller_phone_sealed, phone_index from call_logs where number = 2`);
    assert.ok(!row!.caller_name_sealed.includes('青葉') && !row!.caller_phone_sealed.includes('1234'), 'caller sealed');
    assert.ok(row!.phone_index.length > 10, 'blind index');
    const id = (await queryRows<{ id: number }>(env.deps.db, sql`select id from call_logs where number = 2`))[0]!.id;
    assert.equal((await b.post('/admin/calls/desk/callbacks/done', { id: String(id), _once: b.once() })).status, 303);
    await b.get('/admin/calls/desk');
    assert.ok(b.lastHtml.includes('折り返しが必要な問い合わせはありません'), 'callback gone');
  });

  test('entering a number shows that caller\'s earlier calls (audited); search finds past calls', async () => {
    const before = await audits('calls.caller_history.viewed');
    await b.get('/admin/calls/desk?phone=09012345678');
    assert.ok(b.lastHtml.includes('1件見つかりました'), 'history by blind index, hyphens or not');
    assert.ok(b.lastHtml.includes('申請の結果はいつ届きますか'), 'earlier question shown');
    assert.ok(b.lastHtml.includes('value="09012345678"'), 'number carried into the log form');
    assert.equal(await audits('calls.caller_history.viewed'), before + 1);
    await b.get('/admin/calls/desk?phone=022-999-9999');
    assert.ok(b.lastHtml.includes('0件見つかりました'), 'other number: none');
    await b.get('/admin/calls/desk?q=' + encodeURIComponent('結果'));
    assert.ok(b.lastHtml.includes('過去の問い合わせ（1件）'), 'search by keyword');
  });

  test('status look-up by number or facility name shows status and stage only, and is audited', async () => {
    await b.get('/admin/calls/desk/status?q=A-000001');
    assert.ok(b.lastHtml.includes('ホテル青葉1') && b.lastHtml.includes('審査中'), b.lastHtml.slice(-3000));
    assert.ok(!b.lastHtml.includes('022-123-4567'), 'no contact data');
    await b.get('/admin/calls/desk/status?q=' + encodeURIComponent('青葉1'));
    assert.ok(b.lastHtml.includes('A-000001'), 'by facility name');
    assert.equal(await audits('calls.status.looked_up'), 2);
  });

  test('an agent is refused registry, claims and roster routes (403) and the review queue', async () => {
    const calls: Array<[string, string, unknown]> = [
      ['GET', '/api/v1/programs/desk/registry.xlsx', undefined],
      ['GET', '/api/v1/programs/desk/applications', undefined],
      ['POST', '/api/v1/programs/desk/claims', {}],
      ['GET', '/api/v1/programs/desk/budget', undefined],
      ['GET', '/api/v1/programs/any-event/roster.xlsx', undefined],
    ];
    for (const [method, path, body] of calls) assert.equal((await apiRequest(app, method, path, { token: agentToken, body })).status, 403, path);
    assert.equal((await b.get('/admin/campaign/desk')).status, 403);
  });
});

describe('back-office home for an agent', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
    const p = await openCampaign(env.deps, 'home-ag');
    await makeUser(env.deps, 'agent@home.example', 'agent', p.id);
    await makeUser(env.deps, 'op@home.example', 'operator', p.id);
  });
  after(() => env.close());

  test('links only what the agent can open (the call center), the operator sees the campaign tools too', async () => {
    const a = new TestBrowser(env.deps);
    await a.login('agent@home.example', TEST_PASSWORD);
    await a.get('/admin');
    assert.ok(a.lastHtml.includes('href="/admin/calls/home-ag"'), 'call center link');
    assert.ok(!a.lastHtml.includes('href="/admin/campaign/home-ag"') && !a.lastHtml.includes('href="/admin/settlement/home-ag"'), 'no 403 links');
    const o = new TestBrowser(env.deps);
    await o.login('op@home.example', TEST_PASSWORD);
    await o.get('/admin');
    assert.ok(o.lastHtml.includes('href="/admin/campaign/home-ag"') && o.lastHtml.includes('href="/admin/calls/home-ag"'), 'operator links');
  });
});
