/**
 * Business recruitment end to end in Chromium, on a freshly started server with the demo
 * (`demo-stay`, whose application window is open on the day it is seeded): a business creates an
 * account (the link in its mail, caught by an SMTP sink, confirms the address), applies with its
 * licence copy as a PDF without JavaScript at 320 px, is returned for a correction and resubmits;
 * the operator escalates to the City, the City answers, the operator approves, and the registry
 * downloads as xlsx with the new registration; then the back office's settings, a notice to
 * businesses and a profile change the operator approves. axe on every page visited.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { decodeMail } from '../../src/modules/events/test-helpers.js';
import { PDF_BYTES } from '../../src/modules/campaign/test-helpers.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, startServer, type BrowserSession, type RunningServer, tearDown, signIn } from './harness.js';

const SLUG = 'demo-stay';
const APPLICANT = 'journey.hotel@example.jp';
const PASSWORD = 'Aoba-journey-2026-pass';

let server: RunningServer | undefined;
let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
let desktop: BrowserSession | undefined;
let phone: BrowserSession | undefined;
/** Signed-in staff pages, one context per person. */
let operatorPage: Page | undefined;
let cityPage: Page | undefined;
/** The applicant's page (JavaScript off, 320 px wide). */
let applicantPage: Page | undefined;
let reviewUrl = '';
let applicationNumber = '';

