import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { makeToken, makeUser } from '../../../test/helpers/fixtures.js';
import { openCampaign, validApplication } from './test-helpers.js';

type Problem = { code: string; errors?: Array<{ field: string; message: string }> };

describe('campaign applications API', () => {
  let env: TestEnv;
  let app: TestBrowser['app'];
  let op: string;
  let city: string;
  let programId: number;
  before(async () => {
    env = await createTestEnv();
    app = new TestBrowser(env.deps).app;
    const program = await openCampaign(env.deps, 'stay');
    programId = program.id;
    op = await makeToken(env.deps, (await makeUser(env.deps, 'op@stay.example', 'operator', program.id)).id);
    city = await makeToken(env.deps, (await makeUser(env.deps, 'city@stay.example', 'city', program.id)).id);
  });
  after(() => env.close());

  const count = async () => Number((await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from campaign_applications`))[0]!.n);

  test('anonymous submission: 201 with number, normalised data, receipt mail, personal data sealed', async () => {
    const res = await apiRequest(app, 'POST', '/api/v1/programs/stay/applications', { body: validApplication(1) });
    assert.equal(res.status, 201);
    const body = (await res.json()) as { id: number; number: string; status: string };
    assert.equal(body.status, 'submitted');
    assert.match(body.number, /^A-\d{6}$/);
    const [row] = await queryRows<{ facility: { postalCode: string; nameKana: string }; personal: string; channel: string }>(env.deps.db, sql`select facility, personal, channel from campaign_applications where id = ${body.id}`);
    assert.equal(row!.facility.postalCode, '980-0811');
    assert.equal(row!.facility.nameKana, 'ホテルアオバイチ');
    assert.equal(row!.channel, 'api');
    assert.ok(!row!.personal.includes('1234567') && !row!.personal.includes('aoba.example'), 'personal data is sealed');
    const mails = await queryRows<{ subject: string }>(env.deps.db, sql`select subject from mail_outbox where template = 'campaign.receipt'`);
    assert.equal(mails.length, 1);
    assert.doesNotMatch(mails[0]!.subject, /ホテル|A-/);
  });

  test('every field is checked; all errors come back as dotted paths; nothing is saved', async () => {
    const before = await count();
    const bad = {
      facility: { name: '', nameKana: '仙台ホテル', type: 'castle', postalCode: '98-0811', address: '', ward: '中央区', phone: '12345', url: 'ftp://x', rooms: 0, features: ['宇宙'] },
      operator: { corporateName: '', representativeName: '', contactName: '', contactEmail: 'not-mail', contactPhone: 'abc' },
      license: { number: '', issuedOn: '2020-02-30' },
      bankAccount: { bankCode: '12', branchCode: '1234', accountType: 'savings', accountNumber: '123456', accountHolderKana: '青葉観光' },
      agreeToTerms: false,
    };
    const res = await apiRequest(app, 'POST', '/api/v1/programs/stay/applications', { body: bad });
    assert.equal(res.status, 422);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    const p = (await res.json()) as Problem;
    const fields = new Set(p.errors!.map((e) => e.field));
    for (const f of [
      'facility.name', 'facility.nameKana', 'facility.type', 'facility.postalCode', 'facility.address', 'facility.ward', 'facility.phone', 'facility.url', 'facility.rooms', 'facility.features.0',
      'operator.corporateName', 'operator.representativeName', 'operator.contactName', 'operator.contactEmail', 'operator.contactPhone',
      'license.number', 'license.issuedOn',
      'bankAccount.bankCode', 'bankAccount.branchCode', 'bankAccount.accountType', 'bankAccount.accountNumber', 'bankAccount.accountHolderKana',
      'agreeToTerms',
    ]) assert.ok(fields.has(f), `error for ${f}`);
    assert.match(p.errors!.find((e) => e.field === 'bankAccount.accountNumber')!.message, /7桁/);
    assert.match(p.errors!.find((e) => e.field === 'bankAccount.accountHolderKana')!.message, /青/);
    assert.match(p.errors!.find((e) => e.field === 'facility.nameKana')!.message, /カタカナ/);
    assert.equal(await count(), before);
  });

  test('an empty body reports each field, not whole groups', async () => {
    const res = await apiRequest(app, 'POST', '/api/v1/programs/stay/applications', { body: {} });
    assert.equal(res.status, 422);
    const p = (await res.json()) as Problem;
    assert.ok(p.errors!.some((e) => e.field === 'bankAccount.accountNumber'));
  });

  test('a licence number another application gives is accepted, for the reviewer to decide (licence-duplicates.test.ts)', async () => {
    const before = await count();
    const res = await apiRequest(app, 'POST', '/api/v1/programs/stay/applications', { body: validApplication(1, { facility: { name: '別館' } }) });
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as { status: string }).status, 'submitted');
    assert.equal(await count(), before + 1);
  });

  test('409 window-closed before opening, after closing and from the campaign start', async () => {
    for (const day of ['2026-04-30T03:00:00Z', '2026-07-01T03:00:00Z']) {
      env.clock.set(day);
      const res = await apiRequest(app, 'POST', '/api/v1/programs/stay/applications', { body: validApplication(9) });
      assert.equal(res.status, 409);
      assert.equal(((await res.json()) as Problem).code, 'window-closed');
    }
    // The last day is inclusive (Tokyo time: 23:30 JST on 30 June).
    env.clock.set('2026-06-30T14:30:00Z');
    const late = await apiRequest(app, 'POST', '/api/v1/programs/stay/applications', { body: validApplication(8) });
    assert.equal(late.status, 201, await late.clone().text());
    env.clock.set('2026-06-01T01:00:00Z');
  });

  test('a staff token submits on behalf (channel staff); list by status for operator and city, not anonymous', async () => {
    const res = await apiRequest(app, 'POST', '/api/v1/programs/stay/applications', { token: op, body: validApplication(2) });
    assert.equal(res.status, 201);
    const list = await apiRequest(app, 'GET', '/api/v1/programs/stay/applications?status=submitted', { token: city });
    assert.equal(list.status, 200);
    const apps = ((await list.json()) as { applications: Array<{ channel: string; status: string }> }).applications;
    assert.ok(apps.some((a) => a.channel === 'staff'));
    assert.ok(apps.every((a) => a.status === 'submitted'));
    assert.ok(!JSON.stringify(apps).includes('1234567'), 'no bank data in the list');
    assert.equal((await apiRequest(app, 'GET', '/api/v1/programs/stay/applications')).status, 401);
  });

  test('decisions: return → resubmit → escalate → city answers → approve registers the facility and a business user', async () => {
    const created = (await (await apiRequest(app, 'POST', '/api/v1/programs/stay/applications', { body: validApplication(3) })).json()) as { id: number };
    const decide = (token: string, body: unknown) => apiRequest(app, 'POST', `/api/v1/applications/${created.id}/decisions`, { token, body });
    assert.equal((await decide(op, { decision: 'reject', reason: '' })).status, 422, 'reject needs a reason');
    const returned = await decide(op, { decision: 'return', reason: '許可証の写しが不鮮明です' });
    assert.equal(returned.status, 200);
    assert.equal(((await returned.json()) as { status: string }).status, 'returned');
    assert.equal((await decide(op, { decision: 'approve', reason: '' })).status, 409, 'cannot approve while returned');
    // The contact address got an account to correct the application.
    const [u] = await queryRows<{ id: number }>(env.deps.db, sql`select id from users where email = 'contact3@aoba.example.jp'`);
    assert.ok(u);
    assert.equal((await decide(city, { decision: 'escalate', reason: 'x' })).status, 403, 'the city does not escalate');
    // Resubmission through the applicant's path is covered by the web tests; here staff resubmits directly.
    await env.deps.db.execute(sql`update campaign_applications set status = 'submitted' where id = ${created.id}`);
    const esc = await decide(op, { decision: 'escalate', reason: '簡易宿所の許可で対象になりますか' });
    assert.equal(((await esc.json()) as { status: string }).status, 'escalated');
    assert.equal((await decide(op, { decision: 'approve', reason: '' })).status, 409, 'waiting for the City');
    const ans = await decide(city, { decision: 'approve', reason: '対象として差し支えありません' });
    assert.equal(ans.status, 200);
    const answered = (await ans.json()) as { status: string; cityAnswer: string; cityRecommendation: string };
    assert.deepEqual([answered.status, answered.cityRecommendation], ['answered', 'approve']);
    const ok = await decide(op, { decision: 'approve', reason: '' });
    const approved = (await ok.json()) as { status: string; registrationNumber: string; registeredOn: string };
    assert.equal(approved.status, 'approved');
    assert.match(approved.registrationNumber, /^R-\d{6}$/);
    assert.equal(approved.registeredOn, '2026-06-01');
    const roles = await queryRows<{ role: string }>(env.deps.db, sql`select role from memberships where user_id = ${u!.id} and program_id = ${programId}`);
    assert.deepEqual(roles.map((r) => r.role), ['business']);
    const links = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from facility_users where user_id = ${u!.id}`);
    assert.equal(Number(links[0]!.n), 1);
    const mails = await queryRows<{ template: string }>(env.deps.db, sql`select template from mail_outbox where template like 'campaign.%' order by id`);
    for (const t of ['campaign.returned', 'campaign.escalated', 'campaign.city_escalated', 'campaign.approved']) assert.ok(mails.some((m) => m.template === t), t);
    // The City hears of the escalation at once: one mail to its user, with the number and a link only.
    const [cityMail] = await queryRows<{ subject: string }>(env.deps.db, sql`select subject from mail_outbox where template = 'campaign.city_escalated'`);
    assert.match(cityMail!.subject, /^【.+】市への照会：参加申請 A-\d{6}$/);
    const audit = await queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where target_type = 'campaign_application' and target_id = ${String(created.id)} order by id`);
    assert.deepEqual(audit.map((a) => a.action), ['campaign.application.submitted', 'campaign.application.returned', 'campaign.application.escalated', 'campaign.application.answered', 'campaign.application.approved']);
  });

  test('registry.xlsx opens with Japanese intact; bank columns for the operator, not for the city; exports audited', async () => {
    const read = async (token: string, q = '') => {
      const res = await apiRequest(app, 'GET', `/api/v1/programs/stay/registry.xlsx${q}`, { token });
      assert.equal(res.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      const row = (ws.getRow(2).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
      return { header, row };
    };
    const opView = await read(op);
    assert.ok(opView.header.includes('口座番号') && opView.header.includes('口座名義（カナ）'));
    assert.ok(opView.row.includes('ホテル青葉3') && opView.row.includes('ホテルアオバサン') && opView.row.includes('青葉区'));
    assert.ok(opView.row.includes('1234567'));
    assert.ok(opView.row.includes('ｶ)ｱｵﾊﾞｶﾝｺｳ') || opView.row.some((v) => v.startsWith('ｶﾌﾞｼｷｶﾞｲｼﾔ')), 'holder in half-width kana');
    const cityView = await read(city);
    assert.ok(!cityView.header.some((h) => /口座|金融機関|支店/.test(h)), 'no bank columns for the city');
    assert.ok(!cityView.row.includes('1234567'));
    const final = await read(op, '?variant=final');
    assert.ok(final.header.includes('配分額（円）') && final.header.includes('支払額（円）'));
    assert.equal(final.row[final.header.indexOf('支払額（円）')], '0');
    const audits = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'campaign.registry.exported'`);
    assert.equal(Number(audits[0]!.n), 3);
  });
});
