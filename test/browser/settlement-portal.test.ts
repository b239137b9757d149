/**
 * Settlement in Chromium, on a freshly started server with the demo (`demo-stay`, its first facility
 * run by the demo business, every facility with an allocation): the business registers a discounted
 * stay with the portal form — without JavaScript, at 320 px — sees its errors beside the fields,
 * reports the stay (an amount above the reservation is refused, a lower one accepted); the operator
 * finds the stay in the back office. The business then sees its money (allocation, remaining, each
 * closed month's statement and the paid month with its date) on 割引額と支払, without JavaScript at
 * 320 px. axe on every page visited.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays, isBusinessDay, tokyoDate } from '../../src/platform/calendar/index.js';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, makeTempDir, runCli, signIn, startServer, tearDown, type BrowserSession, type RunningServer } from './harness.js';

const SLUG = 'demo-stay';

let server: RunningServer | undefined;
let phone: BrowserSession | undefined;
let desktop: BrowserSession | undefined;

describe('settlement: the business portal and the back office in Chromium', () => {
  before(async () => {
    // Room for a slow first start on a busy machine (the start-up time is measured elsewhere).
    server = await startServer({ timeoutMs: 120_000 });
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

  /** `YYYY-MM` of the month `back` months before today's (Asia/Tokyo). */
  function monthsAgo(back: number): string {
    const [y, m] = tokyoDate(new Date()).split('-').map(Number) as [number, number];
    const index = y * 12 + (m - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  }
  async function cli(args: string[]) {
    const r = await runCli(args, server!.env);
    assert.equal(r.code, 0, `jimukyoku ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  }

  test('a business sees its allocation, remaining, statements and paid months, without JavaScript at 320 px', async () => {
    const page = await phone!.newPage();
    const money = `${server!.baseUrl}/${SLUG}/business/money`;
    await page.goto(`${server!.baseUrl}/${SLUG}/business/claims`);
    if (new URL(page.url()).pathname === '/login') {
      await signIn(page, server!, login('business'));
      await page.goto(`${server!.baseUrl}/${SLUG}/business/claims`);
    }
    const facilityId = await page.locator('select[name=facilityId] option', { hasText: 'ホテル青葉通りデモ' }).getAttribute('value');
    assert.ok(facilityId);

    // Two stays of ended months, registered and reported by CSV, approved by the operator: the
    // earlier month closed and paid, the later one closed. The campaign is moved back to cover them
    // (the demo's starts in the future).
    const [paidMonth, closedMonth] = [monthsAgo(2), monthsAgo(1)];
    const today = tokyoDate(new Date());
    await cli(['program', 'set', SLUG, `campaignStarts=${paidMonth}-01`]);
    const dir = makeTempDir('jmk-money-');
    const claimsCsv = path.join(dir, 'claims.csv');
    const staysCsv = path.join(dir, 'stays.csv');
    fs.writeFileSync(claimsCsv, ['facilityId,bookingRef,bookedOn,checkIn,nights,guests,totalPrice', `${facilityId},E2E-PAID,${today},${paidMonth}-10,1,2,20000`, `${facilityId},E2E-CLOSED,${today},${closedMonth}-10,1,2,16000`].join('\n') + '\n');
    fs.writeFileSync(staysCsv, ['facilityId,bookingRef,nights,guests,totalPrice', `${facilityId},E2E-PAID,1,2,20000`, `${facilityId},E2E-CLOSED,1,2,16000`].join('\n') + '\n');
    try {
      await cli(['claims', 'import', '--program', SLUG, claimsCsv]);
      await cli(['settlement', 'stays', 'import', '--program', SLUG, staysCsv]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const staff = await desktop!.newPage();
    await staff.goto(`${server!.baseUrl}/admin/settlement/${SLUG}/claims?status=stayed`);
    if (new URL(staff.url()).pathname === '/login') {
      await signIn(staff, server!, login('operator'));
      await staff.goto(`${server!.baseUrl}/admin/settlement/${SLUG}/claims?status=stayed`);
    }
    for (const ref of ['E2E-PAID', 'E2E-CLOSED']) await staff.getByLabel(`予約番号 ${ref} を選択`).check();
    await staff.getByRole('button', { name: '審査結果を登録する' }).click();
    await staff.waitForLoadState();
    assert.match(await staff.locator('main').innerText(), /2件を承認しました/);
    await cli(['settlement', 'close', '--program', SLUG, '--month', paidMonth]);
    await cli(['settlement', 'close', '--program', SLUG, '--month', closedMonth]);
    // Paid only once the month's 全銀 transfer file has been written (its hash is recorded).
    const zengin = path.join(makeTempDir('jmk-zengin-'), 'transfer.txt');
    let transferDate = today;
    while (!isBusinessDay(transferDate)) transferDate = addDays(transferDate, 1);
    await cli(['settlement', 'zengin', '--program', SLUG, '--month', paidMonth, '--transfer-date', transferDate, '--out', zengin]);
    fs.rmSync(path.dirname(zengin), { recursive: true, force: true });
    await cli(['settlement', 'paid', '--program', SLUG, '--month', paidMonth]);

    // From the business's landing page to its money page.
    await page.goto(`${server!.baseUrl}/${SLUG}/business`);
    await Promise.all([page.waitForURL(money), page.getByRole('link', { name: /割引額と支払/ }).click()]);
    await expectNoAxeViolations(page, 'money page');
    await expectNoHorizontalScroll(page, 'money page at 320 px');
    const figures = page.getByRole('table', { name: '施設ごとの割引額' }).locator('tr', { hasText: 'ホテル青葉通りデモ' });
    const text = (await figures.innerText()).replace(/\s+/g, ' ');
    // The demo allocation is 2,000,000 yen; 10,000 paid, 8,000 approved (closed, awaiting payment).
    assert.match(text, /2,000,000円/, 'the allocation');
    assert.match(text, /8,000円/, 'approved, awaiting payment');
    assert.match(text, /10,000円/, 'paid');
    const remaining = Number(/([\d,]+)円\s*$/.exec(text)![1]!.replace(/,/g, ''));
    assert.ok(remaining <= 2_000_000 - 18_000, `remaining ${remaining} takes out the approved and paid`);

    const months = page.getByRole('table', { name: '締めた月の支払' });
    const label = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;
    const paidRow = (await months.locator('tr', { hasText: label(paidMonth) }).innerText()).replace(/\s+/g, ' ');
    assert.match(paidRow, /10,000円/);
    assert.match(paidRow, /支払済み/);
    // Paid on the transfer file's date: today, or the next business day on a weekend or holiday.
    assert.match(paidRow, new RegExp(`${transferDate.slice(0, 4)}年${Number(transferDate.slice(5, 7))}月${Number(transferDate.slice(8))}日`), `paid on the transfer date ${transferDate}`);
    const closedRow = (await months.locator('tr', { hasText: label(closedMonth) }).innerText()).replace(/\s+/g, ' ');
    assert.match(closedRow, /8,000円/);
    assert.match(closedRow, /締め済み（支払準備中）/);

    // Its statements, as PDF and Excel.
    const pdfHref = await months.locator('tr', { hasText: label(paidMonth) }).getByRole('link', { name: /PDF/ }).getAttribute('href');
    const pdf = await page.request.get(server!.baseUrl + pdfHref!);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const xlsx = await page.request.get(`${server!.baseUrl}${pdfHref}/statement.xlsx`);
    assert.equal(xlsx.status(), 200);
    assert.match(xlsx.headers()['content-type'] ?? '', /spreadsheetml/);
  });
});
