import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { runCommand } from '../../platform/command.js';
import { systemActor } from '../../platform/audit/index.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { makeUser, TEST_PASSWORD } from '../../../test/helpers/fixtures.js';
import { TestBrowser } from '../../../test/helpers/http.js';
import { fileStoreFor } from '../deliverables/index.js';
import { eraseEntrants } from './commands/prizes.js';
import { makeSurvey } from './test-helpers.js';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function postScan(b: TestBrowser, path: string, fields: Record<string, string>, file?: { bytes: Buffer; type: string; name: string }) {
  const fd = new FormData();
  fd.set('_csrf', b.csrf());
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.set('scan', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return b.request(path, { method: 'POST', body: fd });
}

describe('surveys: a paper sheet\'s scan', () => {
  let env: TestEnv;
  let browser: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    browser = new TestBrowser(env.deps);
  });
  after(() => env.close());

  test('attached (content-sniffed, size-limited, stored encrypted), shown beside the entries with every view audited, and gone with the entrants\' erasure', async () => {
    const { program } = await makeSurvey(env.deps, browser.app, 'sv-scan');
    await makeUser(env.deps, 'op2-scan@example.jp', 'operator', program.id);
    const a = new TestBrowser(env.deps, browser.app);
    await a.login('op-sv-scan@example.jp', TEST_PASSWORD);
    const b = new TestBrowser(env.deps, browser.app);
    await b.login('op2-scan@example.jp', TEST_PASSWORD);
    await a.get('/admin/surveys/sv-scan/paper');
    assert.equal((await a.post('/admin/surveys/sv-scan/paper', { sheet: '', 'answers.sat': '4', 'answers.purpose': 'leisure' })).status, 303);
    await b.get('/admin/surveys/sv-scan/paper');
    assert.equal((await b.post('/admin/surveys/sv-scan/paper', { sheet: '1', 'answers.sat': '5', 'answers.purpose': 'leisure' })).status, 303);

    await a.get('/admin/surveys/sv-scan/paper');
    const wrong = await postScan(a, '/admin/surveys/sv-scan/paper/scan', { sheet: '1' }, { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), type: 'image/png', name: 'fake.png' });
    assert.equal(wrong.status, 422, 'the type comes from the content, not the name or the browser');
    assert.match(await wrong.text(), /PDF、PNG、JPEG のファイルを選んでください/);
    const big = await postScan(a, '/admin/surveys/sv-scan/paper/scan', { sheet: '1' }, { bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]), type: 'application/pdf', name: 'big.pdf' });
    assert.ok(big.status === 422 || big.status === 413, `too large is refused (${big.status})`);
    const none = await postScan(a, '/admin/surveys/sv-scan/paper/scan', { sheet: '9' }, { bytes: PNG, type: 'image/png', name: 's.png' });
    assert.equal(none.status, 404, 'no such sheet');

    assert.equal((await postScan(a, '/admin/surveys/sv-scan/paper/scan', { sheet: '1' }, { bytes: PNG, type: 'image/png', name: 's.png' })).status, 303);
    const [row] = await queryRows<{ scan: string; scan_type: string; scan_key_sealed: string }>(env.deps.db, sql`select scan, scan_type, scan_key_sealed from survey_paper_sheets where program_id = ${program.id} and number = 1`);
    assert.equal(row!.scan_type, 'png');
    const stored = fileStoreFor(env.deps.config);
    const raw: Buffer[] = [];
    for await (const chunk of await stored.read(row!.scan)) raw.push(chunk as Buffer);
    assert.ok(!Buffer.concat(raw).includes(PNG.subarray(0, 8)), 'the stored bytes are encrypted');

    // Beside the double entry: the settling page links the scan; the scan is served inline and audited.
    const page = await (await a.get('/admin/surveys/sv-scan/paper?sheet=1')).text();
    assert.match(page, /href="\/admin\/surveys\/sv-scan\/paper\/scan\?sheet=1"/);
    const shown = await a.get('/admin/surveys/sv-scan/paper/scan?sheet=1');
    assert.equal(shown.status, 200);
    assert.equal(shown.headers.get('content-type'), 'image/png');
    assert.equal(shown.headers.get('cache-control'), 'no-store');
    assert.deepEqual(Buffer.from(await shown.arrayBuffer()), PNG);
    const [viewed] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'surveys.paper.scan_viewed' and program_id = ${program.id}`);
    assert.equal(Number(viewed!.n), 1, 'the view is audited');
    assert.equal((await a.get('/admin/surveys/sv-scan/paper/scan?sheet=99')).status, 404);
    assert.equal((await a.get('/admin/surveys/sv-scan/paper/scan?sheet=abc')).status, 404);
    assert.equal((await browser.get('/admin/surveys/sv-scan/paper/scan?sheet=1')).status === 200, false, 'not without signing in');

    // The entrants' erasure takes the scans with it: the key in its transaction, then the bytes.
    await runCommand(env.deps, systemActor('test'), (ctx) => eraseEntrants(ctx, program.id));
    assert.equal((await a.get('/admin/surveys/sv-scan/paper/scan?sheet=1')).status, 404);
    await assert.rejects(stored.read(row!.scan), 'the file is gone');
  });
});
