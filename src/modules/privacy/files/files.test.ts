import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { systemActor } from '../../../platform/audit/index.js';
import { createUser } from '../../../platform/auth/users.js';
import { runCommand } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram, makeToken, makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { apiRequest, signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { attachFile } from './commands.js';
import { FILE_MAX_BYTES, storeRoot } from './store.js';

const SCAN = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('誓約書 署名 秘密太郎\n'), Buffer.from('%%EOF\n')]);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Posts the files form of the last page (multipart, with its CSRF token and one-time key). */
async function upload(b: TestBrowser, action: string, file: { bytes: Buffer; name: string; type: string } | null, once = b.once()) {
  const fd = new FormData();
  fd.set('_csrf', b.csrf());
  fd.set('_once', once);
  if (file) fd.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const res = await b.request(action, { method: 'POST', body: fd });
  if ((res.headers.get('content-type') ?? '').includes('text/html')) b.lastHtml = await res.clone().text();
  return res;
}

describe('privacy: pledge scans and handover files, encrypted, audited, removed with the data', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let city: TestBrowser;
  let gone: TestBrowser;
  let opEntry: number;
  let programId: number;
  let opToken: string;
  let goneToken: string;
  let agentToken: string;
  let cityToken: string;
  before(async () => {
    env = await createTestEnv();
    const p = await makeProgram(env.deps, 'scan');
    programId = p.id;
    await makeProgram(env.deps, 'scan-other');
    const opUser = await makeUser(env.deps, 'op@scan.example', 'operator', p.id);
    const cityUser = await makeUser(env.deps, 'city@scan.example', 'city', p.id);
    const agent = await makeUser(env.deps, 'agent@scan.example', 'agent', p.id);
    // Not through the fixture: a member of staff never put on the roster.
    const { user: goneUser } = await runCommand(env.deps, systemActor('test'), (ctx) => createUser(ctx, { email: 'gone@scan.example', role: 'operator', programId: p.id, password: TEST_PASSWORD }));
    [op, city, gone] = (await signedInBrowsers(env.deps, ['op@scan.example', 'city@scan.example', 'gone@scan.example'])) as [TestBrowser, TestBrowser, TestBrowser];
    opEntry = (await queryRows<{ id: number }>(env.deps.db, sql`select id from privacy_staff where user_id = ${opUser.id} and status = 'approved'`))[0]!.id;
    opToken = await makeToken(env.deps, opUser.id);
    goneToken = await makeToken(env.deps, goneUser.id);
    agentToken = await makeToken(env.deps, agent.id);
    cityToken = await makeToken(env.deps, cityUser.id);
  });
  after(() => env.close());

  const files = async () => queryRows<{ id: number; storage_key: string; removed_at: Date | null; sealed_key: string | null; owner: string }>(env.deps.db, sql`select id, storage_key, removed_at, sealed_key, owner from privacy_files order by id`);
  const audits = async (action: string) => (await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = ${action}`))[0]!.n;

  test('a pledge scan: refused unless PDF/PNG/JPEG by content, stored encrypted once per form, downloaded with an audit entry; 403 off the roster', async () => {
    const page = `/admin/privacy/staff/${opEntry}/pledge`;
    assert.equal((await op.get('/admin/privacy/scan/staff')).status, 200);
    assert.ok(op.lastHtml.includes(`href="${page}"`) && op.lastHtml.includes('誓約書の写し（0件）'), 'the roster links each entry to its pledge scans');
    assert.equal((await op.get(page)).status, 200);
    assert.ok(op.lastHtml.includes('enctype="multipart/form-data"') && op.lastHtml.includes('type="file"'), 'an upload form without JS');
    let res = await upload(op, page, { bytes: Buffer.from('誓約書です（テキスト）'), name: 'pledge.pdf', type: 'application/pdf' });
    assert.equal(res.status, 422, 'the name and declared type do not make a PDF');
    assert.match(op.lastHtml, /PDF、PNG または JPEG/);
    res = await upload(op, page, null);
    assert.equal(res.status, 422);
    assert.match(op.lastHtml, /ファイルを選んでください/);
    await op.get(page);
    const once = op.once();
    res = await upload(op, page, { bytes: SCAN, name: 'scan.pdf', type: 'application/pdf' }, once);
    assert.equal(res.status, 303);
    const replay = await upload(op, page, { bytes: SCAN, name: 'scan.pdf', type: 'application/pdf' }, once);
    assert.equal(replay.status, 303, 'a replayed form goes where the first went');
    let rows = await files();
    assert.equal(rows.length, 1, 'one file for one form');
    const onDisk = fs.readFileSync(path.join(storeRoot(env.deps.config.dataDir), rows[0]!.storage_key));
    assert.ok(!onDisk.includes(Buffer.from('秘密太郎')) && !onDisk.includes(Buffer.from('%PDF')), 'the file on disk is encrypted');
    assert.ok(rows[0]!.sealed_key!.startsWith('v1:'), 'its key is sealed under the program key');
    await assert.rejects(
      runCommand(env.deps, systemActor('test'), (ctx) => attachFile(ctx, 'staff', opEntry, Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(FILE_MAX_BYTES)]))),
      (e: unknown) => e instanceof AppError && e.code === 'validation-failed' && /8MB/.test(e.message),
    );
    assert.equal((await files()).length, 1, 'nothing stored for a refused file');

    const before = await audits('privacy.file.viewed');
    await city.get(page);
    assert.ok(city.lastHtml.includes('ダウンロード') && !city.lastHtml.includes('type="file"'), 'the City sees and downloads, does not upload');
    const dl = await city.get(`${page}/download?f=${rows[0]!.id}`);
    assert.equal(dl.status, 200);
    assert.equal(dl.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(Buffer.from(await dl.arrayBuffer()), SCAN);
    assert.equal(await audits('privacy.file.viewed'), before + 1, 'each view audited');
    assert.equal((await city.get(`${page}/download?f=999999`)).status, 404);
    assert.equal((await city.get(`${page}/download?f=abc`)).status, 404);
    assert.deepEqual(Buffer.from(await (await city.get(`${page}/download`)).arrayBuffer()), SCAN, 'without f: the latest file held');
    const refused = await gone.get(`${page}/download?f=${rows[0]!.id}`);
    assert.equal(refused.status, 403, 'staff not approved on the roster do not see the scan');
    assert.equal(await audits('privacy.file.viewed'), before + 2, 'a refused view is no view');

    // PNG is accepted too; the roster counts the scans.
    await op.get(page);
    assert.equal((await upload(op, page, { bytes: PNG, name: 'scan.png', type: 'image/png' })).status, 303);
    await op.get('/admin/privacy/scan/staff');
    assert.ok(op.lastHtml.includes('誓約書の写し（2件）'), 'the roster counts held scans');
    rows = await files();
    assert.deepEqual(rows.map((r) => r.owner), ['staff', 'staff']);
  });

  test('GET /api/v1/programs/{slug}/staff: the roster with e-mail addresses, audited; 403 off the roster or for an agent; 404 elsewhere', async () => {
    const before = await audits('privacy.roster.viewed');
    const res = await apiRequest(op.app, 'GET', '/api/v1/programs/scan/staff', { token: opToken });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { entries: Array<{ id: number; kind: string; status: string; email: string; duties: string; pledgeScans: number; trainedOn: string | null; pledgedOn: string | null }> };
    const mine = body.entries.find((e) => e.id === opEntry)!;
    assert.equal(mine.email, 'op@scan.example');
    assert.equal(mine.status, 'approved');
    assert.equal(mine.pledgeScans, 2);
    assert.ok('trainedOn' in mine && 'pledgedOn' in mine && typeof mine.duties === 'string' && typeof mine.kind === 'string', 'the fields the issue names');
    assert.equal(await audits('privacy.roster.viewed'), before + 1);
    assert.equal((await apiRequest(op.app, 'GET', '/api/v1/programs/scan/staff', { token: cityToken })).status, 200);
    const off = await apiRequest(op.app, 'GET', '/api/v1/programs/scan/staff', { token: goneToken });
    assert.equal(off.status, 403);
    assert.equal(((await off.json()) as { code?: string; type?: string }).type?.endsWith('not-on-staff-roster') ?? false, true);
    assert.equal((await apiRequest(op.app, 'GET', '/api/v1/programs/scan/staff', { token: agentToken })).status, 403);
    assert.equal((await apiRequest(op.app, 'GET', '/api/v1/programs/scan-other/staff', { token: opToken })).status, 404);
    assert.equal((await apiRequest(op.app, 'GET', '/api/v1/programs/scan/staff')).status, 401);
  });

  test('POST /api/v1/staff/{id}/pledge: a multipart scan → 201; not multipart 415, not a scan 422, the City 403', async () => {
    const post = (token: string, body: FormData | string, headers: Record<string, string> = {}) =>
      op.app.request(`/api/v1/staff/${opEntry}/pledge`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body });
    const form = (bytes: Buffer) => {
      const fd = new FormData();
      fd.set('file', new Blob([new Uint8Array(bytes)]), 'scan.jpg');
      return fd;
    };
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
    const res = await post(opToken, form(jpeg));
    assert.equal(res.status, 201, await res.clone().text());
    const body = (await res.json()) as { id: number; type: string; size: number; sha256: string };
    assert.deepEqual([body.type, body.size], ['jpeg', jpeg.length]);
    assert.equal((await post(opToken, JSON.stringify({ file: 'x' }), { 'content-type': 'application/json' })).status, 415);
    const bad = await post(opToken, form(Buffer.from('hello')));
    assert.equal(bad.status, 422);
    assert.match(((await bad.json()) as { detail?: string }).detail ?? '', /PDF、PNG または JPEG/);
    assert.equal((await post(cityToken, form(jpeg))).status, 403);
    assert.equal((await files()).filter((f) => f.owner === 'staff').length, 3, 'one more scan, none for the refused ones');
  });

  test('handover files: attached, erased with the received data (files removed, record kept), none after', async () => {
    await op.get('/admin/privacy/scan/handovers');
    assert.equal(
      (await op.post('/admin/privacy/scan/handovers', { direction: 'from-city', plannedOn: '2026-06-05', place: '市役所', people: '事務局 佐藤、市 鈴木', content: '町内会長名簿', quantity: 'PDF 1件', useUntil: '2026-06-10' })).status,
      303,
    );
    const id = (await queryRows<{ id: number }>(env.deps.db, sql`select id from privacy_handovers where program_id = ${programId}`))[0]!.id;
    const page = `/admin/privacy/handovers/${id}/files`;
    await op.get('/admin/privacy/scan/handovers');
    assert.ok(op.lastHtml.includes(`href="${page}"`), 'the list links to the files');
    await op.get(page);
    assert.equal((await upload(op, page, { bytes: SCAN, name: '町内会長名簿.pdf', type: 'application/pdf' })).status, 303);
    const file = (await files()).find((f) => f.owner === 'handover')!;
    const stored = path.join(storeRoot(env.deps.config.dataDir), file.storage_key);
    assert.ok(fs.existsSync(stored), 'stored');
    assert.equal((await city.get(`${page}/download?f=${file.id}`)).status, 200);
    for (const b of [op, city]) {
      await b.get('/admin/privacy/scan/handovers');
      assert.equal((await b.post(`/admin/privacy/handovers/${id}/confirm`, {})).status, 303);
    }
    await op.get('/admin/privacy/scan/handovers');
    assert.equal((await op.post(`/admin/privacy/handovers/${id}/erase`, {})).status, 303);
    assert.ok(!fs.existsSync(stored), 'the file is removed with the received data');
    const after = (await files()).find((f) => f.id === file.id)!;
    assert.ok(after.removed_at && after.sealed_key === null, 'the row is kept, without its key');
    assert.equal((await city.get(`${page}/download?f=${file.id}`)).status, 410);
    await op.get(page);
    assert.match(op.lastHtml, /削除済み/);
    assert.ok(!op.lastHtml.includes('type="file"'), 'no upload after the data was erased');
    await op.get('/admin/privacy/scan/handovers');
    await op.get(page);
    const res = await upload(op, page, { bytes: SCAN, name: 'again.pdf', type: 'application/pdf' }, 'x'.repeat(22));
    assert.equal(res.status, 409, 'nothing attached to erased data');
  });
});
