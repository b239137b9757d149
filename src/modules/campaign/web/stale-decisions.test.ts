import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import type { Program } from '../../../platform/programs/schema.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { apiRequest, signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { makeToken, makeUser } from '../../../../test/helpers/fixtures.js';
import { submitApplication } from '../commands/save-application.js';
import { openCampaign, PDF_BYTES, validApplication } from '../test-helpers.js';

/**
 * Two decisions on one application, both taken on pages (or API reads) from before either was
 * posted: exactly one is recorded, the other is refused with 409, and only the winner's mail goes out.
 */
describe('stale review decisions are refused (409), never overwrite each other', () => {
  let env: TestEnv;
  let program: Program;
  let op1: TestBrowser;
  let op2: TestBrowser;
  let city: TestBrowser;
  let tokens: string[];
  let n = 0;
  before(async () => {
    env = await createTestEnv();
    program = await openCampaign(env.deps, 'stale');
    const a = await makeUser(env.deps, 'op1@stale.example', 'operator', program.id);
    const b = await makeUser(env.deps, 'op2@stale.example', 'operator', program.id);
    await makeUser(env.deps, 'city@stale.example', 'city', program.id);
    [op1, op2, city] = (await signedInBrowsers(env.deps, ['op1@stale.example', 'op2@stale.example', 'city@stale.example'])) as [TestBrowser, TestBrowser, TestBrowser];
    tokens = [await makeToken(env.deps, a.id), await makeToken(env.deps, b.id)];
  });
  after(() => env.close());

  /** A submitted application (as staff enter a paper one). */
  async function submitted(): Promise<number> {
    const app = await runCommand(env.deps, systemActor('test'), (ctx) =>
      submitApplication(ctx, { program, body: validApplication(++n), channel: 'staff', applicantUserId: null, uploads: [{ kind: 'license', filename: 'license.pdf', bytes: PDF_BYTES }] }),
    );
    return app.id;
  }

  const state = async (id: number) => (await queryRows<{ status: string; facility_id: number | null }>(env.deps.db, sql`select status, facility_id from campaign_applications where id = ${id}`))[0]!;
  const facilitiesOf = (id: number) => queryRows<{ id: number }>(env.deps.db, sql`select id from facilities where application_id = ${id}`);
  /** The result mails (not the receipt, not the account invitation) sent about applications of this test so far. */
  const resultMails = () => queryRows<{ template: string }>(env.deps.db, sql`select template from mail_outbox where template in ('campaign.approved', 'campaign.rejected', 'campaign.returned', 'campaign.escalated') order by id`);
  const decisions = (id: number) =>
    queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where target_type = 'campaign_application' and target_id = ${String(id)} and action in ('campaign.application.approved', 'campaign.application.rejected') order by id`);

  test('two reviewers post approve and reject at once from pages loaded before either: one wins, the other gets 409; one mail', async () => {
    const id = await submitted();
    const page = `/admin/campaign/applications/${id}`;
    assert.equal((await op1.get(page)).status, 200);
    assert.equal((await op2.get(page)).status, 200);
    assert.match(op1.lastHtml, /name="seenStatus" value="submitted"/, 'the form carries the status it was shown with');
    const mailsBefore = (await resultMails()).length;
    const [approve, reject] = await Promise.all([
      op1.post(`${page}/decision`, { decision: 'approve', reason: '', seenStatus: 'submitted' }),
      op2.post(`${page}/decision`, { decision: 'reject', reason: '参加要件を満たしていません', seenStatus: 'submitted' }),
    ]);
    assert.deepEqual([approve.status, reject.status].sort(), [303, 409]);
    const approved = approve.status === 303;
    const loser = approved ? op2 : op1;
    assert.match(loser.lastHtml, /判断を登録できませんでした/);
    assert.match(loser.lastHtml, /この申請は審査できる状態ではありません（現在の状態: (参加決定|不承認)）/);
    assert.match(loser.lastHtml, /<title>エラー/, 'the page title says there is an error');

    const s = await state(id);
    assert.equal(s.status, approved ? 'approved' : 'rejected', "the application ends in the winner's state");
    const registered = await facilitiesOf(id);
    if (approved) {
      assert.equal(registered.length, 1, 'one facility registered');
      assert.equal(s.facility_id, registered[0]!.id);
    } else {
      assert.equal(registered.length, 0, 'a rejected application registers no facility');
      assert.equal(s.facility_id, null);
    }
    const mails = (await resultMails()).slice(mailsBefore);
    assert.deepEqual(mails.map((m) => m.template), [approved ? 'campaign.approved' : 'campaign.rejected'], 'exactly one result mail is queued');
    assert.deepEqual((await decisions(id)).map((a) => a.action), [approved ? 'campaign.application.approved' : 'campaign.application.rejected']);
  });

  test('the reported case: a page loaded before an approval posts a rejection afterwards → 409; the approval and its facility stand', async () => {
    const id = await submitted();
    const page = `/admin/campaign/applications/${id}`;
    await op1.get(page);
    await op2.get(page);
    const mailsBefore = (await resultMails()).length;
    assert.equal((await op1.post(`${page}/decision`, { decision: 'approve', reason: '', seenStatus: 'submitted' })).status, 303);
    const late = await op2.post(`${page}/decision`, { decision: 'reject', reason: '不備があります', seenStatus: 'submitted' });
    assert.equal(late.status, 409);
    assert.match(op2.lastHtml, /現在の状態: 参加決定/);
    const s = await state(id);
    assert.equal(s.status, 'approved');
    assert.equal((await facilitiesOf(id)).length, 1);
    assert.deepEqual((await resultMails()).slice(mailsBefore).map((m) => m.template), ['campaign.approved']);
  });

  test('a page that shows a status the application has since left is refused, even when the new one is reviewable', async () => {
    const id = await submitted();
    const page = `/admin/campaign/applications/${id}`;
    await op1.get(page);
    // Meanwhile another reviewer escalates and the City answers: the application is reviewable again.
    await op2.get(page);
    assert.equal((await op2.post(`${page}/decision`, { decision: 'escalate', reason: '許可証の期限を確認してください', seenStatus: 'submitted' })).status, 303);
    await city.get(page);
    assert.equal((await city.post(`${page}/decision`, { decision: 'answer', recommendation: 'reject', reason: '期限切れです', seenStatus: 'escalated' })).status, 303);
    assert.equal((await state(id)).status, 'answered');
    const blind = await op1.post(`${page}/decision`, { decision: 'approve', reason: '', seenStatus: 'submitted' });
    assert.equal(blind.status, 409, 'approving without having seen the City answer is refused');
    assert.match(op1.lastHtml, /画面を開いた後に変わりました（審査中 → 発注者回答済み）/);
    assert.match(op1.lastHtml, /期限切れです/, 'the page shown again has the answer');
    assert.equal((await state(id)).status, 'answered');
    // Read again, the decision goes through.
    await op1.get(page);
    assert.equal((await op1.post(`${page}/decision`, { decision: 'reject', reason: '許可証の期限切れ', seenStatus: 'answered' })).status, 303);
    assert.equal((await state(id)).status, 'rejected');
  });

  test('API: two decisions at once → one 200, one 409 problem (code conflict); one mail', async () => {
    const id = await submitted();
    const mailsBefore = (await resultMails()).length;
    const [a, b] = await Promise.all([
      apiRequest(op1.app, 'POST', `/api/v1/applications/${id}/decisions`, { token: tokens[0], body: { decision: 'approve' } }),
      apiRequest(op1.app, 'POST', `/api/v1/applications/${id}/decisions`, { token: tokens[1], body: { decision: 'return', reason: '口座名義を確認してください' } }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const loser = a.status === 409 ? a : b;
    assert.match(loser.headers.get('content-type') ?? '', /application\/problem\+json/);
    const problem = (await loser.json()) as { code: string; detail: string; status: number };
    assert.equal(problem.code, 'conflict');
    assert.equal(problem.status, 409);
    assert.match(problem.detail, /審査できる状態ではありません/);
    const winner = a.status === 200 ? 'approved' : 'returned';
    assert.equal((await state(id)).status, winner);
    assert.deepEqual((await resultMails()).slice(mailsBefore).map((m) => m.template), [`campaign.${winner}`]);
    assert.equal((await facilitiesOf(id)).length, winner === 'approved' ? 1 : 0);
  });

  test('API: a decision sent with the status the client saw is refused when the application is no longer in it (409); a bad seenStatus is 422', async () => {
    const id = await submitted();
    const path = `/api/v1/applications/${id}/decisions`;
    const bad = await apiRequest(op1.app, 'POST', path, { token: tokens[0], body: { decision: 'approve', seenStatus: 'maybe' } });
    assert.equal(bad.status, 422);
    assert.equal(((await bad.json()) as { errors: Array<{ field: string }> }).errors[0]!.field, 'seenStatus');
    // Reviewable as it is (submitted), but not in the state the client saw: refused, nothing changes.
    const stale = await apiRequest(op1.app, 'POST', path, { token: tokens[1], body: { decision: 'approve', seenStatus: 'answered' } });
    assert.equal(stale.status, 409);
    assert.match(((await stale.json()) as { detail: string }).detail, /画面を開いた後に変わりました/);
    assert.equal((await state(id)).status, 'submitted');
    assert.equal((await apiRequest(op1.app, 'POST', path, { token: tokens[0], body: { decision: 'approve', seenStatus: 'submitted' } })).status, 200);
    assert.equal((await state(id)).status, 'approved');
  });
});