async function waitFor<T>(fn: () => T | undefined, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const mailTo = (to: string, subject: RegExp) => sink!.messages.find((m) => m.to.includes(to) && subject.test(decodeMail(m.raw).subject));

async function staffPage(context: BrowserContext, role: 'operator' | 'city'): Promise<Page> {
  const login = server!.demoLogins().find((l) => l.role === role)!;
  const page = await context.newPage();
  await signIn(page, server!, login);
  return page;
}

const bodyText = (page: Page) => page.locator('main').innerText();

async function decide(page: Page, decision: string, reason: string, label: string): Promise<void> {
  await page.goto(reviewUrl);
  await expectNoAxeViolations(page, `review page before ${label}`);
  await page.getByLabel(decision).check();
  await page.locator('#reason').fill(reason);
  await Promise.all([page.waitForURL(reviewUrl), page.getByRole('button', { name: '判断を登録する' }).click()]);
  assert.match(await bodyText(page), /判断を登録しました/);
  await expectNoAxeViolations(page, `review page after ${label}`);
}

describe('campaign recruitment journey in Chromium', () => {
  before(async () => {
    sink = await startSmtpSink();
    server = await startServer({ timeoutMs: 120_000, env: { SMTP_URL: sink.url, MAIL_FROM: 'キャンペーン事務局 <no-reply@jimukyoku.example.jp>' } });
    desktop = await launchBrowser();
    phone = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 720 } });
  });
  after(async () => {
    await tearDown(server, desktop, phone);
    await sink?.close();
  });

  test('from the site to an account: the mailed link confirms the address, sets the password and only then creates the account', async () => {
    const page = await phone!.newPage();
    applicantPage = page;
    await page.goto(`${server!.baseUrl}/en/${SLUG}/for-business`);
    await expectNoAxeViolations(page, 'site page for businesses (English)');
    await page.getByRole('link', { name: 'Apply to take part' }).click();
    assert.equal(new URL(page.url()).pathname, `/${SLUG}/business`, 'the Japanese business page, not /en/…');
    await expectNoAxeViolations(page, 'business landing');
    await expectNoHorizontalScroll(page, 'business landing at 320 px');
    assert.match(await bodyText(page), /参加申請の受付期間：/);
    await page.getByRole('link', { name: 'アカウントを作成する' }).click();
    await expectNoAxeViolations(page, 'account request');
    await page.getByLabel('メールアドレス').fill(APPLICANT);
    await page.getByRole('button', { name: '確認メールを送る' }).click();
    assert.match(await page.locator('body').innerText(), /メールを送信しました/);
    await expectNoAxeViolations(page, 'account request sent');

    const mail = await waitFor(() => sink!.messages.find((m) => m.to.includes(APPLICANT)), 'the invitation mail');
    const link = /(http:\/\/\S+\/account\/create\?token=[A-Za-z0-9_-]+)/.exec(decodeMail(mail.raw).text)?.[1];
    assert.ok(link, 'the mail carries the link that creates the account and sets the password');
    await page.goto(link);
    await expectNoAxeViolations(page, 'set the first password');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#confirm').fill(PASSWORD);
    await page.getByRole('button', { name: 'パスワードを設定してアカウントを作成する' }).click();
    await page.waitForURL(/\/login/);
    await expectNoAxeViolations(page, 'login after setting the password');
    await signIn(page, server!, { email: APPLICANT, password: PASSWORD });
    assert.equal(new URL(page.url()).pathname, `/${SLUG}/business`, 'a business lands on its portal');
    await expectNoAxeViolations(page, 'business portal before applying');
  });

  test('apply without JavaScript: errors beside the fields, then a complete application with the licence PDF', async () => {
    const page = applicantPage!;
    await page.getByRole('link', { name: '申請を始める' }).click();
    assert.equal(new URL(page.url()).pathname, `/${SLUG}/business/apply`);
    await expectNoAxeViolations(page, 'application form');
    await expectNoHorizontalScroll(page, 'application form at 320 px');
    await page.locator('#facility-name').fill('ジャーニーホテル青葉');
    await page.locator('#bankAccount-accountNumber').fill('123456');
    await page.getByRole('button', { name: '申請する' }).click();
    assert.ok(await page.locator('.dads-error-summary').isVisible(), 'the error summary is shown');
    assert.match(await page.locator('#bankAccount-accountNumber-error').innerText(), /7桁の数字/);
    await expectNoAxeViolations(page, 'application form with errors');

    await page.locator('#facility-nameKana').fill('じゃーにーほてるあおば');
    await page.locator('#facility-type').check();
    await page.locator('#facility-postalCode').fill('９８０－０８１１');
    await page.locator('#facility-ward').selectOption('青葉区');
    await page.locator('#facility-address').fill('仙台市青葉区一番町一丁目9-9');
    await page.locator('#facility-phone').fill('022-111-2222');
    await page.locator('#facility-rooms').fill('30');
    await page.getByLabel('Wi-Fi').check();
    await page.getByLabel('駅近').check();
    await page.locator('#operator-corporateName').fill('株式会社ジャーニー観光');
    await page.locator('#operator-representativeName').fill('青葉 一郎');
    await page.locator('#operator-contactName').fill('宮城 花子');
    await page.locator('#operator-contactEmail').fill(APPLICANT);
    await page.locator('#operator-contactPhone').fill('022-111-2223');
    await page.locator('#license-number').fill('仙台市指令青保第9001号');
    await page.locator('#license-issuedOn').fill('2021-04-01');
    await page.locator('#licenseFile').setInputFiles({ name: '旅館業許可証.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
    await page.locator('#bankAccount-bankCode').fill('0001');
    await page.locator('#bankAccount-branchCode').fill('123');
    await page.locator('#bankAccount-accountType').check();
    await page.locator('#bankAccount-accountNumber').fill('1234567');
    await page.locator('#bankAccount-accountHolderKana').fill('カ）ジャーニーカンコウ');
    await page.locator('#agreeToTerms').check();
    await page.getByRole('button', { name: '申請する' }).click();
    await page.waitForURL(`${server!.baseUrl}/${SLUG}/business`);
    const notice = await page.locator('body').innerText();
    applicationNumber = /申請番号は (A-\d{6})/.exec(notice)?.[1] ?? '';
    assert.ok(applicationNumber, `an application number is shown:\n${notice.slice(0, 800)}`);
    await expectNoAxeViolations(page, 'portal after submitting');
    const receipt = await waitFor(() => mailTo(APPLICANT, /受け付けました/), 'the receipt mail');
    assert.ok(decodeMail(receipt.raw).text.includes(applicationNumber));
  });

  test('the operator returns it for a correction; the applicant corrects and resubmits', async () => {
    const operatorContext = await desktop!.browser.newContext({ viewport: { width: 1280, height: 900 } });
    operatorPage = await staffPage(operatorContext, 'operator');
    const page = operatorPage;
    await page.goto(`${server!.baseUrl}/admin/campaign/${SLUG}`);
    await expectNoAxeViolations(page, 'review queue');
    assert.match(await bodyText(page), /参加事業者データの納品期限/);
    await page.getByRole('link', { name: applicationNumber }).click();
    reviewUrl = page.url();
    assert.match(reviewUrl, /\/admin\/campaign\/applications\/\d+$/);
    const licence = page.getByRole('link', { name: /旅館業許可証の写し：旅館業許可証\.pdf/ });
    const doc = await page.request.get(new URL((await licence.getAttribute('href'))!, reviewUrl).href);
    assert.equal(doc.headers()['content-type'], 'application/pdf');
    assert.deepEqual(Buffer.from(await doc.body()), PDF_BYTES);
    await decide(page, '修正を依頼する（差し戻し）', '施設の電話番号が許可証の記載と異なります。確認してください。', 'return');
    await waitFor(() => mailTo(APPLICANT, /修正のお願い/), 'the return mail');

    const applicant = applicantPage!;
    await applicant.goto(`${server!.baseUrl}/${SLUG}/business`);
    assert.match(await bodyText(applicant), /施設の電話番号が許可証の記載と異なります/);
    await expectNoAxeViolations(applicant, 'portal with a returned application');
    await applicant.getByRole('link', { name: '申請を修正する' }).click();
    await expectNoAxeViolations(applicant, 'application form to correct');
    assert.equal(await applicant.locator('#facility-name').inputValue(), 'ジャーニーホテル青葉', 'the submitted data comes back');
    await applicant.locator('#facility-phone').fill('022-111-3333');
    await applicant.getByRole('button', { name: '修正して再提出する' }).click();
    await applicant.waitForURL(`${server!.baseUrl}/${SLUG}/business`);
    await expectNoAxeViolations(applicant, 'portal after resubmitting');
  });

  test('the operator sees the change and asks the City; the City answers; the operator approves', async () => {
    const page = operatorPage!;
    await page.goto(reviewUrl);
    const text = await bodyText(page);
    assert.match(text, /差し戻し後に変更された項目/);
    assert.match(text, /022-111-2222[\s\S]*022-111-3333/);
    await decide(page, '発注者（仙台市）に判断を仰ぐ', '許可の種別がホテル営業か確認をお願いします。', 'escalate');

    const cityContext = await desktop!.browser.newContext({ viewport: { width: 1280, height: 900 } });
    cityPage = await staffPage(cityContext, 'city');
    await cityPage.goto(`${server!.baseUrl}/admin/campaign/${SLUG}`);
    await expectNoAxeViolations(cityPage, 'City queue');
    await cityPage.getByRole('link', { name: applicationNumber }).click();
    await expectNoAxeViolations(cityPage, 'City review page');
    assert.match(await bodyText(cityPage), /許可の種別がホテル営業か確認をお願いします/);
    await cityPage.getByLabel('参加を認めてよい').check();
    await cityPage.locator('#reason').fill('ホテル営業の許可です。参加を認めて差し支えありません。');
    await cityPage.getByRole('button', { name: '回答を送る' }).click();
    assert.match(await bodyText(cityPage), /判断を登録しました/);
    await expectNoAxeViolations(cityPage, 'City review page after answering');

    await page.goto(reviewUrl);
    assert.match(await bodyText(page), /参加を認めて差し支えありません/);
    await decide(page, '承認して登録する', '', 'approve');
    assert.match(await bodyText(page), /参加決定/);
    const approved = await waitFor(() => mailTo(APPLICANT, /参加登録のお知らせ/), 'the approval mail');
    assert.match(decodeMail(approved.raw).text, /登録番号：R-000001/);
  });

  test('the registry downloads as xlsx with the new registration, Japanese intact', async () => {
    const page = operatorPage!;
    await page.goto(`${server!.baseUrl}/admin/campaign/${SLUG}`);
    await expectNoAxeViolations(page, 'queue after approval');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '参加事業者データ（Excel）' }).click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    const rows: string[] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).map((v) => String(v ?? '')).join('\t')));
    const mine = rows.find((r) => r.includes('ジャーニーホテル青葉'));
    assert.ok(mine, `the new facility is in the registry (${rows.length} rows)`);
    assert.match(mine, /R-000001/);
    assert.match(mine, /022-111-3333/);
    assert.ok(rows.some((r) => r.includes('秋保温泉 デモ館')), 'the demo facilities are there too');

    const applicant = applicantPage!;
    await applicant.goto(`${server!.baseUrl}/${SLUG}/business`);
    assert.match(await bodyText(applicant), /R-000001/);
    await expectNoAxeViolations(applicant, 'portal of a registered business');
  });

  test('after registration: settings page, a notice, a profile change approved by the operator (axe on each page)', async () => {
    const page = operatorPage!;
    await page.goto(`${server!.baseUrl}/admin/campaign/${SLUG}/settings`);
    await expectNoAxeViolations(page, 'settings page');
    await page.locator('#applicationOpens').fill('2031-02-30');
    await page.getByRole('button', { name: '設定を保存する' }).click();
    assert.match(await page.locator('#applicationOpens-error').innerText(), /YYYY-MM-DD/);
    await expectNoAxeViolations(page, 'settings page with an error');

    await page.goto(`${server!.baseUrl}/admin/campaign/${SLUG}/notices`);
    await expectNoAxeViolations(page, 'notices editor');
    await page.locator('#title').fill('実績報告の締切について');
    await page.locator('#body').fill('毎月5日までに前月分の実績報告をお願いします。');
    await page.getByRole('button', { name: '掲載する' }).click();
    assert.match(await bodyText(page), /お知らせを掲載しました/);
    await page.getByRole('link', { name: '実績報告の締切について' }).click();
    await expectNoAxeViolations(page, 'notice edit page');

    const applicant = applicantPage!;
    await applicant.goto(`${server!.baseUrl}/${SLUG}/business`);
    assert.match(await bodyText(applicant), /毎月5日までに前月分の実績報告/);
    await applicant.getByRole('link', { name: /掲載情報を変更する/ }).click();
    await expectNoAxeViolations(applicant, 'profile edit');
    await expectNoHorizontalScroll(applicant, 'profile edit at 320 px');
    await applicant.locator('#facility-description').fill('一番町の中心にある、改装したばかりのホテルです。');
    await applicant.getByRole('button', { name: '変更を申請する' }).click();
    await applicant.waitForURL(`${server!.baseUrl}/${SLUG}/business`);
    assert.match(await bodyText(applicant), /事務局の確認待ちです/);

    await page.goto(`${server!.baseUrl}/admin/campaign/${SLUG}/profiles`);
    await expectNoAxeViolations(page, 'profile changes to review');
    assert.match(await bodyText(page), /改装したばかりのホテルです/);
    await page.getByLabel('承認して掲載する').check();
    await page.getByRole('button', { name: '判断を登録する' }).click();
    assert.match(await bodyText(page), /掲載に反映しました/);
    await expectNoAxeViolations(page, 'profile changes after approval');
    await waitFor(() => mailTo(APPLICANT, /掲載情報の変更を反映しました/), 'the profile decision mail');
  });
});
