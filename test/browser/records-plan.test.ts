/**
 * The records plan in Chromium on a freshly started demo server, without JavaScript at 320 px: the
 * exchange meeting's schedule made from the preset (Gantt chart and table), a task refused and
 * added, a meeting with minutes sent to the City, and the City's page to confirm them — axe-clean,
 * no sideways scroll.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, signIn, startServer, tearDown, type BrowserSession, type RunningServer } from './harness.js';

let server: RunningServer | undefined;
let mobile: BrowserSession | undefined;
let cityBrowser: BrowserSession | undefined;

describe('records plan pages in Chromium (no JavaScript, 320 px)', () => {
  before(async () => {
    server = await startServer({ timeoutMs: 300_000 });
    mobile = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    cityBrowser = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  });
  after(() => tearDown(server, mobile, cityBrowser));

  test('schedule from the preset, a task, a meeting whose minutes the City confirms', async () => {
    const op = server!.demoLogins().find((x) => x.role === 'operator');
    const city = server!.demoLogins().find((x) => x.role === 'city');
    assert.ok(op && city, 'demo operator and city');
    const page = await mobile!.newPage();
    await signIn(page, server!, op);
    await page.goto(server!.baseUrl + '/admin/records/demo-koryukai/schedule');
    await expectNoAxeViolations(page, 'empty schedule');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'ひな形から作成' }).click()]);
    assert.ok((await page.locator('main').innerText()).includes('交流会企画内容協議'), 'the preset tasks are listed');
    assert.equal(await page.locator('main svg.app-chart').count(), 1, 'the Gantt chart');
    await expectNoAxeViolations(page, 'schedule with chart');
    await expectNoHorizontalScroll(page, 'schedule with chart');
    await page.getByLabel('作業名').fill('会場下見');
    await page.getByLabel('開始日').fill('2026-12-10');
    await page.getByLabel('終了日').fill('2026-12-01');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '作業を追加' }).click()]);
    assert.ok((await page.locator('main').innerText()).includes('終了日は開始日以降にしてください'), 'the refusal is explained');
    await expectNoAxeViolations(page, 'task form with an error');
    await page.getByLabel('終了日').fill('2026-12-12');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '作業を追加' }).click()]);
    assert.ok((await page.locator('main').innerText()).includes('作業を追加しました'), 'added');

    await page.goto(server!.baseUrl + '/admin/records/demo-koryukai/meetings');
    await page.getByLabel('日付').fill('2026-11-05');
    await page.getByLabel('オンラインで行う').check();
    await page.getByLabel('出席者（市）').fill('市民協働推進課 担当');
    await page.getByLabel('出席者（受注者）').fill('主任担当者');
    await page.getByLabel('議題').fill('企画内容の協議');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '打合せを登録' }).click()]);
    await expectNoAxeViolations(page, 'meetings list');
    await expectNoHorizontalScroll(page, 'meetings list');
    await Promise.all([page.waitForURL(/\/admin\/records\/meetings\/\d+$/), page.getByRole('link', { name: /2026年11月5日/ }).click()]);
    const meetingUrl = page.url();
    await page.getByLabel('協議の内容').fill('交流会の構成を協議した。');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '議事録を保存' }).click()]);
    await expectNoAxeViolations(page, 'minutes');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '議事録を市に送る' }).click()]);
    assert.ok((await page.locator('main').innerText()).includes('議事録を市に送りました'), 'sent');

    const cityPage = await cityBrowser!.newPage();
    await signIn(cityPage, server!, city);
    await cityPage.goto(server!.baseUrl + '/admin/inbox');
    assert.ok((await cityPage.locator('main').innerText()).includes('市の確認を待つ議事録'), 'in the City inbox');
    await cityPage.goto(meetingUrl);
    await expectNoAxeViolations(cityPage, 'City answer form');
    await expectNoHorizontalScroll(cityPage, 'City answer form');
    await cityPage.getByLabel('内容を確認した').check();
    await Promise.all([cityPage.waitForLoadState(), cityPage.getByRole('button', { name: '送信' }).click()]);
    assert.ok((await cityPage.locator('main').innerText()).includes('市が確認済み'), 'confirmed');
  });
});
