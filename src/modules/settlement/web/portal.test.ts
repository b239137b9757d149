import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { cli } from '../../../../test/helpers/cli.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { setAllocation } from '../commands/budget.js';
import { grantFacilityAccess } from '../facility-access.js';
import { facilityBalances, ledgerIsBalanced } from '../ledger.js';
import { campaignWithFacilities } from '../test-fixtures.js';

const CLAIM_HEADER = 'facilityId,bookingRef,bookedOn,checkIn,nights,guests,totalPrice';
const STAY_HEADER = 'facilityId,bookingRef,nights,guests,totalPrice';

function assertUniqueIds(html: string) {
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  assert.deepEqual(dupes, [], 'no duplicate ids');
  for (const m of html.matchAll(/<label[^>]* for="([^"]+)"/g)) assert.ok(ids.includes(m[1]!), `label for="${m[1]}" points at an element`);
}

describe('business portal: claims, stays, sales stop', () => {
  let env: TestEnv;
  let biz: TestBrowser;
  let fx: Awaited<ReturnType<typeof campaignWithFacilities>>;
  let mine: number;
  let other: number;
  const base = '/portal/business/claims';
  before(async () => {
    env = await createTestEnv();
    fx = await campaignWithFacilities(env.deps, 'portal', 2);
    [mine, other] = fx.facilities.map((f) => f.id) as [number, number];
    const user = await makeUser(env.deps, 'owner@portal.example', 'business', fx.program.id);
    await grantFacilityAccess(env.deps.db, mine, user.id);
    // 20,000 yen: four claims of 5,000.
    await runCommand(env.deps, systemActor('test'), (ctx) => setAllocation(ctx, fx.program, mine, 20_000));
    biz = new TestBrowser(env.deps);
    await biz.login('owner@portal.example', TEST_PASSWORD);
  });
  after(() => env.close());

  async function upload(action: string, field: string, modeField: string, mode: string, content: string | Buffer) {
    await biz.get(base);
    const form = new FormData();
    form.set('_csrf', biz.csrf());
    form.set(field, new File([typeof content === 'string' ? content : new Uint8Array(content)], 'x.csv', { type: 'text/csv' }));
    form.set(modeField, mode);
    const res = await biz.request(`${base}/${action}`, { method: 'POST', body: form });
    return { status: res.status, html: await res.text() };
  }
  const claimStatus = async (ref: string) => (await queryRows<{ status: string; discount: number }>(env.deps.db, sql`select status, discount from claims where booking_ref = ${ref}`))[0];
  const soldOutOn = async (id: number) => (await queryRows<{ d: string | null }>(env.deps.db, sql`select sold_out_on::text as d from facilities where id = ${id}`))[0]!.d;

  test('the claims page renders in the business layout with unique ids; templates download', async () => {
    const res = await biz.get(base);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.doesNotMatch(html, /app-body--admin/, 'not the back-office layout');
    assert.match(html, /事業者の皆さまへ/, 'business breadcrumbs');
    assertUniqueIds(html);
    assert.match(html, new RegExp(`<option value="${mine}" selected`), 'its only facility is chosen already');
    const t1 = await biz.get(`${base}/template.csv`);
    assert.equal(t1.headers.get('content-type'), 'text/csv; charset=utf-8');
    const b1 = Buffer.from(await t1.arrayBuffer());
    assert.deepEqual([...b1.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so Excel reads UTF-8');
    assert.equal(b1.subarray(3).toString('utf8').split('\r\n')[0], CLAIM_HEADER);
    const t2 = await biz.get(`${base}/stays-template.csv`);
    assert.match(t2.headers.get('content-disposition') ?? '', /stays-template\.csv/);
    assert.equal((await t2.text()).split('\r\n')[0], STAY_HEADER);
  });

  test('claims CSV: all-or-nothing refuses a file with a bad row; valid rows only registers the rest', async () => {
    const csv = [CLAIM_HEADER, `${mine},C1,2025-05-20,2025-06-01,1,1,10000`, `${mine},C2,2025-05-20,2025-06-02,1,1,10000`, `${other},X1,2025-05-20,2025-06-01,1,1,10000`, `${mine},C3,2025-05-20,2025-06-03,1,1,10000`].join('\r\n');
    const all = await upload('upload', 'file', 'mode', 'all', csv);
    assert.equal(all.status, 422);
    assert.match(all.html, /誤りがあるため何も取り込んでいません/);
    assert.match(all.html, /施設 \(id \d+\) が見つかりません/, "another business's facility is not found");
    assert.equal(await claimStatus('C1'), undefined);
    const valid = await upload('upload', 'file', 'mode', 'valid', iconv.encode(csv, 'cp932'));
    assert.equal(valid.status, 200);
    assert.match(valid.html, /4行中 3件を登録（割引額 15,000円）/);
    assertUniqueIds(valid.html);
    assert.equal((await claimStatus('C1'))!.status, 'reserved');
  });

  test('one claim per page: the stay form and the cancel form with a no-show choice', async () => {
    const [row] = await queryRows<{ id: number }>(env.deps.db, sql`select id from claims where booking_ref = 'C1'`);
    const list = await (await biz.get(base)).text();
    assert.match(list, new RegExp(`href="${base}/${row!.id}"`));
    const page = await biz.get(`${base}/${row!.id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assertUniqueIds(html);
    assert.match(html, /id="nights"[^>]*value="1"/);
    assert.match(html, /value="noShow"/);
    const over = await biz.post(`${base}/${row!.id}/stay`, { nights: '1', guests: '2', totalPrice: '10000' });
    assert.equal(over.status, 422);
    assert.match(await over.text(), /予約時の値を上回っています/);
    const cancel = await biz.post(`${base}/${row!.id}/cancel`, { cancelKind: 'noShow' });
    assert.equal(cancel.status, 303);
    assert.equal((await claimStatus('C1'))!.status, 'cancelled');
    const [audit] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'settlement.claim.no_show' and target_id = ${String(row!.id)}`);
    assert.equal(Number(audit!.n), 1);
    const [foreign] = await queryRows<{ id: number }>(env.deps.db, sql`select id from claims where facility_id = ${mine} limit 1`);
    assert.ok(foreign);
    await runCommand(env.deps, systemActor('test'), async (ctx) => {
      const { reserveClaim } = await import('../commands/reserve-claim.js');
      await reserveClaim(ctx, fx.program, fx.facilities[1]!, { facilityId: other, bookingRef: 'OTHER', bookedOn: '2025-05-20', checkIn: '2025-06-01', nights: 1, guests: 1, totalPrice: 10000 });
    });
    const [otherClaim] = await queryRows<{ id: number }>(env.deps.db, sql`select id from claims where booking_ref = 'OTHER'`);
    assert.equal((await biz.get(`${base}/${otherClaim!.id}`)).status, 404);
    await biz.get(base);
    assert.equal((await biz.post(`${base}/${otherClaim!.id}/cancel`, { cancelKind: 'cancel' })).status, 404);
  });

  test('the claim form sent twice registers once; so does the cancel form (the replay says it was already received)', async () => {
    const available = async () => (await facilityBalances(env.deps.db, fx.program.id, mine)).available;
    const audits = async (action: string) => Number((await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = ${action}`))[0]!.n);
    const left = await available();
    const reserved = await audits('settlement.claim.reserved');
    await biz.get(base);
    const form = { _once: biz.once(), facilityId: String(mine), bookingRef: 'TWICE-1', bookedOn: '2025-05-20', checkIn: '2025-06-05', nights: '1', guests: '1', totalPrice: '10000' };
    assert.ok(form._once.length >= 16);
    const first = await biz.post(base, form);
    assert.equal(first.status, 303);
    assert.match(await (await biz.get(base)).text(), /予約番号 TWICE-1 を登録しました（割引額 5,000円）/);
    const second = await biz.post(base, form);
    assert.equal(second.status, 303);
    assert.equal(second.headers.get('location'), base);
    assert.match(await (await biz.get(base)).text(), /この送信はすでに受け付けています/);
    const rows = await queryRows<{ id: number }>(env.deps.db, sql`select id from claims where booking_ref = 'TWICE-1'`);
    assert.equal(rows.length, 1);
    assert.equal(await audits('settlement.claim.reserved'), reserved + 1);
    assert.equal(await available(), left - 5000);

    await biz.get(`${base}/${rows[0]!.id}`);
    const cancel = { _once: biz.once(), cancelKind: 'cancel' };
    assert.equal((await biz.post(`${base}/${rows[0]!.id}/cancel`, cancel)).status, 303);
    assert.equal((await biz.post(`${base}/${rows[0]!.id}/cancel`, cancel)).status, 303);
    assert.match(await (await biz.get(base)).text(), /この送信はすでに受け付けています/);
    assert.equal((await claimStatus('TWICE-1'))!.status, 'cancelled');
    assert.equal(Number((await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'settlement.claim.cancelled' and target_id = ${String(rows[0]!.id)}`))[0]!.n), 1);
    assert.equal(await available(), left);
    assert.equal(await ledgerIsBalanced(env.deps.db, fx.program.id), true);
  });

  test('stays CSV: all-or-nothing and valid rows only; the discount is recomputed and the difference released', async () => {
    const csv = [STAY_HEADER, `${mine},C2,1,1,8000`, `${mine},C3,1,3,10000`, `${mine},NOPE,1,1,1000`].join('\r\n');
    const all = await upload('stays/upload', 'stayFile', 'stayMode', 'all', csv);
    assert.equal(all.status, 422);
    assert.match(all.html, /3行中 誤り 2件。誤りがあるため何も取り込んでいません/);
    assert.match(all.html, /予約番号「NOPE」の登録が見つかりません/);
    assert.equal((await claimStatus('C2'))!.status, 'reserved');
    const valid = await upload('stays/upload', 'stayFile', 'stayMode', 'valid', csv);
    assert.equal(valid.status, 200);
    assert.match(valid.html, /3行中 1件の実績を報告（配分枠に戻した額 1,000円）/);
    assert.match(valid.html, /予約時の値を上回っています/);
    assert.deepEqual(await claimStatus('C2'), { status: 'stayed', discount: 4000 });
    assert.equal((await claimStatus('C3'))!.status, 'reserved');
    assert.equal(await ledgerIsBalanced(env.deps.db, fx.program.id), true);
  });

  test('CLI settlement stays import: same rules, exit 1 when rows are refused', async () => {
    const file = path.join(env.dataDir, 'stays.csv');
    fs.writeFileSync(file, [STAY_HEADER, `${mine},C2,1,1,8000`, `${mine},C3,1,1,10000`].join('\r\n'));
    const r = await cli(env.deps, ['settlement', 'stays', 'import', '--program', 'portal', file]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /2 rows: 1 stays reported \(0 yen released\), 1 already reported, 0 rejected/);
    fs.writeFileSync(file, [STAY_HEADER, `${mine},C3,2,1,10000`].join('\r\n'));
    const bad = await cli(env.deps, ['settlement', 'stays', 'import', '--program', 'portal', file]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /2行目/);
  });

  test('CSV uploads: a row that does not decode cleanly is refused by its line; the encoding can be stated', async () => {
    const before = [await claimStatus('C2'), await claimStatus('C3')];
    const page = await (await biz.get(base)).text();
    assert.match(page, /name="encoding" value="auto"[^>]* checked/);
    assert.match(page, /name="stayEncoding" value="shift_jis"/);
    const bytes = Buffer.concat([Buffer.from(`${STAY_HEADER}\r\n${mine},C2,1,1,8000\r\n${mine},C3,1,1,`), Buffer.from([0x82]), Buffer.from('10000\r\n')]);
    const auto = await upload('stays/upload', 'stayFile', 'stayMode', 'all', bytes);
    assert.equal(auto.status, 422);
    assert.match(auto.html, /<th[^>]*>3<\/th><td[^>]*>—<\/td><td[^>]*>Shift_JIS として正しく読めない文字/);
    const form = new FormData();
    form.set('_csrf', biz.csrf());
    form.set('stayFile', new File([new Uint8Array(bytes)], 'x.csv', { type: 'text/csv' }));
    form.set('stayMode', 'all');
    form.set('stayEncoding', 'utf-8');
    const stated = await biz.request(`${base}/stays/upload`, { method: 'POST', body: form });
    assert.equal(stated.status, 422);
    const html = await stated.text();
    assert.match(html, /UTF-8 として正しく読めない文字/);
    assert.match(html, /name="stayEncoding" value="utf-8"[^>]* checked/, 'the choice is kept');
    assert.deepEqual([await claimStatus('C2'), await claimStatus('C3')], before, 'nothing was reported');
  });

  test('sales stop: the business mark survives money coming back; resume clears it unless the allocation is used up', async () => {
    assert.equal(await soldOutOn(mine), null);
    await biz.get(base);
    const stop = await biz.post(`${base}/sales`, { facility: String(mine), action: 'stop' });
    assert.equal(stop.status, 303);
    assert.ok(await soldOutOn(mine), 'marked 販売終了');
    assert.match(await (await biz.get(base)).text(), /販売終了（[0-9-]+〜、事業者による）/);
    // Money comes back (a larger allocation): the business's own mark stays.
    await runCommand(env.deps, systemActor('test'), (ctx) => setAllocation(ctx, fx.program, mine, 30_000));
    assert.ok(await soldOutOn(mine), 'a release or a larger allocation does not clear a business stop');
    await biz.get(base);
    assert.equal((await biz.post(`${base}/sales`, { facility: String(mine), action: 'resume' })).status, 303);
    assert.equal(await soldOutOn(mine), null);
    // Use up the allocation, stop and resume: still sold out because nothing is left.
    const left = (await facilityBalances(env.deps.db, fx.program.id, mine)).available;
    const allocation = (await facilityBalances(env.deps.db, fx.program.id, mine)).allocation;
    await runCommand(env.deps, systemActor('test'), (ctx) => setAllocation(ctx, fx.program, mine, allocation - left));
    assert.ok(await soldOutOn(mine));
    await biz.get(base);
    await biz.post(`${base}/sales`, { facility: String(mine), action: 'stop' });
    await biz.get(base);
    await biz.post(`${base}/sales`, { facility: String(mine), action: 'resume' });
    assert.ok(await soldOutOn(mine), 'resuming does not hide an exhausted allocation');
    assert.equal((await biz.post(`${base}/sales`, { facility: String(other), action: 'stop' })).status, 404);
    const actions = await queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where action like 'settlement.facility.sales_%' order by id`);
    assert.deepEqual(actions.map((a) => a.action), ['settlement.facility.sales_stopped', 'settlement.facility.sales_resumed', 'settlement.facility.sales_stopped', 'settlement.facility.sales_resumed']);
  });
});
