import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { findMail } from '../../../platform/mail/outbox.js';
import { ANON_MAIL_PER_ADDRESS, ANON_MAIL_PER_CLIENT } from '../../../platform/auth/policy.js';
import { openCampaign } from '../test-helpers.js';

/** The sign-up form of a campaign's businesses: no account and no mail cannon for anonymous callers. */
describe('POST /{slug}/business/account: accounts only through the mailed link, throttled, one answer for all', () => {
  let env: TestEnv;
  let ipSeq = 0;
  /** A different client address per test (TRUST_PROXY, one X-Forwarded-For entry). */
  const newClient = () => `198.51.100.${++ipSeq}`;
  before(async () => {
    env = await createTestEnv({ TRUST_PROXY: 'true' });
    await openCampaign(env.deps, 'acct-stay');
  });
  after(() => env.close());

  const count = async (q: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(env.deps.db, q))[0]!.n);
  const usersWith = (email: string) => count(sql`select count(*)::int as n from users where email = ${email}`);
  const mails = (template: string) => count(sql`select count(*)::int as n from mail_outbox where template = ${template}`);

  /** Posts the form from a fresh browser; `after` is the page the redirect leads to (with its banner). */
  async function ask(email: string, ip: string): Promise<{ status: number; location: string | null; retryAfter: string | null; html: string; after: string }> {
    const b = new TestBrowser(env.deps);
    await b.get('/acct-stay/business/account');
    const res = await b.post('/acct-stay/business/account', { _once: b.once(), email }, { 'x-forwarded-for': ip });
    const html = await res.text();
    const location = res.headers.get('location');
    const after = location ? (await (await b.get(location)).text()).replace(/value="[^"]*"/g, '') : '';
    return { status: res.status, location, retryAfter: res.headers.get('retry-after'), html, after };
  }

  async function lastLink(): Promise<string> {
    const [row] = await queryRows<{ id: number }>(env.deps.db, sql`select id from mail_outbox where template = 'campaign.account_link' order by id desc limit 1`);
    const mail = (await findMail(env.deps.db, Number(row!.id)))!;
    const text = (await env.deps.vault.box(env.deps.db, 'system')).openOrThrow(mail.textSealed);
    return /\/account\/create\?token=[\w-]+/.exec(text)![0];
  }

  test('a request creates no account; the link in the mail does, with the business role, once', async () => {
    const r = await ask('new-inn@hotel.example.jp', newClient());
    assert.equal(r.status, 303);
    assert.equal(r.location, '/acct-stay/business/account');
    assert.equal(await usersWith('new-inn@hotel.example.jp'), 0, 'no account before the link is used');
    const link = await lastLink();
    const b = new TestBrowser(env.deps);
    assert.equal((await b.get(link)).status, 200);
    assert.match(b.lastHtml, /new-inn@hotel\.example\.jp のアカウントを作成します/);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const weak = await b.post('/account/create', { token, password: 'password1234', confirm: 'password1234' });
    assert.equal(weak.status, 422);
    assert.equal(await usersWith('new-inn@hotel.example.jp'), 0);
    await b.get(link);
    const done = await b.post('/account/create', { token, password: TEST_PASSWORD, confirm: TEST_PASSWORD });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), `/login?next=${encodeURIComponent('/acct-stay/business')}`);
    assert.equal(await usersWith('new-inn@hotel.example.jp'), 1);
    const signedIn = new TestBrowser(env.deps);
    const login = await signedIn.login('new-inn@hotel.example.jp', TEST_PASSWORD);
    assert.equal(login.status, 303);
    assert.equal(login.headers.get('location'), '/acct-stay/business');
    assert.equal((await signedIn.get('/acct-stay/business/apply')).status, 200, 'the business role in this program');
    // Single use.
    assert.equal((await new TestBrowser(env.deps).get(link)).status, 404);
    const again = new TestBrowser(env.deps);
    await again.get('/acct-stay/business/account');
    assert.equal((await again.post('/account/create', { token, password: 'another long passphrase', confirm: 'another long passphrase' })).status, 404);
    assert.equal(await count(sql`select count(*)::int as n from audit_log where action = 'platform.auth.account_request_completed'`), 1);
  });

  test('the link expires after 24 hours; a link for an address that has an account by now creates nothing', async () => {
    await ask('late-inn@hotel.example.jp', newClient());
    const late = await lastLink();
    await ask('twice-inn@hotel.example.jp', newClient());
    const first = await lastLink();
    await ask('twice-inn@hotel.example.jp', newClient());
    const second = await lastLink();
    assert.notEqual(first, second);
    const b = new TestBrowser(env.deps);
    await b.get(first);
    assert.equal((await b.post('/account/create', { token: new URL(first, 'http://x').searchParams.get('token')!, password: TEST_PASSWORD, confirm: TEST_PASSWORD })).status, 303);
    await b.get(second);
    const refused = await b.post('/account/create', { token: new URL(second, 'http://x').searchParams.get('token')!, password: 'some other passphrase', confirm: 'some other passphrase' });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /すでにあります/);
    assert.equal((await new TestBrowser(env.deps).login('twice-inn@hotel.example.jp', TEST_PASSWORD)).status, 303, 'the first password stands');
    const start = env.clock.now();
    env.clock.advance(24 * 3_600_000 + 1000);
    try {
      assert.equal((await new TestBrowser(env.deps).get(late)).status, 404);
    } finally {
      env.clock.set(start);
    }
  });

  test('the same answer for a registered and an unknown address (both get one mail)', async () => {
    await makeUser(env.deps, 'known-inn@hotel.example.jp', 'business', (await queryRows<{ id: number }>(env.deps.db, sql`select id from programs where slug = 'acct-stay'`))[0]!.id);
    const reminders = await mails('campaign.account_exists');
    const links = await mails('campaign.account_link');
    const known = await ask('known-inn@hotel.example.jp', newClient());
    const unknown = await ask('unknown-inn@hotel.example.jp', newClient());
    assert.deepEqual([known.status, known.location], [unknown.status, unknown.location]);
    assert.match(known.after, /メールを送信しました/);
    assert.equal(known.after.replace(/[0-9a-f-]{36}/g, ''), unknown.after.replace(/[0-9a-f-]{36}/g, ''), 'the same page');
    assert.equal(await mails('campaign.account_exists'), reminders + 1);
    assert.equal(await mails('campaign.account_link'), links + 1);
  });

  test(`per address: at most ${ANON_MAIL_PER_ADDRESS} mails an hour, then 429 with Retry-After, whether or not it is registered`, async () => {
    for (const email of ['flood-target@hotel.example.jp', 'known-inn@hotel.example.jp']) {
      const statuses: number[] = [];
      for (let i = 0; i <= ANON_MAIL_PER_ADDRESS; i++) statuses.push((await ask(email, newClient())).status);
      // known-inn already had one mail in the previous test.
      const allowed = email.startsWith('known') ? ANON_MAIL_PER_ADDRESS - 1 : ANON_MAIL_PER_ADDRESS;
      assert.deepEqual(statuses, [...Array(allowed).fill(303), ...Array(ANON_MAIL_PER_ADDRESS + 1 - allowed).fill(429)], email);
      const r = await ask(email, newClient());
      assert.equal(r.status, 429);
      assert.ok(Number(r.retryAfter) > 0);
      assert.match(r.html, /多くの申し込みがありました/);
    }
    assert.equal(await usersWith('flood-target@hotel.example.jp'), 0);
    // An hour later the address may ask again.
    env.clock.advance(61 * 60_000);
    assert.equal((await ask('flood-target@hotel.example.jp', newClient())).status, 303);
  });

  test(`per client: at most ${ANON_MAIL_PER_CLIENT} an hour from one address, whatever the recipients`, async () => {
    const ip = newClient();
    const before = await mails('campaign.account_link');
    const statuses: number[] = [];
    for (let i = 0; i < ANON_MAIL_PER_CLIENT + 2; i++) statuses.push((await ask(`spray-${i}@hotel.example.jp`, ip)).status);
    assert.deepEqual(statuses, [...Array(ANON_MAIL_PER_CLIENT).fill(303), 429, 429]);
    assert.equal(await mails('campaign.account_link'), before + ANON_MAIL_PER_CLIENT);
    assert.equal((await ask('spray-other@hotel.example.jp', newClient())).status, 303, 'another client is not affected');
  });

  test('60 requests at once for one address queue at most the budget of mails', async () => {
    const before = await mails('campaign.account_link');
    const results = await Promise.all(Array.from({ length: 60 }, () => ask('burst@hotel.example.jp', newClient())));
    const ok = results.filter((r) => r.status === 303).length;
    assert.equal(ok, ANON_MAIL_PER_ADDRESS);
    assert.ok(results.every((r) => r.status === 303 || r.status === 429), results.map((r) => r.status).join(','));
    assert.equal(await mails('campaign.account_link'), before + ANON_MAIL_PER_ADDRESS);
    assert.equal(await usersWith('burst@hotel.example.jp'), 0);
  });
});
