/**
 * The call center in Chromium on a freshly started demo server: the agent desk at 320 px without
 * JavaScript (axe, no horizontal scroll, a count in one click), an FAQ entry proposed by the agent
 * that stays off the public site until the City approves it in the site's content approval, then on /demo-stay/faq in Japanese
 * and English (axe on both), found by the search without JavaScript.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, signIn, startServer, tearDown, type BrowserSession, type RunningServer } from './harness.js';

let server: RunningServer | undefined;
let mobile: BrowserSession | undefined;
let desktop: BrowserSession | undefined;

const login = (role: string) => {
  const l = server!.demoLogins().find((x) => x.role === role);
  assert.ok(l, `demo login ${role}`);
  return l;
};

describe('call center in Chromium', () => {
  before(async () => {
    server = await startServer({ timeoutMs: 300_000 });
    mobile = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    desktop = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  });
  after(() => tearDown(server, mobile, desktop));

  test('the agent desk at 320 px without JavaScript: axe, no sideways scroll, one-click count', async () => {
    const page = await mobile!.newPage();
    await signIn(page, server!, login('agent'));
    await page.goto(server!.baseUrl + '/admin/calls/demo-stay');
    await expectNoAxeViolations(page, 'desk 320 px');
    await expectNoHorizontalScroll(page, 'desk 320 px');
    await Promise.all([page.waitForURL(/\/admin\/calls\/demo-stay$/), page.getByRole('button', { name: 'キャンペーンの概要' }).first().click()]);
    assert.ok((await page.locator('main').innerText()).includes('を1件記録しました'), 'count recorded');
  });

  test('a proposed FAQ entry is public only after the City approves it, then in Japanese and English (axe)', async () => {
    const agent = await desktop!.newPage();
    await signIn(agent, server!, login('agent'));
    await agent.goto(server!.baseUrl + '/admin/calls/demo-stay/faq');
    const form = agent.locator('form[action$="/faq/propose"]');
    await form.locator('input[name="category"][value="facilities"]').check();
    await form.locator('textarea[name="question"]').fill('駐車場のある施設はどう探せますか');
    await form.locator('textarea[name="answer"]').fill('施設検索で「駐車場あり」を選んでください');
    await form.locator('textarea[name="questionEn"]').fill('How do I find facilities with parking?');
    await form.locator('textarea[name="answerEn"]').fill('Choose "parking" in the facility search.');
    await Promise.all([agent.waitForURL(/\/faq$/), agent.getByRole('button', { name: '提案する' }).click()]);
    const pub = await desktop!.newPage();
    await pub.goto(server!.baseUrl + '/demo-stay/faq');
    assert.ok(!(await pub.locator('main').innerText()).includes('駐車場のある施設はどう探せますか'), 'not public before approval');
    const city = await (await launchBrowser({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(city, server!, login('city'));
    await city.goto(server!.baseUrl + '/admin/calls/demo-stay/faq');
    await expectNoAxeViolations(city, 'FAQ back office (City)');
    // The City approves in the site's content approval, where it approves every other content.
    const entry = city.locator('section', { hasText: '駐車場のある施設はどう探せますか' });
    await Promise.all([city.waitForURL(/\/admin\/site\/demo-stay\/contents\/\d+$/), entry.getByRole('link', { name: /サイトの掲載内容で承認・差し戻し/ }).click()]);
    await expectNoAxeViolations(city, 'site content page of the FAQ entry (City)');
    await Promise.all([city.waitForURL(/\/contents\/\d+$/), city.getByRole('button', { name: '承認する' }).first().click()]);
    await city.context().browser()?.close();
    for (const [path, text] of [
      ['/demo-stay/faq', '駐車場のある施設はどう探せますか'],
      ['/en/demo-stay/faq', 'How do I find facilities with parking?'],
    ] as const) {
      for (const session of [desktop!, mobile!]) {
        const p = await session.newPage();
        const res = await p.goto(server!.baseUrl + path);
        assert.equal(res?.status(), 200);
        assert.ok((await p.locator('main').innerText()).includes(text), `${path} shows the entry`);
        await expectNoAxeViolations(p, path);
        await expectNoHorizontalScroll(p, path);
        await p.close();
      }
    }
    const s = await mobile!.newPage();
    await s.goto(server!.baseUrl + '/demo-stay/faq');
    await s.getByRole('textbox', { name: /キーワードで探す/ }).fill('駐車場');
    await Promise.all([s.waitForURL(/q=/), s.getByRole('button', { name: '検索' }).click()]);
    assert.ok((await s.locator('main').innerText()).includes('検索結果：1件'), 'search without JavaScript');
  });
});
