import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { programScope } from '../../../platform/vault/index.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram, makeUser } from '../../../../test/helpers/fixtures.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { incidentDeadlines } from './deadlines.js';

describe('privacy: incident reports', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let city: TestBrowser;
  let programId: number;
  before(async () => {
    env = await createTestEnv();
    env.clock.set('2026-12-25T02:00:00Z');
    programId = (await makeProgram(env.deps, 'inc')).id;
    await makeUser(env.deps, 'op@inc.example', 'operator', programId);
    await makeUser(env.deps, 'city@inc.example', 'city', programId);
    await makeUser(env.deps, 'city2@inc.example', 'city', programId);
    [op, city] = (await signedInBrowsers(env.deps, ['op@inc.example', 'city@inc.example'])) as [TestBrowser, TestBrowser];
  });
  after(() => env.close());

  test('deadlines follow the office calendar: 3 business days, 30 or 60 days moved off closed days', () => {
    // Discovered Friday 25 Dec 2026: the year-end closure (29 Dec–3 Jan) is skipped.
    assert.deepEqual(incidentDeadlines('2026-12-25', false), { preliminaryDueOn: '2027-01-05', finalDueOn: '2027-01-25' }, '30 days is Sunday 24 Jan: next business day');
    assert.deepEqual(incidentDeadlines('2026-12-25', true), { preliminaryDueOn: '2027-01-05', finalDueOn: '2027-02-24' }, '60 days is 23 Feb, 天皇誕生日');
    assert.equal(incidentDeadlines('2026-06-01', false).preliminaryDueOn, '2026-06-04');
  });

  test('a report mails each City user at once without the report text, shows in the City inbox, keeps a timeline and renders as PDF', async () => {
    await op.get('/admin/privacy/inc/incidents');
    const bad = await op.post('/admin/privacy/inc/incidents', { title: '', discoveredOn: '2026-13-01', dataKinds: '' });
    assert.equal(bad.status, 422);
    await op.get('/admin/privacy/inc/incidents');
    const res = await op.post('/admin/privacy/inc/incidents', {
      title: '参加者名簿（山田太郎さんほか）を記録したUSBメモリを紛失',
      occurredOn: '2026-12-24',
      discoveredOn: '2026-12-25',
      dataKinds: '氏名、電話番号（山田太郎 090-1234-5678 など）',
      people: '42',
      cause: '持ち出し',
      reportable: 'true',
    });
    assert.equal(res.status, 303);
    const id = Number(/incidents\/(\d+)/.exec(res.headers.get('location') ?? '')![1]);
    const [row] = await queryRows<{ preliminary_due_on: string; final_due_on: string }>(env.deps.db, sql`select preliminary_due_on::text, final_due_on::text from privacy_incidents where id = ${id}`);
    assert.deepEqual([row!.preliminary_due_on, row!.final_due_on], ['2027-01-05', '2027-01-25']);

    const mails = await queryRows<{ subject: string; to_sealed: string; text_sealed: string; html_sealed: string }>(
      env.deps.db,
      sql`select subject, to_sealed, text_sealed, html_sealed from mail_outbox where template = 'privacy.incident_reported' order by id`,
    );
    assert.equal(mails.length, 2, 'one mail per City user');
    const box = await env.deps.vault.box(env.deps.db, programScope(programId));
    const to = mails.map((m) => box.open(m.to_sealed)).sort();
    assert.deepEqual(to, ['city2@inc.example', 'city@inc.example']);
    for (const m of mails) {
      const body = `${m.subject}\n${box.open(m.text_sealed) as string}\n${box.open(m.html_sealed) as string}`;
      for (const secret of ['山田', '090-1234-5678', 'USBメモリ', '持ち出し']) assert.ok(!body.includes(secret), `the mail carries no report text (${secret})`);
      assert.ok(body.includes(`No.${id}`) && body.includes('42') && body.includes('2027年1月5日') && body.includes('2027年1月25日'), 'number, people and deadlines');
    }

    const home = await (await city.get('/admin')).text();
    assert.match(home, /個人情報の事故（対応中）/);
    const page = await city.get(`/admin/privacy/incidents/${id}`);
    assert.equal(page.status, 200);
    assert.equal((await city.post(`/admin/privacy/incidents/${id}/updates`, { kind: 'preliminary', note: '個人情報保護委員会へ速報を提出' })).status, 303);
    await op.get(`/admin/privacy/incidents/${id}`);
    assert.equal((await op.post(`/admin/privacy/incidents/${id}/updates`, { kind: 'closed', note: '回収済み' })).status, 303);
    await op.get(`/admin/privacy/incidents/${id}`);
    assert.equal((await op.post(`/admin/privacy/incidents/${id}/updates`, { kind: 'note', note: 'もう一度' })).status, 409, 'closed');
    const pdf = await op.get(`/admin/privacy/incidents/${id}/report.pdf`);
    assert.equal(pdf.status, 200);
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(await pdf.arrayBuffer()) }).toString();
    for (const s of ['個人情報の事故報告書', `No.${id}`, '速報を提出', '回収済み', '完了']) assert.ok(text.includes(s), `the PDF has ${s}`);
    const home2 = await (await city.get('/admin')).text();
    assert.doesNotMatch(home2, /個人情報の事故（対応中）/, 'closed: off the inbox');
    const audit = await queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where target_type = 'privacy_incident' and action <> 'privacy.incident.viewed' order by id`);
    assert.deepEqual(audit.map((a) => a.action), ['privacy.incident.reported', 'privacy.incident.updated', 'privacy.incident.updated']);
  });
});
