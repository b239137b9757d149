import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { programScope } from '../../../platform/vault/index.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser } from '../../../../test/helpers/fixtures.js';
import { grantFacilityAccess } from '../../settlement/facility-access.js';
import { payoutAccountOf } from '../payout-account.js';
import { facilities, facilityPayoutAccounts } from '../schema.js';
import { openCampaign } from '../test-helpers.js';

const PROFILE = {
  'facility.name': 'ホテル口座',
  'facility.nameKana': 'ホテルコウザ',
  'facility.type': 'hotel',
  'facility.postalCode': '980-0811',
  'facility.address': '仙台市青葉区一番町1-1-1',
  'facility.ward': '青葉区',
  'facility.phone': '022-123-4567',
  'facility.url': '',
  'facility.rooms': '',
  'facility.description': '',
  'facility.features': 'Wi-Fi',
};
const BANK = {
  'bankAccount.bankCode': '0001',
  'bankAccount.branchCode': '001',
  'bankAccount.accountType': 'ordinary',
  'bankAccount.accountNumber': '0012345',
  'bankAccount.accountHolderKana': 'かぶしきがいしゃこうざ',
};

/**
 * A facility without a bank account (imported, say) gets one through its business's profile
 * change: checked as the application's, sealed in the vault while pending, shown as a diff to the
 * operator (an audited view), and the account it is paid to only once approved.
 */
