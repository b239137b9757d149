import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { currentTotp } from '../../src/platform/auth/totp.js';
import { stepLockMs } from '../../src/platform/auth/step-throttle.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { cli } from '../helpers/cli.js';
import { TestBrowser } from '../helpers/http.js';
import { makeProgram, makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';

/** Reads the manual-entry key from the enrolment page. */
function keyFrom(html: string): string {
  return /<code class="app-code">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, '');
}

describe('two-factor authentication', () => {
  let env: TestEnv;
  let programId: number;
  before(async () => {
    env = await createTestEnv();
    programId = (await makeProgram(env.deps, 'mfa-prog')).id;
  });
  after(() => env.close());

  test('an admin must enrol TOTP before reaching the back office; recovery codes are shown once', async () => {
    await makeUser(env.deps, 'admin@mfa.example', 'admin', null);
    const b = new TestBrowser(env.deps);
    const login = await b.login('admin@mfa.example', TEST_PASSWORD);
    assert.equal(login.status, 303);
    assert.match(login.headers.get('location')!, /^\/mfa/);
    const blocked = await b.get('/admin');
    assert.equal(blocked.status, 303);
    assert.match(blocked.headers.get('location')!, /^\/mfa/);
    const page = await b.get('/mfa');
    const html = await page.text();
    assert.match(html, /<svg[^>]*role="img"/);
    const key = keyFrom(html);
    const wrong = await b.post('/mfa', { code: '000000' });
    assert.equal(wrong.status, 422);
    await b.get('/mfa');
    const before = b.cookies.get('jmk_session');
    const ok = await b.post('/mfa', { code: currentTotp(key, env.clock.now()) });
    assert.equal(ok.status, 200);
    const codes = [...(await ok.text()).matchAll(/<code class="app-code">([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4})<\/code>/g)].map((m) => m[1]!);
    assert.equal(codes.length, 10);
    assert.notEqual(b.cookies.get('jmk_session'), before, 'session rotated after the second factor');
    assert.equal((await b.get('/admin')).status, 200);
    const [user] = await queryRows<{ totp_secret: string }>(env.deps.db, sql`select totp_secret from users where email = 'admin@mfa.example'`);
    assert.doesNotMatch(user!.totp_secret, new RegExp(key), 'the secret is sealed');

    // Next sign-in asks for a code; a recovery code works once.
    const c = new TestBrowser(env.deps);
    await c.login('admin@mfa.example', TEST_PASSWORD);
    await c.get('/mfa');
    assert.equal((await c.post('/mfa', { code: codes[0]! })).status, 303);
    assert.equal((await c.get('/admin')).status, 200);
    const d = new TestBrowser(env.deps);
    await d.login('admin@mfa.example', TEST_PASSWORD);
    await d.get('/mfa');
    assert.equal((await d.post('/mfa', { code: codes[0]! })).status, 422, 'a recovery code is single-use');
    await d.get('/mfa');
    assert.equal((await d.post('/mfa', { code: currentTotp(key, env.clock.now()) })).status, 422, 'the code used at enrolment cannot be replayed');
    env.clock.advance(30_000);
    await d.get('/mfa');
    assert.equal((await d.post('/mfa', { code: currentTotp(key, env.clock.now()) })).status, 303);
  });

  test('requireTwoFactor=true makes it mandatory for the program staff, not for businesses', async () => {
    await makeUser(env.deps, 'op@mfa.example', 'operator', programId);
    await makeUser(env.deps, 'biz@mfa.example', 'business', programId);
    const before = new TestBrowser(env.deps);
    assert.equal((await before.login('op@mfa.example', TEST_PASSWORD)).headers.get('location'), '/admin');
    assert.equal((await cli(env.deps, ['program', 'set', 'mfa-prog', 'requireTwoFactor=true'])).code, 0);
    // The policy applies at once, also to the session already open.
    const open = await before.get('/admin');
    assert.equal(open.status, 303);
    assert.match(open.headers.get('location')!, /^\/mfa/);
    const biz = new TestBrowser(env.deps);
    assert.equal((await biz.login('biz@mfa.example', TEST_PASSWORD)).headers.get('location'), '/mfa-prog/business', 'a business goes to its portal, no second factor');
  });

  test('changing two-factor settings needs a fresh password', async () => {
    await makeUser(env.deps, 'city@mfa.example', 'city', programId);
    await cli(env.deps, ['program', 'set', 'mfa-prog', 'requireTwoFactor=false']);
    const b = new TestBrowser(env.deps);
    await b.login('city@mfa.example', TEST_PASSWORD);
    env.clock.advance(6 * 60_000);
    await b.get('/account');
    const res = await b.post('/account/mfa/reset', {});
    assert.equal(res.headers.get('location'), '/account/reauth?next=/account');
    await b.get('/account/reauth?next=/account');
    assert.equal((await b.post('/account/reauth?next=/account', { password: 'wrong-password-000' })).status, 401);
    await b.get('/account/reauth?next=/account');
    assert.equal((await b.post('/account/reauth?next=/account', { password: TEST_PASSWORD })).headers.get('location'), '/account');
    await b.get('/account');
    const again = await b.post('/account/mfa/reset', {});
    assert.match(again.headers.get('location')!, /^\/mfa/);
  });
});

