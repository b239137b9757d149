import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createApp } from '../../app.js';
import { queryRows } from '../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { makeProgram, makeToken, makeUser, TEST_PASSWORD } from '../../../test/helpers/fixtures.js';

describe('phone-system hook (CTI) and the reports CLI', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;
  let token = '';
  before(async () => {
    env = await createTestEnv();
    env.clock.set('2026-06-02T01:00:00Z');
    const p = await makeProgram(env.deps, 'cti');
    await makeUser(env.deps, 'agent@cti.example', 'agent', p.id);
    await makeToken(env.deps, (await makeUser(env.deps, 'op@cti.example', 'operator', p.id)).id);
    app = createApp(env.deps);
  });
  after(() => env.close());

  const count = async (table: string) => Number((await queryRows<{ n: number }>(env.deps.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);
  const form = (t: string, fields: Record<string, string>) =>
    app.request(`/api/v1/cti/${t}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });

  test('calls cti-token prints the hook URL; rotating it kills the old token', async () => {
    const r1 = await cli(env.deps, ['calls', 'cti-token', '--program', 'cti']);
    assert.equal(r1.code, 0, r1.err);
    const old = /\/api\/v1\/cti\/([0-9a-f]+)/.exec(r1.out)![1]!;
    const r2 = await cli(env.deps, ['calls', 'cti-token', '--program', 'cti']);
    token = /\/api\/v1\/cti\/([0-9a-f]+)/.exec(r2.out)![1]!;
    assert.notEqual(old, token);
    assert.equal((await form(old, { event: 'newCall', from: '0221112222', to: '0220001234', direction: 'in', callId: 'x1' })).status, 404);
  });

  test('a wrong token answers 404 and writes nothing (no call, no audit entry)', async () => {
    const calls = await count('call_logs');
    const audits = await count('audit_log');
    for (const t of ['0'.repeat(48), 'not-a-token', token.slice(0, -1) + (token.endsWith('0') ? '1' : '0')]) {
      assert.equal((await form(t, { event: 'newCall', from: '0221112222', callId: 'w1' })).status, 404, t);
    }
    assert.equal(await count('call_logs'), calls);
    assert.equal(await count('audit_log'), audits);
  });

  test('newCall → answer → hangup gives one call with its duration; newCall → hangup one missed call', async () => {
    assert.equal((await form(token, { event: 'newCall', from: '+81 22-111-2222', to: '0220001234', direction: 'in', callId: 'c-1' })).status, 200);
    assert.equal((await form(token, { event: 'newCall', from: '+81 22-111-2222', to: '0220001234', direction: 'in', callId: 'c-1' })).status, 200); // repeated
    env.clock.advance(5_000);
    await app.request(`/api/v1/cti/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ event: 'answer', callId: 'c-1', direction: 'in' }) });
    env.clock.advance(125_000);
    await form(token, { event: 'hangup', call_id: 'c-1', direction: 'in', cause: 'normalClearing' });
    await form(token, { event: 'newCall', from: '0903333444', callId: 'c-2', direction: 'in' });
    env.clock.advance(20_000);
    await form(token, { event: 'hangup', callId: 'c-2', direction: 'in', cause: 'cancel' });
    await form(token, { event: 'newCall', from: '0903333444', callId: 'o-1', direction: 'out' });
    const rows = await queryRows<{ cti_call_id: string; duration_seconds: number | null; missed: boolean; answered_at: string | null; ended_at: string | null; caller_phone_sealed: string }>(
      env.deps.db,
      sql`select cti_call_id, duration_seconds, missed, answered_at::text, ended_at::text, caller_phone_sealed from call_logs order by id`,
    );
    assert.equal(rows.length, 2);
    assert.deepEqual([rows[0]!.cti_call_id, rows[0]!.duration_seconds, rows[0]!.missed], ['c-1', 125, false]);
    assert.ok(rows[0]!.answered_at && rows[0]!.ended_at, 'times kept');
    assert.ok(!rows[0]!.caller_phone_sealed.includes('2222'), 'number sealed');
    assert.deepEqual([rows[1]!.cti_call_id, rows[1]!.duration_seconds, rows[1]!.missed], ['c-2', null, true]);
    assert.equal((await form(token, { event: 'ring', callId: 'c-3' })).status, 422);
  });

  test('the agent completes the phone system\'s call on the desk; the tally counts it, and the missed one apart', async () => {
    const b = new TestBrowser(env.deps, app);
    await b.login('agent@cti.example', TEST_PASSWORD);
    await b.get('/admin/calls/cti');
    assert.ok(b.lastHtml.includes('No.1 を記録する') && b.lastHtml.includes('不在着信'), 'open CTI calls listed');
    const id = (await queryRows<{ id: number }>(env.deps.db, sql`select id from call_logs where cti_call_id = 'c-1'`))[0]!.id;
    await b.get(`/admin/calls/cti?call=${id}`);
    assert.ok(b.lastHtml.includes('value="125"'), 'duration prefilled');
    const res = await b.post('/admin/calls/cti/complete', { id: String(id), callerType: 'user', category: 'overview', durationSeconds: '125', _once: b.once() });
    assert.equal(res.status, 303, b.lastHtml.slice(0, 300));
    assert.equal((await b.post('/admin/calls/cti/complete', { id: String(id), callerType: 'user', category: 'overview', _once: 'another' })).status, 409);
    const opToken = await makeToken(env.deps, (await queryRows<{ id: number }>(env.deps.db, sql`select id from users where email = 'op@cti.example'`))[0]!.id);
    const d = (await (await apiRequest(app, 'GET', '/api/v1/programs/cti/calls/daily/2026-06-02', { token: opToken })).json()) as { total: number; simple: number; missed: number };
    assert.deepEqual([d.total, d.simple, d.missed], [1, 1, 1]);
  });

  test('calls daily / monthly write xlsx and PDF whose counts add up', async () => {
    const dir = fs.mkdtempSync(path.join(env.dataDir, 'out-'));
    const x = path.join(dir, 'd.xlsx');
    const r = await cli(env.deps, ['calls', 'daily', '--program', 'cti', '--date', '2026-06-02', '--out', x]);
    assert.equal(r.code, 0, r.err);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(x);
    const cross = wb.getWorksheet('区分・分類別')!;
    const totalRow = cross.getRow(5);
    assert.equal(totalRow.getCell(1).value, '合計');
    assert.equal(totalRow.getCell(7).value, 1);
    assert.equal(cross.getRow(2).getCell(2).value, 1); // 利用者 × 概要
    const m = path.join(dir, 'm.pdf');
    assert.equal((await cli(env.deps, ['calls', 'monthly', '--program', 'cti', '--month', '2026-06', '--out', m])).code, 0);
    assert.equal(fs.readFileSync(m).subarray(0, 4).toString(), '%PDF');
    const mx = path.join(dir, 'm.xlsx');
    assert.equal((await cli(env.deps, ['calls', 'monthly', '--program', 'cti', '--month', '2026-06', '--out', mx])).code, 0);
    const wm = new ExcelJS.Workbook();
    await wm.xlsx.readFile(mx);
    const days = wm.getWorksheet('日別')!;
    assert.equal(days.rowCount, 31);
    assert.equal((await cli(env.deps, ['calls', 'daily', '--program', 'cti', '--date', '2026-13-01', '--out', x])).code, 2);
  });
});