describe('bank account through the profile change', () => {
  let env: TestEnv;
  let business: TestBrowser;
  let operator: TestBrowser;
  let programId = 0;
  let id = 0;
  const account = async () => (await env.deps.db.select().from(facilityPayoutAccounts).where(eq(facilityPayoutAccounts.facilityId, id)))[0];
  const paidTo = async () => payoutAccountOf(env.deps.db, await env.deps.vault.box(env.deps.db, programScope(programId)), id);
  const pendingSince = async () => (await env.deps.db.select().from(facilities).where(eq(facilities.id, id)))[0]!.pendingSince!.toISOString();
  const auditText = async () => (await queryRows<{ t: string }>(env.deps.db, sql`select coalesce(string_agg(diff::text, ' '), '') as t from audit_log`))[0]!.t;
  before(async () => {
    env = await createTestEnv();
    const program = await openCampaign(env.deps, 'bank');
    programId = program.id;
    const owner = await makeUser(env.deps, 'owner@bank.example.jp', 'business', program.id);
    await makeUser(env.deps, 'op@bank.example', 'operator', program.id);
    const [f] = await env.deps.db
      .insert(facilities)
      .values({ programId, name: 'ホテル口座', nameKana: 'ホテルコウザ', type: 'hotel', postalCode: '980-0811', address: '仙台市青葉区一番町1-1-1', ward: '青葉区', phone: '022-123-4567', features: ['Wi-Fi'], registeredOn: '2026-05-10', registrationNumber: 'R-000001' })
      .returning();
    id = f!.id;
    await grantFacilityAccess(env.deps.db, id, owner.id);
    [business, operator] = (await signedInBrowsers(env.deps, ['owner@bank.example.jp', 'op@bank.example'])) as [TestBrowser, TestBrowser];
  });
  after(() => env.close());

  test('a bad account is refused beside its fields; a good one waits for approval, sealed', async () => {
    await business.get(`/bank/business/facilities/${id}/profile`);
    assert.match(business.lastHtml, /振込先口座が登録されていません/);
    const bad = await business.post(`/bank/business/facilities/${id}/profile`, { ...PROFILE, ...BANK, 'bankAccount.bankCode': '9998', 'bankAccount.accountNumber': '123' });
    assert.equal(bad.status, 422);
    assert.match(business.lastHtml, /id="bankAccount-bankCode-error"[^>]*>[\s\S]*?金融機関コード 9998 の金融機関はありません/);
    assert.match(business.lastHtml, /id="bankAccount-accountNumber-error"/);
    assert.equal(await account(), undefined, 'nothing kept');

    // The public profile as it is, only the account new: still a change to approve.
    const ok = await business.post(`/bank/business/facilities/${id}/profile`, { ...PROFILE, ...BANK });
    assert.equal(ok.status, 303, business.lastHtml.slice(0, 1500));
    const row = (await account())!;
    assert.equal(row.accountSealed, null, 'not in force before approval');
    assert.ok(row.pendingSealed, 'pending, sealed');
    assert.doesNotMatch(row.pendingSealed!, /0012345/);
    assert.equal(await paidTo(), null, 'nothing is paid to an account not yet approved');
    const [submitted] = await queryRows<{ diff: { fields: string[]; bankAccount: string[] } }>(env.deps.db, sql`select diff from audit_log where action = 'campaign.facility.profile_submitted'`);
    assert.deepEqual(submitted!.diff, { fields: [], bankAccount: ['bankCode', 'branchCode', 'accountType', 'accountNumber', 'accountHolderKana'], replacedPending: false });
  });

  test('the operator sees the account diff (audited) and approves it: the facility is paid to it', async () => {
    await operator.get('/admin/campaign/bank/profiles');
    assert.match(operator.lastHtml, /ホテル口座 の振込先口座の変更/);
    assert.match(operator.lastHtml, /未登録[\s\S]*?0012345/, 'before and after');
    assert.match(operator.lastHtml, /ｶﾌﾞｼｷｶﾞｲｼﾔｺｳｻﾞ/);
    const [viewed] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'campaign.facility.payout_viewed' and target_id = ${id}`);
    assert.ok(viewed!.n >= 1, 'the view of the account is audited');
    const approve = await operator.post(`/admin/campaign/bank/profiles/${id}/decision`, { [`decision-${id}`]: 'approve', [`reason-${id}`]: '', pendingSince: await pendingSince() });
    assert.equal(approve.status, 303, operator.lastHtml.slice(0, 1500));
    const row = (await account())!;
    assert.equal(row.pendingSealed, null);
    assert.deepEqual(await paidTo(), { bankCode: '0001', branchCode: '001', accountType: 'ordinary', accountNumber: '0012345', holderKana: 'ｶﾌﾞｼｷｶﾞｲｼﾔｺｳｻﾞ' });
    const [approved] = await queryRows<{ diff: { bankAccount: string[] } }>(env.deps.db, sql`select diff from audit_log where action = 'campaign.facility.profile_approved'`);
    assert.deepEqual(approved!.diff.bankAccount, ['bankCode', 'branchCode', 'accountType', 'accountNumber', 'accountHolderKana']);
    assert.doesNotMatch(await auditText(), /0012345|ｶﾌﾞｼｷｶﾞｲｼﾔｺｳｻﾞ/, 'the audit names the fields, the values stay sealed');
    const registry = await operator.get('/admin/campaign/bank/registry.csv');
    assert.equal(registry.status, 200);
    const csv = Buffer.from(await registry.arrayBuffer()).toString('latin1');
    assert.match(csv, /0012345/, 'the registry shows the account the facility is paid to now (it has no application)');
    await business.get(`/bank/business/facilities/${id}/profile`);
    assert.match(business.lastHtml, /振込先口座は登録済みです/);
    assert.doesNotMatch(business.lastHtml, /0012345/, 'the account is not shown back');
  });

  test('a rejected account change leaves the account in force; the same account again is no change', async () => {
    await business.get(`/bank/business/facilities/${id}/profile`);
    const same = await business.post(`/bank/business/facilities/${id}/profile`, { ...PROFILE, ...BANK });
    assert.equal(same.status, 422, 'the account in force, unchanged profile: nothing to approve');
    const other = await business.post(`/bank/business/facilities/${id}/profile`, { ...PROFILE, ...BANK, 'bankAccount.branchCode': '004', 'bankAccount.accountType': 'checking' });
    assert.equal(other.status, 303);
    await operator.get('/admin/campaign/bank/profiles');
    assert.doesNotMatch(operator.lastHtml, /口座番号<\/th>/, 'only the changed fields are listed');
    const reject = await operator.post(`/admin/campaign/bank/profiles/${id}/decision`, { [`decision-${id}`]: 'reject', [`reason-${id}`]: '口座名義が法人名と異なります', pendingSince: await pendingSince() });
    assert.equal(reject.status, 303);
    assert.equal((await account())!.pendingSealed, null);
    assert.equal((await paidTo())!.branchCode, '001', 'the approved account stays');
  });
});
