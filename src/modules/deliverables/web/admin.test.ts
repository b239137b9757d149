import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { after, before, describe, it } from 'node:test';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram, makeUser } from '../../../../test/helpers/fixtures.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { samplePdf } from '../test-helpers.js';
import { deliverableVersions } from '../schema.js';
import { auditLog } from '../../../platform/audit/schema.js';

describe('deliverables back office', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let city: TestBrowser;
  let flyerPath = '';
  let programId = 0;

  before(async () => {
    env = await createTestEnv();
    const p = await makeProgram(env.deps, 'dl-admin', 'campaign');
    programId = p.id;
    await makeUser(env.deps, 'op@example.jp', 'operator', p.id);
    await makeUser(env.deps, 'city@example.jp', 'city', p.id);
    const browsers = await signedInBrowsers(env.deps, ['op@example.jp', 'city@example.jp']);
    op = browsers[0]!;
    city = browsers[1]!;
  });
  after(() => env.close());

  const upload = async (b: TestBrowser, path: string, bytes: Uint8Array, csrf = b.csrf(), once?: string) => {
    const form = new FormData();
    form.set('_csrf', csrf);
    if (once) form.set('_once', once);
    form.set('note', '');
    form.set('file', new Blob([new Uint8Array(bytes)]), 'flyer.pdf');
    return b.request(`${path}/versions`, { method: 'POST', body: form });
  };

  it('lists the register with its countdown and uploads through the streamed form (CSRF checked)', async () => {
    const list = await op.get('/admin/deliverables/dl-admin');
    assert.equal(list.status, 200);
    const html = await list.text();
    assert.ok(html.includes('チラシ（A4）') && html.includes('未設定'), 'register lists the flyer without a due date');
    flyerPath = /href="(\/admin\/deliverables\/items\/\d+)">チラシ（A4）/.exec(html)![1]!;
    await op.get(flyerPath);
    assert.equal((await upload(op, flyerPath, await samplePdf(2), 'wrong-token')).status, 403, 'a wrong CSRF token is refused');
    const res = await upload(op, flyerPath, await samplePdf(2));
    assert.equal(res.status, 303, await res.clone().text());
    const page = await (await op.get(flyerPath)).text();
    assert.ok(page.includes('第1版を登録しました'), 'flash after upload');
    const bad = await upload(op, flyerPath, new TextEncoder().encode('hello'));
    assert.equal(bad.status, 415);
    assert.ok((await bad.text()).includes('形式は受け付けていません'), 'the form shows why');
    await op.get(flyerPath);
    assert.equal((await op.post(`${flyerPath}/rounds`, { _once: op.once() })).status, 422, 'no version: the form says so (was 500)');
    await op.get(flyerPath);
    assert.equal((await op.post(`${flyerPath}/rounds`, { _once: op.once(), version: '1' })).status, 303);
  });

  it('the City pins a comment to a spot of page 1 and sees it on the page image; early approval is refused on the form', async () => {
    await city.get(flyerPath);
    const early = await city.post(`${flyerPath}/rounds/1/answer`, { _once: city.once(), decision: 'approve', comment: '', reason: '' });
    assert.equal(early.status, 409);
    assert.ok((await early.text()).includes('必要な校正回数に達していない'), 'rounds-required is explained');
    await city.get(flyerPath);
    const res = await city.post(`${flyerPath}/rounds/1/answer`, { _once: city.once(), decision: 'comments', comment: 'ロゴを右へ', page: '1', x: '50', y: '25', reason: '' });
    assert.equal(res.status, 303, await res.clone().text());
    const page = await (await city.get(flyerPath)).text();
    assert.ok(page.includes('ロゴを右へ') && page.includes('1ページ（50%, 25%）'), 'the comment and its spot are listed');
    assert.ok(page.includes(`src="${flyerPath}/rounds/1/pages/1"`), 'the page image with pins is shown beside');
    const svgRes = await city.get(`${flyerPath}/rounds/1/pages/1`);
    assert.equal(svgRes.status, 200);
    assert.match(svgRes.headers.get('content-type') ?? '', /image\/svg\+xml/);
    const svg = await svgRes.text();
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    const height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)![1]);
    const circle = /data-comment="1"><circle cx="(\d+)" cy="(\d+)"/.exec(svg);
    assert.ok(circle, 'a numbered pin is drawn');
    assert.equal(Number(circle![1]), Math.round(width * 0.5));
    assert.equal(Number(circle![2]), Math.round(height * 0.25));
    assert.ok(svg.includes('data:image/png;base64,iVBOR'), 'over the rendered page');
    const png = await city.get(`${flyerPath}/versions/1/pages/1`);
    assert.equal(png.headers.get('content-type'), 'image/png');
    assert.equal((await city.get(`${flyerPath}/versions/1/pages/9`)).status, 404, 'no such page');
    const file = await city.get(`${flyerPath}/versions/1/file`);
    assert.equal(file.status, 200);
    assert.equal(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString(), '%PDF-', 'the download is the clear file');
  });

  it('a double-clicked upload (the same one-time key twice, even at once) records one version and leaves one file', async () => {
    const id = Number(/(\d+)$/.exec(flyerPath)![1]);
    const countVersions = async () => (await env.deps.db.select().from(deliverableVersions).where(eq(deliverableVersions.deliverableId, id))).length;
    const files = () => fs.readdirSync(path.join(env.dataDir, 'deliverables', `p${programId}`)).length;
    const versionsBefore = await countVersions();
    const filesBefore = files();
    await op.get(flyerPath);
    const once = op.once();
    const pdf = await samplePdf(1);
    const [a, b] = await Promise.all([upload(op, flyerPath, pdf, op.csrf(), once), upload(op, flyerPath, pdf, op.csrf(), once)]);
    assert.deepEqual([a.status, b.status], [303, 303]);
    assert.equal(a.headers.get('location'), flyerPath);
    assert.equal(b.headers.get('location'), flyerPath, 'the replay goes where the first went');
    const again = await upload(op, flyerPath, pdf, op.csrf(), once);
    assert.equal(again.status, 303);
    assert.equal(await countVersions(), versionsBefore + 1, 'one version for one key');
    assert.equal(files(), filesBefore + 1, 'the replays left no file in the store');
    assert.ok((await (await op.get(flyerPath)).text()).includes('すでに受け付けています'), 'the replay is told');
  });

  it('the compare page asks for as many page images as each version has, and each page-image view is audited', async () => {
    // Version 1 has two pages, version 2 (the double-click test) one.
    const html = await (await op.get(`${flyerPath}/compare?a=1&b=2`)).text();
    assert.equal(html.match(/\/versions\/1\/pages\/\d+"/g)?.length, 2, 'two images for the two-page version');
    assert.equal(html.match(/\/versions\/2\/pages\/\d+"/g)?.length, 1, 'one image for the one-page version');
    assert.ok(html.includes('全2ページ') && html.includes('全1ページ'), 'the page counts are shown');
    const views = async () => (await env.deps.db.select().from(auditLog).where(eq(auditLog.action, 'deliverables.version.page_viewed')).orderBy(asc(auditLog.id))).map((r) => r.diff as { version: number; page: number });
    const before = (await views()).length;
    assert.equal((await op.get(`${flyerPath}/versions/1/pages/2`)).status, 200);
    assert.equal((await op.get(`${flyerPath}/rounds/1/pages/1`)).status, 200);
    assert.equal((await op.get(`${flyerPath}/versions/2/pages/2`)).status, 404, 'beyond the last page');
    const after = await views();
    assert.equal(after.length, before + 2, 'one audit entry per image shown, none for a missing page');
    assert.deepEqual(after.slice(-2).map((d) => [d.version, d.page]), [[1, 2], [1, 1]]);
  });
});
