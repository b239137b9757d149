import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { waitingWork } from '../../platform/inbox/collect.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { makeProgram, makeToken, makeUser, TEST_PASSWORD } from '../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { answersFor, makeSurvey, QUESTIONNAIRE, writeJson } from './test-helpers.js';

describe('surveys: questionnaire versions and the City approval', () => {
  let env: TestEnv;
  let browser: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    browser = new TestBrowser(env.deps);
  });
  after(() => env.close());

  test('import makes a draft; the City approves it through the API; a second decision is 409; only city may decide', async () => {
    const program = await makeProgram(env.deps, 'sv-approve');
    const bad = await cli(env.deps, ['survey', 'import', '--program', 'sv-approve', writeJson({ title: 'x', questions: [{ id: 'a', type: 'single', label: 'A', options: [{ value: 'x', label: 'X' }] }] })]);
    assert.equal(bad.code, 1, 'a choice question with one option is refused');
    assert.match(bad.err, /選択肢/);
    const ok = await cli(env.deps, ['survey', 'import', '--program', 'sv-approve', writeJson(QUESTIONNAIRE)]);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /version 1/);
    const city = await makeUser(env.deps, 'city-a@example.jp', 'city', program.id);
    const op = await makeUser(env.deps, 'op-a@example.jp', 'operator', program.id);
    const cityToken = await makeToken(env.deps, city.id);
    const opToken = await makeToken(env.deps, op.id);
    // The City's inbox lists the draft.
    const inbox = await waitingWork(env.deps, [{ role: 'city', programId: program.id, programSlug: program.slug, programRequiresMfa: false }]);
    assert.ok(JSON.stringify(inbox).includes('承認待ち'), 'the inbox lists the questionnaire awaiting approval');
    const byOperator = await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-approve/survey/approval', { token: opToken, body: { decision: 'approve' } });
    assert.equal(byOperator.status, 403);
    const wrong = await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-approve/survey/approval', { token: cityToken, body: { decision: 'maybe' } });
    assert.equal(wrong.status, 422);
    const [a, b] = await Promise.all([
      apiRequest(browser.app, 'POST', '/api/v1/programs/sv-approve/survey/approval', { token: cityToken, body: { decision: 'approve', comment: '問3の表現を確認済み' } }),
      apiRequest(browser.app, 'POST', '/api/v1/programs/sv-approve/survey/approval', { token: cityToken, body: { decision: 'reject' } }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409], 'one decision wins, the other is stale');
    const [audit] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action in ('surveys.questionnaire.approved', 'surveys.questionnaire.rejected')`);
    assert.equal(Number(audit!.n), 1);
  });

  test('once answers exist, a change makes version 2 (draft); answers keep version 1, and the public still answers version 1 until it is approved', async () => {
    const { program, cityToken } = await makeSurvey(env.deps, browser.app, 'sv-versions');
    const r1 = await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-versions/survey/responses', { body: { answers: answersFor(1) } });
    assert.equal(r1.status, 201, await r1.clone().text());
    // Before answers a re-import replaces the draft in place; after them it is a new version.
    const changed = { ...QUESTIONNAIRE, questions: [...QUESTIONNAIRE.questions, { id: 'again', type: 'single', label: 'また利用したいですか', options: [{ value: 'y', label: 'はい' }, { value: 'n', label: 'いいえ' }] }] };
    const out = await cli(env.deps, ['survey', 'import', '--program', 'sv-versions', writeJson(changed)]);
    assert.equal(out.code, 0, out.err);
    assert.match(out.out, /version 2/);
    const versions = await queryRows<{ version: number; status: string }>(env.deps.db, sql`select version, status from survey_questionnaires where program_id = ${program.id} order by version`);
    assert.deepEqual(versions.map((v) => [Number(v.version), v.status]), [[1, 'approved'], [2, 'draft']]);
    const stillV1 = await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-versions/survey/responses', { body: { answers: { ...answersFor(2), again: 'y' } } });
    assert.equal(stillV1.status, 422, 'version 2 is not approved yet: its new question is unknown');
    assert.equal(((await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-versions/survey/approval', { token: cityToken, body: { decision: 'approve' } })).status), 200);
    const v2 = await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-versions/survey/responses', { body: { answers: { ...answersFor(2), again: 'y' } } });
    assert.equal(v2.status, 201);
    const rows = await queryRows<{ version: number }>(env.deps.db, sql`select q.version from survey_responses r join survey_questionnaires q on q.id = r.questionnaire_id where r.program_id = ${program.id} order by r.id`);
    assert.deepEqual(rows.map((r) => Number(r.version)), [1, 2], 'each answer keeps the version it was given on');
  });

  test('the back office shows versions; the City approves with the form; the operator saves a questionnaire as JSON', async () => {
    const program = await makeProgram(env.deps, 'sv-admin');
    await makeUser(env.deps, 'op-b@example.jp', 'operator', program.id);
    await makeUser(env.deps, 'city-b@example.jp', 'city', program.id);
    const op = new TestBrowser(env.deps, browser.app);
    await op.login('op-b@example.jp', TEST_PASSWORD);
    const page = await op.get('/admin/surveys/sv-admin');
    assert.equal(page.status, 200);
    const badJson = await op.post('/admin/surveys/sv-admin/questionnaire', { json: '{ nope' });
    assert.equal(badJson.status, 422);
    const saved = await op.post('/admin/surveys/sv-admin/questionnaire', { json: JSON.stringify(QUESTIONNAIRE) });
    assert.equal(saved.status, 303);
    const city = new TestBrowser(env.deps, browser.app);
    await city.login('city-b@example.jp', TEST_PASSWORD);
    const cityPage = await city.get('/admin/surveys/sv-admin');
    assert.match(await cityPage.text(), /第1版の承認/);
    const decided = await city.post('/admin/surveys/sv-admin/approval', { decision: 'approve', seenVersion: '1' });
    assert.equal(decided.status, 303);
    const [row] = await queryRows<{ status: string }>(env.deps.db, sql`select status from survey_questionnaires where program_id = ${program.id}`);
    assert.equal(row!.status, 'approved');
  });
});
