import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { makeUser, TEST_PASSWORD } from '../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { answersFor, makeSurvey } from './test-helpers.js';

type TallyBody = { responses: number; byChannel: { web: number; paper: number }; questions: Array<{ id: string; counts?: Record<string, number> }> };

describe('surveys: paper sheets entered twice and reconciled', () => {
  let env: TestEnv;
  let browser: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    browser = new TestBrowser(env.deps);
  });
  after(() => env.close());

  test('a sheet whose two entries disagree is not counted until a third person settles it; agreeing entries count at once; paper and web tally together and apart', async () => {
    const { program, operatorToken } = await makeSurvey(env.deps, browser.app, 'sv-paper');
    await makeUser(env.deps, 'op2-paper@example.jp', 'operator', program.id);
    await makeUser(env.deps, 'op3-paper@example.jp', 'operator', program.id);
    const staff = await Promise.all(['op-sv-paper@example.jp', 'op2-paper@example.jp', 'op3-paper@example.jp'].map(async (email) => {
      const b = new TestBrowser(env.deps, browser.app);
      await b.login(email, TEST_PASSWORD);
      await b.get('/admin/surveys/sv-paper/paper');
      return b;
    }));
    const [a, b, third] = staff as [TestBrowser, TestBrowser, TestBrowser];
    const tally = async (query = '') => (await (await apiRequest(browser.app, 'GET', `/api/v1/programs/sv-paper/survey/tally${query}`, { token: operatorToken })).json()) as TallyBody;
    const sheet = { 'answers.sat': '4', 'answers.purpose': 'leisure', 'answers.nights': '2' };

    assert.equal((await a.post('/admin/surveys/sv-paper/paper', { sheet: '', facility: 'F-001', ...sheet })).status, 303);
    await a.get('/admin/surveys/sv-paper/paper');
    const again = await a.post('/admin/surveys/sv-paper/paper', { sheet: '1', ...sheet });
    assert.equal(again.status, 409, 'the same person cannot make the second entry');
    assert.match(await again.text(), /別の職員/);
    const second = await b.post('/admin/surveys/sv-paper/paper', { sheet: '1', ...sheet, 'answers.sat': '5' });
    assert.equal(second.status, 303);
    assert.equal((await tally()).responses, 0, 'a sheet with a disagreement is not counted');

    await a.get('/admin/surveys/sv-paper/paper?sheet=1');
    assert.equal((await a.post('/admin/surveys/sv-paper/paper/settle', { sheet: '1', 'pick.sat': '2' })).status, 409, 'who entered it does not settle it');
    const page = await (await third.get('/admin/surveys/sv-paper/paper?sheet=1')).text();
    assert.match(page, /1回目：4/);
    assert.match(page, /2回目：5/);
    assert.ok(!/pick\.purpose/.test(page), 'only the differences are listed');
    assert.equal((await third.post('/admin/surveys/sv-paper/paper/settle', { sheet: '1' })).status, 422, 'each difference needs a decision');
    await third.get('/admin/surveys/sv-paper/paper?sheet=1');
    assert.equal((await third.post('/admin/surveys/sv-paper/paper/settle', { sheet: '1', 'pick.sat': '2' })).status, 303);
    let t = await tally();
    assert.equal(t.responses, 1);
    assert.deepEqual(t.byChannel, { web: 0, paper: 1 });
    assert.equal(t.questions.find((q) => q.id === 'sat')!.counts!['5'], 1, 'the settled value counts');

    // Sheet 2: both entries agree, counted at once.
    await b.get('/admin/surveys/sv-paper/paper');
    assert.equal((await b.post('/admin/surveys/sv-paper/paper', { sheet: '', ...sheet })).status, 303);
    await third.get('/admin/surveys/sv-paper/paper');
    assert.equal((await third.post('/admin/surveys/sv-paper/paper', { sheet: '2', ...sheet })).status, 303);
    assert.equal((await tally()).byChannel.paper, 2);

    assert.equal((await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-paper/survey/responses', { body: { answers: answersFor(1) } })).status, 201);
    t = await tally();
    assert.deepEqual([t.responses, t.byChannel.web, t.byChannel.paper], [3, 1, 2], 'web and paper together');
    assert.equal((await tally('?channel=paper')).responses, 2, 'and apart');
    assert.equal((await tally('?facility=F-001')).responses, 1, 'by facility');
  });
});
