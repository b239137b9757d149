import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { ANON_MAIL_PER_ADDRESS, ANON_MAIL_PER_CLIENT } from '../../src/platform/auth/policy.js';
import { openCampaign, validApplication } from '../../src/modules/campaign/test-helpers.js';
import { makeEvent, person } from '../../src/modules/events/test-helpers.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { TestBrowser } from '../helpers/http.js';
import { makeToken, makeUser } from '../helpers/fixtures.js';

/**
 * Every route that a visitor who is not signed in can make send a mail is throttled per recipient
 * address and per client address (the campaign's sign-up has its own test beside it).
 */
describe('anonymous routes that send mail are throttled per address and per client', () => {
  let env: TestEnv;
  let ipSeq = 0;
  const newClient = () => `203.0.113.${++ipSeq}`;
  before(async () => {
    env = await createTestEnv({ TRUST_PROXY: 'true' });
    await makeEvent(env.deps, 'mail-ev');
    await openCampaign(env.deps, 'mail-camp');
  });
  after(() => env.close());

  const count = async (q: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(env.deps.db, q))[0]!.n);
  const within = Array(ANON_MAIL_PER_ADDRESS).fill(200);

  async function forgot(email: string, ip: string) {
    const b = new TestBrowser(env.deps);
    await b.get('/password/forgot');
    const res = await b.post('/password/forgot', { email }, { 'x-forwarded-for': ip });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), html: await res.text() };
  }

  test('/password/forgot: the same budget and the same answers for a registered and an unknown address', async () => {
    await makeUser(env.deps, 'member@mail.example', 'operator', (await queryRows<{ id: number }>(env.deps.db, sql`select id from programs where slug = 'mail-camp'`))[0]!.id);
    const answers: Record<string, number[]> = {};
    for (const email of ['member@mail.example', 'stranger@mail.example']) {
      answers[email] = [];
      for (let i = 0; i <= ANON_MAIL_PER_ADDRESS; i++) answers[email]!.push((await forgot(email, newClient())).status);
    }
    assert.deepEqual(answers['member@mail.example'], [...within, 429]);
    assert.deepEqual(answers['stranger@mail.example'], answers['member@mail.example']);
    const refused = await forgot('member@mail.example', newClient());
    assert.ok(Number(refused.retryAfter) > 0);
    assert.match(refused.html, /多くの申し込みがありました/);
    assert.match(refused.html, /name="email"/, 'the form again, with the reason');
    assert.equal(await count(sql`select count(*)::int as n from mail_outbox where template = 'auth.reset'`), ANON_MAIL_PER_ADDRESS);
  });

  test('/password/forgot: per client, whatever the addresses', async () => {
    const ip = newClient();
    const statuses: number[] = [];
    for (let i = 0; i <= ANON_MAIL_PER_CLIENT; i++) statuses.push((await forgot(`guess${i}@mail.example`, ip)).status);
    assert.deepEqual(statuses, [...Array(ANON_MAIL_PER_CLIENT).fill(200), 429]);
  });

  async function registerOnWeb(body: Record<string, unknown>, ip: string, prefix = '') {
    const b = new TestBrowser(env.deps);
    await b.get(`${prefix}/mail-ev/register`);
    const fields = Object.fromEntries(Object.entries({ ...body, consent: 'true' }).filter(([k, v]) => k !== 'accommodations' && k !== 'channel' && typeof v === 'string' && v !== ''));
    const res = await b.post(`${prefix}/mail-ev/register`, fields as Record<string, string>, { 'x-forwarded-for': ip });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), html: await res.text() };
  }

  const registrations = () => count(sql`select count(*)::int as n from event_registrations`);

  test('event registration (web form): per address; the refused one registers nothing; English on the English form', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= ANON_MAIL_PER_ADDRESS; i++) statuses.push((await registerOnWeb(person({ email: 'family@mail.example' }), newClient())).status);
    assert.deepEqual(statuses, [...Array(ANON_MAIL_PER_ADDRESS).fill(303), 429]);
    const before = await registrations();
    const en = await registerOnWeb(person({ email: 'family@mail.example' }), newClient(), '/en');
    assert.equal(en.status, 429);
    assert.ok(Number(en.retryAfter) > 0);
    assert.match(en.html, /many requests for this e-mail address/);
    assert.equal(await registrations(), before, 'no seat taken, no mail');
  });

  test('event registration (public API): per client; a staff token is not charged', async () => {
    const app = new TestBrowser(env.deps).app;
    const ip = newClient();
    const statuses: number[] = [];
    for (let i = 0; i <= ANON_MAIL_PER_CLIENT; i++) {
      const res = await app.request('/api/v1/programs/mail-ev/registrations', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify(person()) });
      statuses.push(res.status);
      if (res.status === 429) {
        assert.equal((await res.json()).code, 'too-many-attempts');
        assert.ok(Number(res.headers.get('retry-after')) > 0);
      }
    }
    assert.deepEqual(statuses, [...Array(ANON_MAIL_PER_CLIENT).fill(201), 429]);
    const event = (await queryRows<{ id: number }>(env.deps.db, sql`select id from programs where slug = 'mail-ev'`))[0]!.id;
    const op = await makeUser(env.deps, 'desk@mail.example', 'operator', event);
    const token = await makeToken(env.deps, op.id);
    for (let i = 0; i <= ANON_MAIL_PER_ADDRESS; i++) {
      const res = await app.request('/api/v1/programs/mail-ev/registrations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, authorization: `Bearer ${token}` },
        body: JSON.stringify(person({ channel: 'phone', email: 'office@mail.example' })),
      });
      assert.equal(res.status, 201, 'staff registrations are not throttled');
    }
  });

  test("event registration: changes through the applicant's own link are charged too", async () => {
    const b = new TestBrowser(env.deps);
    await b.get('/mail-ev/register');
    const p = person({ email: 'changer@mail.example' });
    const res = await b.post('/mail-ev/register', { name: p.name, nameKana: p.nameKana, email: p.email, attendance: 'venue', consent: 'true' }, { 'x-forwarded-for': newClient() });
    assert.equal(res.status, 303);
    const link = res.headers.get('location')!;
    const statuses: number[] = [];
    // One mail went with the registration; the budget has ANON_MAIL_PER_ADDRESS - 1 left.
    for (let i = 0; i < ANON_MAIL_PER_ADDRESS; i++) {
      await b.get(link);
      statuses.push((await b.post(link, { attendance: i % 2 ? 'venue' : 'online' }, { 'x-forwarded-for': newClient() })).status);
    }
    assert.deepEqual(statuses, [...Array(ANON_MAIL_PER_ADDRESS - 1).fill(303), 429]);
  });

  test('a campaign application through the public API: its receipt mail is charged to the contact address', async () => {
    const app = new TestBrowser(env.deps).app;
    const statuses: number[] = [];
    for (let i = 0; i <= ANON_MAIL_PER_ADDRESS; i++) {
      const body = validApplication(500 + i, { operator: { contactEmail: 'victim@mail.example' }, facility: { nameKana: 'ホテルアオバ' } });
      const res = await app.request('/api/v1/programs/mail-camp/applications', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': newClient() }, body: JSON.stringify(body) });
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [...Array(ANON_MAIL_PER_ADDRESS).fill(201), 429]);
    assert.equal(await count(sql`select count(*)::int as n from campaign_applications where license_number = ${'仙台市指令青保第' + (1000 + 500 + ANON_MAIL_PER_ADDRESS) + '号'}`), 0, 'the refused application is not stored');
  });
});
