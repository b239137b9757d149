/**
 * Privacy in Chromium on a freshly started demo server, without JavaScript at 320 px: the roster,
 * a pledge scan (誓約書) attached through the no-JS multipart form and listed, and the erasure page
 * with the backups section — axe-clean, no sideways scroll.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, makeTempDir, signIn, startServer, tearDown, type BrowserSession, type RunningServer } from './harness.js';

let server: RunningServer | undefined;
let mobile: BrowserSession | undefined;

describe('privacy pages in Chromium (no JavaScript, 320 px)', () => {
  before(async () => {
    server = await startServer({ timeoutMs: 300_000 });
    mobile = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  });
  after(() => tearDown(server, mobile));

  test('the operator attaches a signed pledge scan to a roster entry; the erasure page lists backups', async () => {
    const login = server!.demoLogins().find((x) => x.role === 'operator');
    assert.ok(login, 'demo operator');
    const page = await mobile!.newPage();
    await signIn(page, server!, login);
    await page.goto(server!.baseUrl + '/admin/privacy/demo-stay/staff');
    await expectNoAxeViolations(page, 'roster 320 px');
    await Promise.all([page.waitForURL(/\/admin\/privacy\/staff\/\d+\/pledge$/), page.getByRole('link', { name: /誓約書の写し（0件）/ }).first().click()]);
    await expectNoAxeViolations(page, 'pledge page 320 px');
    await expectNoHorizontalScroll(page, 'pledge page 320 px');
    // A file that is not a PDF/PNG/JPEG by content: the error summary, axe-clean.
    const dir = makeTempDir('jmk-pledge-');
    const bad = path.join(dir, 'pledge.pdf');
    fs.writeFileSync(bad, 'not a pdf');
    await page.setInputFiles('input[name="file"]', bad);
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '添付する', exact: true }).click()]);
    assert.ok((await page.locator('main').innerText()).includes('PDF、PNG または JPEG'), 'the refusal is explained');
    await expectNoAxeViolations(page, 'pledge page with an error');
    const good = path.join(dir, 'scan.pdf');
    fs.writeFileSync(good, '%PDF-1.4\n%%EOF\n');
    await page.setInputFiles('input[name="file"]', good);
    await Promise.all([page.waitForURL(/\/pledge$/), page.getByRole('button', { name: '添付する', exact: true }).click()]);
    const main = await page.locator('main').innerText();
    assert.ok(main.includes('ファイルを添付しました') && main.includes('保管中'), 'attached and listed');
    await expectNoAxeViolations(page, 'pledge page with a file');
    await expectNoHorizontalScroll(page, 'pledge page with a file');
    await page.goto(server!.baseUrl + '/admin/privacy/demo-stay/erasure');
    assert.ok((await page.locator('main').innerText()).includes('取得したバックアップ'), 'the backups section');
    await expectNoAxeViolations(page, 'erasure page 320 px');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
