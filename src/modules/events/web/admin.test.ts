import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeToken, makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../../test/helpers/http.js';
import { makeEvent, person } from '../test-helpers.js';

async function auditCount(env: TestEnv, action: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = ${action}`);
  return Number(row!.n);
}

async function readXlsx(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb.worksheets[0]!;
}

describe('events back office', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let cityToken: string;
  before(async () => {
    env = await createTestEnv({}, { realClock: true });
    const program = await makeEvent(env.deps, 'ev-office', { capacity: '3' });
    await makeUser(env.deps, 'op@office.example', 'operator', program.id);
    const city = await makeUser(env.deps, 'city@office.example', 'city', program.id);
    cityToken = await makeToken(env.deps, city.id);
    op = new TestBrowser(env.deps);
    assert.equal((await op.login('op@office.example', TEST_PASSWORD)).status, 303);
    const orgs = ['青葉町内会', '青葉町内会', '若林町内会', '泉町内会'];
    for (const [i, org] of orgs.entries()) {
      await apiRequest(op.app, 'POST', '/api/v1/programs/ev-office/registrations', { body: person({ organization: org, nameKana: `やまだ ${'あいうえ'[i]}`, email: `p${i}@office.example` }) });
    }
  });
  after(() => env.close());

  test('staff enter a FAX application; it waits on the to-send list, prints, and is marked sent', async () => {
    await op.get('/admin/events/ev-office/registrations/new');
    const missing = await op.post('/admin/events/ev-office/registrations/new', { channel: 'fax', receivedOn: '2000-01-01', name: '', nameKana: '' });
    assert.equal(missing.status, 422);
    assert.ok(op.lastHtml.includes('氏名を入力してください'));
    const res = await op.post('/admin/events/ev-office/registrations/new', {
      channel: 'fax',
      name: '泉 一郎',
      nameKana: 'いずみ いちろう',
      organization: '泉中央町内会',
      fax: '022-765-4321',
      attendance: 'online',
      receivedOn: new Date().toISOString().slice(0, 10),
    });
    assert.equal(res.status, 303);
    const detail = res.headers.get('location')!;
    const id = Number(/(\d+)$/.exec(detail)![1]);
    await op.get('/admin/events/ev-office/to-send');
    assert.ok(op.lastHtml.includes('泉 一郎') && op.lastHtml.includes('FAX 022-765-4321'));
    const pdf = await op.get(`/admin/events/registrations/${id}/confirmation.pdf`);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.ok((await pdf.arrayBuffer()).byteLength > 2000);
    assert.equal(await auditCount(env, 'events.confirmation.printed'), 1);
    const sent = await op.post(`/admin/events/registrations/${id}/sent`, {});
    assert.equal(sent.status, 303);
    await op.get('/admin/events/ev-office/to-send');
    assert.ok(!op.lastHtml.includes('泉 一郎'));
  });

  test('the roster is searchable; views and xlsx exports (page and API) are audited with Japanese intact', async () => {
    const views = await auditCount(env, 'events.roster.viewed');
    await op.get('/admin/events/ev-office/roster?status=waitlisted');
    assert.ok(op.lastHtml.includes('参加者名簿（1件）'), 'one of four in person is waitlisted (capacity 3)');
    assert.equal(await auditCount(env, 'events.roster.viewed'), views + 1);
    const xlsx = await op.get('/admin/events/ev-office/roster.xlsx');
    const sheet = await readXlsx(xlsx);
    assert.equal(sheet.getRow(1).getCell(1).value, '受付番号');
    const names = sheet.getColumn(6).values.filter((v) => typeof v === 'string');
    assert.ok(names.includes('泉 一郎'));
    assert.ok(sheet.getColumn(8).values.includes('青葉町内会'));
    const api = await apiRequest(op.app, 'GET', '/api/v1/programs/ev-office/roster.xlsx', { token: cityToken });
    assert.equal(api.status, 200);
    assert.equal((await readXlsx(api)).rowCount, 6);
    assert.equal(await auditCount(env, 'events.roster.exported'), 2);
    const [who] = await queryRows<{ role: string }>(env.deps.db, sql`select role from audit_log where action = 'events.roster.exported' order by id desc limit 1`);
    assert.equal(who!.role, 'city');
    assert.equal((await op.get('/admin/events/ev-office')).status, 200);
    assert.ok(op.lastHtml.includes('FAX 1'));
  });

  test('groups: assigned automatically with one organisation apart, moved by hand, facilitator, sheets', async () => {
    await op.get('/admin/events/ev-office/groups');
    await op.post('/admin/events/ev-office/groups/assign', { size: '2' });
    const rows = await queryRows<{ group_id: number; org_index: string }>(env.deps.db, sql`select group_id, org_index from event_registrations where status = 'confirmed' and attendance = 'venue'`);
    assert.equal(rows.length, 3);
    assert.equal(new Set(rows.map((r) => r.group_id)).size, 2);
    const aoba = rows.filter((r, _, all) => all.filter((x) => x.org_index === r.org_index).length > 1);
    assert.equal(new Set(aoba.map((r) => r.group_id)).size, aoba.length, 'the two from 青葉町内会 are in different groups');
    await op.get('/admin/events/ev-office/groups');
    assert.equal((await op.post('/admin/events/ev-office/groups/1/facilitator', { 'facilitator-1': '進行 花子' })).status, 303);
    const pdf = await op.get('/admin/events/ev-office/groups.pdf');
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    for (const p of ['reception.pdf', 'name-cards.pdf']) assert.equal((await op.get(`/admin/events/ev-office/${p}`)).status, 200);
  });

  test('check-in by number or kana, walk-ins, totals', async () => {
    await op.get('/admin/events/ev-office/checkin?q=' + encodeURIComponent('ヤマダ'));
    assert.ok(op.lastHtml.includes('出席にする（1）'));
    const [first] = await queryRows<{ id: number }>(env.deps.db, sql`select id from event_registrations where number = 1`);
    assert.equal((await op.post(`/admin/events/registrations/${first!.id}/checkin`, { q: '1' })).status, 303);
    await op.get('/admin/events/ev-office/checkin');
    assert.equal((await op.post('/admin/events/ev-office/walk-in', { name: '当日 参加', nameKana: 'とうじつ さんか', organization: '' })).status, 303);
    await op.get('/admin/events/ev-office/checkin');
    assert.ok(op.lastHtml.includes('出席 2名'), op.lastHtml.match(/出席 \d+名[^<]*/)?.[0]);
  });

  test('setup: settings and programme items; a larger capacity promotes the waitlist', async () => {
    await op.get('/admin/events/ev-office/setup');
    const bad = await op.post('/admin/events/ev-office/setup', { capacity: 'abc', eventDate: '2026-13-01' });
    assert.equal(bad.status, 422);
    await op.get('/admin/events/ev-office/setup');
    assert.equal((await op.post('/admin/events/ev-office/setup', { name: '町内会情報交換会（改題）', titleEn: 'Neighbourhood exchange meeting', capacity: '10', venueName: 'せんだいメディアテーク', onlineEnabled: 'true' })).status, 303);
    assert.ok((await (await op.get('/ev-office')).text()).includes('町内会情報交換会（改題）'), 'the title is edited on the setup page');
    assert.ok((await (await op.get('/en/ev-office')).text()).includes('Neighbourhood exchange meeting'));
    const [w] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from event_registrations where status = 'waitlisted'`);
    assert.equal(Number(w!.n), 0);
    await op.get('/admin/events/ev-office/setup');
    assert.equal((await op.post('/admin/events/ev-office/items', { startTime: '14:00', minutes: '30', title: '話題提供', speakers: '講師：仙台 太郎', streamed: 'true' })).status, 303);
    const page = await (await op.get('/ev-office')).text();
    assert.ok(page.includes('話題提供') && page.includes('講師：仙台 太郎'));
  });

  test('a programme item sent twice is added once; a refused item comes back in its own form with its values', async () => {
    const items = async () => Number((await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from event_program_items where title = '事例発表'`))[0]!.n);
    await op.get('/admin/events/ev-office/setup');
    const key = op.once();
    assert.ok(key.length >= 16);
    const bad = await op.post('/admin/events/ev-office/items', { _once: key, startTime: '25:00', minutes: '20', title: '事例発表' });
    assert.equal(bad.status, 422);
    assert.ok(op.lastHtml.includes('開始時刻を HH:MM 形式で入力してください'));
    assert.ok(op.lastHtml.includes('value="25:00"'), 'the item form keeps what was typed');
    assert.ok(op.lastHtml.includes('href="#item-startTime"'), 'the summary links to the item form’s own field');
    const ids = [...op.lastHtml.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(ids.filter((id, n) => ids.indexOf(id) !== n), [], 'no two elements share an id');
    const form = { _once: key, startTime: '14:30', minutes: '20', title: '事例発表', streamed: 'true' };
    const first = await op.post('/admin/events/ev-office/items', form);
    assert.equal(first.status, 303);
    const replay = await op.post('/admin/events/ev-office/items', form);
    assert.equal(replay.status, 303);
    assert.equal(replay.headers.get('location'), first.headers.get('location'));
    assert.equal(await items(), 1);
    assert.equal(await auditCount(env, 'events.program_item.added'), 2, 'the item of the test above and this one, once');
    assert.ok((await op.get('/admin/events/ev-office/setup')).ok && op.lastHtml.includes('この送信はすでに受け付けています'));
  });

  test('groups: a refused size comes back on the groups page with its error (422), nothing reassigned', async () => {
    await op.get('/admin/events/ev-office/groups');
    const before = await auditCount(env, 'events.groups.assigned');
    const res = await op.post('/admin/events/ev-office/groups/assign', { _once: op.once(), size: '1' });
    assert.equal(res.status, 422);
    assert.ok(op.lastHtml.includes('1グループの人数は2〜30人で指定してください') || op.lastHtml.includes('2〜30の整数で入力してください'));
    assert.ok(op.lastHtml.includes('value="1"'));
    assert.equal(await auditCount(env, 'events.groups.assigned'), before);
  });
});
