import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { createApp } from '../../app.js';
import { systemActor } from '../../platform/audit/index.js';
import { createUser } from '../../platform/auth/users.js';
import { runCommand } from '../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { makeToken, makeUser, TEST_PASSWORD } from '../../../test/helpers/fixtures.js';
import { apiRequest, signedInBrowsers, TestBrowser, type TestBrowser as Browser } from '../../../test/helpers/http.js';
import { submitApplication } from '../campaign/commands/save-application.js';
import { listDocuments } from '../campaign/documents.js';
import { openCampaign, PDF_BYTES, validApplication } from '../campaign/test-helpers.js';

describe('privacy: the staff roster the City approves gates personal data', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;
  let op: Browser;
  let city: Browser;
  let adminToken: string;
  let opToken: string;
  let cityToken: string;
  let businessToken: string;
  let docPath: string;
  let opId: number;
  before(async () => {
    env = await createTestEnv();
    const program = await openCampaign(env.deps, 'rost');
    const admin = await makeUser(env.deps, 'adm@rost.example', 'admin', program.id);
    const operator = await makeUser(env.deps, 'op@rost.example', 'operator', program.id);
    opId = operator.id;
    const cityUser = await makeUser(env.deps, 'city@rost.example', 'city', program.id);
    const biz = await makeUser(env.deps, 'biz@rost.example', 'business', program.id);
    // Not through the fixture: a new member of staff, not yet on the roster.
    await runCommand(env.deps, systemActor('test'), (ctx) => createUser(ctx, { email: 'new@rost.example', role: 'operator', programId: program.id, password: TEST_PASSWORD }));
    const a = await runCommand(env.deps, systemActor('test'), (ctx) =>
      submitApplication(ctx, { program, body: validApplication(7), channel: 'staff', applicantUserId: null, uploads: [{ kind: 'license', filename: 'license.pdf', bytes: PDF_BYTES }] }),
    );
    const [doc] = await listDocuments(env.deps.db, a.id);
    docPath = `/admin/campaign/applications/${a.id}/documents/${doc!.id}`;
    [op, city] = (await signedInBrowsers(env.deps, ['op@rost.example', 'city@rost.example'])) as [Browser, Browser];
    app = op.app;
    adminToken = await makeToken(env.deps, admin.id);
    opToken = await makeToken(env.deps, operator.id);
    cityToken = await makeToken(env.deps, cityUser.id);
    businessToken = await makeToken(env.deps, biz.id);
  });
  after(() => env.close());

  const entryOf = async (userId: number) =>
    (await queryRows<{ id: number; status: string }>(env.deps.db, sql`select id, status from privacy_staff where user_id = ${userId} order by id desc limit 1`))[0]!;
  const refusals = async () => (await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'privacy.access.refused'`))[0]!.n;

  test('an approved operator sees the documents, the registry export and the roster PDF', async () => {
    assert.equal((await op.get(docPath)).status, 200);
    assert.equal((await apiRequest(app, 'GET', '/api/v1/programs/rost/registry.xlsx', { token: opToken })).status, 200);
    const pdf = await op.get('/admin/privacy/rost/staff.pdf');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  });

  test('removed from the roster: 403 not-on-staff-roster at once on documents, exports and the roster export, audited; re-approved: 200', async () => {
    const entry = await entryOf(opId);
    const ended = await apiRequest(app, 'DELETE', `/api/v1/staff/${entry.id}`, { token: adminToken });
    assert.equal(ended.status, 200);
    assert.deepEqual(await ended.json(), { id: entry.id, status: 'ended' });
    const before = await refusals();
    const doc = await op.get(docPath);
    assert.equal(doc.status, 403);
    assert.match(await doc.text(), /作業従事者名簿で承認されていない/);
    const api = await apiRequest(app, 'GET', '/api/v1/programs/rost/registry.xlsx', { token: opToken });
    assert.equal(api.status, 403);
    const problem = (await api.json()) as { code: string };
    assert.equal(problem.code, 'not-on-staff-roster');
    assert.equal((await op.get('/admin/privacy/rost/staff.pdf')).status, 403);
    assert.equal(await refusals(), before + 3, 'each refusal is audited');
    const viewed = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'campaign.application.document_viewed' and actor_user_id = ${opId}`);
    assert.equal(viewed[0]!.n, 1, 'the refused views are not recorded as views');
    // The City still sees the roster (not contractor staff).
    assert.equal((await city.get('/admin/privacy/rost/staff.pdf')).status, 200);

    // Asked for again and approved by the City.
    const req = await apiRequest(app, 'POST', '/api/v1/programs/rost/staff', { token: adminToken, body: { email: 'op@rost.example', kind: 'manager', duties: '審査・問い合わせ対応', trainedOn: '2026-04-01', pledgedOn: '2026-04-02' } });
    assert.equal(req.status, 201);
    const made = (await req.json()) as { id: number; status: string };
    assert.equal(made.status, 'requested');
    assert.equal((await op.get(docPath)).status, 403, 'a request is not an approval');
    const inbox = await city.get('/admin');
    assert.match(await inbox.text(), /作業従事者名簿の承認待ち/, 'the City sees the request waiting');
    assert.equal((await apiRequest(app, 'POST', `/api/v1/staff/${made.id}/decision`, { token: opToken, body: { decision: 'approve' } })).status, 403, 'the contractor does not approve itself');
    assert.equal((await apiRequest(app, 'POST', `/api/v1/staff/${made.id}/decision`, { token: businessToken, body: { decision: 'approve' } })).status, 403);
    const ok = await apiRequest(app, 'POST', `/api/v1/staff/${made.id}/decision`, { token: cityToken, body: { decision: 'approve', comment: '研修受講を確認' } });
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { status: 'approved' });
    assert.equal((await apiRequest(app, 'POST', `/api/v1/staff/${made.id}/decision`, { token: cityToken, body: { decision: 'reject' } })).status, 409, 'decided once');
    assert.equal((await op.get(docPath)).status, 200);
    assert.equal((await apiRequest(app, 'GET', '/api/v1/programs/rost/registry.xlsx', { token: opToken })).status, 200);
    const trail = await queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where target_type = 'privacy_staff' order by id`);
    assert.deepEqual(trail.map((r) => r.action).slice(-3), ['privacy.staff.ended', 'privacy.staff.requested', 'privacy.staff.approved']);
  });

  test('requests: bad input 422, a second live entry 409, someone not staff of the program 422', async () => {
    const bad = await apiRequest(app, 'POST', '/api/v1/programs/rost/staff', { token: adminToken, body: { email: 'new@rost.example', kind: 'boss', duties: '' } });
    assert.equal(bad.status, 422);
    const fields = ((await bad.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['duties', 'kind']);
    assert.equal((await apiRequest(app, 'POST', '/api/v1/programs/rost/staff', { token: adminToken, body: { email: 'op@rost.example', kind: 'worker', duties: 'x' } })).status, 409);
    assert.equal((await apiRequest(app, 'POST', '/api/v1/programs/rost/staff', { token: adminToken, body: { email: 'city@rost.example', kind: 'worker', duties: 'x' } })).status, 422);
    assert.equal((await apiRequest(app, 'POST', '/api/v1/programs/rost/staff', { token: cityToken, body: { email: 'new@rost.example', kind: 'worker', duties: 'x' } })).status, 403);
  });

  test('back office: request by form (operator), the City rejects with a comment; the roster page lists both', async () => {
    await op.get('/admin/privacy/rost/staff');
    const res = await op.post('/admin/privacy/rost/staff', { email: 'new@rost.example', kind: 'worker', duties: 'データ入力', reason: '繁忙期の増員' });
    assert.equal(res.status, 303);
    const entry = (await queryRows<{ id: number; status: string; reason: string }>(env.deps.db, sql`select s.id, s.status, s.reason from privacy_staff s join users u on u.id = s.user_id where u.email = 'new@rost.example'`))[0]!;
    assert.equal(entry.status, 'requested');
    assert.equal(entry.reason, '繁忙期の増員');
    await city.get('/admin/privacy/rost/staff');
    assert.equal((await city.post(`/admin/privacy/staff/${entry.id}/decision`, { decision: 'reject', comment: '誓約書が未提出' })).status, 303);
    const page = await (await city.get('/admin/privacy/rost/staff')).text();
    assert.match(page, /却下/);
    assert.match(page, /誓約書が未提出/);
  });

  test('enforceStaffRoster=false lets staff off the roster see personal data', async () => {
    const nb = new TestBrowser(env.deps, app);
    await nb.login('new@rost.example', TEST_PASSWORD);
    assert.equal((await nb.get(docPath)).status, 403);
    // The roster page stays open to them (it is where they are requested), and each view is audited.
    const views = async () => (await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'privacy.roster.page_viewed'`))[0]!.n;
    const before = Number(await views());
    assert.equal((await nb.get('/admin/privacy/rost/staff')).status, 200);
    assert.equal(Number(await views()), before + 1, 'the roster page view is in the audit trail');
    await cli(env.deps, ['program', 'set', 'rost', 'enforceStaffRoster=false']);
    assert.equal((await nb.get(docPath)).status, 200);
    await cli(env.deps, ['program', 'set', 'rost', 'enforceStaffRoster=true']);
    assert.equal((await nb.get(docPath)).status, 403);
  });
});
