import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cli } from '../../../test/helpers/cli.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { TestBrowser } from '../../../test/helpers/http.js';
import { answersFor, makeSurvey } from './test-helpers.js';

/** The public survey (API and form) takes at most surveyResponsesPerClient answers per client address in 10 minutes. */
describe('surveys: per-client limit on responses', () => {
  let env: TestEnv;
  let browser: TestBrowser;
  before(async () => {
    env = await createTestEnv({ TRUST_PROXY: 'true' });
    browser = new TestBrowser(env.deps);
    await makeSurvey(env.deps, browser.app, 'sv-rate');
    const set = await cli(env.deps, ['program', 'set', 'sv-rate', 'surveyResponsesPerClient=3']);
    assert.equal(set.code, 0, set.err);
  });
  after(() => env.close());

  const send = (ip: string, lang?: string) =>
    browser.app.request('/api/v1/programs/sv-rate/survey/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(lang ? { 'accept-language': lang } : {}) },
      body: JSON.stringify({ answers: answersFor(1) }),
    });

  test('the API answers 429 problem+json with Retry-After past the limit, per client, and again after the window', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await send('203.0.113.10')).status, 201);
    const refused = await send('203.0.113.10');
    assert.equal(refused.status, 429);
    assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(refused.headers.get('retry-after'), '600', 'the oldest answer leaves the window in 10 minutes');
    const body = (await refused.json()) as { code: string; detail?: string; title?: string };
    assert.equal(body.code, 'too-many-attempts');
    assert.match(JSON.stringify(body), /10分ほど後/);
    const en = await send('203.0.113.10', 'en');
    assert.equal(en.status, 429);
    assert.match(JSON.stringify(await en.json()), /about 10 minutes/);
    assert.equal((await send('203.0.113.11')).status, 201, 'another client is not limited');
    env.clock.advance(10 * 60_000 + 1000);
    assert.equal((await send('203.0.113.10')).status, 201, 'the window has passed');
  });

  test('the form re-renders with the answers kept, a Japanese or English message, 429 and Retry-After', async () => {
    const fields = { 'answers.sat': '4', 'answers.purpose': 'leisure' };
    for (const [prefix, message] of [['', /回答が短い時間に集中/], ['/en', /Too many answers were sent/]] as const) {
      const ip = prefix ? '203.0.113.21' : '203.0.113.20';
      for (let i = 0; i < 3; i++) {
        await browser.get(`${prefix}/sv-rate/survey`);
        assert.equal((await browser.post(`${prefix}/sv-rate/survey`, fields, { 'x-forwarded-for': ip })).status, 303);
      }
      await browser.get(`${prefix}/sv-rate/survey`);
      const res = await browser.post(`${prefix}/sv-rate/survey`, fields, { 'x-forwarded-for': ip });
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) > 0, 'Retry-After on the page');
      const html = await res.text();
      assert.match(html, message);
      assert.match(html, /name="answers\.sat"[^>]*value="4"[^>]*checked|value="4"[^>]*checked[^>]*name="answers\.sat"|checked[^>]*value="4"/, 'the answers are kept');
    }
  });
});
