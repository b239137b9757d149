import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { isDatabaseRefusal, queryRows } from '../../db/client.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import type { Program } from '../../platform/programs/schema.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { apiRequest, signedInBrowsers, type TestBrowser } from '../../../test/helpers/http.js';
import { makeToken, makeUser } from '../../../test/helpers/fixtures.js';
import { decideApplication } from './commands/decide-application.js';
import { openCampaign, validApplication } from './test-helpers.js';

/**
 * A licence number cannot be squatted: an anonymous application that gives a business's 旅館業許可番号
 * first does not block the business's own application. Both are accepted and flagged to the
 * reviewer as possible duplicates; only the facility an approval registers holds the number.
 */
describe('licence numbers cannot be squatted', () => {
  let env: TestEnv;
  let program: Program;
  let op: TestBrowser;
  let token: string;
  let n = 100;
  const LICENSE = '仙台市指令青保第7777号';
  before(async () => {
    env = await createTestEnv();
    program = await openCampaign(env.deps, 'squat');
    const user = await makeUser(env.deps, 'op@squat.example', 'operator', program.id);
    [op] = (await signedInBrowsers(env.deps, ['op@squat.example'])) as [TestBrowser];
    token = await makeToken(env.deps, user.id);
  });
  after(() => env.close());

  /** An application through the public API, without signing in, giving `license`. */
  async function anonymous(license: string, name: string) {
    const res = await apiRequest(op.app, 'POST', '/api/v1/programs/squat/applications', { body: validApplication(++n, { license: { number: license }, facility: { name } }) });
    return { status: res.status, body: (await res.json()) as { id: number; number: string; status: string } };
  }
  const facilitiesWith = async (license: string) => queryRows<{ id: number; application_id: number }>(env.deps.db, sql`select id, application_id from facilities where license_number = ${license} order by id`);
  const statusOf = async (id: number) => (await queryRows<{ status: string }>(env.deps.db, sql`select status from campaign_applications where id = ${id}`))[0]!.status;

  let squatter: number;
  let real: number;

  test('a second application with the same licence number is accepted (same contract: 201, id, number, status)', async () => {
    const first = await anonymous(LICENSE, '偽ホテル');
    assert.equal(first.status, 201);
    const second = await anonymous(LICENSE, '本物の旅館');
    assert.equal(second.status, 201, 'the real business is not blocked (it was 422 「この旅館業許可番号の申請はすでに受け付けています」)');
    assert.deepEqual(Object.keys(second.body).sort(), ['id', 'number', 'status']);
    assert.equal(second.body.status, 'submitted');
    assert.match(second.body.number, /^A-\d{6}$/);
    squatter = first.body.id;
    real = second.body.id;
    const [audit] = await queryRows<{ diff: { possibleDuplicateOf?: string[] } }>(env.deps.db, sql`select diff from audit_log where action = 'campaign.application.submitted' and target_id = ${String(real)}`);
    assert.deepEqual(audit!.diff.possibleDuplicateOf, [first.body.number], 'the submission is recorded as a possible duplicate');
  });

  test('the review queue flags both as possible duplicates; an application with a number of its own is not flagged', async () => {
    const other = await anonymous('仙台市指令青保第8888号', '別の旅館');
    assert.equal(other.status, 201);
    const html = await (await op.get('/admin/campaign/squat')).text();
    const rowOf = (id: number) => html.match(new RegExp(`<tr[^>]*>(?:(?!</tr>).)*href="/admin/campaign/applications/${id}"(?:(?!</tr>).)*</tr>`, 's'))?.[0] ?? '';
    assert.match(rowOf(squatter), /許可番号の重複の可能性/);
    assert.match(rowOf(real), /許可番号の重複の可能性/);
    assert.ok(rowOf(other.body.id), 'the other application is listed');
    assert.doesNotMatch(rowOf(other.body.id), /重複の可能性/);
  });

  test("each one's review page shows the flag with a link to the other", async () => {
    const page = await (await op.get(`/admin/campaign/applications/${real}`)).text();
    assert.match(page, /同じ旅館業許可番号の申請がほかにもあります/);
    assert.match(page, new RegExp(`href="/admin/campaign/applications/${squatter}"`));
    assert.match(page, /偽ホテル/);
    const back = await (await op.get(`/admin/campaign/applications/${squatter}`)).text();
    assert.match(back, new RegExp(`href="/admin/campaign/applications/${real}"`));
  });

  test('approving one registers the facility holding the number; approving the other is 409 with a clear message', async () => {
    const page = `/admin/campaign/applications/${real}`;
    await op.get(page);
    const approved = await op.post(`${page}/decision`, { decision: 'approve', reason: '', seenStatus: 'submitted' });
    assert.equal(approved.status, 303);
    assert.equal(await statusOf(real), 'approved');
    assert.deepEqual((await facilitiesWith(LICENSE)).map((f) => f.application_id), [real]);
    // The squatter's page says the number is held; approving it is refused, through the page and the API.
    const squatPage = `/admin/campaign/applications/${squatter}`;
    assert.match(await (await op.get(squatPage)).text(), /登録済みの施設「本物の旅館」（登録番号 R-\d{6}）が使っています/);
    const refused = await op.post(`${squatPage}/decision`, { decision: 'approve', reason: '', seenStatus: 'submitted' });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /旅館業許可番号「仙台市指令青保第7777号」は、登録済みの施設「本物の旅館」（登録番号 R-\d{6}）が使っているため、承認しませんでした/);
    const api = await apiRequest(op.app, 'POST', `/api/v1/applications/${squatter}/decisions`, { token, body: { decision: 'approve' } });
    assert.equal(api.status, 409);
    assert.match(((await api.json()) as { detail: string }).detail, /登録済みの施設「本物の旅館」/);
    assert.equal(await statusOf(squatter), 'submitted', 'nothing recorded');
    assert.equal((await facilitiesWith(LICENSE)).length, 1);
    // The operator rejects it instead.
    await op.get(squatPage);
    assert.equal((await op.post(`${squatPage}/decision`, { decision: 'reject', reason: '許可番号の名義が一致しません', seenStatus: 'submitted' })).status, 303);
    assert.equal(await statusOf(squatter), 'rejected');
  });

  test('two approvals of the same number at once: one registers, the other is refused with 409', async () => {
    const a = await anonymous('仙台市指令青保第9999号', '同時承認A');
    const b = await anonymous('仙台市指令青保第9999号', '同時承認B');
    const approve = (id: number) => runCommand(env.deps, systemActor('test'), (ctx) => decideApplication(ctx, id, { decision: 'approve', reason: '' }, ['operator']));
    const results = await Promise.allSettled([approve(a.body.id), approve(b.body.id)]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.equal((failure.reason as { code?: string }).code, 'conflict', String(failure.reason));
    assert.equal((await facilitiesWith('仙台市指令青保第9999号')).length, 1);
  });

  test('the database keeps one facility per number (a withdrawn facility lets it go)', async () => {
    const [held] = await facilitiesWith(LICENSE);
    const copy = sql`insert into facilities (program_id, name, name_kana, type, postal_code, address, ward, license_number)
                     values (${program.id}, '複製', 'フクセイ', 'hotel', '980-0811', '仙台市青葉区', '青葉区', ${LICENSE})`;
    await assert.rejects(env.deps.db.execute(copy), (e: unknown) => isDatabaseRefusal(e, '23505', 'facilities_license'));
    await env.deps.db.execute(sql`update facilities set status = 'withdrawn' where id = ${held!.id}`);
    await env.deps.db.execute(copy);
  });
});
