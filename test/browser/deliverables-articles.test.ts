/**
 * Interview articles in Chromium (issue #17 item 5), on a freshly started demo server: the operator
 * adds a heard group, writes the article (the count follows the typing), adds a photo with its alt
 * text and caption; the article's own deliverable goes to the City, who approves it; the operator
 * publishes it, and the public article page is read at 320 px without JavaScript, in Japanese and
 * English. axe on every page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TINY_PNG } from '../../src/modules/deliverables/test-helpers.js';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, signIn, startServer, tearDown, type BrowserSession, type RunningServer } from './harness.js';

const SLUG = 'demo-koryukai';

let server: RunningServer | undefined;
let operator: BrowserSession | undefined;
let city: BrowserSession | undefined;
let reader: BrowserSession | undefined;

describe('interview articles in Chromium', () => {
  before(async () => {
    server = await startServer({ timeoutMs: 240_000 });
    operator = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    city = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    reader = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  });
  after(async () => {
    await tearDown(server, operator, city, reader);
  });

  test('write with a live count, add a photo, proof, publish; the public page at 320 px without JavaScript', async () => {
    const op = await operator!.newPage();
    await signIn(op, server!, server!.demoLogins().find((l) => l.role === 'operator')!);
    await op.goto(`${server!.baseUrl}/admin/deliverables/${SLUG}/hearings/new`);
    await op.locator('#groupName').fill('泉ヶ丘自治会');
    await op.getByRole('button', { name: '保存する' }).click();
    await op.getByRole('row', { name: /泉ヶ丘自治会/ }).getByRole('link', { name: '記事' }).click();
    await expectNoAxeViolations(op, 'article editor');

    const count = op.locator('[data-char-count="body"]');
    await op.locator('#body').fill('集会所を毎週開けています。');
    assert.match(await count.innerText(), /^本文 13 字.*目安の範囲外です$/, 'the count follows the typing');
    await op.locator('#body').fill('あ'.repeat(1500));
    assert.doesNotMatch(await count.innerText(), /範囲外/, 'no warning at 1,500');
    assert.match(await count.innerText(), /本文 1500 字/);
    await op.locator('#title').fill('集会所を開く');
    await op.locator('#speakerTitle').fill('会長');
    await op.getByRole('button', { name: '保存して記事の新しい版にする' }).click();
    assert.ok((await op.locator('body').innerText()).includes('第1版として登録しました'), 'saved');

    await op.locator('#file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: TINY_PNG });
    await op.locator('#alt').fill('集会所の前に並ぶ会員');
    await op.locator('#caption').fill('集会所の入口にて');
    await op.getByRole('button', { name: '写真を追加する' }).click();
    assert.ok((await op.locator('body').innerText()).includes('写真を追加しました'), 'photo added');
    await op.getByRole('button', { name: '保存して記事の新しい版にする' }).click();
    assert.ok((await op.locator('body').innerText()).includes('第2版として登録しました'), 'saved with the photo');
    await expectNoAxeViolations(op, 'article editor with a photo');

    const articleUrl = op.url();
    await op.getByRole('link', { name: /この記事の校正/ }).click();
    const itemUrl = op.url();
    await op.getByRole('button', { name: '校正 第1回として送る' }).click();
    assert.ok((await op.locator('body').innerText()).includes('校正 第1回を市へ送りました'), 'round 1 sent');

    const ct = await city!.newPage();
    await signIn(ct, server!, server!.demoLogins().find((l) => l.role === 'city')!);
    await ct.goto(itemUrl);
    await ct.getByRole('radio', { name: '校了とする' }).check();
    await ct.locator('#reason').fill('内容を確認済み（試験）');
    await ct.getByRole('button', { name: '回答する' }).click();
    assert.ok((await ct.locator('body').innerText()).includes('校了'), 'approved');

    await op.goto(articleUrl);
    await op.getByRole('button', { name: '公開ページに掲載する' }).click();
    assert.ok((await op.locator('body').innerText()).includes('公開ページに掲載しました'), 'published');
    const publicPath = await op.locator(`a[href^="/${SLUG}/articles/"]`).first().getAttribute('href');
    assert.ok(publicPath, 'the public address is shown');

    const page = await reader!.newPage();
    for (const prefix of ['', '/en']) {
      await page.goto(`${server!.baseUrl}${prefix}${publicPath}`);
      assert.equal(await page.locator('h1').innerText(), '集会所を開く');
      const img = page.locator('figure img');
      assert.equal(await img.getAttribute('alt'), '集会所の前に並ぶ会員');
      assert.equal(await page.locator('figcaption').innerText(), '集会所の入口にて');
      await expectNoAxeViolations(page, `public article ${prefix || '/'}`);
      await expectNoHorizontalScroll(page, `public article ${prefix || '/'} at 320 px`);
    }
    await page.goto(`${server!.baseUrl}/en/${SLUG}/articles`);
    assert.ok((await page.locator('h1').innerText()).includes('Interview articles'), 'the English list');
    await expectNoAxeViolations(page, 'public article list (en)');
  });
});
