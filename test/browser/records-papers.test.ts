/**
 * The records papers in Chromium on a freshly started demo server, without JavaScript at 320 px:
 * the exchange meeting's accounts (seed lines preset, a lecturer's honorarium with its withholding),
 * the contract notices, and a monthly report drafted, completed and sent to the City, whose inbox
 * shows it — axe-clean, no sideways scroll.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, signIn, startServer, tearDown, type BrowserSession, type RunningServer } from './harness.js';

let server: RunningServer | undefined;
let mobile: BrowserSession | undefined;
let cityBrowser: BrowserSession | undefined;

describe('records papers pages in Chromium (no JavaScript, 320 px)', () => {
  before(async () => {
    server = await startServer({ timeoutMs: 300_000 });
    mobile = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    cityBrowser = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  });
  after(() => tearDown(server, mobile, cityBrowser));

  test('accounts with a lecturer honorarium, the notices, a monthly report sent to the City', async () => {
    const op = server!.demoLogins().find((x) => x.role === 'operator');
    const city = server!.demoLogins().find((x) => x.role === 'city');
    assert.ok(op && city, 'demo operator and city');
    const page = await mobile!.newPage();
    await signIn(page, server!, op);

    await page.goto(server!.baseUrl + '/admin/records/demo-koryukai/accounts');
    await expectNoAxeViolations(page, 'empty accounts');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '仕様書の固定費目を設定' }).click()]);
    assert.ok((await page.locator('main').innerText()).includes('会場・設備使用料'), 'the seed lines');
    const honorarium = page.locator('form[action$="/accounts/honoraria"]');
    await honorarium.getByLabel('区分').selectOption('lecturer');
    await honorarium.getByLabel(/^支払先/).first().fill('講師 試験');
    await page.getByLabel(/^支払額（円、源泉徴収前）/).fill('10万');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '謝礼金を記録' }).click()]);
    assert.ok((await page.locator('main').innerText()).includes('支払額は1円以上1億円以下の整数'), 'the refusal is explained');
    await expectNoAxeViolations(page, 'honorarium form with an error');
    await honorarium.getByLabel(/^支払先/).first().fill('講師 試験');
    await page.getByLabel(/^支払額（円、源泉徴収前）/).fill('100000');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '謝礼金を記録' }).click()]);
    const accounts = await page.locator('main').innerText();
    assert.ok(accounts.includes('10,210円') && accounts.includes('89,790円'), `withholding and net: ${accounts.slice(0, 1500)}`);
    await expectNoAxeViolations(page, 'accounts with an honorarium');
    await expectNoHorizontalScroll(page, 'accounts with an honorarium');

    await page.goto(server!.baseUrl + '/admin/records/demo-koryukai/notices');
    await expectNoAxeViolations(page, 'notices');
    await expectNoHorizontalScroll(page, 'notices');

    await page.goto(server!.baseUrl + '/admin/records/demo-koryukai/monthly');
    await expectNoAxeViolations(page, 'monthly reports');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '下書きを作成' }).click()]);
    assert.ok((await page.locator('main').innerText()).includes('業務の数値'), 'the draft with its figures');
    await expectNoAxeViolations(page, 'monthly report draft');
    await expectNoHorizontalScroll(page, 'monthly report draft');
    await page.getByLabel('業務の実施状況（所見）').fill('予定どおり準備を進めています。');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '保存' }).click()]);
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '市へ送付' }).click()]);
    assert.ok((await page.locator('main').innerText()).includes('月次報告書を市へ送付しました'), 'sent');

    const cityPage = await cityBrowser!.newPage();
    await signIn(cityPage, server!, city);
    await cityPage.goto(server!.baseUrl + '/admin/inbox');
    assert.ok((await cityPage.locator('main').innerText()).includes('月次報告書（受領待ち）'), 'in the City inbox');
  });
});
