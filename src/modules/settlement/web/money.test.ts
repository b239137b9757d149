import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../../db/client.js';
import { createApp } from '../../../app.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { programScope } from '../../../platform/vault/index.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { cli } from '../../../../test/helpers/cli.js';
import { apiRequest, TestBrowser } from '../../../../test/helpers/http.js';
import { makeToken, makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { setAllocation } from '../commands/budget.js';
import { reportStay, reviewClaim } from '../commands/claim-lifecycle.js';
import { reserveClaim } from '../commands/reserve-claim.js';
import { grantFacilityAccess } from '../facility-access.js';
import { bookingInput, campaignWithFacilities } from '../test-fixtures.js';

/**
 * A business sees its money (issue 14 item 2): per facility allocation, reserved, approved, paid
 * and remaining on the portal and through the API; its own statements once a month is closed;
 * mails when a month's statement is ready and when it is paid.
 */
describe('a business sees its money: portal page, statements, API, mails', () => {
  let env: TestEnv;
  let fx: Awaited<ReturnType<typeof campaignWithFacilities>>;
  let otherProgram: Awaited<ReturnType<typeof campaignWithFacilities>>;
  let mine: number;
  let theirs: number;
  let biz: TestBrowser;
  let bizB: TestBrowser;
  const tokens: Record<string, string> = {};
  const app = () => createApp(env.deps);
  before(async () => {
    env = await createTestEnv();
    fx = await campaignWithFacilities(env.deps, 'money', 2);
    otherProgram = await campaignWithFacilities(env.deps, 'money-b', 1);
    [mine, theirs] = fx.facilities.map((f) => f.id) as [number, number];
    const owner = await makeUser(env.deps, 'owner@money.example', 'business', fx.program.id);
    const rival = await makeUser(env.deps, 'rival@money.example', 'business', fx.program.id);
    await grantFacilityAccess(env.deps.db, mine, owner.id);
    await grantFacilityAccess(env.deps.db, theirs, rival.id);
    await runCommand(env.deps, systemActor('test'), async (ctx) => {
      await setAllocation(ctx, fx.program, mine, 100_000);
      await setAllocation(ctx, fx.program, theirs, 50_000);
    });
    tokens.owner = await makeToken(env.deps, owner.id);
    tokens.rival = await makeToken(env.deps, rival.id);
    tokens.operator = await makeToken(env.deps, (await makeUser(env.deps, 'op@money.example', 'operator', fx.program.id)).id);
    tokens.city = await makeToken(env.deps, (await makeUser(env.deps, 'city@money.example', 'city', fx.program.id)).id);
    tokens.otherOperator = await makeToken(env.deps, (await makeUser(env.deps, 'op@money-b.example', 'operator', otherProgram.program.id)).id);
    tokens.otherBusiness = await makeToken(env.deps, (await makeUser(env.deps, 'biz@money-b.example', 'business', otherProgram.program.id)).id);
    biz = new TestBrowser(env.deps);
    await biz.login('owner@money.example', TEST_PASSWORD);
    bizB = new TestBrowser(env.deps);
    await bizB.login('rival@money.example', TEST_PASSWORD);
  });
  after(() => env.close());

  const moneyApi = async (who: string, facilityId = mine, slug = 'money') => {
    const res = await apiRequest(app(), 'GET', `/api/v1/programs/${slug}/facilities/${facilityId}/money`, { token: tokens[who] });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  /** The money table's row for a facility, as text (figures only). */
  async function portalRow(name: string): Promise<string> {
    const res = await biz.get('/money/business/money');
    assert.equal(res.status, 200);
    const html = await res.text();
    const table = html.slice(html.indexOf('施設ごとの割引額'), html.indexOf('月ごとの支払明細書'));
    const row = table.split('</tr>').find((r) => r.includes(name));
    assert.ok(row, `a row for ${name}`);
    return row!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  }
  const mails = async (template: string) => {
    const rows = await queryRows<{ subject: string; to_sealed: string; text_sealed: string }>(env.deps.db, sql`select subject, to_sealed, text_sealed from mail_outbox where template = ${template} order by id`);
    const box = await env.deps.vault.box(env.deps.db, programScope(fx.program.id));
    return rows.map((r) => ({ subject: r.subject, to: box.openOrThrow(r.to_sealed), text: box.openOrThrow(r.text_sealed) }));
  };

  test('the figures move as a claim is reserved, approved and paid — on the page and through the API', async () => {
    let m = await moneyApi('owner');
    assert.equal(m.status, 200);
    assert.deepEqual(m.body, { allocation: 100_000, reserved: 0, approved: 0, paid: 0, remaining: 100_000 });
    assert.match(await portalRow('テスト施設1'), /100,000円 0円 0円 0円 100,000円/);
    assert.doesNotMatch((await biz.get('/money/business/money').then((r) => r.text())), /テスト施設2/, 'no other business');

    // 50 % of 10,000 yen × 2 nights = 10,000 yen, reserved.
    const claim = await runCommand(env.deps, systemActor('test'), async (ctx) => (await reserveClaim(ctx, fx.program, fx.facilities[0]!, bookingInput(mine, 'M1', { nights: 2, totalPrice: 20_000 }))).claim);
    assert.deepEqual((await moneyApi('owner')).body, { allocation: 100_000, reserved: 10_000, approved: 0, paid: 0, remaining: 90_000 });
    assert.match(await portalRow('テスト施設1'), /100,000円 10,000円 0円 0円 90,000円/);

    // The stay comes in lower (one night): 5,000 yen goes back; approved.
    await runCommand(env.deps, systemActor('test'), async (ctx) => {
      await reportStay(ctx, fx.program, claim.id, { nights: 1, guests: 1, totalPrice: 10_000 });
      await reviewClaim(ctx, fx.program, claim.id, 'approve', '');
    });
    assert.deepEqual((await moneyApi('owner')).body, { allocation: 100_000, reserved: 0, approved: 5_000, paid: 0, remaining: 95_000 });
    assert.match(await portalRow('テスト施設1'), /100,000円 0円 5,000円 0円 95,000円/);

    // A claim of the other business, approved too: its figures never show on this business's page.
    const rivalClaim = await runCommand(env.deps, systemActor('test'), async (ctx) => (await reserveClaim(ctx, fx.program, fx.facilities[1]!, bookingInput(theirs, 'R1', { guests: 2, totalPrice: 14_000 }))).claim);
    await runCommand(env.deps, systemActor('test'), async (ctx) => {
      await reportStay(ctx, fx.program, rivalClaim.id, { nights: 1, guests: 2, totalPrice: 14_000 });
      await reviewClaim(ctx, fx.program, rivalClaim.id, 'approve', '');
    });

    // No statement before the close.
    let page = await biz.get('/money/business/money').then((r) => r.text());
    assert.match(page, /まだ締めた月はありません/);
    assert.equal((await biz.get('/money/business/money/monthly/2025-06/statements/' + mine)).status, 404);

    // Month closed: the statement row appears, not yet paid; each business is mailed its own amount.
    let r = await cli(env.deps, ['settlement', 'close', '--program', 'money', '--month', '2025-06']);
    assert.equal(r.code, 0, r.err);
    page = await biz.get('/money/business/money').then((r) => r.text());
    assert.match(page, /2025年6月/);
    assert.match(page, /締め済み（支払準備中）/);
    assert.match(page, new RegExp(`href="/money/business/money/monthly/2025-06/statements/${mine}"`));
    let ready = await mails('settlement.statement_ready');
    assert.equal(ready.length, 2, 'one mail per business');
    const own = ready.find((x) => x.to === 'owner@money.example')!;
    assert.match(own.subject, /2025年6月分/);
    assert.match(own.text, /テスト施設1/);
    assert.match(own.text, /5,000円/);
    assert.match(own.text, /\/money\/business\/money/);
    assert.doesNotMatch(own.text, /テスト施設2|7,000円|rival/, 'nothing of the other business');
    assert.match(ready.find((x) => x.to === 'rival@money.example')!.text, /7,000円/);
    // Closing again mails nobody again.
    r = await cli(env.deps, ['settlement', 'close', '--program', 'money', '--month', '2025-06']);
    assert.equal(r.code, 0, r.err);
    assert.equal((await mails('settlement.statement_ready')).length, 2);

    // Paid only once the month's 全銀 file exists (zengin-payment.test.ts writes one; these fixture
    // facilities have no bank accounts, so its recorded hash is set here).
    await env.deps.db.execute(sql`update payment_batches set zengin_sha256 = ${'e'.repeat(64)}, zengin_exported_at = now() where month = '2025-06' and program_id = (select id from programs where slug = 'money')`);
    r = await cli(env.deps, ['settlement', 'paid', '--program', 'money', '--month', '2025-06']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual((await moneyApi('owner')).body, { allocation: 100_000, reserved: 0, approved: 0, paid: 5_000, remaining: 95_000 });
    assert.match(await portalRow('テスト施設1'), /100,000円 0円 0円 5,000円 95,000円/);
    page = await biz.get('/money/business/money').then((r) => r.text());
    const statementRow = page.split('</tr>').find((x) => x.includes('2025年6月'))!.replace(/<[^>]+>/g, ' ');
    const paidOn = env.deps.clock.now();
    assert.match(statementRow, /支払済み/);
    assert.match(statementRow, new RegExp(`${paidOn.getUTCFullYear()}年`), 'the payment date');
    assert.match(statementRow, /5,000円/);
    const paid = await mails('settlement.paid');
    assert.equal(paid.length, 2);
    const ownPaid = paid.find((x) => x.to === 'owner@money.example')!;
    assert.match(ownPaid.text, /お支払額：5,000円/);
    assert.match(ownPaid.text, /支払日：\d{4}年\d+月\d+日/);
    assert.doesNotMatch(ownPaid.text, /テスト施設2|7,000円/);
    // Marking paid again mails nobody again.
    await cli(env.deps, ['settlement', 'paid', '--program', 'money', '--month', '2025-06']);
    assert.equal((await mails('settlement.paid')).length, 2);
    ready = await mails('settlement.statement_ready');
    assert.equal(ready.length, 2);
  });

  test('a business downloads its own statement (PDF, xlsx, audited) and gets 404 on another business’s', async () => {
    const pdf = await biz.get(`/money/business/money/monthly/2025-06/statements/${mine}`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    const xlsx = await biz.get(`/money/business/money/monthly/2025-06/statements/${mine}/statement.xlsx`);
    assert.equal(xlsx.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const values = book.worksheets[0]!.getSheetValues().flat().map(String);
    assert.ok(values.includes('M1'), 'its own stay');
    assert.ok(!values.includes('R1'), 'no stay of the other business');
    const audited = await queryRows<{ action: string; role: string | null }>(
      env.deps.db,
      sql`select action, role from audit_log where action in ('settlement.statement.printed', 'settlement.statement.exported') and target_id = ${String(mine)} order by id`,
    );
    assert.deepEqual(audited.map((a) => a.action), ['settlement.statement.printed', 'settlement.statement.exported']);
    assert.ok(audited.every((a) => a.role === 'business'));

    for (const path of [`/money/business/money/monthly/2025-06/statements/${theirs}`, `/money/business/money/monthly/2025-06/statements/${theirs}/statement.xlsx`, `/money/business/money/monthly/2025-07/statements/${mine}`, `/money/business/money/monthly/2025-6/statements/${mine}`]) {
      assert.equal((await biz.get(path)).status, 404, path);
    }
    // The other business reaches its own, not this one's.
    assert.equal((await bizB.get(`/money/business/money/monthly/2025-06/statements/${theirs}`)).status, 200);
    assert.equal((await bizB.get(`/money/business/money/monthly/2025-06/statements/${mine}/statement.xlsx`)).status, 404);
  });

  test('money API: its business and the program staff 200; other businesses and other programs 404', async () => {
    for (const who of ['owner', 'operator', 'city']) assert.equal((await moneyApi(who)).status, 200, who);
    assert.equal((await moneyApi('rival', theirs)).status, 200, 'the rival for its own');
    for (const who of ['rival', 'otherOperator', 'otherBusiness']) assert.equal((await moneyApi(who)).status, 404, who);
    assert.equal((await moneyApi('owner', otherProgram.facilities[0]!.id)).status, 404, 'a facility of another program');
    assert.equal((await moneyApi('operator', otherProgram.facilities[0]!.id)).status, 404, 'a facility of another program, by staff');
    assert.equal((await moneyApi('owner', 99_999)).status, 404);
    assert.equal((await apiRequest(app(), 'GET', `/api/v1/programs/money/facilities/${mine}/money`)).status, 401);
    const res = await apiRequest(app(), 'GET', `/api/v1/programs/money/facilities/${theirs}/money`, { token: tokens.rival });
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await res.json(), { allocation: 50_000, reserved: 0, approved: 0, paid: 7_000, remaining: 43_000 });
  });
});
