import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createApp } from '../../src/app.js';
import { forgetDemoFlag } from '../../src/platform/programs/demo-flag.js';
import { programs } from '../../src/platform/programs/schema.js';
import { AppError } from '../../src/platform/errors/index.js';
import { readinessOf } from '../../src/platform/http/readiness.js';
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

  test('/readyz is 200 when ready and 503 while draining, when /healthz stays 200', async () => {
    const ready = await browser.get('/readyz');
    assert.equal(ready.status, 200);
    assert.equal((await ready.json()).status, 'ready');
    readinessOf(env.deps).draining = true;
    try {
      const draining = await browser.get('/readyz');
      assert.equal(draining.status, 503);
      assert.equal((await draining.json()).status, 'draining');
      assert.equal((await browser.get('/healthz')).status, 200);
    } finally {
      readinessOf(env.deps).draining = false;
    }
  });

  test('/favicon.ico answers with the icon, cacheable', async () => {
    const res = await browser.get('/favicon.ico');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/x-icon');
    assert.match(res.headers.get('cache-control') ?? '', /max-age=\d+/);
    assert.equal(Buffer.from(await res.arrayBuffer()).subarray(22, 26).toString('latin1'), '\x89PNG');
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

  test('HSTS on every response when PUBLIC_BASE_URL is https, even for a plain-http hop', async () => {
    const app = createApp({ ...env.deps, config: { ...env.config, publicBaseUrl: 'https://jimukyoku.example.jp', secureCookies: true } });
    for (const path of ['/healthz', '/', '/nope']) {
      const res = await app.request(path);
      assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=31536000/, path);
    }
  });

  test('X-Forwarded-Proto counts only with TRUST_PROXY', async () => {
    const headers = { 'x-forwarded-proto': 'https' };
    assert.equal((await browser.app.request('/healthz', { headers })).headers.get('strict-transport-security'), null);
    const trusting = createApp({ ...env.deps, config: { ...env.config, trustProxy: true } });
    assert.match((await trusting.request('/healthz', { headers })).headers.get('strict-transport-security') ?? '', /max-age=/);
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
    // Pages link to content-hashed URLs, cached for good; an older hash still gets today's file, briefly.
    const page = await (await browser.get('/')).text();
    const hashed = /href="(\/static\/app\.[0-9a-f]{10}\.css)"/.exec(page)?.[1];
    assert.ok(hashed, 'the page links to a hashed app.css');
    const forever = await browser.get(hashed);
    assert.equal(forever.status, 200);
    assert.equal(forever.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await forever.text(), await (await browser.get('/static/app.css')).text());
    const older = await browser.get('/static/app.0123456789.css');
    assert.equal(older.status, 200);
    assert.equal(older.headers.get('cache-control'), 'public, max-age=3600');
    assert.equal((await browser.get('/static/nope.0123456789.css')).status, 404);
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

describe('error pages', () => {
  let env: TestEnv;
  let browser: TestBrowser;
  const failures: Record<string, () => never> = {
    '/t/e/s/t/boom': () => {
      throw new Error('secret detail at /srv/app/src/db.ts:42');
    },
    '/t/e/s/t/forbidden': () => {
      throw new AppError('forbidden');
    },
    '/t/e/s/t/throttled': () => {
      throw new AppError('too-many-attempts', undefined, { retryAfter: 60 });
    },
  };
  before(async () => {
    env = await createTestEnv();
    const app = createApp(env.deps);
    for (const [path, fail] of Object.entries(failures)) app.get(path, () => fail());
    browser = new TestBrowser(env.deps, app);
    await makeProgram(env.deps, 'errors-camp');
  });
  after(() => env.close());

  test('the 500 page is Japanese, shows the request id and no stack trace or error text', async () => {
    const res = await browser.get('/t/e/s/t/boom');
    assert.equal(res.status, 500);
    const html = await res.text();
    assert.match(html, /<html lang="ja"/);
    assert.match(html, /しばらく時間をおいてから再度お試しください/);
    const id = res.headers.get('x-request-id')!;
    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.ok(html.includes(`問い合わせ番号：${id}`), 'the reference number is the request id');
    assert.doesNotMatch(html, /secret detail|\/srv\/app|\bat \w+ \(|Error:/);
  });

  test('404, 403, 429 and 500 pages show the デモ banner on a demo installation, and only there', async () => {
    const paths = ['/no-such-page', '/en/no-such-page', '/t/e/s/t/forbidden', '/t/e/s/t/throttled', '/t/e/s/t/boom'];
    const expected = [404, 404, 403, 429, 500];
    forgetDemoFlag();
    for (const path of paths) assert.doesNotMatch(await (await browser.get(path)).text(), /app-demo-banner/, path);
    await env.deps.db.update(programs).set({ isDemo: true }).where(eq(programs.slug, 'errors-camp'));
    forgetDemoFlag();
    try {
      for (const [i, path] of paths.entries()) {
        const res = await browser.get(path);
        assert.equal(res.status, expected[i], path);
        const html = await res.text();
        assert.match(html, /app-demo-banner/, path);
        assert.match(html, path.startsWith('/en') ? /This is a demo environment/ : /デモ環境/, path);
      }
      assert.equal((await browser.get('/t/e/s/t/throttled')).headers.get('retry-after'), '60');
    } finally {
      await env.deps.db.update(programs).set({ isDemo: false }).where(eq(programs.slug, 'errors-camp'));
      forgetDemoFlag();
    }
  });

  test('an error page still renders when the database is down', async () => {
    const down = new Proxy({}, { get: () => { throw new Error('database down'); } }) as typeof env.deps.db;
    const app = createApp({ ...env.deps, db: down });
    forgetDemoFlag();
    const res = await app.request('/');
    assert.equal(res.status, 500);
    assert.match(await res.text(), /問い合わせ番号/);
  });
});
