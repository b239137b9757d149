import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { validApplication, openCampaign } from '../../src/modules/campaign/test-helpers.js';
import { validateZenginFile } from '../../src/modules/settlement/zengin/validate.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { cli } from '../helpers/cli.js';
import { apiRequest, TestBrowser } from '../helpers/http.js';
import { makeToken, makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';
import { findUserByEmail } from '../../src/platform/auth/users.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { users } from '../../src/platform/auth/schema.js';
import { eq } from 'drizzle-orm';

/**
 * From application to bank transfer: a business applies, is approved, registers a discounted
 * stay in its portal, reports it, the secretariat approves it, closes the month and writes the
 * 全銀 file to the account given in the application.
 */
describe('campaign: application → approval → claim → close → transfer file', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  test('the whole path, through the API, the portal and the CLI', async () => {
    const program = await openCampaign(env.deps, 'journey', [
      ['remitterCode', '1234567890'],
      ['remitterName', 'センダイシュクハクジムキョク'],
      ['remitterBankCode', '0126'],
      ['remitterBranchCode', '101'],
      ['remitterAccountType', 'ordinary'],
      ['remitterAccountNumber', '7654321'],
    ]);
    const app = new TestBrowser(env.deps).app;
    const op = await makeToken(env.deps, (await makeUser(env.deps, 'op@journey.example', 'operator', program.id)).id);
    const submitted = await apiRequest(app, 'POST', '/api/v1/programs/journey/applications', { body: validApplication(1) });
    assert.equal(submitted.status, 201);
    const { id } = await submitted.json();
    const approved = await apiRequest(app, 'POST', `/api/v1/applications/${id}/decisions`, { token: op, body: { decision: 'approve', reason: '' } });
    assert.equal(approved.status, 200, await approved.clone().text());
    const facilityId = (await approved.json()).facilityId as number;
    assert.ok(facilityId);

    // The contact person signs in to the portal (its password set here instead of by the invitation link).
    const biz = (await findUserByEmail(env.deps.db, 'contact1@aoba.example.jp'))!;
    await env.deps.db.update(users).set({ passwordHash: await hashPassword(TEST_PASSWORD) }).where(eq(users.id, biz.id));
    const portal = new TestBrowser(env.deps);
    const login = await portal.login('contact1@aoba.example.jp', TEST_PASSWORD);
    assert.equal(login.headers.get('location'), '/journey/business', 'a business lands in its portal');
    const page = await portal.get('/journey/business/claims');
    assert.equal(page.status, 200);
    const bad = await portal.post('/journey/business/claims', { facilityId: String(facilityId), bookingRef: 'PB-1', bookedOn: '2026-06-02', checkIn: '2026-07-20', nights: '0', guests: '2', totalPrice: '30000' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /泊数は1以上/);
    await portal.get('/journey/business/claims');
    const ok = await portal.post('/journey/business/claims', { facilityId: String(facilityId), bookingRef: 'PB-1', bookedOn: '2026-06-02', checkIn: '2026-07-20', nights: '2', guests: '2', totalPrice: '30000' });
    assert.equal(ok.status, 303);
    const listed = await (await portal.get('/journey/business/claims')).text();
    assert.match(listed, /PB-1/);
    assert.match(listed, /15,000円/);
    const claimId = Number(/\/journey\/business\/claims\/(\d+)"/.exec(listed)![1]);
    assert.equal((await portal.get(`/journey/business/claims/${claimId}`)).status, 200, 'the claim has its own page with the stay form');
    const stay = await portal.post(`/journey/business/claims/${claimId}/stay`, { nights: '2', guests: '2', totalPrice: '28000' });
    assert.equal(stay.status, 303);

    // July has ended: the stay is reviewed and the month closed in August.
    env.clock.set('2026-08-03T01:00:00Z');
    const reviewed = await apiRequest(app, 'POST', `/api/v1/claims/${claimId}/review`, { token: op, body: { decision: 'approve' } });
    assert.equal((await reviewed.json()).discount, 14000);
    assert.equal((await cli(env.deps, ['settlement', 'close', '--program', 'journey', '--month', '2026-07'])).code, 0);
    const out = path.join(env.dataDir, 'transfer.txt');
    const r = await cli(env.deps, ['settlement', 'zengin', '--program', 'journey', '--month', '2026-07', '--transfer-date', '2026-08-07', '--out', out]);
    assert.equal(r.code, 0, r.err);
    const file = fs.readFileSync(out);
    assert.deepEqual(validateZenginFile(file), []);
    const data = file.subarray(122, 242).toString('latin1');
    assert.equal(data.slice(80, 90), '0000014000');
    assert.equal(data.slice(43, 50), '1234567');
    // The holder name from the application, converted to half-width kana.
    const holder = (await import('iconv-lite')).default.decode(file.subarray(122 + 50, 122 + 80), 'Shift_JIS').trim();
    assert.equal(holder, 'ｶﾌﾞｼｷｶﾞｲｼﾔｱｵﾊﾞｶﾝｺｳ');
    const weekend = await cli(env.deps, ['settlement', 'zengin', '--program', 'journey', '--month', '2026-07', '--transfer-date', '2026-08-08', '--out', out]);
    assert.equal(weekend.code, 1);
    assert.match(weekend.err, /営業日ではありません/);

    // The same from the back office: the file, the error beside the field, and 支払済み.
    await makeUser(env.deps, 'op2@journey.example', 'operator', program.id);
    const office = new TestBrowser(env.deps);
    await office.login('op2@journey.example', TEST_PASSWORD);
    const monthPage = '/admin/settlement/journey/monthly/2026-07';
    await office.get(monthPage);
    const saturday = await office.post(`${monthPage}/zengin`, { transferDate: '2026-08-08' });
    assert.equal(saturday.status, 422);
    assert.match(await saturday.text(), /振込指定日 2026-08-08 は銀行の営業日ではありません（次の営業日: 2026-08-10）/);
    const download = await office.post(`${monthPage}/zengin`, { transferDate: '2026-08-07' });
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment;/);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), file, 'the same file as the CLI wrote');
    const paid = await office.post(`${monthPage}/paid`, {});
    assert.equal(paid.status, 303);
    const after = await (await office.get(monthPage)).text();
    assert.match(after, /支払済み（/);
    assert.doesNotMatch(after, /を支払済みにする/, 'no second payment button');
    const budget = await apiRequest(app, 'GET', '/api/v1/programs/journey/budget', { token: op });
    assert.equal((await budget.json()).paid, 14000);
  });
});
