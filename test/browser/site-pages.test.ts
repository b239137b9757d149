/**
 * The campaign website in Chromium on a freshly started server with the demo (`demo-stay`, 36
 * facilities, one marked sold out through the CLI): axe (WCAG 2.1 AA) on every public page type in
 * Japanese and English, one h1, no horizontal scroll at 320 px without JavaScript, and the search
 * used by keyboard alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, runCli, startServer, type BrowserSession, type RunningServer } from './harness.js';

let server: RunningServer | undefined;
let desktop: BrowserSession | undefined;
let mobile: BrowserSession | undefined;
let facilityId = 0;

const enc = encodeURIComponent;

function pages(): Array<{ path: string; status: number; text?: string }> {
  const out: Array<{ path: string; status: number; text?: string }> = [];
  for (const pre of ['', '/en']) {
    const ja = pre === '';
    out.push(
      { path: `${pre}/demo-stay`, status: 200 },
      { path: `${pre}/demo-stay/facilities?q=${enc('ホテル')}`, status: 200, text: ja ? '件の施設が見つかりました' : 'facilities found' },
      { path: `${pre}/demo-stay/facilities?q=${enc('存在しない施設')}`, status: 200, text: ja ? '見つかりませんでした' : 'No facility matches' },
      { path: `${pre}/demo-stay/facilities?q=${enc('秋保')}`, status: 200, text: ja ? '販売終了' : 'Sold out' },
      { path: `${pre}/demo-stay/facilities/${facilityId}`, status: 200, text: ja ? '販売終了' : 'Sold out' },
      ...['howto', 'for-business', 'faq', 'accessibility', 'privacy', 'contact', 'opendata'].map((p) => ({ path: `${pre}/demo-stay/${p}`, status: 200 })),
      { path: `${pre}/demo-stay/facilities/999999`, status: 404 },
    );
  }
  return out;
}

async function open(session: BrowserSession, path: string, status: number): Promise<Page> {
  const page = await session.newPage();
  const res = await page.goto(server!.baseUrl + path);
  assert.equal(res?.status(), status, `status of ${path}`);
  return page;
}

describe('campaign website in Chromium', () => {
  before(async () => {
    server = await startServer();
    const res = await fetch(`${server.baseUrl}/api/v1/programs/demo-stay/facilities?q=${enc('秋保温泉 デモ館')}`);
    facilityId = ((await res.json()) as { items: Array<{ id: number }> }).items[0]!.id;
    const r = await runCli(['facilities', 'sold-out', '--program', 'demo-stay', '--facility', String(facilityId), '--date', '2026-06-10'], server.env);
    assert.equal(r.code, 0, r.stderr);
    // The running server sees the change through the index version within a second.
    await new Promise((r) => setTimeout(r, 1500));
    desktop = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    mobile = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  });

  after(async () => {
    await desktop?.close().catch(() => undefined);
    await mobile?.close().catch(() => undefined);
    if (server) {
      try {
        await server.stop();
      } finally {
        await server.kill();
        server.cleanup();
      }
    }
  });

  test('every page type, Japanese and English, at 1280 px and at 320 px without JavaScript: axe, one h1, lang', async () => {
    for (const c of pages()) {
      for (const [session, label] of [
        [desktop!, '1280 px'],
        [mobile!, '320 px, no JS'],
      ] as const) {
        const page = await open(session, c.path, c.status);
        try {
          assert.equal(await page.locator('html').getAttribute('lang'), c.path.startsWith('/en') ? 'en' : 'ja');
          assert.equal(await page.locator('h1').count(), 1, `${c.path}: one h1`);
          if (c.text) assert.ok((await page.locator('main').innerText()).includes(c.text), `${c.path} shows ${c.text}`);
          assert.equal(await page.locator('script:not([src])').count(), 0);
          assert.equal(await page.locator('[style]').count(), 0);
          if (session === mobile) await expectNoHorizontalScroll(page, `${c.path} (320 px)`);
          await expectNoAxeViolations(page, `${c.path} (${label})`);
        } finally {
          await page.close();
        }
      }
    }
  });

  test('search by keyboard alone, without JavaScript: type, submit, results announced, open a facility', async () => {
    const page = await open(mobile!, '/demo-stay/facilities', 200);
    try {
      for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.getAttribute('name'))) !== 'q'; i++) await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'q');
      await page.keyboard.type('ﾎﾃﾙ');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.match(page.url(), /\/demo-stay\/facilities\?q=/);
      const status = await page.locator('[role="status"]').innerText();
      assert.match(status, /件の施設が見つかりました/);
      assert.ok((await page.locator('main').innerText()).includes('ほてる七北田'));
      const link = page.locator('main a', { hasText: 'ほてる七北田' });
      await link.focus();
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.equal(await page.locator('h1').innerText(), 'ほてる七北田');
    } finally {
      await page.close();
    }
  });
});
