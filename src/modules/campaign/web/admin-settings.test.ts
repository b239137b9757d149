import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { createSession } from '../../../platform/auth/sessions.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { makeProgram, makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { findProgramBySlug } from '../../../platform/programs/queries.js';
import { openCampaign } from '../test-helpers.js';

/** Posts the settings form with repeated checkbox values (TestBrowser.post takes one value per name). */
async function postSettings(b: TestBrowser, fields: Record<string, string>, attachments: string[]) {
  const body = new URLSearchParams({ _csrf: b.csrf(), ...fields });
  for (const a of attachments) body.append('requiredAttachments', a);
  const res = await b.request('/admin/campaign/stay/settings', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  if ((res.headers.get('content-type') ?? '').includes('text/html')) b.lastHtml = await res.clone().text();
  return res;
}

const VALID = {
  applicationOpens: '2026-05-01',
  applicationCloses: '2026-06-30',
  campaignStarts: '2026-07-10',
  campaignEnds: '2026-08-31',
  registryDeadline: '2026-07-03',
  termsText: '第1条 目的\n\n改訂した要項です。',
  manualText: '# はじめに\n\n操作の手引きです。',
  facilityFeatures: '温泉\n駐車場\n',
};

describe('back office: campaign settings and re-opening', () => {
  let env: TestEnv;
  let operator: TestBrowser;
  let admin: TestBrowser;
  let city: TestBrowser;
  const settings = async () => (await findProgramBySlug(env.deps.db, 'stay'))!.settings;
  before(async () => {
    env = await createTestEnv();
    const program = await openCampaign(env.deps, 'stay');
    await makeUser(env.deps, 'op@stay.example', 'operator', program.id);
    await makeUser(env.deps, 'city@stay.example', 'city', program.id);
    const adminUser = await makeUser(env.deps, 'admin@stay.example', 'admin', null);
    operator = new TestBrowser(env.deps);
    admin = new TestBrowser(env.deps, operator.app);
    city = new TestBrowser(env.deps, operator.app);
    await operator.login('op@stay.example', TEST_PASSWORD);
    await city.login('city@stay.example', TEST_PASSWORD);
    // Admins must use a second factor: the session is made with it done.
    admin.cookies.set('jmk_session', (await createSession(env.deps.db, adminUser.id, env.clock.now(), { ip: null, mfaVerified: true })).token);
  });
  after(() => env.close());

  test('the operator sees the settings with the current values; no re-open form; the City is refused', async () => {
    const res = await operator.get('/admin/campaign/stay/settings');
    assert.equal(res.status, 200);
    assert.match(operator.lastHtml, /value="2026-05-01"/);
    assert.match(operator.lastHtml, /この要項は参加事業者の募集について定めます。/);
    assert.doesNotMatch(operator.lastHtml, /action="\/admin\/campaign\/stay\/reopen"/);
    assert.equal((await city.get('/admin/campaign/stay/settings')).status, 403);
  });

  test('a bad date and a window ending after the campaign starts: Japanese errors beside the fields, nothing saved', async () => {
    const before = await settings();
    await operator.get('/admin/campaign/stay/settings');
    const res = await postSettings(operator, { ...VALID, applicationOpens: '2026-13-01', applicationCloses: '2026-07-15', termsText: '保存されてはならない' }, ['license', 'photo']);
    assert.equal(res.status, 422);
    const html = operator.lastHtml;
    assert.match(html, /dads-error-summary/);
    assert.match(html, /id="applicationOpens-error"[^>]*>[\s\S]*?YYYY-MM-DD 形式の実在する日付で指定してください/);
    assert.match(html, /受付終了日はキャンペーン開始日より前の日付にしてください/);
    assert.match(html, /保存されてはならない/, 'what was typed is kept');
    assert.deepEqual(await settings(), before);
    // A date that is set cannot be blanked out.
    await postSettings(operator, { ...VALID, registryDeadline: '', campaignStarts: '' }, ['license']);
    assert.match(operator.lastHtml, /キャンペーン開始日は消去できません/);
    assert.deepEqual(await settings(), before);
  });

  test('valid settings are saved through program settings (audited) and shown to businesses', async () => {
    await operator.get('/admin/campaign/stay/settings');
    const res = await postSettings(operator, VALID, ['license', 'photo']);
    assert.equal(res.status, 303, operator.lastHtml.slice(0, 1500));
    const s = await settings();
    assert.equal(s.registryDeadline, '2026-07-03');
    assert.deepEqual(s.requiredAttachments, ['license', 'photo']);
    assert.deepEqual(s.facilityFeatures, ['温泉', '駐車場']);
    assert.equal(s.termsText, VALID.termsText);
    const audit = await queryRows<{ diff: Record<string, unknown> }>(env.deps.db, sql`select diff from audit_log where action = 'platform.program.settings_changed' order by id desc limit 1`);
    assert.deepEqual((audit[0]!.diff as { registryDeadline: unknown }).registryDeadline, [null, '2026-07-03']);
    assert.ok(!('applicationOpens' in audit[0]!.diff), 'unchanged values are not rewritten (nor logged)');
    // Saving the page again unchanged writes nothing.
    const entries = async () => (await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'platform.program.settings_changed'`))[0]!.n;
    const n = await entries();
    await operator.get('/admin/campaign/stay/settings');
    assert.equal((await postSettings(operator, VALID, ['license', 'photo'])).status, 303);
    assert.equal(await entries(), n);
    const terms = await new TestBrowser(env.deps, operator.app).get('/stay/business/terms');
    assert.equal(terms.status, 200);
    assert.match(await terms.text(), /改訂した要項です。/);
    await operator.get('/admin/campaign/stay');
    assert.match(operator.lastHtml, /参加事業者データの納品期限/);
    assert.match(operator.lastHtml, /2026年7月3日|令和8年7月3日/);
  });

  test('re-opening: admin only, a reason is required, and it is audited with the reason', async () => {
    await operator.get('/admin/campaign/stay/settings');
    assert.equal((await operator.post('/admin/campaign/stay/reopen', { until: '2026-07-20', reason: '締切直前の障害のため' })).status, 403);
    await admin.get('/admin/campaign/stay/settings');
    assert.match(admin.lastHtml, /action="\/admin\/campaign\/stay\/reopen"/);
    const missing = await admin.post('/admin/campaign/stay/reopen', { until: '2026-07-20', reason: '  ' });
    assert.equal(missing.status, 422);
    assert.match(admin.lastHtml, /受付を再開する理由を入力してください/);
    assert.equal((await settings()).applicationsReopenedUntil, undefined);
    const ok = await admin.post('/admin/campaign/stay/reopen', { until: '2026-07-20', reason: '締切直前の障害のため' });
    assert.equal(ok.status, 303, admin.lastHtml.slice(0, 1500));
    assert.equal((await settings()).applicationsReopenedUntil, '2026-07-20');
    const audit = await queryRows<{ diff: { reason: string } }>(env.deps.db, sql`select diff from audit_log where action = 'campaign.applications.reopened'`);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.diff.reason, '締切直前の障害のため');
  });

  test('a program of another kind has no campaign settings (404)', async () => {
    await makeProgram(env.deps, 'meeting', 'event');
    assert.equal((await admin.get('/admin/campaign/meeting/settings')).status, 404);
    assert.equal((await admin.get('/admin/campaign/meeting/notices')).status, 404);
  });
});
