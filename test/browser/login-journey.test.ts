/**
 * Signing in and out in Chromium with the demo logins of a freshly started server: the operator
 * (password only) reaches /admin and /account and logs out; the admin (two-factor required) is
 * enrolled on /mfa with a code computed from the displayed key and gets ten recovery codes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as OTPAuth from 'otpauth';
import type { BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, startServer, type BrowserSession, type DemoLogin, type RunningServer, tearDown, signIn } from './harness.js';

let server: RunningServer | undefined;
let session: BrowserSession | undefined;

function demoLogin(role: string): DemoLogin {
  const login = server!.demoLogins().find((l) => l.role === role);
  assert.ok(login, `the server printed a demo login for ${role}:\n${server!.stdout()}`);
  return login;
}

const path = (page: Page) => new URL(page.url()).pathname;

describe('signing in and out in Chromium', () => {
  before(async () => {
    server = await startServer({ timeoutMs: 120_000 }); // startup time is asserted in server-lifecycle
    session = await launchBrowser();
  });

  after(async () => {
    await tearDown(server, session);
  });

  test('the server printed one demo login per role', () => {
    assert.deepEqual(
      server!.demoLogins().map((l) => l.role),
      ['admin', 'operator', 'agent', 'city', 'business'],
    );
  });

  test('operator: password sign-in, /admin and /account pass axe, logout, /admin then asks to sign in', async () => {
    const context: BrowserContext = await session!.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await signIn(page, server!, demoLogin('operator'));
      assert.equal(path(page), '/admin', 'the operator lands on /admin without a second factor');
      assert.equal(await page.locator('h1').count(), 1, 'one h1 on /admin');
      assert.ok((await page.locator('h1').innerText()).trim().length > 0, 'the h1 has text');
      assert.ok((await page.locator('header').innerText()).includes('operator@demo.jimukyoku.invalid'), 'the header names the user');
      await expectNoAxeViolations(page, '/admin (operator)');

      const account = await page.goto(server!.baseUrl + '/account');
      assert.equal(account?.status(), 200);
      assert.equal(await page.locator('h1').count(), 1, 'one h1 on /account');
      await expectNoAxeViolations(page, '/account (operator)');

      await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.getByRole('button', { name: 'ログアウト' }).click()]);
      assert.ok((await page.locator('main').innerText()).includes('ログアウトしました'), 'success banner after logout');
      await expectNoAxeViolations(page, '/login after logout');

      const res = await page.goto(server!.baseUrl + '/admin');
      assert.equal(path(page), '/login', 'signed out: /admin goes to the sign-in page');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/admin');
      assert.equal(res?.request().redirectedFrom()?.url(), server!.baseUrl + '/admin');
    } finally {
      await context.close();
    }
  });

  test('admin: sign-in requires two-factor enrolment; the code from the shown key works; ten recovery codes', async () => {
    const context: BrowserContext = await session!.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await signIn(page, server!, demoLogin('admin'));
      assert.equal(path(page), '/mfa', 'the admin is sent to /mfa');
      assert.equal(await page.locator('h1').innerText(), '二要素認証の設定');
      assert.equal(await page.locator('svg[role="img"]').count(), 1, 'a QR code');
      const key = (await page.locator('code.app-code').innerText()).replace(/\s/g, '');
      assert.match(key, /^[A-Z2-7]{16,}=*$/, `a base32 key: ${key}`);
      await expectNoAxeViolations(page, '/mfa enrolment');

      const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(key), digits: 6, period: 30, algorithm: 'SHA1' });
      await page.getByLabel('確認コード').fill(totp.generate());
      await page.getByRole('button', { name: '設定を完了する' }).click();
      await page.locator('ul.app-recovery-codes').waitFor();
      assert.equal(await page.locator('h1').innerText(), 'リカバリーコード');
      const codes = await page.locator('ul.app-recovery-codes li').allInnerTexts();
      assert.equal(codes.length, 10, 'ten recovery codes');
      for (const c of codes) assert.match(c.trim(), /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
      assert.equal(new Set(codes).size, 10, 'all different');
      await expectNoAxeViolations(page, 'recovery codes');

      await Promise.all([page.waitForURL((u) => u.pathname === '/admin'), page.getByRole('link', { name: '保管しました。続ける' }).click()]);
      assert.equal(await page.locator('h1').count(), 1, 'one h1 on /admin');
      assert.ok((await page.locator('header').innerText()).includes('admin@demo.jimukyoku.invalid'));
      await expectNoAxeViolations(page, '/admin (admin)');
    } finally {
      await context.close();
    }
  });
});