describe('second steps are throttled, and /mfa changes nothing on GET', () => {
  let env: TestEnv;
  let programId: number;
  before(async () => {
    env = await createTestEnv();
    programId = (await makeProgram(env.deps, 'mfa-lock')).id;
  });
  after(() => env.close());

  async function secretOf(email: string) {
    const [row] = await queryRows<{ totp_secret: string | null; locked_until: string | null }>(env.deps.db, sql`select totp_secret, locked_until from users where email = ${email}`);
    return row!;
  }
  async function actions(email: string) {
    const rows = await queryRows<{ action: string; role: string | null }>(
      env.deps.db,
      sql`select a.action, a.role from audit_log a join users u on u.id::text = a.target_id where a.target_type = 'user' and u.email = ${email} order by a.id`,
    );
    return rows;
  }

  test('GET /mfa only reads: the secret is made by sign-in (a POST) or by the start button', async () => {
    await makeUser(env.deps, 'adm@lock.example', 'admin', null);
    const b = new TestBrowser(env.deps);
    await b.login('adm@lock.example', TEST_PASSWORD);
    const made = (await secretOf('adm@lock.example')).totp_secret;
    assert.ok(made, 'sign-in made the pending secret');
    const log = await actions('adm@lock.example');
    assert.ok(log.some((a) => a.action === 'platform.auth.mfa_enrolment_started'));
    assert.equal(log.find((a) => a.action === 'platform.auth.login_succeeded')?.role, 'admin', 'the sign-in records the role');
    const auditCount = async () => Number((await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log`))[0]!.n);
    const before = await auditCount();
    await b.get('/mfa');
    await b.get('/mfa');
    assert.equal((await secretOf('adm@lock.example')).totp_secret, made, 'viewing /mfa does not replace the secret');
    assert.equal(await auditCount(), before, 'and writes nothing');

    // A program starts to require two-factor while an operator is signed in: no secret yet.
    await makeUser(env.deps, 'op@lock.example', 'operator', programId);
    const o = new TestBrowser(env.deps);
    await o.login('op@lock.example', TEST_PASSWORD);
    await cli(env.deps, ['program', 'set', 'mfa-lock', 'requireTwoFactor=true']);
    const page = await o.get('/mfa?next=/admin');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /action="\/mfa\/setup\?next=%2Fadmin"/);
    assert.equal((await secretOf('op@lock.example')).totp_secret, null, 'GET made no secret');
    const start = await o.post('/mfa/setup?next=/admin', {});
    assert.equal(start.headers.get('location'), '/mfa?next=%2Fadmin');
    assert.ok((await secretOf('op@lock.example')).totp_secret);
    assert.match(await (await o.get('/mfa?next=/admin')).text(), /<svg[^>]*role="img"/);
    await cli(env.deps, ['program', 'set', 'mfa-lock', 'requireTwoFactor=false']);
  });

  test('five wrong codes at /mfa lock the account (429), end the pending sessions and are audited', async () => {
    const b = new TestBrowser(env.deps);
    await b.login('adm@lock.example', TEST_PASSWORD);
    const key = keyFrom(await (await b.get('/mfa')).text());
    assert.equal((await b.post('/mfa', { code: currentTotp(key, env.clock.now()) })).status, 200, 'enrolled');

    const attacker = new TestBrowser(env.deps);
    await attacker.login('adm@lock.example', TEST_PASSWORD);
    const other = new TestBrowser(env.deps);
    await other.login('adm@lock.example', TEST_PASSWORD);
    for (let i = 0; i < 4; i++) {
      await attacker.get('/mfa');
      assert.equal((await attacker.post('/mfa', { code: '000000' })).status, 422);
    }
    await attacker.get('/mfa');
    const locked = await attacker.post('/mfa', { code: '000000' });
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) >= 60);
    assert.match(await locked.text(), /一時的にロック/);
    assert.equal(attacker.cookies.get('jmk_session'), undefined, 'the pending session is ended');
    assert.equal((await attacker.get('/mfa')).status, 303, 'and no longer signed in');
    assert.equal((await other.get('/mfa')).status, 303, "the account's other pending session is ended too");
    assert.equal((await b.get('/admin')).status, 200, 'a session that passed the second factor is kept');
    // The sign-in honours the lock, on the page and on the API.
    assert.equal((await new TestBrowser(env.deps).login('adm@lock.example', TEST_PASSWORD)).status, 429);
    const api = await attacker.app.request('/api/v1/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'adm@lock.example', password: TEST_PASSWORD }),
    });
    assert.equal(api.status, 429);
    const log = (await actions('adm@lock.example')).map((a) => a.action);
    assert.equal(log.filter((a) => a === 'platform.auth.mfa_failed').length, 5);
    assert.ok(log.includes('platform.auth.account_locked'));

    // After the lock a good code works and resets the count; the next lock lasts longer.
    env.clock.advance(16 * 60_000);
    const again = new TestBrowser(env.deps);
    await again.login('adm@lock.example', TEST_PASSWORD);
    await again.get('/mfa');
    assert.equal((await again.post('/mfa', { code: currentTotp(key, env.clock.now()) })).status, 303);
    const [count] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from login_throttle where key like 'mfa:%'`);
    assert.equal(count!.n, 0, 'success clears the counter');
  });

  test('repeated lockouts last longer; a locked account is refused at /mfa even from an open pending session', async () => {
    const a = new TestBrowser(env.deps);
    await a.login('adm@lock.example', TEST_PASSWORD);
    const waiting = new TestBrowser(env.deps);
    await waiting.login('adm@lock.example', TEST_PASSWORD);
    await waiting.get('/mfa');
    // Another attacker locks the account by wrong passwords at sign-in.
    for (let i = 0; i < 10; i++) await new TestBrowser(env.deps).login('adm@lock.example', 'wrong-password-123');
    const refused = await waiting.post('/mfa', { code: '123456' });
    assert.equal(refused.status, 429);
    assert.ok((await actions('adm@lock.example')).some((x) => x.action === 'platform.auth.mfa_refused'));
    assert.deepEqual([5, 10, 15, 100].map((n) => stepLockMs(n) / 60_000), [15, 30, 60, 24 * 60]);
  });

  test('five wrong passwords at re-authentication lock the account and end all its sessions', async () => {
    await makeUser(env.deps, 'city@lock.example', 'city', programId);
    const thief = new TestBrowser(env.deps);
    await thief.login('city@lock.example', TEST_PASSWORD);
    const owner = new TestBrowser(env.deps);
    await owner.login('city@lock.example', TEST_PASSWORD);
    assert.equal((await owner.get('/account')).status, 200);
    for (let i = 0; i < 4; i++) {
      await thief.get('/account/reauth');
      assert.equal((await thief.post('/account/reauth', { password: `guess-number-${i}` })).status, 401);
    }
    await thief.get('/account/password');
    // The password form's current-password check counts as well.
    const last = await thief.post('/account/password', { current: 'guess-number-4', password: 'another-long-passphrase-9', confirm: 'another-long-passphrase-9' });
    assert.equal(last.status, 429);
    assert.match(await last.text(), /一時的にロック/);
    assert.equal((await owner.get('/account')).status, 303, 'every session of the account ended');
    assert.equal((await new TestBrowser(env.deps).login('city@lock.example', TEST_PASSWORD)).status, 429);
    assert.ok((await secretOf('city@lock.example')).locked_until);
    const log = (await actions('city@lock.example')).map((x) => x.action);
    assert.equal(log.filter((x) => x === 'platform.auth.reauth_failed').length, 5);
    assert.ok(log.includes('platform.auth.account_locked'));
  });
});
