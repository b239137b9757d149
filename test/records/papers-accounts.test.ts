import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createApp } from '../../src/app.js';
import { queryRows } from '../../src/db/client.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeProgram, makeToken, makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../helpers/http.js';
import { auditActions } from './papers-helpers.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('records papers: the program accounts', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;
  let op: string;
  let city: string;
  let b: TestBrowser;

  before(async () => {
    env = await createTestEnv();
    app = createApp(env.deps);
    const p = await makeProgram(env.deps, 'ac-event', 'event');
    op = await makeToken(env.deps, (await makeUser(env.deps, 'ac-op@example.jp', 'operator', p.id)).id);
    city = await makeToken(env.deps, (await makeUser(env.deps, 'ac-city@example.jp', 'city', p.id)).id);
    b = new TestBrowser(env.deps, app);
    await b.login('ac-op@example.jp', TEST_PASSWORD);
  });
  after(() => env.close());

  it("a lecturer's honorarium of 100,000 yen: withholding 10,210 and net 89,790 (API), payee sealed", async () => {
    const res = await apiRequest(app, 'POST', '/api/v1/programs/ac-event/honoraria', { token: op, body: { payee: '講師山田', role: 'lecturer', gross: 100000 } });
    assert.equal(res.status, 201, await res.clone().text());
    const body = (await res.json()) as { id: number; gross: number; withholding: number; net: number };
    assert.deepEqual({ gross: body.gross, withholding: body.withholding, net: body.net }, { gross: 100000, withholding: 10210, net: 89790 });
    assert.ok(Number.isInteger(body.id), 'an id');
    const [row] = await queryRows<{ payee_sealed: string }>(env.deps.db, sql`select payee_sealed from records_honoraria where id = ${body.id}`);
    assert.ok(!row!.payee_sealed.includes('山田'), 'the payee is sealed');
  });

  it('bad input is a 422 problem naming the field; the City may not record', async () => {
    for (const bad of [{ payee: '', role: 'lecturer', gross: 1000 }, { payee: 'x', role: 'dj', gross: 1000 }, { payee: 'x', role: 'mc', gross: -5 }, { payee: 'x', role: 'mc', gross: 1.5 }, { payee: 'x', role: 'mc', gross: '10万' }, {}]) {
      const res = await apiRequest(app, 'POST', '/api/v1/programs/ac-event/honoraria', { token: op, body: bad });
      assert.equal(res.status, 422, JSON.stringify(bad));
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    }
    const notJson = await app.request('/api/v1/programs/ac-event/honoraria', { method: 'POST', headers: { authorization: `Bearer ${op}`, 'content-type': 'application/json' }, body: '{' });
    assert.equal(notJson.status, 400);
    assert.equal((await apiRequest(app, 'POST', '/api/v1/programs/ac-event/honoraria', { token: city, body: { payee: 'x', role: 'mc', gross: 1 } })).status, 403);
  });

  it('the seed lines are preset once; honoraria book on their line; budget vs actual per line', async () => {
    await b.get('/admin/records/ac-event/accounts');
    assert.ok(b.lastHtml.includes('仕様書の固定費目を設定'), 'the preset is offered to an event');
    assert.equal((await b.post('/admin/records/ac-event/accounts/preset', { _once: b.once() })).status, 303);
    const again = await b.post('/admin/records/ac-event/accounts/preset', {});
    assert.equal(again.status, 409, 'once only');
    const res = await apiRequest(app, 'POST', '/api/v1/programs/ac-event/honoraria', { token: op, body: { payee: '講師佐藤', role: 'lecturer', gross: 60000, paidOn: '2026-11-20' } });
    assert.equal(res.status, 201);
    const lines = await queryRows<{ name: string; budget: number; actual: string }>(
      env.deps.db,
      sql`select l.name, l.budget, coalesce((select sum(h.gross) from records_honoraria h where h.budget_line_id = l.id), 0) as actual from records_budget_lines l order by l.id`,
    );
    assert.deepEqual(lines.map((l) => [l.name, l.budget]), [['会場・設備使用料', 70000], ['講師の旅費・謝礼金', 100000], ['活動事例発表団体への謝礼', 30000], ['司会・ファシリテーターへの謝礼', 0]]);
    assert.equal(Number(lines[1]!.actual), 60000, 'the lecturer line carries the honorarium');
    const page = await (await b.get('/admin/records/ac-event/accounts')).text();
    assert.ok(page.includes('講師佐藤') && page.includes('6,126円') && page.includes('53,874円'), 'the page shows payee, withholding and net');
    assert.ok(page.includes('40,000円'), 'the lecturer line has 40,000 yen left');
    assert.ok((await auditActions(env.deps, 'records.accounts.viewed')).length >= 1, 'viewing payees is audited');
  });

  it('an expense with its receipt scan: sealed, shown back to staff (audited), budget vs actual; a wrong file type is refused', async () => {
    await b.get('/admin/records/ac-event/accounts');
    const [venue] = await queryRows<{ id: number }>(env.deps.db, sql`select id from records_budget_lines where name = '会場・設備使用料'`);
    const form = (file: Buffer, once: string) => {
      const f = new FormData();
      for (const [k, v] of Object.entries({ _csrf: b.csrf(), _once: once, budgetLineId: String(venue!.id), spentOn: '2026-11-15', payee: '会場運営株式会社', item: '会場使用料', amount: '70000' })) f.set(k, v);
      f.set('receipt', new Blob([new Uint8Array(file)]), 'receipt.png');
      return f;
    };
    const wrong = await b.request('/admin/records/ac-event/accounts/expenses', { method: 'POST', body: form(Buffer.from('hello'), b.once()) });
    assert.equal(wrong.status, 422);
    assert.ok((await wrong.text()).includes('PDF、JPEG または PNG'), 'the reason is shown');
    await b.get('/admin/records/ac-event/accounts');
    const ok = await b.request('/admin/records/ac-event/accounts/expenses', { method: 'POST', body: form(PNG, b.once()) });
    assert.equal(ok.status, 303);
    const [e] = await queryRows<{ id: number; payee_sealed: string; receipt_sealed: string }>(env.deps.db, sql`select id, payee_sealed, receipt_sealed from records_expenses`);
    assert.ok(!e!.payee_sealed.includes('会場運営') && !e!.receipt_sealed.includes(PNG.toString('base64')), 'payee and scan are sealed');
    const receipt = await b.request(`/admin/records/ac-event/accounts/receipt?expense=${e!.id}`);
    assert.equal(receipt.status, 200);
    assert.deepEqual(Buffer.from(await receipt.arrayBuffer()), PNG);
    assert.equal((await auditActions(env.deps, 'records.accounts.receipt_viewed')).length, 1);
    assert.equal((await b.request('/admin/records/ac-event/accounts/receipt?expense=999999')).status, 404);
    const page = await (await b.get('/admin/records/ac-event/accounts')).text();
    assert.ok(page.includes('会場運営株式会社') && page.includes('70,000円'), 'the expense is listed');
  });

  it('the accountant workbook has budget, expenses and honoraria sheets (export audited)', async () => {
    const res = await b.request('/admin/records/ac-event/accounts.xlsx');
    assert.equal(res.status, 200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['予算と実績', '支出', '謝礼金']);
    const hon = wb.getWorksheet('謝礼金')!;
    const values = hon.getRow(2).values as unknown[];
    assert.ok(values.includes(10210) && values.includes(89790), `first honorarium row: ${JSON.stringify(values)}`);
    assert.equal((await auditActions(env.deps, 'records.accounts.exported')).length, 1);
  });
});
