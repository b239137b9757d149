import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import type { Program } from '../../../platform/programs/schema.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { signedInBrowsers, TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { submitApplication } from '../commands/save-application.js';
import { openCampaign, PDF_BYTES, validApplication } from '../test-helpers.js';

/**
 * Approving an application whose contact address already has an account gives that account the
 * business role through the platform's grant: audited in the decision's transaction, and the
 * account's existing sessions end (its privileges are read again at the next sign-in).
 */
describe('the business role granted by an approval goes through the audited platform grant', () => {
  let env: TestEnv;
  let program: Program;
  let operator: TestBrowser;
  let operatorId = 0;
  let contactId = 0;
  before(async () => {
    env = await createTestEnv();
    program = await openCampaign(env.deps, 'grantc');
    const elsewhere = await openCampaign(env.deps, 'grantd');
    operatorId = (await makeUser(env.deps, 'op@grantc.example', 'operator', program.id)).id;
    // The applicant's contact already runs a facility in another campaign.
    contactId = (await makeUser(env.deps, 'contact1@aoba.example.jp', 'business', elsewhere.id)).id;
    [operator] = (await signedInBrowsers(env.deps, ['op@grantc.example'])) as [TestBrowser];
  });
  after(() => env.close());

  async function submitted(n: number): Promise<number> {
    const app = await runCommand(env.deps, systemActor('test'), (ctx) =>
      submitApplication(ctx, {
        program,
        body: validApplication(n, { operator: { contactEmail: 'Contact1@Aoba.example.jp' } }),
        channel: 'staff',
        applicantUserId: null,
        uploads: [{ kind: 'license', filename: 'license.pdf', bytes: PDF_BYTES }],
      }),
    );
    return app.id;
  }
  const approve = async (id: number) => {
    await operator.get(`/admin/campaign/applications/${id}`);
    return operator.post(`/admin/campaign/applications/${id}/decision`, { decision: 'approve', reason: '' });
  };
  const grants = () =>
    queryRows<{ program_id: number | null; actor_user_id: number | null; role: string | null; diff: unknown }>(
      env.deps.db,
      sql`select program_id, actor_user_id, role, diff from audit_log where action = 'platform.user.role_granted' and target_type = 'user' and target_id = ${String(contactId)} order by id`,
    );

  test('approval grants the role: audited with the approving operator, and the old session cookie no longer works', async () => {
    const contact = new TestBrowser(env.deps, operator.app);
    assert.equal((await contact.login('contact1@aoba.example.jp', TEST_PASSWORD)).status, 303);
    assert.equal((await contact.get('/account')).status, 200);
    const oldCookie = contact.cookies.get('jmk_session');
    assert.ok(oldCookie);

    const id = await submitted(1);
    assert.equal((await approve(id)).status, 303, operator.lastHtml.slice(0, 1500));

    const audit = await grants();
    assert.equal(audit.length, 2, 'the role in the other campaign, then this one');
    assert.equal(audit[1]!.program_id, program.id);
    assert.deepEqual(audit[1]!.diff, { role: 'business', programId: program.id });
    assert.equal(Number(audit[1]!.actor_user_id), operatorId, 'written in the approval, by the operator who approved');
    assert.equal(audit[1]!.role, 'operator');
    const roles = await queryRows<{ role: string }>(env.deps.db, sql`select role from memberships where user_id = ${contactId} and program_id = ${program.id}`);
    assert.deepEqual(roles.map((r) => r.role), ['business']);

    const stale = new TestBrowser(env.deps, operator.app);
    stale.cookies.set('jmk_session', oldCookie!);
    const res = await stale.get('/account');
    assert.equal(res.status, 303, 'the session from before the grant has ended');
    assert.match(res.headers.get('location') ?? '', /^\/login/);
    const invites = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from mail_outbox where template = 'auth.invite'`);
    assert.equal(Number(invites[0]!.n), 0, 'an existing account is not invited');

    // Signed in again, the account reaches the new program's business portal.
    const again = new TestBrowser(env.deps, operator.app);
    assert.equal((await again.login('contact1@aoba.example.jp', TEST_PASSWORD)).status, 303);
    assert.equal((await again.get('/grantc/business')).status, 200);
  });

  test('a second approval for the same contact grants nothing new: no audit entry, the session survives', async () => {
    const contact = new TestBrowser(env.deps, operator.app);
    await contact.login('contact1@aoba.example.jp', TEST_PASSWORD);
    assert.equal((await contact.get('/account')).status, 200);
    const id = await submitted(2);
    assert.equal((await approve(id)).status, 303);
    assert.equal((await grants()).length, 2);
    assert.equal((await contact.get('/account')).status, 200);
  });
});
