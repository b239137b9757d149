import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { TEST_PASSWORD } from '../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { answersFor, makeSurvey } from './test-helpers.js';

const entrant = (i: number) => ({ name: `当選 候補${i}`, postalCode: '9800811', address: `仙台市青葉区一番町${i}-1`, phone: `0803000400${i}`, email: `prize${i}@example.jp`, consent: true });

describe('surveys: prizes and shipping', () => {
  let env: TestEnv;
  let browser: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    browser = new TestBrowser(env.deps);
  });
  after(() => env.close());

  test('winners are mailed and shipped; labels and the carrier file carry the addresses; an undelivered prize passes to the next alternate; then the entrants are erased and the draw still verifies', async () => {
    const { program } = await makeSurvey(env.deps, browser.app, 'sv-prize');
    assert.equal((await cli(env.deps, ['lottery', 'commit', '--program', 'sv-prize'])).code, 0);
    for (let i = 0; i < 6; i++) assert.equal((await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-prize/survey/responses', { body: { answers: answersFor(i), lottery: entrant(i) } })).status, 201);
    const op = new TestBrowser(env.deps, browser.app);
    await op.login('op-sv-prize@example.jp', TEST_PASSWORD);
    await op.get('/admin/surveys/sv-prize/lottery');
    assert.equal((await op.post('/admin/surveys/sv-prize/lottery/draw', { winners: '2', alternates: '2' })).status, 303);
    const [l] = await queryRows<{ drawn_order: number[] | string }>(env.deps.db, sql`select drawn_order from survey_lotteries where program_id = ${program.id}`);
    const order = (typeof l!.drawn_order === 'string' ? JSON.parse(l!.drawn_order) : l!.drawn_order) as number[];
    assert.equal(order.length, 4);

    const page = await (await op.get('/admin/surveys/sv-prize/lottery')).text();
    assert.match(page, /当選 候補\d/, 'the operator sees the winners');
    const city = new TestBrowser(env.deps, browser.app);
    await city.login('city-sv-prize@example.jp', TEST_PASSWORD);
    const cityPage = await (await city.get('/admin/surveys/sv-prize/lottery')).text();
    assert.match(cityPage, /応募者一覧のハッシュ値/, 'the City sees the draw record');
    assert.ok(!/当選 候補\d/.test(cityPage), 'but not the entrants');

    await op.get('/admin/surveys/sv-prize/lottery');
    assert.equal((await op.post('/admin/surveys/sv-prize/prizes', { name: '仙台銘菓セット', stock: 'x' })).status, 422);
    assert.equal((await op.post('/admin/surveys/sv-prize/prizes', { name: '仙台銘菓セット', stock: '3', keptAt: '事務局倉庫' })).status, 303);
    const [prize] = await queryRows<{ id: number }>(env.deps.db, sql`select id from survey_prizes where program_id = ${program.id}`);
    await op.get('/admin/surveys/sv-prize/lottery');
    assert.equal((await op.post('/admin/surveys/sv-prize/shipments/prepare', { prize: String(prize!.id) })).status, 303);
    const ships = await queryRows<{ id: number; entry_id: number }>(env.deps.db, sql`select id, entry_id from survey_shipments where program_id = ${program.id} order by id`);
    assert.deepEqual(ships.map((s) => Number(s.entry_id)), order.slice(0, 2), 'one shipment per winner');
    const [mails] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from mail_outbox where template = 'surveys.winner' and program_id = ${program.id}`);
    assert.equal(Number(mails!.n), 2, 'each winner is mailed');

    const labels = await op.get('/admin/surveys/sv-prize/labels.pdf');
    assert.equal(labels.status, 200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-labels-')), 'l.pdf');
    fs.writeFileSync(file, Buffer.from(await labels.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    assert.match(text, /〒980-0811/);
    assert.match(text, /当選 候補\d 様/);
    const csv = new TextDecoder('shift_jis').decode(await (await op.get('/admin/surveys/sv-prize/carrier.csv')).arrayBuffer());
    assert.match(csv, /お届け先郵便番号/);
    assert.equal(csv.trim().split(/\r?\n/).length, 3, 'a header and two parcels');

    const update = async (id: number, fields: Record<string, string>) => {
      await op.get('/admin/surveys/sv-prize/lottery');
      return (await op.post('/admin/surveys/sv-prize/shipments/update', { shipment: String(id), ...fields })).status;
    };
    const [s1, s2] = ships.map((s) => Number(s.id)) as [number, number];
    assert.equal(await update(s1, { action: 'shipped', carrier: 'ヤマト運輸', trackingNumber: '1234-5678-9012' }), 303);
    assert.equal(await update(s1, { action: 'delivered' }), 303);
    assert.equal(await update(s1, { action: 'delivered' }), 409, 'a stale transition is refused');
    assert.equal(await update(s2, { action: 'shipped', carrier: '日本郵便', trackingNumber: '9999' }), 303);
    assert.equal(await update(s2, { action: 'undelivered' }), 303);
    await op.get('/admin/surveys/sv-prize/lottery');
    assert.equal((await op.post('/admin/surveys/sv-prize/entrants/erase', {})).status, 409, 'not before every prize is settled');
    assert.equal(await update(s2, { action: 'decided', note: '市と協議のうえ補欠に繰り上げ', passToAlternate: 'true' }), 303);
    const [alt] = await queryRows<{ id: number; entry_id: number; replaces: number }>(env.deps.db, sql`select id, entry_id, replaces from survey_shipments where program_id = ${program.id} and replaces is not null`);
    assert.equal(Number(alt!.entry_id), order[2], 'the first alternate takes the undelivered prize');
    assert.equal(Number(alt!.replaces), s2);
    assert.equal(await update(Number(alt!.id), { action: 'shipped', carrier: 'ヤマト運輸', trackingNumber: '5555' }), 303);
    assert.equal(await update(Number(alt!.id), { action: 'delivered' }), 303);

    await op.get('/admin/surveys/sv-prize/lottery');
    assert.equal((await op.post('/admin/surveys/sv-prize/entrants/erase', {})).status, 303);
    const [left] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from survey_entries where program_id = ${program.id} and (name_sealed is not null or email_sealed is not null or address_sealed is not null)`);
    assert.equal(Number(left!.n), 0, 'personal data erased');
    assert.equal((await cli(env.deps, ['lottery', 'verify', '--program', 'sv-prize'])).code, 0, 'the draw still verifies');
    const [viewed] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action in ('surveys.entries.viewed', 'surveys.labels.printed')`);
    assert.ok(Number(viewed!.n) >= 3, 'views and prints of personal data are audited');
  });
});
