import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { reportStay, reviewClaim } from '../commands/claim-lifecycle.js';
import { closeMonth } from '../commands/close-month.js';
import { reserveClaim } from '../commands/reserve-claim.js';
import { campaignWithFacilities } from '../test-fixtures.js';

describe('settlement back office', () => {
  let env: TestEnv;
  let op: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    const { program, facilities } = await campaignWithFacilities(env.deps, 'dash', 2);
    await runCommand(env.deps, systemActor('test'), async (ctx) => {
      for (const [i, f] of facilities.entries()) {
        const { claim } = await reserveClaim(ctx, program, f, { facilityId: f.id, bookingRef: `D${i}`, bookedOn: '2025-05-20', checkIn: '2025-06-02', nights: 2, guests: 2, totalPrice: 30000 });
        await reportStay(ctx, program, claim.id, { nights: 2, guests: 2, totalPrice: 30000 });
        await reviewClaim(ctx, program, claim.id, 'approve', '');
      }
      await closeMonth(ctx, program, '2025-06');
    });
    await makeUser(env.deps, 'op@dash.example', 'operator', program.id);
    op = new TestBrowser(env.deps);
    await op.login('op@dash.example', TEST_PASSWORD);
  });
  after(() => env.close());

  test('the dashboard shows the budget, a burn-down chart and its table alternative', async () => {
    const res = await op.get('/admin/settlement/dash');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /120,000,000円/);
    assert.match(html, /30,000円/, 'approved: two stays of 15,000 yen');
    assert.match(html, /<svg[^>]*role="img"[^>]*aria-label="予算残額の推移/);
    assert.match(html, /<caption[^>]*>日別の使用額と残額/);
    assert.match(html, /href="\/admin\/settlement\/dash\/monthly\/2025-06">2025-06 月次支払（2件、30,000円、締め済み）/);
    assert.match(html, /href="\/admin\/settlement\/dash\/monthly\/2025-06\/report\.xlsx"/);
  });

  test('月末締め from the dashboard: a month not yet ended and a bad month are refused beside the field; closing is audited and idempotent', async () => {
    env.clock.set('2025-08-05T01:00:00Z');
    const page = await (await op.get('/admin/settlement/dash')).text();
    assert.match(page, /<input[^>]*name="month"[^>]*value="2025-07"/, 'the month before today is offered');
    const early = await op.post('/admin/settlement/dash/close', { month: '2025-08' });
    assert.equal(early.status, 409);
    assert.match(await early.text(), /2025年08月はまだ終わっていないため締められません/);
    const bad = await op.post('/admin/settlement/dash/close', { month: '2025/07' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /YYYY-MM 形式/);
    const closed = await op.post('/admin/settlement/dash/close', { month: '2025-07' });
    assert.equal(closed.status, 303);
    assert.equal(closed.headers.get('location'), '/admin/settlement/dash/monthly/2025-07');
    assert.match(await (await op.get('/admin/settlement/dash/monthly/2025-07')).text(), /件数<\/dt>\s*<dd[^>]*>0件/);
    assert.equal((await op.post('/admin/settlement/dash/close', { month: '2025-06' })).status, 303, 'closing again changes nothing');
    const rows = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'settlement.month.closed'`);
    assert.equal(Number(rows[0]!.n), 2, 'June (fixture) and July; the second June close wrote nothing');
  });

  test('final and monthly reports open as xlsx with Japanese intact; exports are audited', async () => {
    const final = await op.get('/admin/settlement/dash/final-report.xlsx');
    assert.equal(final.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await final.arrayBuffer());
    const sheet = wb.getWorksheet('施設別')!;
    assert.equal(sheet.getRow(1).getCell(2).value, '施設名');
    assert.equal(sheet.getRow(2).getCell(2).value, 'テスト施設1');
    assert.equal(sheet.getRow(2).getCell(5).value, 15000);
    const monthly = await op.get('/admin/settlement/dash/monthly/2025-06/report.xlsx');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(await monthly.arrayBuffer());
    assert.equal(wb2.getWorksheet('2025-06')!.getRow(2).getCell(8).value, 15000, 'the amount, after 人数, 人泊 and 泊数');
    assert.equal((await op.get('/admin/settlement/dash/monthly/2025-13/report.xlsx')).status, 404);
    const rows = await queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where action like 'settlement.%exported' order by id`);
    assert.deepEqual(rows.map((r) => r.action), ['settlement.final_report.exported', 'settlement.monthly_report.exported']);
  });

  test('a statement PDF per business and month', async () => {
    const [f] = await queryRows<{ id: number }>(env.deps.db, sql`select id from facilities order by id limit 1`);
    const pdf = await op.get(`/admin/settlement/dash/monthly/2025-06/statements/${f!.id}`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    assert.equal((await op.get('/admin/settlement/dash/monthly/2025-06/statements/999999')).status, 404);
  });

  test('the month page lists each business with its statement as PDF and xlsx; the xlsx has the lines and a total; audited', async () => {
    const page = await op.get('/admin/settlement/dash/monthly/2025-06');
    assert.equal(page.status, 200);
    const html = await page.text();
    const [f] = await queryRows<{ id: number }>(env.deps.db, sql`select id from facilities order by id limit 1`);
    assert.match(html, new RegExp(`href="/admin/settlement/dash/monthly/2025-06/statements/${f!.id}/statement\\.xlsx"`));
    assert.match(html, /支払額の合計<\/dt>\s*<dd[^>]*>30,000円/);
    assert.equal((await op.get('/admin/settlement/dash/monthly/2025-05')).status, 404, 'a month not closed');
    const res = await op.get(`/admin/settlement/dash/monthly/2025-06/statements/${f!.id}/statement.xlsx`);
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('支払明細')!;
    assert.equal(sheet.getRow(1).getCell(3).value, '予約番号');
    assert.equal(sheet.getRow(2).getCell(3).value, 'D0');
    assert.equal(sheet.getRow(2).getCell(9).value, 15000);
    assert.equal(sheet.getRow(3).getCell(3).value, '合計');
    assert.equal(sheet.getRow(3).getCell(9).value, 15000);
    assert.equal((await op.get('/admin/settlement/dash/monthly/2025-06/statements/999999/statement.xlsx')).status, 404);
    const [n] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'settlement.statement.exported'`);
    assert.equal(Number(n!.n), 1);
  });
});
