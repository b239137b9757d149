/**
 * The exchange meeting end to end in Chromium, on a freshly started server with the demo: a
 * resident registers on the web, receives the confirmation mail (on an SMTP sink), cancels through
 * its link; staff enter a FAX application, print its confirmation, mark it sent, and check a person
 * in on the day. axe on every page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { decodeMail } from '../../src/modules/events/test-helpers.js';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, startServer, type BrowserSession, type RunningServer, tearDown, signIn } from './harness.js';

const SLUG = 'demo-koryukai';

let server: RunningServer | undefined;
let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
let desktop: BrowserSession | undefined;
let phone: BrowserSession | undefined;

async function waitFor<T>(fn: () => T | undefined, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('exchange meeting journey in Chromium', () => {
  before(async () => {
    sink = await startSmtpSink();
    server = await startServer({ env: { SMTP_URL: sink.url, MAIL_FROM: '交流会事務局 <no-reply@jimukyoku.example.jp>' } });
    desktop = await launchBrowser();
    phone = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  });
  after(async () => {
    await tearDown(server, desktop, phone);
    await sink?.close();
  });

  test('register on the web, get the confirmation mail, cancel through its link', async () => {
    const page = await desktop!.newPage();
    await page.goto(`${server!.baseUrl}/${SLUG}`);
    await expectNoAxeViolations(page, 'event page');
    assert.ok(!(await page.content()).includes('meet.demo.jimukyoku.invalid'), 'the viewing link is not public');
    await page.getByRole('link', { name: 'Webフォームから申し込む' }).click();
    await expectNoAxeViolations(page, 'registration form');
    await page.getByRole('button', { name: '申し込む' }).click();
    assert.ok(await page.locator('.dads-error-summary').isVisible(), 'an empty form shows the error summary');
    await expectNoAxeViolations(page, 'registration form with errors');
    await page.locator('#name').fill('青葉 花子');
    await page.locator('#nameKana').fill('あおば はなこ');
    await page.locator('#organization').fill('ブラウザ町内会');
    await page.locator('#email').fill('hanako.browser@example.jp');
    // The demo's 14 seats are taken (it shows the waitlist), so this resident watches online; the
    // viewing link must reach only them, in their confirmation mail.
    await page.getByLabel('オンラインで視聴する').check();
    await page.getByLabel('聴覚に関する支援', { exact: false }).check();
    await page.getByLabel('入力した個人情報を', { exact: false }).check();
    await page.getByRole('button', { name: '申し込む' }).click();
    await page.waitForURL(/\/registration\/[0-9a-f]{40}$/);
    assert.match(await page.locator('body').innerText(), /受付番号 \d+ で参加を受け付けました/);
    await expectNoAxeViolations(page, 'own registration page');

    const mail = await waitFor(() => sink!.messages.find((m) => m.to.includes('hanako.browser@example.jp')), 'the confirmation mail');
    const { subject, text } = decodeMail(mail.raw);
    assert.match(subject, /受付完了/);
    assert.ok(text.includes('視聴URL：https://meet.demo.jimukyoku.invalid/koryukai'), 'an online participant gets the viewing link');
    assert.ok(!subject.includes('花子'), 'no personal data in the subject');
    const link = /(http:\/\/\S+\/registration\/[0-9a-f]{40})/.exec(text)![1]!;
    await page.goto(link);
    await page.getByRole('link', { name: '申込を取り消す' }).click();
    await expectNoAxeViolations(page, 'cancel confirmation');
    await page.getByRole('button', { name: '申込を取り消す' }).click();
    await page.waitForURL(link);
    assert.ok((await page.locator('body').innerText()).includes('取消済み'));
    await expectNoAxeViolations(page, 'cancelled registration');
    await waitFor(() => sink!.messages.find((m) => m.to.includes('hanako.browser@example.jp') && /取消/.test(decodeMail(m.raw).subject)), 'the cancellation mail');
    await page.close();
  });

  test('staff enter a FAX application, print its confirmation, mark it sent; check-in on a phone', async () => {
    const page = await desktop!.newPage();
    await signIn(page, server!, server!.demoLogins().find((l) => l.role === 'operator')!);
    await page.goto(`${server!.baseUrl}/admin/events/${SLUG}/registrations/new`);
    await expectNoAxeViolations(page, 'staff entry form');
    await page.getByLabel('FAX', { exact: true }).check();
    await page.locator('#name').fill('若林 一郎');
    await page.locator('#nameKana').fill('わかばやし いちろう');
    await page.locator('#organization').fill('FAX町内会');
    await page.locator('#fax').fill('022-765-4321');
    await page.getByLabel('会場で参加する').check();
    await page.getByRole('button', { name: '登録する' }).click();
    await page.waitForURL(/\/admin\/events\/registrations\/\d+$/);
    const number = /受付番号 (\d+)/.exec(await page.locator('h1').innerText())![1]!;
    await expectNoAxeViolations(page, 'registration detail');
    const pdf = await page.request.get(page.url() + '/confirmation.pdf');
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.ok((await pdf.body()).byteLength > 2000);
    await page.goto(`${server!.baseUrl}/admin/events/${SLUG}/to-send`);
    await expectNoAxeViolations(page, 'to-send list');
    await page.getByRole('button', { name: '送付済みにする' }).first().click();
    assert.ok((await page.locator('body').innerText()).includes('送付済みにしました'));
    await page.goto(`${server!.baseUrl}/admin/events/${SLUG}/roster`);
    await expectNoAxeViolations(page, 'roster');
    await page.goto(`${server!.baseUrl}/admin/events/${SLUG}/groups`);
    await expectNoAxeViolations(page, 'groups');

    const cookies = await desktop!.context.cookies();
    await phone!.context.addCookies(cookies);
    const mobile = await phone!.newPage();
    await mobile.goto(`${server!.baseUrl}/admin/events/${SLUG}/checkin?q=${number}`);
    await expectNoHorizontalScroll(mobile, 'check-in at 320 px');
    await expectNoAxeViolations(mobile, 'check-in search');
    await mobile.getByRole('button', { name: `出席にする（${number}）` }).click();
    assert.ok((await mobile.locator('body').innerText()).includes('出席を記録しました'));
    await expectNoAxeViolations(mobile, 'check-in after marking present');
    await mobile.close();
    await page.close();
  });
});
