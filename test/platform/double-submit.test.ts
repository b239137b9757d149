import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { openCampaign } from '../../src/modules/campaign/test-helpers.js';
import { makeEvent } from '../../src/modules/events/test-helpers.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeUser } from '../helpers/fixtures.js';
import { signedInBrowsers, TestBrowser } from '../helpers/http.js';

/**
 * A double-clicked or replayed form creates one record: every POST form carries a one-time key
 * (`_once`), and the form kit (platform/http/form-action.ts) runs a key's command once.
 */
describe('a form sent twice creates one record', () => {
  let env: TestEnv;
  let operator: TestBrowser;
  let eventStaff: TestBrowser;
  const count = async (table: string, where = sql`true`) => Number((await queryRows<{ n: string }>(env.deps.db, sql`select count(*)::text as n from ${sql.identifier(table)} where ${where}`))[0]!.n);
  before(async () => {
    env = await createTestEnv();
    const campaign = await openCampaign(env.deps, 'twice');
    const event = await makeEvent(env.deps, 'twice-ev');
    await makeUser(env.deps, 'op@twice.example', 'operator', campaign.id);
    await makeUser(env.deps, 'op@twice-ev.example', 'operator', event.id);
    [operator, eventStaff] = (await signedInBrowsers(env.deps, ['op@twice.example', 'op@twice-ev.example'])) as [TestBrowser, TestBrowser];
  });
  after(() => env.close());

  test('event registration on the public form: the replay registers nobody and goes to the event page', async () => {
    const b = new TestBrowser(env.deps);
    await b.get('/twice-ev/register');
    const form = { _once: b.once(), name: '二重 送信', nameKana: 'にじゅう そうしん', organization: '', email: 'twice@example.jp', attendance: 'venue', consent: 'true' };
    assert.ok(form._once.length >= 16);
    const first = await b.post('/twice-ev/register', form);
    assert.equal(first.status, 303);
    assert.match(first.headers.get('location')!, /^\/twice-ev\/registration\//);
    const second = await b.post('/twice-ev/register', form);
    assert.equal(second.status, 303);
    assert.equal(second.headers.get('location'), '/twice-ev', 'the replay does not learn the registrant’s own link');
    assert.equal(await count('event_registrations'), 1);
    assert.equal(await count('mail_outbox', sql`template like 'events.%'`), 1, 'one confirmation mail');
    const page = await (await b.get('/twice-ev')).text();
    assert.ok(page.includes('この送信はすでに受け付けています'));
    // The same form rendered again (a new key) is a new registration, as a person would expect.
    await b.get('/twice-ev/register');
    assert.equal((await b.post('/twice-ev/register', { ...form, _once: b.once(), email: 'twice2@example.jp' })).status, 303);
    assert.equal(await count('event_registrations'), 2);
  });

  test('the same key from another visitor is its own submission', async () => {
    const a = new TestBrowser(env.deps);
    const other = new TestBrowser(env.deps);
    await a.get('/twice-ev/register');
    await other.get('/twice-ev/register');
    const key = a.once();
    const before = await count('event_registrations');
    assert.equal((await a.post('/twice-ev/register', { _once: key, name: '甲 一', nameKana: 'こう いち', email: 'a1@example.jp', attendance: 'venue', consent: 'true' })).status, 303);
    assert.equal((await other.post('/twice-ev/register', { _once: key, name: '乙 二', nameKana: 'おつ に', email: 'b2@example.jp', attendance: 'venue', consent: 'true' })).status, 303);
    assert.equal(await count('event_registrations'), before + 2);
  });

  test('a notice posted twice is published once; a refused form keeps its key for the corrected one', async () => {
    await operator.get('/admin/campaign/twice/notices');
    const key = operator.once();
    const bad = await operator.post('/admin/campaign/twice/notices', { _once: key, title: ' ', body: '' });
    assert.equal(bad.status, 422);
    const form = { _once: key, title: '締切のお知らせ', body: '7月分は8月5日まで。' };
    assert.equal((await operator.post('/admin/campaign/twice/notices', form)).status, 303);
    const replay = await operator.post('/admin/campaign/twice/notices', form);
    assert.equal(replay.status, 303);
    assert.equal(replay.headers.get('location'), '/admin/campaign/twice/notices');
    assert.equal(await count('campaign_notices'), 1);
    assert.equal(await count('audit_log', sql`action = 'campaign.notice.published'`), 1);
  });

  test('staff entry of a paper application and a walk-in, each sent twice, register one person each', async () => {
    await eventStaff.get('/admin/events/twice-ev/registrations/new');
    const paper = { _once: eventStaff.once(), channel: 'fax', receivedOn: '', name: '紙 申込', nameKana: 'かみ もうしこみ', organization: '', attendance: 'venue', fax: '022-111-2222' };
    const first = await eventStaff.post('/admin/events/twice-ev/registrations/new', paper);
    assert.equal(first.status, 303, eventStaff.lastHtml.slice(0, 500));
    const again = await eventStaff.post('/admin/events/twice-ev/registrations/new', paper);
    assert.equal(again.headers.get('location'), first.headers.get('location'));
    assert.equal(await count('event_registrations', sql`channel = 'fax'`), 1);

    await eventStaff.get('/admin/events/twice-ev/checkin');
    const walkIn = { _once: eventStaff.once(), name: '当日 来場', nameKana: 'とうじつ らいじょう', organization: '' };
    assert.ok(walkIn._once);
    assert.equal((await eventStaff.post('/admin/events/twice-ev/walk-in', walkIn)).status, 303);
    assert.equal((await eventStaff.post('/admin/events/twice-ev/walk-in', walkIn)).status, 303);
    assert.equal(await count('event_registrations', sql`channel = 'walk-in'`), 1);
  });
});
