import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { answersFor, makeSurvey } from './test-helpers.js';

const entrant = (i: number) => ({ name: `応募 太郎${i}`, postalCode: '980-0811', address: '仙台市青葉区一番町1-1', phone: `090-1000-${String(i).padStart(4, '0')}`, email: `entrant${i}@example.jp`, consent: true });

describe('surveys: responses through the API', () => {
  let env: TestEnv;
  let browser: TestBrowser;
  before(async () => {
    // 1,000 requests at once: about numbering and uniqueness, not about shedding load.
    env = await createTestEnv({ MAX_IN_FLIGHT: '2000', MAX_IN_FLIGHT_PER_CLIENT: '0', SHED_LAG_MS: '0', DATABASE_WAIT_MS: '60000' });
    browser = new TestBrowser(env.deps);
  });
  after(() => env.close());

  test('422 lists every wrong answer by question, and every wrong entry field', async () => {
    await makeSurvey(env.deps, browser.app, 'sv-422');
    const res = await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-422/survey/responses', {
      body: { answers: { purpose: 'space', found: ['web', 'moon'], nights: 'many', bogus: 1 }, lottery: { ...entrant(1), email: 'not-an-address', consent: false } },
    });
    assert.equal(res.status, 422);
    const body = (await res.json()) as { code: string; errors: Array<{ field: string; message: string }> };
    assert.equal(body.code, 'validation-failed');
    const fields = body.errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['answers.bogus', 'answers.found', 'answers.nights', 'answers.purpose', 'answers.sat', 'lottery.consent', 'lottery.email']);
    assert.equal(body.errors.find((e) => e.field === 'answers.sat')!.message, 'この質問にお答えください');
    const en = await browser.app.request('/api/v1/programs/sv-422/survey/responses', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify({ answers: {} }) });
    const enBody = (await en.json()) as { errors: Array<{ field: string; message: string }> };
    assert.equal(enBody.errors.find((e) => e.field === 'answers.sat')!.message, 'Answer this question');
    const [n] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from survey_responses`);
    assert.equal(Number(n!.n), 0, 'nothing stored');
  });

  test('outside surveyOpens..surveyCloses the survey answers 409 window-closed', async () => {
    await makeSurvey(env.deps, browser.app, 'sv-window');
    env.clock.set('2026-08-01T03:00:00Z');
    try {
      const res = await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-window/survey/responses', { body: { answers: answersFor(1) } });
      assert.equal(res.status, 409);
      assert.equal(((await res.json()) as { code: string }).code, 'window-closed');
    } finally {
      env.clock.set('2026-06-01T01:00:00Z');
    }
  });

  test('1,000 concurrent responses, 300 with entries of which 20 repeat an e-mail (case, spaces, full width): 280 entries, 20 x 409 duplicate-entry, and the tally counts what was accepted', { timeout: 600_000 }, async () => {
    const { program, operatorToken } = await makeSurvey(env.deps, browser.app, 'sv-rush');
    const bodies = Array.from({ length: 1000 }, (_, i) => {
      const body: Record<string, unknown> = { answers: answersFor(i) };
      if (i < 280) body.lottery = entrant(i);
      else if (i < 300) {
        const j = i - 280;
        const variants = [`  ENTRANT${j}@Example.JP `, `Entrant${j}@EXAMPLE.jp`, `ｅｎｔｒａｎｔ${j}＠ｅｘａｍｐｌｅ．ｊｐ`];
        body.lottery = { ...entrant(5000 + j), email: variants[j % 3] };
      }
      return body;
    });
    const results = await Promise.all(bodies.map((body) => apiRequest(browser.app, 'POST', '/api/v1/programs/sv-rush/survey/responses', { body })));
    const outcomes = await Promise.all(results.map(async (r) => ({ status: r.status, body: (await r.json()) as { receipt?: string; code?: string } })));
    const statuses = outcomes.reduce<Record<number, number>>((m, o) => ({ ...m, [o.status]: (m[o.status] ?? 0) + 1 }), {});
    assert.deepEqual(statuses, { 201: 980, 409: 20 });
    assert.ok(outcomes.filter((o) => o.status === 409).every((o) => o.body.code === 'duplicate-entry'), 'every refusal is duplicate-entry');
    const [entries] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from survey_entries where program_id = ${program.id}`);
    assert.equal(Number(entries!.n), 280, 'exactly one entry per person');
    assert.equal(new Set(outcomes.filter((o) => o.status === 201).map((o) => o.body.receipt)).size, 980, 'receipts are unique');
    // The tally counts exactly the accepted answers.
    const accepted = bodies.filter((_, i) => outcomes[i]!.status === 201).map((b) => b.answers as ReturnType<typeof answersFor>);
    const tallyRes = await apiRequest(browser.app, 'GET', '/api/v1/programs/sv-rush/survey/tally', { token: operatorToken });
    assert.equal(tallyRes.status, 200);
    const tally = (await tallyRes.json()) as { responses: number; byChannel: { web: number; paper: number }; questions: Array<{ id: string; answered: number; counts?: Record<string, number>; mean?: number; texts?: string[] }> };
    assert.equal(tally.responses, 980);
    assert.deepEqual(tally.byChannel, { web: 980, paper: 0 });
    const q = (id: string) => tally.questions.find((x) => x.id === id)!;
    const count = (f: (a: ReturnType<typeof answersFor>) => boolean) => accepted.filter(f).length;
    assert.deepEqual(q('purpose').counts, { leisure: count((a) => a.purpose === 'leisure'), business: count((a) => a.purpose === 'business') });
    assert.deepEqual(q('sat').counts, Object.fromEntries(['1', '2', '3', '4', '5'].map((p) => [p, count((a) => String(a.sat) === p)])));
    assert.deepEqual(q('found').counts, { web: count((a) => a.found.includes('web')), sns: count((a) => a.found.includes('sns')), other: count((a) => a.found.includes('other')) });
    assert.equal(q('nights').mean, Math.round((accepted.reduce((s, a) => s + a.nights, 0) / accepted.length) * 100) / 100);
    assert.equal(q('comment').answered, 980);
    assert.ok(!JSON.stringify(tally).includes('entrant'), 'no personal data in the tally');
    assert.equal(q('h1' as string), undefined, 'headings are not tallied');
  });

  test('free text that looks like a phone number or an e-mail address is masked in the tally', async () => {
    const { operatorToken } = await makeSurvey(env.deps, browser.app, 'sv-mask');
    const res = await apiRequest(browser.app, 'POST', '/api/v1/programs/sv-mask/survey/responses', { body: { answers: { ...answersFor(3), comment: '連絡は 090-1234-5678 か taro@example.jp まで。2泊3日で1万円' } } });
    assert.equal(res.status, 201);
    const tally = (await (await apiRequest(browser.app, 'GET', '/api/v1/programs/sv-mask/survey/tally', { token: operatorToken })).json()) as { questions: Array<{ id: string; texts?: string[] }> };
    const text = tally.questions.find((x) => x.id === 'comment')!.texts![0]!;
    assert.equal(text, '連絡は ＊＊＊ か ＊＊＊ まで。2泊3日で1万円');
    const filtered = await apiRequest(browser.app, 'GET', '/api/v1/programs/sv-mask/survey/tally?from=2026-13-01', { token: operatorToken });
    assert.equal(filtered.status, 422);
  });
});
