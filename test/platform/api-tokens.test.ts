import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { systemActor } from '../../src/platform/audit/index.js';
import { createApiToken } from '../../src/platform/auth/api-tokens.js';
import { createSession } from '../../src/platform/auth/sessions.js';
import { runCommand } from '../../src/platform/command.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { cli } from '../helpers/cli.js';
import { apiRequest, TestBrowser } from '../helpers/http.js';
import { makeProgram, makeToken, makeUser } from '../helpers/fixtures.js';

const DAY = 86_400_000;

describe('API tokens act on /api/v1 only, expire, and respect two-factor requirements', () => {
  let env: TestEnv;
  let adminToken: string;
  let operatorToken: string;
  before(async () => {
    env = await createTestEnv();
    const p = await makeProgram(env.deps, 'tok-prog');
    const admin = await makeUser(env.deps, 'admin@tok.example', 'admin', null);
    const operator = await makeUser(env.deps, 'op@tok.example', 'operator', p.id);
    adminToken = await makeToken(env.deps, admin.id);
    operatorToken = await makeToken(env.deps, operator.id);
  });
  after(() => env.close());

  const userCount = async (email: string) => Number((await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from users where email = ${email}`))[0]!.n);

  test("an installation admin's token cannot invite a user through POST /admin/users", async () => {
    const app = new TestBrowser(env.deps).app;
    const body = new URLSearchParams({ email: 'intruder@tok.example', role: 'admin', program: '' });
    const res = await app.request('/admin/users', { method: 'POST', body, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    assert.ok([401, 403].includes(res.status) || (res.status === 303 && /^\/login/.test(res.headers.get('location') ?? '')), `got ${res.status}`);
    assert.equal(await userCount('intruder@tok.example'), 0, 'nobody invited');
    const page = await app.request('/admin/users', { headers: { authorization: `Bearer ${adminToken}` }, redirect: 'manual' });
    assert.equal(page.status, 303);
    assert.match(page.headers.get('location')!, /^\/login/);
  });

  test('a token does not open 送信メール (the outbox with password links)', async () => {
    const app = new TestBrowser(env.deps).app;
    for (const path of ['/admin/mail', '/admin']) {
      const res = await app.request(path, { headers: { authorization: `Bearer ${adminToken}` }, redirect: 'manual' });
      assert.equal(res.status, 303, path);
      assert.match(res.headers.get('location')!, /^\/login/, path);
    }
  });

  test("an operator's token does not download the registry from the back office", async () => {
    const app = new TestBrowser(env.deps).app;
    for (const path of ['/admin/campaign/tok-prog/registry.csv', '/admin/campaign/tok-prog/registry.xlsx']) {
      const res = await app.request(path, { headers: { authorization: `Bearer ${operatorToken}` }, redirect: 'manual' });
      assert.equal(res.status, 303, path);
      assert.match(res.headers.get('location')!, /^\/login/, path);
    }
  });

  test('the same tokens still work on /api/v1', async () => {
    const app = new TestBrowser(env.deps).app;
    const me = await apiRequest(app, 'GET', '/api/v1/me', { token: operatorToken });
    assert.equal(me.status, 200);
    assert.equal((await me.json()).email, 'op@tok.example');
    assert.equal((await apiRequest(app, 'GET', '/api/v1/programs/tok-prog/applications', { token: operatorToken })).status, 200);
  });

  test('a token expires after 90 days by default; the CLI says when', async () => {
    await makeUser(env.deps, 'city@tok.example', 'city', (await queryRows<{ id: number }>(env.deps.db, sql`select id from programs where slug = 'tok-prog'`))[0]!.id);
    const r = await cli(env.deps, ['token', 'create', '--email', 'city@tok.example']);
    assert.equal(r.code, 0, r.err);
    const expected = new Date(env.clock.now().getTime() + 90 * DAY).toISOString();
    assert.ok(r.err.includes(`expires ${expected}`), r.err);
    assert.match(r.err, /\/api\/v1\/ only/);
    const token = r.out.trim();
    const app = new TestBrowser(env.deps).app;
    const start = env.clock.now();
    try {
      env.clock.set(new Date(start.getTime() + 90 * DAY - 60_000));
      assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token })).status, 200);
      env.clock.set(new Date(start.getTime() + 90 * DAY));
      assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token })).status, 401);
    } finally {
      env.clock.set(start);
    }
    assert.equal((await cli(env.deps, ['token', 'create', '--email', 'city@tok.example', '--expires-days', '400'])).code, 1, 'beyond the maximum');
  });

  test('on the embedded database a token\'s answer is kept until a command commits; on PostgreSQL it is read every time', async () => {
    const user = await makeUser(env.deps, 'kept@tok.example', 'agent', (await queryRows<{ id: number }>(env.deps.db, sql`select id from programs where slug = 'tok-prog'`))[0]!.id);
    const token = await makeToken(env.deps, user.id);
    const app = new TestBrowser(env.deps).app;
    assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token })).status, 200);
    // Disabled behind the application's back (no command): only a database another writer shares shows it at once.
    await env.deps.db.execute(sql`update users set status = 'disabled' where id = ${user.id}`);
    const embedded = !env.deps.database.raw.pool;
    assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token })).status, embedded ? 200 : 401, embedded ? 'kept on the embedded database' : 'read afresh on PostgreSQL');
    await makeProgram(env.deps, 'tok-epoch'); // any command
    assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token })).status, 401, 'a committed command ends what was kept');
  });

  test('token list shows expiry and last use', async () => {
    const user = await makeUser(env.deps, 'agent@tok.example', 'agent', (await queryRows<{ id: number }>(env.deps.db, sql`select id from programs where slug = 'tok-prog'`))[0]!.id);
    const used = await runCommand(env.deps, systemActor('test'), (ctx) => createApiToken(ctx, { userId: user.id, name: 'used-one' }));
    await runCommand(env.deps, systemActor('test'), (ctx) => createApiToken(ctx, { userId: user.id, name: 'idle-one' }));
    const before = await cli(env.deps, ['token', 'list']);
    const line = (out: string, name: string) => out.split('\n').find((l) => l.endsWith(name))!;
    assert.match(line(before.out, 'used-one'), /last used never/);
    env.clock.advance(5 * 60_000);
    const when = env.clock.now().toISOString().slice(0, 16) + 'Z';
    assert.equal((await apiRequest(new TestBrowser(env.deps).app, 'GET', '/api/v1/me', { token: used.token })).status, 200);
    const after = await cli(env.deps, ['token', 'list']);
    assert.ok(line(after.out, 'used-one').includes(`last used ${when}`), line(after.out, 'used-one'));
    assert.match(line(after.out, 'idle-one'), /last used never/);
    assert.ok(line(after.out, 'used-one').includes(`expires ${used.expiresAt.toISOString().slice(0, 16)}Z`));
    const rows = await queryRows<{ last_used_at: unknown }>(env.deps.db, sql`select last_used_at from api_tokens where id = ${used.id}`);
    assert.ok(rows[0]!.last_used_at, 'recorded in the database');
  });

  test('where the program requires two-factor: no token from the CLI; the user makes one after TOTP; an old token stops', async () => {
    const p = await makeProgram(env.deps, 'tok-mfa');
    const user = await makeUser(env.deps, 'strict@tok.example', 'operator', p.id);
    const early = await runCommand(env.deps, systemActor('test'), (ctx) => createApiToken(ctx, { userId: user.id, name: 'before-2fa' }));
    const app = new TestBrowser(env.deps).app;
    assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token: early.token })).status, 200);
    assert.equal((await cli(env.deps, ['program', 'set', 'tok-mfa', 'requireTwoFactor=true'])).code, 0);
    assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token: early.token })).status, 401, 'a token made without the second factor stops');

    const refused = await cli(env.deps, ['token', 'create', '--email', 'strict@tok.example']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /二要素認証が必須/);
    await assert.rejects(runCommand(env.deps, systemActor('test'), (ctx) => createApiToken(ctx, { userId: user.id, name: 'x' })), /二要素認証が必須/);

    // The user, signed in with the second factor, makes one on the account page.
    const { token: cookie } = await createSession(env.deps.db, user.id, env.clock.now(), { ip: null, mfaVerified: true });
    const b = new TestBrowser(env.deps);
    b.cookies.set('jmk_session', cookie);
    assert.equal((await b.get('/account/tokens')).status, 200);
    assert.match(b.lastHtml, /既定で90日/);
    const res = await b.post('/account/tokens', { name: 'booking', expiresDays: '90' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const token = /data-token[^>]*>([^<]+)</.exec(b.lastHtml)![1]!;
    const expires = /data-expires="([^"]+)"/.exec(b.lastHtml)![1]!;
    assert.equal(expires, new Date(env.clock.now().getTime() + 90 * DAY).toISOString(), 'the expiry is shown at creation');
    assert.equal((await apiRequest(app, 'GET', '/api/v1/me', { token })).status, 200);
    // Shown once: the list names it by prefix only.
    await b.get('/account/tokens');
    assert.ok(!b.lastHtml.includes(token));
    assert.match(b.lastHtml, /booking/);

    // A session that has not passed the second factor cannot make one (it is not even let in).
    const { token: halfCookie } = await createSession(env.deps.db, user.id, env.clock.now(), { ip: null, mfaVerified: false });
    const half = new TestBrowser(env.deps);
    half.cookies.set('jmk_session', halfCookie);
    const page = await half.get('/account/tokens');
    assert.equal(page.status, 303);
    assert.match(page.headers.get('location')!, /^\/mfa/);
    await cli(env.deps, ['program', 'set', 'tok-mfa', 'requireTwoFactor=false']);
  });

  test('the account page asks for the password again before issuing a token, and revokes only its own', async () => {
    const p = (await queryRows<{ id: number }>(env.deps.db, sql`select id from programs where slug = 'tok-prog'`))[0]!.id;
    const user = await makeUser(env.deps, 'self@tok.example', 'operator', p);
    const { token: cookie } = await createSession(env.deps.db, user.id, env.clock.now(), { ip: null, mfaVerified: false });
    const b = new TestBrowser(env.deps);
    b.cookies.set('jmk_session', cookie);
    env.clock.advance(10 * 60_000);
    await b.get('/account/tokens');
    const stale = await b.post('/account/tokens', { name: 'late', expiresDays: '30' });
    assert.equal(stale.status, 303);
    assert.match(stale.headers.get('location')!, /^\/account\/reauth/);
    // Someone else's token id is not found from this account.
    const other = (await queryRows<{ id: number }>(env.deps.db, sql`select min(id)::int as id from api_tokens where revoked_at is null`))[0]!.id;
    await b.get('/account/tokens');
    const res = await b.post('/account/tokens/revoke', { _once: b.once(), id: String(other) });
    assert.equal(res.status, 404);
    assert.equal((await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from api_tokens where id = ${other} and revoked_at is null`))[0]!.n, 1);
  });
});
