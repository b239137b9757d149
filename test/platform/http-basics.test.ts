import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { TestBrowser } from '../helpers/http.js';
import { makeProgram } from '../helpers/fixtures.js';

describe('HTTP basics', () => {
  let env: TestEnv;
  let browser: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    browser = new TestBrowser(env.deps);
    await makeProgram(env.deps, 'basics-camp');
  });
  after(() => env.close());

  test('/healthz names the database kind and version', async () => {
    const res = await browser.get('/healthz');
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.database, process.env.DATABASE_URL ? 'postgres' : 'embedded');
    assert.match(body.version, /^\d+\.\d+\.\d+/);
  });

  test('/healthz answers 503 when the database does not', async () => {
    const other = await createTestEnv();
    const b = new TestBrowser(other.deps);
    await other.deps.database.close();
    const res = await b.get('/healthz');
    assert.equal(res.status, 503);
    assert.equal((await res.json()).status, 'unavailable');
    await other.close().catch(() => undefined);
  });

  test('every response carries the security headers', async () => {
    for (const path of ['/', '/login', '/nope', '/api/v1/me', '/healthz']) {
      const res = await browser.get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/, path);
      assert.doesNotMatch(csp, /unsafe-inline/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.ok(res.headers.get('referrer-policy'), path);
      assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS over http');
    }
  });

  test('HSTS is sent over https', async () => {
    const res = await browser.app.request('https://example.test/healthz');
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
  });

  test('Japanese 404 page with status 404', async () => {
    const res = await browser.get('/no-such-page-here');
    assert.equal(res.status, 404);
    const html = await res.text();
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.match(html, /<html lang="ja"/);
    assert.match(html, /ページが見つかりません/);
    assert.equal((html.match(/<h1/g) ?? []).length, 1);
  });

  test('English 404 under /en', async () => {
    const res = await browser.get('/en/no-such-page-here');
    assert.equal(res.status, 404);
    const html = await res.text();
    assert.match(html, /<html lang="en"/);
    assert.match(html, /Page not found/);
  });

  test('API errors are problem+json', async () => {
    const res = await browser.request('/api/v1/nothing-here');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const body = await res.json();
    assert.equal(body.status, 404);
    assert.equal(body.code, 'not-found');
    assert.match(body.type, /\/problems\/not-found$/);
    assert.ok(body.title);
  });

  test('oversized bodies are refused with 413', async () => {
    const big = 'x'.repeat(env.config.maxBodyBytes + 10);
    const res = await browser.request('/api/v1/me', { method: 'POST', body: big, headers: { 'content-type': 'application/json', 'content-length': String(big.length) } });
    assert.equal(res.status, 413);
    assert.equal((await res.json()).code, 'payload-too-large');
  });

  test('static files are served; unknown ones are 404', async () => {
    const css = await browser.get('/static/app.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    const tokens = await browser.get('/static/tokens.css');
    assert.match(await tokens.text(), /--color-primitive-blue-900/);
    assert.equal((await browser.get('/static/../../package.json')).status, 404);
    assert.equal((await browser.get('/static/nope.js')).status, 404);
  });

  test('the public top page lists programs in both languages and links to the other one', async () => {
    const ja = await (await browser.get('/')).text();
    assert.match(ja, /テスト事業 basics-camp/);
    assert.match(ja, /href="\/en"/);
    const en = await (await browser.get('/en')).text();
    assert.match(en, /<html lang="en"/);
    assert.match(en, /href="\/en\/basics-camp"/);
  });

  test('cacheable public pages set no cookie', async () => {
    const res = await new TestBrowser(env.deps, browser.app).get('/');
    assert.deepEqual(res.headers.getSetCookie(), []);
  });
});
