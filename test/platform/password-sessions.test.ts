import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { ACCOUNT_MAX_FAILURES } from '../../src/platform/auth/policy.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { apiRequest, TestBrowser } from '../helpers/http.js';
import { makeProgram, makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';

describe('passwords and sessions; the lockout does not tell registered addresses apart', () => {
  let env: TestEnv;
  let programId: number;
  before(async () => {
    env = await createTestEnv();
    programId = (await makeProgram(env.deps, 'pw-prog')).id;
  });
  after(() => env.close());

  test("changing one's password ends the other sessions and keeps this one", async () => {
    const user = await makeUser(env.deps, 'changer@pw.example', 'operator', programId);
    const here = new TestBrowser(env.deps);
    const elsewhere = new TestBrowser(env.deps);
    assert.equal((await here.login('changer@pw.example', TEST_PASSWORD)).status, 303);
    assert.equal((await elsewhere.login('changer@pw.example', TEST_PASSWORD)).status, 303);
    assert.equal((await elsewhere.get('/admin')).status, 200);
    await here.get('/account/password');
    const res = await here.post('/account/password', { current: TEST_PASSWORD, password: 'a fresh and long passphrase', confirm: 'a fresh and long passphrase' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/account');
    assert.equal((await here.get('/account')).status, 200, 'the browser that changed it stays signed in');
    assert.match(here.lastHtml, /ほかの端末やブラウザでのログインは終了しました/);
    const other = await elsewhere.get('/admin');
    assert.equal(other.status, 303, 'the other session ended');
    assert.match(other.headers.get('location')!, /^\/login/);
    const rows = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from sessions where user_id = ${user.id}`);
    assert.equal(rows[0]!.n, 1);
  });

  /** The statuses (and API codes) of ACCOUNT_MAX_FAILURES + 1 wrong logins for one address. */
  async function lockoutAnswers(email: string): Promise<string[]> {
    const answers: string[] = [];
    const app = new TestBrowser(env.deps).app;
    for (let i = 0; i <= ACCOUNT_MAX_FAILURES; i++) {
      const r = await apiRequest(app, 'POST', '/api/v1/login', { body: { email, password: `wrong-${i}-passphrase` } });
      const body = await r.json();
      answers.push(`${r.status} ${body.code} ${r.headers.get('retry-after') ?? '-'}`);
    }
    return answers;
  }

  test('/api/v1/login: an unknown address locks after the same failures, with the same answer, as a registered one', async () => {
    await makeUser(env.deps, 'known@pw.example', 'operator', programId);
    const known = await lockoutAnswers('known@pw.example');
    const unknown = await lockoutAnswers('unknown@pw.example');
    assert.deepEqual(unknown, known);
    assert.match(known.at(-1)!, /^429 account-locked \d+$/);
    // The right password of the locked account and any password for the unknown address: both 429.
    const app = new TestBrowser(env.deps).app;
    const a = await apiRequest(app, 'POST', '/api/v1/login', { body: { email: 'known@pw.example', password: TEST_PASSWORD } });
    const b = await apiRequest(app, 'POST', '/api/v1/login', { body: { email: 'unknown@pw.example', password: TEST_PASSWORD } });
    assert.deepEqual([a.status, (await a.json()).detail], [b.status, (await b.json()).detail]);
    assert.equal(a.status, 429);
  });

  test('/login: the same page for a locked unknown address as for a locked account', async () => {
    await makeUser(env.deps, 'known2@pw.example', 'operator', programId);
    const pages: Array<{ status: number; text: string; retry: string | null }> = [];
    for (const email of ['known2@pw.example', 'unknown2@pw.example']) {
      for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) {
        const b = new TestBrowser(env.deps);
        const r = await b.login(email, `wrong-${i}-passphrase`);
        assert.equal(r.status, i < ACCOUNT_MAX_FAILURES - 1 ? 401 : 429, `${email} attempt ${i + 1}`);
      }
      const b = new TestBrowser(env.deps);
      const r = await b.login(email, TEST_PASSWORD);
      const text = (await r.text()).replace(/name="_csrf" value="[^"]*"/g, '').replace(/value="[^"]*@pw\.example"/g, '');
      pages.push({ status: r.status, text: /一時的にロックされています[^<]*/.exec(text)?.[0] ?? '', retry: r.headers.get('retry-after') });
    }
    assert.equal(pages[0]!.status, 429);
    assert.deepEqual(pages[1], pages[0]);
    // After the lock both may try again.
    env.clock.advance(16 * 60_000);
    assert.equal((await new TestBrowser(env.deps).login('unknown2@pw.example', 'still-wrong-passphrase')).status, 401);
    assert.equal((await new TestBrowser(env.deps).login('known2@pw.example', TEST_PASSWORD)).status, 303);
  });

  test('addresses that differ only in a hyphen do not share a lock', async () => {
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) {
      await apiRequest(new TestBrowser(env.deps).app, 'POST', '/api/v1/login', { body: { email: 'ab@pw.example', password: `wrong-${i}-passphrase` } });
    }
    const r = await apiRequest(new TestBrowser(env.deps).app, 'POST', '/api/v1/login', { body: { email: 'a-b@pw.example', password: 'wrong-passphrase-x' } });
    assert.equal(r.status, 401);
    const keys = await queryRows<{ key: string }>(env.deps.db, sql`select key from login_throttle where key like 'addr:%'`);
    assert.ok(keys.length > 0 && keys.every((k) => !k.key.includes('pw.example')), 'no address in clear');
  });
});
