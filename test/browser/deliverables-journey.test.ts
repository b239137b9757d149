/**
 * Deliverables and proofs in Chromium (issue #17), on a freshly started server with the demo: the
 * operator uploads the flyer and sends it to the City; the City comments with a comment pinned
 * to a spot of page 1 (shown on the page image); the operator uploads the second version and
 * sends round 2; the City approves (校了); the operator records the delivery. axe on every page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { samplePdf } from '../../src/modules/deliverables/test-helpers.js';
import { expectNoAxeViolations, launchBrowser, signIn, startServer, tearDown, type BrowserSession, type RunningServer } from './harness.js';

const SLUG = 'demo-koryukai';

let server: RunningServer | undefined;
let operator: BrowserSession | undefined;
let city: BrowserSession | undefined;

describe('deliverables journey in Chromium', () => {
  before(async () => {
    server = await startServer({ timeoutMs: 240_000 });
    operator = await launchBrowser();
    city = await launchBrowser();
  });
  after(async () => {
    await tearDown(server, operator, city);
  });

  test('operator uploads, City comments and approves, operator delivers', async () => {
    const op = await operator!.newPage();
    await signIn(op, server!, server!.demoLogins().find((l) => l.role === 'operator')!);
    await op.goto(`${server!.baseUrl}/admin/deliverables/${SLUG}`);
    await expectNoAxeViolations(op, 'register');
    assert.ok((await op.locator('table').innerText()).includes('開催報告書'), 'the event register lists the seed-000 items');
    await op.getByRole('link', { name: 'チラシ' }).click();
    await expectNoAxeViolations(op, 'deliverable page');
    const upload = async (name: string, label: string) => {
      await op.locator('#file').setInputFiles({ name, mimeType: 'application/pdf', buffer: await samplePdf(2, label) });
      await op.getByRole('button', { name: '登録する' }).click();
      await op.waitForLoadState();
    };
    await upload('flyer-1.pdf', '初稿');
    assert.ok((await op.locator('body').innerText()).includes('第1版を登録しました'), 'version 1 uploaded');
    await op.getByRole('button', { name: '校正 第1回として送る' }).click();
    assert.ok((await op.locator('body').innerText()).includes('校正 第1回を市へ送りました'), 'round 1 sent');

    const ct = await city!.newPage();
    await signIn(ct, server!, server!.demoLogins().find((l) => l.role === 'city')!);
    await ct.goto(`${server!.baseUrl}/admin/deliverables/${SLUG}`);
    await ct.getByRole('link', { name: 'チラシ' }).click();
    await expectNoAxeViolations(ct, 'City answer form');
    await ct.locator('#comment').fill('見出しを大きく');
    await ct.locator('#page').fill('1');
    await ct.locator('#x').fill('50');
    await ct.locator('#y').fill('20');
    await ct.getByRole('button', { name: '回答する' }).click();
    assert.ok((await ct.locator('body').innerText()).includes('回答を記録しました'), 'comments recorded');
    const pinned = ct.locator('img[src$="/rounds/1/pages/1"]');
    await pinned.waitFor({ state: 'attached', timeout: 30_000 });
    assert.equal(await pinned.getAttribute('alt'), '第1回 1ページの画像（指摘の位置に番号）');
    await ct.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img[src$="/rounds/1/pages/1"]');
      return !!img && img.complete && img.naturalWidth > 0;
    }, undefined, { timeout: 60_000 });
    await expectNoAxeViolations(ct, 'deliverable with comments');

    await op.reload();
    await upload('flyer-2.pdf', '第二稿');
    await op.getByRole('button', { name: '校正 第2回として送る' }).click();
    await ct.reload();
    await ct.getByRole('radio', { name: '校了とする' }).check();
    await ct.getByRole('button', { name: '回答する' }).click();
    assert.ok((await ct.locator('body').innerText()).includes('校了'), 'approved');

    await op.reload();
    await op.locator('#form').fill('印刷物・PDF');
    await op.locator('#quantity').fill('3000');
    await op.getByRole('button', { name: '納品を記録する' }).click();
    assert.ok((await op.locator('body').innerText()).includes('納品を記録しました'), 'delivered');
    await expectNoAxeViolations(op, 'delivered deliverable');
  });
});
