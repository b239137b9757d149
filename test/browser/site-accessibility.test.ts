/**
 * The accessibility results for real: on a freshly started server with the demo, an operator
 * starts the automated run in the back office; the server's job opens every public page type in
 * Chromium with axe-core and records a test; the operator submits it, the City approves it, and
 * the policy page (Japanese and English) shows the results table, itself free of axe violations.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, startServer, type BrowserSession, type RunningServer } from './harness.js';

let server: RunningServer | undefined;
let session: BrowserSession | undefined;

async function signIn(browser: Browser, role: string): Promise<Page> {
  const login = server!.demoLogins().find((l) => l.role === role);
  assert.ok(login, `a demo login for ${role}`);
  const page = await (await browser.newContext()).newPage();
  await page.goto(server!.baseUrl + '/login');
  await page.getByLabel('メールアドレス').fill(login.email);
  await page.getByLabel('パスワード').fill(login.password);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.getByRole('button', { name: 'ログインする' }).click()]);
  return page;
}

describe('accessibility results in Chromium', () => {
  before(async () => {
    server = await startServer({ timeoutMs: 120_000 });
    session = await launchBrowser();
  });
  after(async () => {
    await session?.close();
    await server?.stop();
  });

  test('the automated run records axe results per page; approved by the City, they are the public table', async () => {
    const op = await signIn(session!.browser, 'operator');
    await op.goto(`${server!.baseUrl}/admin/site/demo-stay/accessibility`);
    const before = await (await op.request.get(`${server!.baseUrl}/demo-stay/accessibility`)).text();
    assert.match(before, /試験結果は発注者の確認を経て掲載します/);
    await Promise.all([op.waitForURL(/\/accessibility$/), op.getByRole('button', { name: '自動試験を実行する' }).click()]);
    // The server's worker takes the job up; Chromium opens 18 pages.
    const link = op.getByRole('link', { name: /試験 #\d+ を見る/ });
    for (let i = 0; i < 240 && (await link.count()) === 0; i++) {
      assert.doesNotMatch(await op.content(), /<td[^>]*>失敗<\/td>/, 'the run failed');
      await op.waitForTimeout(500);
      await op.reload();
    }
    assert.equal(await link.count(), 1, 'the run finished and recorded a test');
    await Promise.all([op.waitForURL(/\/tests\/\d+$/), link.click()]);
    const body = await op.content();
    assert.match(body, /axe-core 4\.\d+\.\d+/);
    assert.match(body, /\/en\/demo-stay\/facilities\/\d+/, 'a facility page was tested in English');
    assert.match(body, /<td[^>]*>適合<\/td>/);
    const testUrl = op.url();
    await Promise.all([op.waitForURL(testUrl), op.getByRole('button', { name: '発注者に承認を依頼する' }).click()]);

    const city = await signIn(session!.browser, 'city');
    await city.goto(testUrl);
    await Promise.all([city.waitForURL(testUrl), city.getByRole('button', { name: '承認して公開する' }).click()]);
    assert.match(await city.content(), /承認しました/);

    for (const [path, caption] of [
      ['/demo-stay/accessibility', '達成基準ごとの試験結果'],
      ['/en/demo-stay/accessibility', 'Test results by success criterion'],
    ] as const) {
      const page = await session!.newPage();
      const res = await page.goto(server!.baseUrl + path);
      assert.equal(res?.status(), 200);
      assert.match(await page.locator('caption').first().innerText(), new RegExp(caption));
      assert.ok((await page.locator('th[scope="row"]').count()) >= 38, 'a row per criterion');
      await expectNoAxeViolations(page, path);
      await page.close();
    }
  });
});
