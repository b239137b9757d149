import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { programs } from '../../../platform/programs/schema.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram, makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';

const MEETING = { heldOn: '2026-06-10', startTime: '14:00', place: '仙台市役所 本庁舎8階会議室', attendeesCity: '観光課 課長、観光課 担当', attendeesContractor: '主任担当者、事務局 担当', agenda: 'キャンペーンの進捗、コールセンターの体制' };

describe('records plan: meetings and minutes the City confirms; the monthly meeting warning', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let city: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    env.clock.set('2026-06-15T01:00:00Z');
    const p = await makeProgram(env.deps, 'plan-cp', 'campaign');
    await env.deps.db.update(programs).set({ startsOn: '2026-05-01', endsOn: '2027-03-31' }).where(eq(programs.id, p.id));
    await makeUser(env.deps, 'op@cp.example', 'operator', p.id);
    await makeUser(env.deps, 'city@cp.example', 'city', p.id);
    [op, city] = (await signedInBrowsers(env.deps, ['op@cp.example', 'city@cp.example'])) as [TestBrowser, TestBrowser];
  });
  after(() => env.close());

  test('a meeting, minutes with an action item that joins the schedule, sent, commented, corrected, confirmed, PDF', async () => {
    await op.get('/admin/records/plan-cp/meetings');
    const bad = await op.post('/admin/records/plan-cp/meetings', { ...MEETING, place: '' });
    assert.equal(bad.status, 422, 'a place or online is needed');
    assert.match(await bad.text(), /場所を入力するか、オンラインを選んでください/);
    await op.get('/admin/records/plan-cp/meetings');
    assert.equal((await op.post('/admin/records/plan-cp/meetings', MEETING)).status, 303);
    const [m] = await queryRows<{ id: number }>(env.deps.db, sql`select id from records_meetings`);
    const id = m!.id;
    const page = `/admin/records/meetings/${id}`;

    await op.get(page);
    assert.equal((await op.post(`${page}/send`, {})).status, 409, 'no minutes written yet');
    await op.get(page);
    assert.equal((await op.post(`${page}/minutes`, { summary: '申請の受付状況を報告した。', decisions: 'コールセンターは7月から3回線とする。' })).status, 303);
    await op.get(page);
    assert.equal((await op.post(`${page}/actions`, { title: '回線増設の見積提出', owner: 'contractor', ownerName: '事務局', dueOn: '2026-06-30' })).status, 303);
    const [task] = await queryRows<{ title: string; starts_on: string; ends_on: string }>(env.deps.db, sql`select title, starts_on::text, ends_on::text from records_schedule_tasks`);
    assert.deepEqual(task, { title: '回線増設の見積提出', starts_on: '2026-06-10', ends_on: '2026-06-30' }, 'the action item is a task of the schedule');
    assert.match(await (await op.get('/admin/records/plan-cp/schedule')).text(), /回線増設の見積提出/);

    assert.doesNotMatch(await (await city.get('/admin')).text(), /市の確認を待つ議事録/);
    await op.get(page);
    assert.equal((await op.post(`${page}/send`, {})).status, 303);
    assert.match(await (await city.get('/admin')).text(), /市の確認を待つ議事録/, 'the City sees the minutes in its inbox');
    await op.get(page);
    assert.equal((await op.post(`${page}/minutes`, { summary: '変更' })).status, 409, 'locked while with the City');

    await city.get(page);
    const empty = await city.post(`${page}/answer`, { decision: 'comment', comment: '' });
    assert.equal(empty.status, 422);
    await city.get(page);
    assert.equal((await city.post(`${page}/answer`, { decision: 'comment', comment: '出席者に市民協働推進課を追加してください。' })).status, 303);
    assert.match(await (await op.get('/admin')).text(), /市からコメントが返った議事録/);
    await op.get(page);
    assert.equal((await op.post(`${page}/minutes`, { summary: '申請の受付状況を報告した（市民協働推進課も出席）。', decisions: 'コールセンターは7月から3回線とする。' })).status, 303);
    await op.get(page);
    assert.equal((await op.post(`${page}/send`, {})).status, 303);
    await city.get(page);
    assert.equal((await city.post(`${page}/answer`, { decision: 'confirm' })).status, 303);
    await city.get(page);
    assert.equal((await city.post(`${page}/answer`, { decision: 'confirm' })).status, 409, 'confirmed once');
    assert.doesNotMatch(await (await city.get('/admin')).text(), /市の確認を待つ議事録/);

    const pdf = await city.get(`${page}/minutes.pdf`);
    assert.equal(pdf.status, 200);
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(await pdf.arrayBuffer()) }).toString();
    assert.match(text, /打合せ議事録/);
    assert.match(text, /市民協働推進課も出席/);
    assert.match(text, /回線増設の見積提出/);
    assert.match(text, /発注者確認：2026/, 'the City confirmation is on the PDF');
    assert.doesNotMatch(text, /未確認/);
    const [a] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action in ('records.meeting.minutes_sent', 'records.meeting.minutes_confirmed', 'records.meeting.minutes_commented')`);
    assert.equal(a!.n, 4);
  });

  test('a calendar month of a campaign without a meeting raises the warning in both inboxes (test clock)', async () => {
    // June has its meeting; May (the contract's first month) had none.
    assert.match(await (await op.get('/admin')).text(), /打合せのない月があります（2026年5月）/);
    assert.match(await (await city.get('/admin')).text(), /打合せのない月があります（2026年5月）/);
    await op.get('/admin/records/plan-cp/meetings');
    assert.equal((await op.post('/admin/records/plan-cp/meetings', { ...MEETING, heldOn: '2026-05-28', place: '', online: 'on' })).status, 303);
    assert.doesNotMatch(await (await op.get('/admin')).text(), /打合せのない月があります/, 'every month that ended had a meeting');
    // July ends without one: on 1 August both sides are warned.
    env.clock.set('2026-07-31T15:30:00Z');
    await op.login('op@cp.example', TEST_PASSWORD);
    await city.login('city@cp.example', TEST_PASSWORD);
    assert.match(await (await op.get('/admin')).text(), /打合せのない月があります（2026年7月）/);
    assert.match(await (await city.get('/admin')).text(), /打合せのない月があります（2026年7月）/);
  });
});
