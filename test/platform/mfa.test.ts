import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { currentTotp } from '../../src/platform/auth/totp.js';
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
