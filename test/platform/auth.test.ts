import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { ACCOUNT_MAX_FAILURES, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/platform/auth/policy.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { apiRequest, TestBrowser } from '../helpers/http.js';
import { makeProgram, makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';

async function auditCount(env: TestEnv, action: string, targetId?: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    env.deps.db,
    targetId === undefined
      ? sql`select count(*)::int as n from audit_log where action = ${action}`
      : sql`select count(*)::int as n from audit_log where action = ${action} and target_id = ${String(targetId)}`,
  );
  return Number(rows[0]!.n);
}

describe('accounts, sessions and login throttling', () => {
  let env: TestEnv;
  let programId: number;
  before(async () => {
    env = await createTestEnv();
    programId = (await makeProgram(env.deps, 'auth-prog')).id;
  });
  after(() => env.close());

  test('login sets a HttpOnly, SameSite=Lax session cookie and reaches the back office', async () => {
    await makeUser(env.deps, 'op1@example.jp', 'operator', programId);
    const b = new TestBrowser(env.deps);
    const res = await b.login('op1@example.jp', TEST_PASSWORD);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/admin');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('jmk_session='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/);
    assert.equal((await b.get('/admin')).status, 200);
    assert.equal(await auditCount(env, 'platform.auth.login_succeeded'), 1);
  });

  test('over https the cookie is __Host- prefixed and Secure', async () => {
    const https = await createTestEnv({ PUBLIC_BASE_URL: 'https://jimukyoku.example.jp' });
    try {
      const p = await makeProgram(https.deps, 'https-prog');
      await makeUser(https.deps, 'op@example.jp', 'operator', p.id);
      const b = new TestBrowser(https.deps);
      const res = await b.login('op@example.jp', TEST_PASSWORD);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-jmk_session='));
      assert.ok(cookie, 'cookie name has the __Host- prefix');
      assert.match(cookie!, /Secure/);
      assert.doesNotMatch(cookie!, /Domain=/i);
    } finally {
      await https.close();
    }
  });

  test('the session token is stored only as a hash', async () => {
    const b = new TestBrowser(env.deps);
    await b.login('op1@example.jp', TEST_PASSWORD);
    const token = b.cookies.get('jmk_session')!;
    const rows = await queryRows<{ id_hash: string }>(env.deps.db, sql`select id_hash from sessions`);
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.id_hash !== token && r.id_hash.length === 64));
  });

  test('a wrong password is refused with a clear message and audited', async () => {
    const user = await makeUser(env.deps, 'op2@example.jp', 'operator', programId);
    const b = new TestBrowser(env.deps);
    const res = await b.login('op2@example.jp', 'wrong-password-123');
    assert.equal(res.status, 401);
    assert.match(await res.text(), /メールアドレスまたはパスワードが正しくありません/);
    assert.equal(await auditCount(env, 'platform.auth.login_failed', user.id), 1);
  });

  test('ten wrong passwords lock the account: 429 with Retry-After, even for the right password; audited', async () => {
    const user = await makeUser(env.deps, 'victim@example.jp', 'operator', programId);
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) {
      const r = await apiRequest(new TestBrowser(env.deps).app, 'POST', '/api/v1/login', { body: { email: 'victim@example.jp', password: `nope-${i}-xxxxxxxx` } });
      assert.equal(r.status, i < ACCOUNT_MAX_FAILURES - 1 ? 401 : 429, `attempt ${i + 1}`);
    }
    const b = new TestBrowser(env.deps);
    const page = await b.login('victim@example.jp', TEST_PASSWORD);
    assert.equal(page.status, 429);
    assert.match(await page.text(), /一時的にロックされています/);
    const api = await apiRequest(b.app, 'POST', '/api/v1/login', { body: { email: 'victim@example.jp', password: TEST_PASSWORD } });
    assert.equal(api.status, 429);
    assert.ok(Number(api.headers.get('retry-after')) > 0);
    assert.equal((await api.json()).code, 'account-locked');
    assert.equal(await auditCount(env, 'platform.auth.account_locked', user.id), 1);
    assert.equal(await auditCount(env, 'platform.auth.login_failed', user.id), ACCOUNT_MAX_FAILURES);
    // After the lock expires the right password works again.
    env.clock.advance(16 * 60_000);
    const later = await new TestBrowser(env.deps).login('victim@example.jp', TEST_PASSWORD);
    assert.equal(later.status, 303);
  });

  test('the session rotates at login: a token planted before sign-in is worthless after it', async () => {
    const b = new TestBrowser(env.deps);
    await b.login('op1@example.jp', TEST_PASSWORD);
    const first = b.cookies.get('jmk_session')!;
    await b.get('/admin');
    assert.equal((await b.post('/login', { email: 'op1@example.jp', password: TEST_PASSWORD })).status, 303);
    const second = b.cookies.get('jmk_session')!;
    assert.notEqual(first, second);
    const stale = new TestBrowser(env.deps);
    stale.cookies.set('jmk_session', first);
    const res = await stale.get('/admin');
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location')!, /^\/login/);
  });

  test('30-minute idle timeout', async () => {
    const b = new TestBrowser(env.deps);
    await b.login('op1@example.jp', TEST_PASSWORD);
    env.clock.advance(SESSION_IDLE_MS - 60_000);
    assert.equal((await b.get('/admin')).status, 200, 'still alive after 29 minutes');
    env.clock.advance(SESSION_IDLE_MS + 1000);
    assert.equal((await b.get('/admin')).status, 303, 'expired after 30 idle minutes');
  });

  test('12-hour absolute timeout even when active', async () => {
    const b = new TestBrowser(env.deps);
    await b.login('op1@example.jp', TEST_PASSWORD);
    for (let t = 0; t < SESSION_ABSOLUTE_MS - 20 * 60_000; t += 20 * 60_000) {
      env.clock.advance(20 * 60_000);
      assert.equal((await b.get('/admin')).status, 200);
    }
    env.clock.advance(40 * 60_000);
    assert.equal((await b.get('/admin')).status, 303);
  });

  test('logout ends the session on the server', async () => {
    const b = new TestBrowser(env.deps);
    await b.login('op1@example.jp', TEST_PASSWORD);
    const token = b.cookies.get('jmk_session')!;
    await b.get('/admin');
    const res = await b.post('/logout', {});
    assert.equal(res.status, 303);
    const replay = new TestBrowser(env.deps);
    replay.cookies.set('jmk_session', token);
    assert.equal((await replay.get('/admin')).status, 303);
  });

  test('CSRF: a form POST without the token, or from a foreign Origin, is refused', async () => {
    const b = new TestBrowser(env.deps);
    await b.login('op1@example.jp', TEST_PASSWORD);
    await b.get('/admin');
    const noToken = await b.request('/logout', { method: 'POST', body: new URLSearchParams({}), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(noToken.status, 403);
    const wrong = await b.post('/logout', { _csrf: 'forged' });
    assert.equal(wrong.status, 403);
    const foreign = await b.post('/logout', {}, { origin: 'https://evil.example' });
    assert.equal(foreign.status, 403);
    assert.equal((await b.get('/admin')).status, 200, 'still signed in after refused posts');
    const ok = await b.post('/logout', {}, { origin: 'http://localhost' });
    assert.equal(ok.status, 303);
  });

  test('CSRF also guards anonymous forms such as the login form', async () => {
    const b = new TestBrowser(env.deps);
    const res = await b.request('/login', { method: 'POST', body: new URLSearchParams({ email: 'op1@example.jp', password: TEST_PASSWORD }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.status, 403);
  });

  test('GET never changes state: logout by GET is not a route', async () => {
    const b = new TestBrowser(env.deps);
    await b.login('op1@example.jp', TEST_PASSWORD);
    assert.equal((await b.get('/logout')).status, 404);
    assert.equal((await b.get('/admin')).status, 200);
  });

  test('password reset: single-use, expiring link; ends other sessions', async () => {
    const user = await makeUser(env.deps, 'forgetful@example.jp', 'operator', programId);
    const signedIn = new TestBrowser(env.deps);
    await signedIn.login('forgetful@example.jp', TEST_PASSWORD);
    const b = new TestBrowser(env.deps);
    await b.get('/password/forgot');
    const res = await b.post('/password/forgot', { email: 'forgetful@example.jp' });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /再設定用のリンクを送信しました/);
    // The same answer for an unknown address.
    await b.get('/password/forgot');
    assert.match(await (await b.post('/password/forgot', { email: 'nobody@example.jp' })).text(), /再設定用のリンクを送信しました/);
    const { findMail } = await import('../../src/platform/mail/outbox.js');
    const mails = await queryRows<{ id: number }>(env.deps.db, sql`select id from mail_outbox where template = 'auth.reset' order by id desc limit 1`);
    const mail = (await findMail(env.deps.db, Number(mails[0]!.id)))!;
    const box = await env.deps.vault.box(env.deps.db, 'system');
    assert.equal(box.open(mail.toSealed), 'forgetful@example.jp');
    const link = /password\/reset\?token=([\w-]+)/.exec(box.openOrThrow(mail.textSealed))![1]!;
    assert.equal((await b.get(`/password/reset?token=${link}`)).status, 200);
    const weak = await b.post('/password/reset', { token: link, password: 'password1234', confirm: 'password1234' });
    assert.equal(weak.status, 422);
    assert.match(await weak.text(), /推測されやすい/);
    await b.get(`/password/reset?token=${link}`);
    const done = await b.post('/password/reset', { token: link, password: 'a brand new passphrase', confirm: 'a brand new passphrase' });
    assert.equal(done.status, 303);
    assert.equal((await signedIn.get('/admin')).status, 303, 'old sessions ended');
    assert.equal((await b.get(`/password/reset?token=${link}`)).status, 404, 'link is single-use');
    assert.equal((await new TestBrowser(env.deps).login('forgetful@example.jp', 'a brand new passphrase')).status, 303);
    assert.equal(await auditCount(env, 'platform.auth.password_reset_completed', user.id), 1);
  });

  test('a reset link expires after an hour', async () => {
    await makeUser(env.deps, 'slow@example.jp', 'operator', programId);
    const b = new TestBrowser(env.deps);
    await b.get('/password/forgot');
    await b.post('/password/forgot', { email: 'slow@example.jp' });
    const rows = await queryRows<{ id: number }>(env.deps.db, sql`select id from mail_outbox where template = 'auth.reset' order by id desc limit 1`);
    const { findMail } = await import('../../src/platform/mail/outbox.js');
    const mail = (await findMail(env.deps.db, Number(rows[0]!.id)))!;
    const text = (await env.deps.vault.box(env.deps.db, 'system')).openOrThrow(mail.textSealed);
    const token = /token=([\w-]+)/.exec(text)![1]!;
    env.clock.advance(61 * 60_000);
    assert.equal((await b.get(`/password/reset?token=${token}`)).status, 404);
  });

  test('GET /api/v1/me with a token, 401 without', async () => {
    const { makeToken } = await import('../helpers/fixtures.js');
    const user = await makeUser(env.deps, 'api@example.jp', 'city', programId);
    const token = await makeToken(env.deps, user.id);
    const app = new TestBrowser(env.deps).app;
    const me = await apiRequest(app, 'GET', '/api/v1/me', { token });
    assert.equal(me.status, 200);
    assert.deepEqual(await me.json(), { email: 'api@example.jp', roles: [{ program: 'auth-prog', role: 'city' }] });
    assert.equal((await apiRequest(app, 'GET', '/api/v1/me')).status, 401);
    assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token: token + 'x' })).status, 401);
    const rows = await queryRows<{ token_hash: string }>(env.deps.db, sql`select token_hash from api_tokens`);
    assert.ok(rows.every((r) => r.token_hash !== token));
  });

  test('passwords: at least 12 characters and not a common one', async () => {
    const { passwordProblem } = await import('../../src/platform/auth/passwords.js');
    assert.match(passwordProblem('short-pw')!, /12文字以上/);
    assert.match(passwordProblem('password1234')!, /推測されやすい/);
    assert.match(passwordProblem('qwerty123456')!, /推測されやすい/);
    assert.equal(passwordProblem('縁側で猫と一緒に昼寝する午後'), null);
    const { hashPassword } = await import('../../src/platform/auth/passwords.js');
    assert.match(await hashPassword('縁側で猫と一緒に昼寝する午後'), /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
