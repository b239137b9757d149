import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { makeUser, TEST_PASSWORD } from '../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { grantsOf } from '../../platform/auth/memberships.js';
import { waitingWork } from '../../platform/inbox/collect.js';
import { drawOrder, entryListHash, seedHash } from './lottery.js';
import { answersFor, makeSurvey } from './test-helpers.js';

const entrant = (i: number) => ({ name: `抽選 花子${i}`, postalCode: '9800811', address: '仙台市青葉区', phone: `080200030${String(i).padStart(2, '0')}`, email: `lot${i}@example.jp`, consent: true });

describe('surveys: a lottery anyone can re-check', () => {
  let env: TestEnv;
  let browser: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    browser = new TestBrowser(env.deps);
  });
  after(() => env.close());

  test('commit publishes the seed hash; the draw freezes the list and reveals the seed; verify recomputes it and fails once the entry table is edited', async () => {
    const { program } = await makeSurvey(env.deps, browser.app, 'sv-lot');
    assert.equal((await cli(env.deps, ['lottery', 'draw', '--program', 'sv-lot', '--winners', '2'])).code, 1, 'no draw before the seed is committed');
    const committed = await cli(env.deps, ['lottery', 'commit', '--program', 'sv-lot']);
    assert.equal(committed.code, 0, committed.err);
    const hash = /SHA-256 ([0-9a-f]{64})/.exec(committed.out)![1]!;
    assert.equal((await cli(env.deps, ['lottery', 'commit', '--program', 'sv-lot'])).code, 1, 'the seed is fixed once');
    const page = await (await browser.get('/sv-lot/survey')).text();
    assert.ok(page.includes(hash), 'the survey page publishes the hash before the draw');
    // The campaign's top page shows the hash and links to the procedure, in Japanese and English.
    for (const [prefix, words] of [['', /抽選の方法と検証のしかた/], ['/en', /How the draw works and how to check it/]] as const) {
      const home = await browser.get(`${prefix}/sv-lot`);
      assert.equal(home.status, 200);
      const html = await home.text();
      assert.ok(html.includes(`<code>${hash}</code>`), `the top page ${prefix || '(ja)'} shows the seed hash`);
      assert.match(html, words);
      assert.ok(html.includes(`href="${prefix}/sv-lot/survey/lottery"`), 'a link to the procedure');
      const procedure = await (await browser.get(`${prefix}/sv-lot/survey/lottery`)).text();
      assert.ok(procedure.includes(hash), 'the procedure page shows the hash');
      assert.match(procedure, prefix ? /SHA-256 of &quot;seed:entry number&quot;|SHA-256 of "seed:entry number"/ : /乱数:応募番号/);
    }
    const [audited] = await queryRows<{ diff: unknown }>(env.deps.db, sql`select diff from audit_log where action = 'surveys.lottery.committed'`);
    assert.ok(JSON.stringify(audited!.diff).includes(hash), 'the audit trail carries the hash');
    for (let i = 0; i < 12; i++) {
      const r = await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-lot/survey/responses', { body: { answers: answersFor(i), lottery: entrant(i) } });
      assert.equal(r.status, 201);
    }
    const drawn = await cli(env.deps, ['lottery', 'draw', '--program', 'sv-lot', '--winners', '3', '--alternates', '2']);
    assert.equal(drawn.code, 0, drawn.err);
    const seed = /seed ([0-9a-f]{64})/.exec(drawn.out)![1]!;
    assert.equal(seedHash(seed), hash, 'the revealed seed is the committed one');
    // Anyone can redo the documented procedure from the seed and the entry list.
    const ids = (await queryRows<{ id: number }>(env.deps.db, sql`select id from survey_entries where program_id = ${program.id} order by id`)).map((r) => Number(r.id));
    const order = drawOrder(seed, ids, 3, 2);
    assert.match(drawn.out, new RegExp(`winners \\(entry no\\.\\): ${order.slice(0, 3).join(', ')}\\n`));
    assert.match(drawn.out, new RegExp(`list SHA-256 ${entryListHash(ids)}`));
    assert.equal((await cli(env.deps, ['lottery', 'draw', '--program', 'sv-lot', '--winners', '3'])).code, 1, 'one draw');
    assert.match(await (await browser.get('/sv-lot/survey/lottery')).text(), new RegExp(seed), 'the procedure page reveals the seed after the draw');
    const verified = await cli(env.deps, ['lottery', 'verify', '--program', 'sv-lot']);
    assert.equal(verified.code, 0, verified.err);
    // After the draw, a new entry is refused politely; the answers alone are still welcome.
    const late = await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-lot/survey/responses', { body: { answers: answersFor(20), lottery: entrant(20) } });
    assert.equal(late.status, 409);
    assert.equal(((await late.json()) as { code: string }).code, 'window-closed');
    assert.equal((await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-lot/survey/responses', { body: { answers: answersFor(20) } })).status, 201);
    // Editing the table after the draw: an entry added, then one removed.
    const [resp] = await queryRows<{ id: number }>(env.deps.db, sql`select max(id) as id from survey_responses where program_id = ${program.id}`);
    await env.deps.db.execute(sql`insert into survey_entries (program_id, response_id, email_index, phone_index) values (${program.id}, ${resp!.id}, 'x', 'y')`);
    const added = await cli(env.deps, ['lottery', 'verify', '--program', 'sv-lot']);
    assert.equal(added.code, 1, 'an entry added after the draw is detected');
    assert.match(added.err, /entry list changed/);
    await env.deps.db.execute(sql`delete from survey_entries where email_index = 'x'`);
    assert.equal((await cli(env.deps, ['lottery', 'verify', '--program', 'sv-lot'])).code, 0, 'back as it was');
    await env.deps.db.execute(sql`delete from survey_entries where id = ${ids[ids.length - 1]!}`);
    assert.equal((await cli(env.deps, ['lottery', 'verify', '--program', 'sv-lot'])).code, 1, 'an entry removed after the draw is detected');
  });

  test('the City\'s draw-record inbox item clears once the City confirms the record; staff cannot confirm; a second confirmation is 409', async () => {
    const { program, city } = await makeSurvey(env.deps, browser.app, 'sv-confirm');
    await makeUser(env.deps, 'op-confirm2@example.jp', 'operator', program.id);
    const inbox = async () => (await waitingWork(env.deps, await grantsOf(env.deps.db, city.id))).filter((w) => w.program.id === program.id && w.href.endsWith('/lottery')).map((w) => w.count);
    assert.equal((await cli(env.deps, ['lottery', 'commit', '--program', 'sv-confirm'])).code, 0);
    for (let i = 0; i < 3; i++) assert.equal((await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-confirm/survey/responses', { body: { answers: answersFor(i), lottery: entrant(40 + i) } })).status, 201);
    assert.deepEqual(await inbox(), [], 'nothing for the City before the draw');
    assert.equal((await cli(env.deps, ['lottery', 'draw', '--program', 'sv-confirm', '--winners', '1'])).code, 0);
    assert.deepEqual(await inbox(), [1], 'the drawn record waits for the City');
    const op = new TestBrowser(env.deps, browser.app);
    await op.login('op-confirm2@example.jp', TEST_PASSWORD);
    await op.get('/admin/surveys/sv-confirm/lottery');
    assert.equal((await op.post('/admin/surveys/sv-confirm/lottery/confirm', {})).status, 403, 'only the City confirms');
    const cityBrowser = new TestBrowser(env.deps, browser.app);
    await cityBrowser.login(city.email, TEST_PASSWORD);
    const page = await (await cityBrowser.get('/admin/surveys/sv-confirm/lottery')).text();
    assert.match(page, /市の確認：未確認/);
    const confirmed = await cityBrowser.post('/admin/surveys/sv-confirm/lottery/confirm', {});
    assert.equal(confirmed.status, 303);
    assert.deepEqual(await inbox(), [], 'the item clears once confirmed');
    assert.match(await (await cityBrowser.get('/admin/surveys/sv-confirm/lottery')).text(), /市の確認：確認済み/);
    const [audited] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'surveys.lottery.confirmed' and program_id = ${program.id}`);
    assert.equal(Number(audited!.n), 1);
    // A page loaded before the confirmation, posted again: refused, nothing recorded twice.
    await cityBrowser.get('/admin/surveys/sv-confirm');
    assert.equal((await cityBrowser.post('/admin/surveys/sv-confirm/lottery/confirm', {})).status, 409);
  });
});
