/**
 * The public pages in Chromium, on a freshly started server with the demo: axe (WCAG 2.1 AA), one
 * h1, the デモ banner, the right `lang`, no inline script or style, usable at 320 px without JavaScript, the skip
 * link, and the sign-in form's error summary reached and used by keyboard only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, startServer, type BrowserSession, type RunningServer, tearDown } from './harness.js';

interface PageCase {
  path: string;
  lang: 'ja' | 'en';
  status: number;
  /** Text the page must show. */
  text?: string;
}

const PAGES: PageCase[] = [
  { path: '/', lang: 'ja', status: 200 },
  { path: '/en', lang: 'en', status: 200 },
  { path: '/login', lang: 'ja', status: 200, text: 'ログイン' },
  { path: '/demo-stay', lang: 'ja', status: 200, text: '仙台市宿泊促進キャンペーン' },
  { path: '/en/demo-stay', lang: 'en', status: 200 },
  { path: '/does-not-exist', lang: 'ja', status: 404, text: 'ページが見つかりません' },
  { path: '/en/does-not-exist', lang: 'en', status: 404, text: 'Page not found' },
  { path: '/password/forgot', lang: 'ja', status: 200 },
  // The API reference: Japanese only (its readers build the systems that call the API; see api-reference.tsx).
  { path: '/api/v1/docs', lang: 'ja', status: 200, text: 'API リファレンス' },
];

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

let server: RunningServer | undefined;
let desktop: BrowserSession | undefined;
let mobile: BrowserSession | undefined;

async function open(session: BrowserSession, path: string, status: number): Promise<Page> {
  const page = await session.newPage();
  const res = await page.goto(server!.baseUrl + path);
  assert.ok(res, `no response for ${path}`);
  assert.equal(res.status(), status, `status of ${path}`);
  return page;
}

async function expectStaticMarkup(page: Page, label: string): Promise<void> {
  assert.equal(await page.locator('script:not([src])').count(), 0, `${label}: inline <script>`);
  assert.equal(await page.locator('[style]').count(), 0, `${label}: style attribute`);
}

describe('public pages in Chromium', () => {
  before(async () => {
    server = await startServer({ timeoutMs: 120_000 }); // startup time is asserted in server-lifecycle
    desktop = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    mobile = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  });

  after(async () => {
    await tearDown(server, desktop, mobile);
  });

  for (const c of PAGES) {
    test(`${c.path} at 1280 px with JavaScript: axe, one h1, lang="${c.lang}"`, async () => {
      const page = await open(desktop!, c.path, c.status);
      try {
        assert.equal(await page.locator('html').getAttribute('lang'), c.lang);
        assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
        // A demo installation says so on every page, the error pages included.
        assert.equal(await page.locator('.app-demo-banner').count(), 1, `${c.path}: the デモ banner`);
        const body = await page.locator('body').innerText();
        if (c.text) assert.ok(body.includes(c.text), `${c.path} shows "${c.text}"`);
        if (c.lang === 'ja') assert.match(await page.locator('h1').innerText(), JAPANESE, 'Japanese heading');
        await expectStaticMarkup(page, c.path);
        await expectNoAxeViolations(page, `${c.path} (1280 px)`);
      } finally {
        await page.close();
      }
    });

    test(`${c.path} at 320 px without JavaScript: axe, no horizontal scroll`, async () => {
      const page = await open(mobile!, c.path, c.status);
      try {
        assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
        await expectNoHorizontalScroll(page, `${c.path} (320 px)`);
        await expectNoAxeViolations(page, `${c.path} (320 px, no JS)`);
      } finally {
        await page.close();
      }
    });
  }

  test('/ sends a Content-Security-Policy without inline scripts', async () => {
    const res = await fetch(server!.baseUrl + '/');
    await res.arrayBuffer();
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.ok(csp.includes("script-src 'self'"), `CSP: ${csp}`);
    assert.ok(!csp.includes('unsafe-inline'), `CSP: ${csp}`);
  });

  test('the first Tab reaches the skip link, and Enter moves to the main content', async () => {
    const page = await open(desktop!, '/', 200);
    try {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { tag: el?.tagName, text: el?.textContent?.trim(), href: el?.getAttribute('href') };
      });
      assert.deepEqual(focused, { tag: 'A', text: '本文へ移動', href: '#main' });
      // The skip link is visible while it has focus.
      assert.ok(await page.locator('a[href="#main"]').isVisible(), 'skip link visible on focus');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#main');
      const activeId = await page.evaluate(() => document.activeElement?.id);
      assert.equal(activeId, 'main', 'focus moved to <main id="main">');
      // The next Tab continues inside main, not back at the top of the page.
      await page.keyboard.press('Tab');
      const insideMain = await page.evaluate(() => !!document.activeElement?.closest('#main'));
      assert.ok(insideMain, 'Tab after the skip link continues in main');
    } finally {
      await page.close();
    }
  });

  test('/login by keyboard only: wrong credentials show a focused error summary linked to the fields', async () => {
    const page = await open(desktop!, '/login', 200);
    try {
      const activeName = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);
      for (let i = 0; i < 15 && (await activeName()) !== 'email'; i++) await page.keyboard.press('Tab');
      assert.equal(await activeName(), 'email', 'Tab reaches the e-mail field');
      await page.keyboard.type('nobody@example.invalid');
      await page.keyboard.press('Tab');
      assert.equal(await activeName(), 'password', 'Tab goes on to the password field');
      await page.keyboard.type('wrong-password-123');
      const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.equal(res?.status(), 401);
      assert.equal(new URL(page.url()).pathname, '/login');

      const summary = page.locator('[data-error-summary]');
      assert.equal(await summary.count(), 1, 'one error summary');
      assert.ok(await summary.isVisible(), 'error summary visible');
      assert.match(await page.title(), /^エラー/, 'document title starts with エラー');
      await page.waitForFunction(() => !!document.activeElement?.closest('[data-error-summary]'), undefined, { timeout: 5_000 });

      const hrefs = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      assert.ok(hrefs.length > 0, 'the summary links to at least one field');
      for (const href of hrefs) {
        assert.match(href, /^#.+/, `summary link ${href} is a fragment`);
        const exists = await page.evaluate((id) => !!document.getElementById(id), decodeURIComponent(href.slice(1)));
        assert.ok(exists, `summary link ${href} points at an element on the page`);
      }
      // The e-mail field keeps what was typed and is marked invalid.
      assert.equal(await page.locator('input[name="email"]').inputValue(), 'nobody@example.invalid');
      assert.equal(await page.locator('input[name="email"]').getAttribute('aria-invalid'), 'true');
      await expectStaticMarkup(page, '/login (errors)');
      await expectNoAxeViolations(page, '/login with errors');
    } finally {
      await page.close();
    }
  });
});
