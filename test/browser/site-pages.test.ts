/**
 * The campaign website in Chromium on a freshly started server with the demo (`demo-stay`, 36
 * facilities, one marked sold out through the CLI): axe (WCAG 2.1 AA) on every public page type in
 * Japanese and English, one h1, no horizontal scroll at 320 px without JavaScript, the search
 * used by keyboard alone, the top and search pages at 200% zoom, and a content page with Markdown
 * published through the back office (operator drafts, City approves): axe and keyboard alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
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

async function signIn(context: BrowserContext, role: string): Promise<Page> {
  const login = server!.demoLogins().find((l) => l.role === role);
  assert.ok(login, `a demo login for ${role}`);
  const page = await context.newPage();
  await page.goto(server!.baseUrl + '/login');
  await page.getByLabel('メールアドレス').fill(login.email);
  await page.getByLabel('パスワード').fill(login.password);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.getByRole('button', { name: 'ログインする' }).click()]);
  return page;
}

/** What has keyboard focus: tag, text or name, href, and whether a focus indicator is drawn. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const st = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.innerText || el.getAttribute('name') || '').trim().slice(0, 60),
      href: el.getAttribute('href'),
      ring: (st.outlineStyle !== 'none' && st.outlineWidth !== '0px') || st.boxShadow !== 'none',
    };
  });

const MARKDOWN_JA = '# 予約のしかた\n施設のウェブサイトか電話で予約します。**予約のときに**キャンペーンの利用を伝えてください。\n\n## 持ち物\n- 本人確認書類\n- 予約の控え\n\n1. 施設を探す\n2. 予約する\n\n詳しくは[参加施設の一覧](facilities)をご覧ください。';
const MARKDOWN_EN = '# Booking\nBook by the facility\'s website or by phone. **When you book**, say you use the campaign.\n\n## Bring\n- ID\n- Your booking reference\n\nSee the [list of participating facilities](facilities).';

async function open(session: BrowserSession, path: string, status: number): Promise<Page> {
  const page = await session.newPage();
  const res = await page.goto(server!.baseUrl + path);
  assert.equal(res?.status(), status, `status of ${path}`);
  return page;
}

describe('campaign website in Chromium', () => {
  before(async () => {
    // Generous: the first start compiles TypeScript and seeds the demo, slow on a busy machine.
    server = await startServer({ timeoutMs: 120_000 });
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

  test('200% zoom (640 CSS px at device scale 2): top and search pages reflow without horizontal scroll, pass axe, and the search works', async () => {
    const context = await desktop!.browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    try {
      for (const path of ['/demo-stay', '/en/demo-stay', `/demo-stay/facilities?q=${enc('秋保')}`, `/en/demo-stay/facilities?q=${enc('秋保')}`]) {
        const page = await context.newPage();
        try {
          const res = await page.goto(server!.baseUrl + path);
          assert.equal(res?.status(), 200, path);
          await expectNoHorizontalScroll(page, `${path} (200%)`);
          await expectNoAxeViolations(page, `${path} (200%)`);
          assert.ok(await page.locator('h1').isVisible(), `${path}: the heading is visible`);
        } finally {
          await page.close();
        }
      }
      const page = await context.newPage();
      try {
        await page.goto(server!.baseUrl + '/demo-stay/facilities');
        await page.getByLabel('キーワード').fill('ほてる');
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '検索する' }).click()]);
        assert.match(await page.locator('[role="status"]').innerText(), /件の施設が見つかりました/);
        await expectNoHorizontalScroll(page, 'search results (200%)');
      } finally {
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  test('a content page with Markdown published through the back office: axe in both languages, and by keyboard alone', async () => {
    // The operator writes the how-to page and asks for approval; the City approves.
    const opContext = await desktop!.browser.newContext();
    const cityContext = await desktop!.browser.newContext();
    try {
      const op = await signIn(opContext, 'operator');
      await op.goto(server!.baseUrl + '/admin/site/demo-stay/new?kind=page&key=howto');
      await op.getByLabel('タイトル（日本語）').fill('ご利用方法');
      await op.getByLabel('タイトル（英語）').fill('How to use');
      await op.getByLabel('本文（日本語）').fill(MARKDOWN_JA);
      await op.getByLabel('本文（英語）').fill(MARKDOWN_EN);
      await Promise.all([op.waitForURL(/\/admin\/site\/demo-stay\/contents\/\d+$/), op.getByRole('button', { name: '下書きを保存する' }).click()]);
      const contentUrl = op.url();
      await Promise.all([op.waitForNavigation(), op.getByRole('button', { name: '承認を依頼する' }).click()]);
      assert.match(await op.locator('main').innerText(), /承認待ち/);
      const city = await signIn(cityContext, 'city');
      await city.goto(contentUrl);
      await Promise.all([city.waitForNavigation(), city.getByRole('button', { name: '承認する' }).click()]);
      assert.match(await city.locator('main').innerText(), /公開中/);
    } finally {
      await opContext.close();
      await cityContext.close();
    }

    for (const [path, heading] of [
      ['/demo-stay/howto', '予約のしかた'],
      ['/en/demo-stay/howto', 'Booking'],
    ] as const) {
      for (const session of [desktop!, mobile!]) {
        const page = await open(session, path, 200);
        try {
          assert.equal(await page.locator('main h2').first().innerText(), heading);
          assert.equal(await page.locator('main [data-content-body] li').count(), path.startsWith('/en') ? 2 : 4);
          assert.equal(await page.locator('main [data-content-body] strong').count(), 1);
          if (session === mobile) await expectNoHorizontalScroll(page, `${path} (320 px)`);
          await expectNoAxeViolations(page, `${path} with published Markdown`);
        } finally {
          await page.close();
        }
      }
    }

    // Keyboard alone, without JavaScript: the skip link comes first, then every control in order,
    // each with a visible focus ring; the link in the published text opens the facility list.
    const page = await open(mobile!, '/demo-stay/howto', 200);
    try {
      await page.keyboard.press('Tab');
      const first = await focused(page);
      assert.equal(first?.text, '本文へ移動');
      assert.ok(first?.ring, 'the skip link shows focus');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'the skip link moves focus to the content');
      const seen: Array<NonNullable<Awaited<ReturnType<typeof focused>>>> = [];
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (!f) break;
        seen.push(f);
        if (f.href === 'facilities') break;
      }
      const link = seen.at(-1);
      assert.equal(link?.text, '参加施設の一覧', `reached the link in the content: ${JSON.stringify(seen)}`);
      for (const f of seen) assert.ok(f.ring, `focus is visible on ${f.tag} ${f.text}`);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.equal(new URL(page.url()).pathname, '/demo-stay/facilities');
    } finally {
      await page.close();
    }
  });
});
