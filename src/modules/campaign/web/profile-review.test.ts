import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser } from '../../../../test/helpers/fixtures.js';
import { grantFacilityAccess } from '../../settlement/facility-access.js';
import { facilities } from '../schema.js';
import { openCampaign } from '../test-helpers.js';

/** Posts a urlencoded form with repeated values (features). */
async function postForm(b: TestBrowser, path: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams({ _csrf: b.csrf() });
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  const res = await b.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  if ((res.headers.get('content-type') ?? '').includes('text/html')) b.lastHtml = await res.clone().text();
  return res;
}

const PROFILE = {
  'facility.name': 'ホテル青葉リニューアル',
  'facility.nameKana': 'ほてるあおばりにゅーある',
  'facility.type': 'hotel',
  'facility.postalCode': '980-0811',
  'facility.address': '仙台市青葉区一番町1-1-1',
  'facility.ward': '青葉区',
  'facility.phone': '022-123-4567',
  'facility.url': 'https://aoba.example.jp/',
  'facility.rooms': '45',
  'facility.description': '改装しました。',
  'facility.features': ['駐車場あり', 'Wi-Fi'],
};

describe('business profile edit with operator review', () => {
  let env: TestEnv;
  let business: TestBrowser;
  let other: TestBrowser;
  let operator: TestBrowser;
  let mine = 0;
  let theirs = 0;
  const row = async (id: number) => (await env.deps.db.select().from(facilities).where(eq(facilities.id, id)))[0]!;
  before(async () => {
    env = await createTestEnv();
    const program = await openCampaign(env.deps, 'stay');
    const owner = await makeUser(env.deps, 'owner@aoba.example.jp', 'business', program.id);
    const rival = await makeUser(env.deps, 'owner@izumi.example.jp', 'business', program.id);
    await makeUser(env.deps, 'op@stay.example', 'operator', program.id);
    const base = { programId: program.id, type: 'hotel' as const, postalCode: '980-0811', ward: '青葉区' as const, phone: '022-123-4567', features: ['Wi-Fi'], registeredOn: '2026-05-10' };
    const [a] = await env.deps.db.insert(facilities).values({ ...base, name: 'ホテル青葉', nameKana: 'ホテルアオバ', address: '仙台市青葉区一番町1-1-1', registrationNumber: 'R-000001' }).returning();
    const [b] = await env.deps.db.insert(facilities).values({ ...base, name: '泉ホテル', nameKana: 'イズミホテル', address: '仙台市泉区泉中央1-1', ward: '泉区', registrationNumber: 'R-000002' }).returning();
    mine = a!.id;
    theirs = b!.id;
    await grantFacilityAccess(env.deps.db, mine, owner.id);
    await grantFacilityAccess(env.deps.db, theirs, rival.id);
    [business, other, operator] = (await signedInBrowsers(env.deps, ['owner@aoba.example.jp', 'owner@izumi.example.jp', 'op@stay.example'])) as [TestBrowser, TestBrowser, TestBrowser];
  });
  after(() => env.close());

  test('a business edits only its own facility; another facility is 404', async () => {
    await business.get('/stay/business');
    assert.match(business.lastHtml, new RegExp(`href="/stay/business/facilities/${mine}/profile"`));
    assert.equal((await business.get(`/stay/business/facilities/${mine}/profile`)).status, 200);
    assert.match(business.lastHtml, /value="ホテル青葉"/);
    assert.equal((await business.get(`/stay/business/facilities/${theirs}/profile`)).status, 404);
    await other.get(`/stay/business/facilities/${theirs}/profile`);
    assert.equal((await postForm(other, `/stay/business/facilities/${mine}/profile`, PROFILE)).status, 404);
    assert.equal((await row(mine)).pendingProfile, null);
  });

  test('bad input is refused beside the field; a valid change is pending and nothing public changes', async () => {
    await business.get(`/stay/business/facilities/${mine}/profile`);
    const bad = await postForm(business, `/stay/business/facilities/${mine}/profile`, { ...PROFILE, 'facility.postalCode': '98-0811', 'facility.nameKana': '青葉' });
    assert.equal(bad.status, 422);
    assert.match(business.lastHtml, /dads-error-summary/);
    assert.match(business.lastHtml, /郵便番号は「980-0811」のように/);
    assert.match(business.lastHtml, /id="facility-nameKana-error"/);
    assert.equal((await row(mine)).pendingProfile, null);
    const ok = await postForm(business, `/stay/business/facilities/${mine}/profile`, PROFILE);
    assert.equal(ok.status, 303, business.lastHtml.slice(0, 1500));
    const f = await row(mine);
    assert.equal(f.name, 'ホテル青葉', 'public fields unchanged until approval');
    assert.equal(f.pendingProfile?.name, 'ホテル青葉リニューアル');
    assert.equal(f.pendingProfile?.nameKana, 'ホテルアオバリニューアル', 'kana normalised');
    await business.get('/stay/business');
    assert.match(business.lastHtml, /事務局の確認待ちです/);
    const site = await (await business.get(`/stay/facilities/${mine}`)).text();
    assert.doesNotMatch(site, /リニューアル/);
  });

  test('the operator sees the diff; rejecting needs a reason; approving publishes, audits and mails', async () => {
    await operator.get('/admin/campaign/stay');
    assert.match(operator.lastHtml, /掲載情報の変更申請（確認待ち 1件）/);
    await operator.get('/admin/campaign/stay/profiles');
    assert.match(operator.lastHtml, /ホテル青葉[\s\S]*ホテル青葉リニューアル/);
    assert.equal((await business.get('/admin/campaign/stay/profiles')).status, 403);
    const noReason = await operator.post(`/admin/campaign/stay/profiles/${mine}/decision`, { [`decision-${mine}`]: 'reject', [`reason-${mine}`]: '', pendingSince: (await row(mine)).pendingSince!.toISOString() });
    assert.equal(noReason.status, 422);
    assert.match(operator.lastHtml, new RegExp(`id="reason-${mine}-error"[^>]*>[\\s\\S]*?理由を入力してください`));
    assert.ok((await row(mine)).pendingProfile, 'still pending');
    // A decision about an outdated version is refused.
    await operator.get('/admin/campaign/stay/profiles');
    const stale = await operator.post(`/admin/campaign/stay/profiles/${mine}/decision`, { [`decision-${mine}`]: 'approve', pendingSince: '2000-01-01T00:00:00.000Z' });
    assert.equal(stale.status, 409);
    assert.match(operator.lastHtml, /事業者が変更内容を更新しました/);
    assert.ok((await row(mine)).pendingProfile, 'still pending after a stale decision');
    await operator.get('/admin/campaign/stay/profiles');
    const approve = await operator.post(`/admin/campaign/stay/profiles/${mine}/decision`, { [`decision-${mine}`]: 'approve', [`reason-${mine}`]: '', pendingSince: (await row(mine)).pendingSince!.toISOString() });
    assert.equal(approve.status, 303, operator.lastHtml.slice(0, 1500));
    const f = await row(mine);
    assert.equal(f.name, 'ホテル青葉リニューアル');
    assert.equal(f.rooms, 45);
    assert.deepEqual(f.features, ['駐車場あり', 'Wi-Fi']);
    assert.equal(f.pendingProfile, null);
    // The site's index checks the facilities' version row at most once a second.
    await new Promise((r) => setTimeout(r, 1100));
    const site = await (await business.get(`/stay/facilities/${mine}`)).text();
    assert.match(site, /ホテル青葉リニューアル/, 'the public site shows the approved profile');
    const audit = await queryRows<{ action: string; diff: Record<string, unknown> }>(env.deps.db, sql`select action, diff from audit_log where action like 'campaign.facility.profile%' order by id`);
    assert.deepEqual(audit.map((a) => a.action), ['campaign.facility.profile_submitted', 'campaign.facility.profile_approved']);
    assert.deepEqual(audit[1]!.diff.name, ['ホテル青葉', 'ホテル青葉リニューアル']);
    // One mail, to the facility's one business user (recipients are sealed in the outbox).
    const mails = await queryRows<{ template: string }>(env.deps.db, sql`select template from mail_outbox where template like 'campaign.profile%'`);
    assert.deepEqual(mails.map((m) => m.template), ['campaign.profile_approved']);
  });

  test('a rejected change leaves the listing as it was and tells the business why', async () => {
    await business.get(`/stay/business/facilities/${mine}/profile`);
    assert.equal((await postForm(business, `/stay/business/facilities/${mine}/profile`, { ...PROFILE, 'facility.name': '誤った名前' })).status, 303);
    await operator.get('/admin/campaign/stay/profiles');
    const res = await operator.post(`/admin/campaign/stay/profiles/${mine}/decision`, { [`decision-${mine}`]: 'reject', [`reason-${mine}`]: '許可証の名称と異なります', pendingSince: (await row(mine)).pendingSince!.toISOString() });
    assert.equal(res.status, 303);
    const f = await row(mine);
    assert.equal(f.name, 'ホテル青葉リニューアル');
    assert.equal(f.pendingProfile, null);
    const mails = await queryRows<{ subject: string }>(env.deps.db, sql`select subject from mail_outbox where template = 'campaign.profile_rejected'`);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /掲載情報の変更について/);
    const audit = await queryRows<{ diff: { reason: string } }>(env.deps.db, sql`select diff from audit_log where action = 'campaign.facility.profile_rejected'`);
    assert.equal(audit[0]!.diff.reason, '許可証の名称と異なります');
  });
});
