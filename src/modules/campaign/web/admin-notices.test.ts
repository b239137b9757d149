import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { signedInBrowsers, TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { openCampaign } from '../test-helpers.js';

describe('notices from the secretariat to businesses', () => {
  let env: TestEnv;
  let operator: TestBrowser;
  let city: TestBrowser;
  let business: TestBrowser;
  const notices = () => queryRows<{ id: number; title: string; body: string }>(env.deps.db, sql`select id, title, body from campaign_notices order by id`);
  const actions = async () => (await queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where action like 'campaign.notice.%' order by id`)).map((a) => a.action);
  before(async () => {
    env = await createTestEnv();
    const program = await openCampaign(env.deps, 'stay');
    const other = await openCampaign(env.deps, 'other');
    await makeUser(env.deps, 'op@stay.example', 'operator', program.id);
    await makeUser(env.deps, 'op@other.example', 'operator', other.id);
    await makeUser(env.deps, 'city@stay.example', 'city', program.id);
    await makeUser(env.deps, 'hotel@stay.example', 'business', program.id);
    [operator, city, business] = (await signedInBrowsers(env.deps, ['op@stay.example', 'city@stay.example', 'hotel@stay.example'])) as [TestBrowser, TestBrowser, TestBrowser];
  });
  after(() => env.close());

  test('an empty notice is refused beside its fields; nothing is saved; the City may not write', async () => {
    assert.equal((await operator.get('/admin/campaign/stay/notices')).status, 200);
    const res = await operator.post('/admin/campaign/stay/notices', { title: '  ', body: '' });
    assert.equal(res.status, 422);
    assert.match(operator.lastHtml, /id="title-error"[^>]*>[\s\S]*?件名を入力してください/);
    assert.match(operator.lastHtml, /本文を入力してください/);
    assert.equal((await notices()).length, 0);
    assert.equal((await city.get('/admin/campaign/stay/notices')).status, 403);
  });

  test('a notice is published to the portal, corrected and withdrawn, each step audited', async () => {
    await operator.get('/admin/campaign/stay/notices');
    assert.equal((await operator.post('/admin/campaign/stay/notices', { title: '実績報告の締切について', body: '7月分の実績報告は8月5日までにお願いします。\n\n不明な点は事務局まで。' })).status, 303);
    const [n] = await notices();
    await business.get('/stay/business');
    assert.match(business.lastHtml, /実績報告の締切について/);
    assert.match(business.lastHtml, /<p>不明な点は事務局まで。<\/p>/);

    await operator.get(`/admin/campaign/stay/notices/${n!.id}`);
    assert.match(operator.lastHtml, /value="実績報告の締切について"/);
    assert.equal((await operator.post(`/admin/campaign/stay/notices/${n!.id}`, { title: '実績報告の締切（訂正）', body: '8月6日までにお願いします。' })).status, 303);
    await business.get('/stay/business');
    assert.match(business.lastHtml, /実績報告の締切（訂正）/);
    assert.doesNotMatch(business.lastHtml, /8月5日/);

    // Another program's operator cannot see or withdraw it.
    const stranger = new TestBrowser(env.deps, operator.app);
    await stranger.login('op@other.example', TEST_PASSWORD);
    assert.equal((await stranger.get(`/admin/campaign/stay/notices/${n!.id}`)).status, 404);
    assert.equal((await stranger.get(`/admin/campaign/other/notices/${n!.id}`)).status, 404);

    await operator.get(`/admin/campaign/stay/notices/${n!.id}`);
    assert.equal((await operator.post(`/admin/campaign/stay/notices/${n!.id}/withdraw`, {})).status, 303);
    assert.equal((await notices()).length, 0);
    await business.get('/stay/business');
    assert.doesNotMatch(business.lastHtml, /実績報告の締切/);
    assert.match(business.lastHtml, /お知らせはありません/);
    assert.deepEqual(await actions(), ['campaign.notice.published', 'campaign.notice.updated', 'campaign.notice.withdrawn']);
  });
});
