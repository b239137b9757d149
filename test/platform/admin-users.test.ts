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

  test('inviting creates the account without a password and mails a set-password link', async () => {
    await admin.get('/admin/users');
    const res = await admin.post('/admin/users', { email: 'New.Staff@Example.jp', role: 'operator', program: String(programId) });
    assert.equal(res.status, 303);
    const [u] = await queryRows<{ password_hash: string | null }>(env.deps.db, sql`select password_hash from users where email = 'new.staff@example.jp'`);
    assert.equal(u!.password_hash, null);
    const [mail] = await queryRows<{ template: string }>(env.deps.db, sql`select template from mail_outbox order by id desc limit 1`);
    assert.equal(mail!.template, 'auth.invite');
    const page = await (await admin.get('/admin/users')).text();
    assert.match(page, /new\.staff@example\.jp/);
    assert.match(page, /operator@users-prog/);
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
    assert.equal((await admin.post('/admin/users/revoke', { userId: String(op.id), role: 'operator', program: String(programId) })).status, 303);
    assert.equal((await b.get('/admin')).status, 303);
  });
});
