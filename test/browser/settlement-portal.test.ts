/**
 * Settlement in Chromium, on a freshly started server with the demo (`demo-stay`, its first facility
 * run by the demo business, every facility with an allocation): the business registers a discounted
 * stay with the portal form — without JavaScript, at 320 px — sees its errors beside the fields,
 * reports the stay (an amount above the reservation is refused, a lower one accepted); the operator
 * finds the stay in the back office. axe on every page visited.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays, tokyoDate } from '../../src/platform/calendar/index.js';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, signIn, startServer, tearDown, type BrowserSession, type RunningServer } from './harness.js';

const SLUG = 'demo-stay';

let server: RunningServer | undefined;
let phone: BrowserSession | undefined;
let desktop: BrowserSession | undefined;

describe('settlement: the business portal and the back office in Chromium', () => {
  before(async () => {
    server = await startServer();
    phone = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 720 } });
    desktop = await launchBrowser();
  });
  after(() => tearDown(server, phone, desktop));

  const login = (role: string) => server!.demoLogins().find((l) => l.role === role)!;

  /** A field by the start of its label (the label also carries the 必須 mark). */
  const field = (page: Page, label: string) => page.getByLabel(new RegExp('^' + label.replace(/[()（）]/g, '\\$&')));
  async function fillClaim(page: Page, values: Record<string, string>) {
    for (const [label, value] of Object.entries(values)) await field(page, label).fill(value);
  }

  test('a business registers a stay and reports it, without JavaScript at 320 px; the operator sees it', async () => {
    const page = await phone!.newPage();
    await signIn(page, server!, login('business'));
    const claimsUrl = `${server!.baseUrl}/${SLUG}/business/claims`;
    await page.goto(claimsUrl);
    await expectNoAxeViolations(page, 'claims list');
    await expectNoHorizontalScroll(page, 'claims list at 320 px');

    // The demo's campaign runs from 61 to 180 days after the day it was seeded (today).
    const today = tokyoDate(new Date());
    await page.locator('select[name=facilityId]').selectOption({ label: 'ホテル青葉通りデモ' });
    await fillClaim(page, { 予約番号: 'E2E-1', 予約日: today, チェックイン日: addDays(today, 70), 泊数: '2', 人数: '2', '宿泊料金（税込、円）': '三万円' });
    await page.getByRole('button', { name: '登録する' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('main').innerText(), /エラー：\s*宿泊料金（税込）を数値で指定してください/, 'the error beside the field');
    assert.equal(await field(page, '予約番号').inputValue(), 'E2E-1', 'what was typed is kept');
    await expectNoAxeViolations(page, 'claim form with errors');

    await fillClaim(page, { '宿泊料金（税込、円）': '30000' });
    await Promise.all([page.waitForURL(claimsUrl), page.getByRole('button', { name: '登録する' }).click()]);
    // 50 % of 30,000 yen, under the cap of 5,000 yen × 2 guests × 2 nights.
    assert.match(await page.locator('main').innerText(), /E2E-1 を登録しました（割引額 15,000円）/);
    await expectNoAxeViolations(page, 'claims list after registering');

    await page.getByRole('link', { name: /E2E-1/ }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page, 'claim page');
    await expectNoHorizontalScroll(page, 'claim page at 320 px');
    await fillClaim(page, { 実績の泊数: '2', 実績の人数: '2', '実績の宿泊料金（税込、円）': '40000' });
    await page.getByRole('button', { name: '実績を報告する' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('main').innerText(), /エラー：\s*予約時の値を上回っています/, 'beside the price');
    await expectNoAxeViolations(page, 'stay report refused');
    await fillClaim(page, { 実績の泊数: '1', 実績の人数: '2', '実績の宿泊料金（税込、円）': '15000' });
    await page.getByRole('button', { name: '実績を報告する' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('main').innerText(), /実績報告済み（審査待ち）/);
    await expectNoAxeViolations(page, 'after the stay report');

    const staff = await desktop!.newPage();
    await signIn(staff, server!, login('operator'));
    for (const [path, label] of [
      ['', 'settlement dashboard'],
      ['/claims?status=stayed', 'claims to review'],
      ['/allocations', 'allocations'],
      ['/settings', 'rules'],
    ] as const) {
      await staff.goto(`${server!.baseUrl}/admin/settlement/${SLUG}${path}`);
      await expectNoAxeViolations(staff, label);
    }
    // The reported stay waits for review, at its reported price: 50 % of 15,000 yen for one night.
    await staff.goto(`${server!.baseUrl}/admin/settlement/${SLUG}/claims?status=stayed`);
    const row = staff.locator('tr', { hasText: 'E2E-1' });
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /7,500/);
  });
});
