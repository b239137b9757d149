import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser } from '../../../../test/helpers/fixtures.js';
import { submitProfileChange } from '../commands/submit-profile-change.js';
import { facilities } from '../schema.js';
import { openCampaign } from '../test-helpers.js';

const PROFILE = {
  name: 'ホテル青葉リニューアル',
  nameKana: 'ほてるあおばりにゅーある',
  type: 'hotel',
  postalCode: '980-0811',
  address: '仙台市青葉区一番町1-1-1',
  ward: '青葉区',
  phone: '022-123-4567',
  url: 'https://aoba.example.jp/',
  rooms: '45',
  description: '改装しました。',
  features: ['Wi-Fi'],
};

/** Two operators decide one pending profile change from pages loaded before either decision. */
describe('stale profile-change decisions are refused (409)', () => {
  let env: TestEnv;
  let op1: TestBrowser;
  let op2: TestBrowser;
  let facilityId = 0;
  const row = async () => (await env.deps.db.select().from(facilities).where(eq(facilities.id, facilityId)))[0]!;
  const pendingSinceOn = (html: string) => /name="pendingSince" value="([^"]+)"/.exec(html)![1]!;
  before(async () => {
    env = await createTestEnv();
    const program = await openCampaign(env.deps, 'stalep');
    const owner = await makeUser(env.deps, 'owner@aoba.example.jp', 'business', program.id);
    await makeUser(env.deps, 'op1@stalep.example', 'operator', program.id);
    await makeUser(env.deps, 'op2@stalep.example', 'operator', program.id);
    const [f] = await env.deps.db
      .insert(facilities)
      .values({ programId: program.id, name: 'ホテル青葉', nameKana: 'ホテルアオバ', type: 'hotel', postalCode: '980-0811', address: '仙台市青葉区一番町1-1-1', ward: '青葉区', phone: '022-123-4567', features: ['Wi-Fi'], registrationNumber: 'R-000001', registeredOn: '2026-05-10' })
      .returning();
    facilityId = f!.id;
    await env.deps.db.execute(sql`insert into facility_users (facility_id, user_id) values (${facilityId}, ${owner.id})`);
    [op1, op2] = (await signedInBrowsers(env.deps, ['op1@stalep.example', 'op2@stalep.example'])) as [TestBrowser, TestBrowser];
  });
  after(() => env.close());

  const mails = () => queryRows<{ template: string }>(env.deps.db, sql`select template from mail_outbox where template like 'campaign.profile%' order by id`);
  const decisions = () => queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where action in ('campaign.facility.profile_approved', 'campaign.facility.profile_rejected') order by id`);

  test('approve and reject posted at once: one wins, the other gets 409 with the reason on the page; one mail', async () => {
    await runCommand(env.deps, systemActor('test'), (ctx) => submitProfileChange(ctx, facilityId, PROFILE, ['Wi-Fi']));
    await op1.get('/admin/campaign/stalep/profiles');
    await op2.get('/admin/campaign/stalep/profiles');
    const seen = pendingSinceOn(op1.lastHtml);
    assert.equal(pendingSinceOn(op2.lastHtml), seen);
    const [approve, reject] = await Promise.all([
      op1.post(`/admin/campaign/stalep/profiles/${facilityId}/decision`, { [`decision-${facilityId}`]: 'approve', [`reason-${facilityId}`]: '', pendingSince: seen }),
      op2.post(`/admin/campaign/stalep/profiles/${facilityId}/decision`, { [`decision-${facilityId}`]: 'reject', [`reason-${facilityId}`]: '写真と名称が一致しません', pendingSince: seen }),
    ]);
    assert.deepEqual([approve.status, reject.status].sort(), [303, 409]);
    const approved = approve.status === 303;
    const loser = approved ? op2 : op1;
    assert.match(loser.lastHtml, /判断を登録できませんでした/);
    assert.match(loser.lastHtml, /この施設の変更申請はすでに処理されています/);
    const f = await row();
    assert.equal(f.pendingProfile, null);
    assert.equal(f.name, approved ? 'ホテル青葉リニューアル' : 'ホテル青葉', "the listing is the winner's");
    assert.deepEqual((await mails()).map((m) => m.template), [approved ? 'campaign.profile_approved' : 'campaign.profile_rejected'], 'exactly one mail');
    assert.equal((await decisions()).length, 1);
  });

  test('a decision from a page loaded before the business sent a newer change is refused; the newer change stays pending', async () => {
    await runCommand(env.deps, systemActor('test'), (ctx) => submitProfileChange(ctx, facilityId, { ...PROFILE, name: '青葉ホテル本館' }, ['Wi-Fi']));
    await op1.get('/admin/campaign/stalep/profiles');
    const seen = pendingSinceOn(op1.lastHtml);
    env.clock.advance(60_000);
    await runCommand(env.deps, systemActor('test'), (ctx) => submitProfileChange(ctx, facilityId, { ...PROFILE, name: '青葉ホテル新館' }, ['Wi-Fi']));
    const before = (await mails()).length;
    const res = await op1.post(`/admin/campaign/stalep/profiles/${facilityId}/decision`, { [`decision-${facilityId}`]: 'approve', [`reason-${facilityId}`]: '', pendingSince: seen });
    assert.equal(res.status, 409);
    assert.match(op1.lastHtml, /事業者が変更内容を更新しました/);
    assert.match(op1.lastHtml, /青葉ホテル新館/, 'the page shown again has the newer change');
    const f = await row();
    assert.equal(f.pendingProfile?.name, '青葉ホテル新館');
    assert.notEqual(f.name, '青葉ホテル本館');
    assert.equal((await mails()).length, before, 'no mail for a refused decision');
  });
});
