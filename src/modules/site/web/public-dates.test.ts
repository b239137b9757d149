/**
 * The dates the public sees (#14 item 4): the campaign period (not the contract period) on the
 * top page, in English too, and in the list on `/`; the event's day (no contract period) for an
 * event; the site's opening day (404 to the public before it, a preview to staff, not listed on
 * `/`); and, after campaignEnds, that the campaign has ended.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { cli } from '../../../../test/helpers/cli.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { makeProgram, makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';

let env: TestEnv;
let web: TestBrowser;

async function set(slug: string, ...pairs: string[]) {
  const r = await cli(env.deps, ['program', 'set', slug, ...pairs]);
  assert.equal(r.code, 0, r.err);
}

/** Lookups of a program are kept for a second per instance (site/web/load.ts): wait them out. */
const settle = () => new Promise((r) => setTimeout(r, 1100));

describe('public dates of a campaign and an event', () => {
  before(async () => {
    env = await createTestEnv();
    web = new TestBrowser(env.deps);
    env.clock.set('2026-06-01T03:00:00Z');
    const campaign = await makeProgram(env.deps, 'dates-stay');
    await set('dates-stay', 'startsOn=2026-04-01', 'endsOn=2027-03-31', 'campaignStarts=2026-07-01', 'campaignEnds=2026-12-31', 'siteOpensOn=2026-06-15');
    await makeUser(env.deps, 'preview-op@example.invalid', 'operator', campaign.id);
    await makeProgram(env.deps, 'dates-event', 'event');
    await set('dates-event', 'startsOn=2026-04-01', 'endsOn=2027-03-31', 'eventDate=2026-11-20');
  });
  after(() => env.close());

  test('before the opening day: 404 to the public on every site page and the API, not listed on /', async () => {
    for (const path of ['/dates-stay', '/en/dates-stay', '/dates-stay/facilities', '/dates-stay/faq', '/api/v1/programs/dates-stay/facilities']) {
      assert.equal((await web.get(path)).status, 404, path);
    }
    const top = await (await web.get('/')).text();
    assert.ok(!top.includes('dates-stay'), 'the campaign is not listed before its site opens');
    assert.ok(top.includes('/dates-event'), 'the event is listed');
  });

  test('before the opening day its staff see a labelled preview', async () => {
    const staff = new TestBrowser(env.deps, web.app);
    assert.equal((await staff.login('preview-op@example.invalid', TEST_PASSWORD)).status, 303);
    const res = await staff.get('/dates-stay');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /公開前のプレビュー：このサイトは2026年6月15日（月）に公開されます/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const search = await staff.get('/dates-stay/facilities');
    assert.equal(search.status, 200);
    assert.match(await search.text(), /公開前のプレビュー/);
  });

  test('from the opening day: the campaign period, not the contract period, on the top page and on /', async () => {
    env.clock.set('2026-06-14T15:00:00Z'); // 00:00 on 15 June in Tokyo
    await settle();
    const ja = await (await web.get('/dates-stay')).text();
    assert.match(ja, /キャンペーン期間：2026年7月1日（水） 〜 2026年12月31日（木）/);
    assert.ok(!ja.includes('2026年4月1日') && !ja.includes('2027年3月31日'), 'no contract period');
    assert.ok(!ja.includes('公開前のプレビュー'));
    const en = await (await web.get('/en/dates-stay')).text();
    assert.match(en, /Campaign period: 2026-07-01 – 2026-12-31/);
    assert.ok(!en.includes('2026-04-01'));
    const top = await (await web.get('/')).text();
    assert.match(top, /キャンペーン期間：2026年7月1日（水） 〜 2026年12月31日（木）/);
    assert.ok(!top.includes('2026年4月1日'), 'the list shows no contract period');
    const topEn = await (await web.get('/en')).text();
    assert.match(topEn, /Campaign period: 2026-07-01 – 2026-12-31/);
  });

  test('the event page and the list show the event day and no contract period', async () => {
    const event = await (await web.get('/dates-event')).text();
    assert.match(event, /2026年11月20日/);
    assert.ok(!event.includes('2026年4月1日') && !event.includes('2027年3月31日'), 'no contract period beside the event date');
    const top = await (await web.get('/')).text();
    const row = /<a href="\/dates-event">[\s\S]*?<\/li>/.exec(top)?.[0] ?? '';
    assert.match(row, /2026年11月20日/);
  });

  test('after campaignEnds the top page says the campaign has ended', async () => {
    assert.ok(!(await (await web.get('/dates-stay')).text()).includes('終了しました'));
    env.clock.set('2026-12-31T15:00:00Z'); // 1 January in Tokyo
    await settle();
    assert.match(await (await web.get('/dates-stay')).text(), /このキャンペーンは2026年12月31日（木）に終了しました/);
    assert.match(await (await web.get('/en/dates-stay')).text(), /This campaign ended on 2026-12-31/);
  });
});
