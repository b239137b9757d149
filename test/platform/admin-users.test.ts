import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { createSession } from '../../src/platform/auth/sessions.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { TestBrowser } from '../helpers/http.js';
import { makeProgram, makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';

describe('user administration', () => {
  let env: TestEnv;
  let admin: TestBrowser;
  let programId: number;
  before(async () => {
    env = await createTestEnv();
    programId = (await makeProgram(env.deps, 'users-prog')).id;
    const user = await makeUser(env.deps, 'root@users.example', 'admin', null);
    const { token } = await createSession(env.deps.db, user.id, env.clock.now(), { ip: null, mfaVerified: true });
    admin = new TestBrowser(env.deps);
    admin.cookies.set('jmk_session', token);
  });
  after(() => env.close());

  test('inviting creates the account without a password and mails a set-password link; the form sent twice invites once', async () => {
    const mails = async () => Number((await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from mail_outbox where template = 'auth.invite'`))[0]!.n);
    const before = await mails();
    await admin.get('/admin/users');
    const form = { _once: admin.once(), email: 'New.Staff@Example.jp', role: 'operator', program: String(programId) };
    assert.ok(form._once.length >= 16);
    const res = await admin.post('/admin/users', form);
    assert.equal(res.status, 303);
    const again = await admin.post('/admin/users', form);
    assert.equal(again.status, 303);
    assert.equal(again.headers.get('location'), '/admin/users');
    assert.match(await (await admin.get('/admin/users')).text(), /この送信はすでに受け付けています/);
    assert.equal(await mails(), before + 1, 'one invitation mail');
    const [{ n }] = (await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from users where email = 'new.staff@example.jp'`)) as [{ n: number }];
    assert.equal(Number(n), 1);
    const [u] = await queryRows<{ password_hash: string | null }>(env.deps.db, sql`select password_hash from users where email = 'new.staff@example.jp'`);
    assert.equal(u!.password_hash, null);
    const [mail] = await queryRows<{ template: string }>(env.deps.db, sql`select template from mail_outbox order by id desc limit 1`);
    assert.equal(mail!.template, 'auth.invite');
    const page = await (await admin.get('/admin/users')).text();
    assert.match(page, /new\.staff@example\.jp/);
    assert.match(page, /data-grant="operator@users-prog"/);
  });

  test('a bad invitation re-renders with the field error', async () => {
    await admin.get('/admin/users');
    const res = await admin.post('/admin/users', { email: 'not-an-email', role: 'operator', program: String(programId) });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /メールアドレスの形式が正しくありません/);
    assert.match(html, /aria-invalid="true"/);
  });

  test('disabling a user ends their sessions at once', async () => {
    const op = await makeUser(env.deps, 'leaving@users.example', 'operator', programId);
    const b = new TestBrowser(env.deps);
    await b.login('leaving@users.example', TEST_PASSWORD);
    assert.equal((await b.get('/admin')).status, 200);
    await admin.get('/admin/users');
    assert.equal((await admin.post(`/admin/users/${op.id}/disable`, {})).status, 303);
    assert.equal((await b.get('/admin')).status, 303);
    assert.equal((await new TestBrowser(env.deps).login('leaving@users.example', TEST_PASSWORD)).status, 401);
  });

  test('revoking a role ends the sessions of that user', async () => {
    const op = await makeUser(env.deps, 'demoted@users.example', 'operator', programId);
    const b = new TestBrowser(env.deps);
    await b.login('demoted@users.example', TEST_PASSWORD);
    await admin.get('/admin/users');
    const page = await (await admin.get('/admin/users')).text();
    assert.match(page, new RegExp(`action="/admin/users/${op.id}/roles/revoke"`), 'each grant has its own revoke button');
    assert.equal((await admin.post(`/admin/users/${op.id}/roles/revoke`, { role: 'operator', program: String(programId) })).status, 303);
    assert.equal((await b.get('/admin')).status, 303);
    const [m] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from memberships where user_id = ${op.id}`);
    assert.equal(m!.n, 0);
  });

  test('the row editor grants and changes a role per program without typing ids; sessions end; audited', async () => {
    const other = await makeProgram(env.deps, 'users-other');
    const u = await makeUser(env.deps, 'mover@users.example', 'city', programId);
    const b = new TestBrowser(env.deps);
    await b.login('mover@users.example', TEST_PASSWORD);
    assert.equal((await b.get('/admin')).status, 200);
    const page = await (await admin.get('/admin/users')).text();
    assert.match(page, new RegExp(`<form[^>]*action="/admin/users/${u.id}/roles"`));
    assert.match(page, new RegExp(`name="role-${u.id}"`));
    assert.match(page, /data-grant="city@users-prog"/);

    // Change: city → operator in users-prog.
    const change = await admin.post(`/admin/users/${u.id}/roles`, { [`role-${u.id}`]: 'operator', [`program-${u.id}`]: String(programId) });
    assert.equal(change.status, 303);
    assert.equal((await b.get('/admin')).status, 303, 'the changed user must sign in again');
    // Grant: agent in another program, the first role is kept.
    await admin.get('/admin/users');
    assert.equal((await admin.post(`/admin/users/${u.id}/roles`, { [`role-${u.id}`]: 'agent', [`program-${u.id}`]: String(other.id) })).status, 303);
    const roles = await queryRows<{ role: string; program_id: number }>(env.deps.db, sql`select role, program_id from memberships where user_id = ${u.id} order by program_id`);
    assert.deepEqual(roles.map((r) => `${r.role}@${r.program_id}`), [`operator@${programId}`, `agent@${other.id}`]);
    const audit = await queryRows<{ action: string; diff: unknown; role: string }>(
      env.deps.db,
      sql`select action, diff, role from audit_log where target_type = 'user' and target_id = ${String(u.id)} and action like 'platform.user.role_%' order by id`,
    );
    assert.deepEqual(audit.map((a) => a.action), ['platform.user.role_granted', 'platform.user.role_changed', 'platform.user.role_granted']);
    assert.deepEqual(audit[1]!.diff, { roles: [['city'], ['operator']], programId });
    assert.equal(audit[1]!.role, 'admin');
    const listed = await (await admin.get('/admin/users')).text();
    assert.match(listed, /data-grant="operator@users-prog"/);
    assert.match(listed, /data-grant="agent@users-other"/);
  });

  test('a role without a program is refused beside the field; an admin cannot edit their own roles', async () => {
    const u = await makeUser(env.deps, 'bad@users.example', 'city', programId);
    await admin.get('/admin/users');
    const bad = await admin.post(`/admin/users/${u.id}/roles`, { [`role-${u.id}`]: 'operator', [`program-${u.id}`]: '' });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /事業を選んでください/);
    assert.match(html, new RegExp(`id="program-${u.id}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="program-${u.id}"`));
    const [root] = await queryRows<{ id: number }>(env.deps.db, sql`select id from users where email = 'root@users.example'`);
    await admin.get('/admin/users');
    assert.equal((await admin.post(`/admin/users/${root!.id}/roles`, { [`role-${root!.id}`]: 'operator', [`program-${root!.id}`]: String(programId) })).status, 409);
  });

  test('inviting an existing user to a new role ends their sessions (privilege change)', async () => {
    await makeUser(env.deps, 'twice@users.example', 'city', programId);
    const b = new TestBrowser(env.deps);
    await b.login('twice@users.example', TEST_PASSWORD);
    assert.equal((await b.get('/admin')).status, 200);
    await admin.get('/admin/users');
    assert.equal((await admin.post('/admin/users', { email: 'twice@users.example', role: 'operator', program: String(programId) })).status, 303);
    assert.equal((await b.get('/admin')).status, 303);
  });
});
