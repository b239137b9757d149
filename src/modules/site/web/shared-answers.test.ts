import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram } from '../../../../test/helpers/fixtures.js';
import type { HttpServer } from '../../../platform/http/http-server.js';
import { startAppServer } from '../../../../test/helpers/http.js';
import { facilities } from '../../campaign/schema.js';
import { programs } from '../../../platform/programs/schema.js';
import { noteCommitted } from '../../../platform/write-epoch.js';
import { SHARED_PAGE_MS } from '../../../platform/http/public-cache.js';

/**
 * The server's micro-cache of shared public answers (src/platform/http/public-cache.ts) with the
 * site's search page and API: a hit answers exactly what the app answers, 304 and HEAD included;
 * a change to a facility shows within a second and is never hidden by a kept answer; nobody with
 * a Cookie or Authorization header gets, or leaves, a shared answer.
 */
interface Answer {
  status: number;
  /** Raw header lines in order, without Date and X-Request-Id. */
  headers: string[];
  requestId: string | undefined;
  body: Buffer;
}

let env: TestEnv;
let server: HttpServer;
let port: number;
let facilityId: number;

function request(path: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const headers: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!.toLowerCase();
          if (name !== 'date' && name !== 'x-request-id') headers.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
        }
        resolve({ status: res.statusCode!, headers, requestId: res.headers['x-request-id'] as string | undefined, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Requests `path` twice from an empty cache: the app's answer (stored), then the cache's. */
async function missThenHit(path: string, opts: Parameters<typeof request>[1] = {}) {
  server.publicCache.clear();
  const hits = server.publicCache.hits;
  const miss = await request(path, opts);
  assert.equal(server.publicCache.hits, hits, 'the first answer comes from the app');
  const hit = await request(path, opts);
  assert.equal(server.publicCache.hits, hits + 1, 'the second comes from the cache');
  return { miss, hit };
}

const enc = encodeURIComponent;
const PAGE = `/shared/facilities?q=${enc('ホテル')}&ward=${enc('青葉区')}`;
const API = `/api/v1/programs/shared/facilities?q=${enc('ホテル')}`;

describe('shared public answers (micro-cache in front of the app)', () => {
  before(async () => {
    env = await createTestEnv({ TRUST_PROXY: 'true' }, { realClock: true });
    const program = await makeProgram(env.deps, 'shared', 'campaign');
    const base = { programId: program.id, type: 'hotel' as const, postalCode: '980-0811', ward: '青葉区' as const, features: ['温泉'] };
    const [f] = await env.deps.db
      .insert(facilities)
      .values([
        { ...base, name: 'ホテル青葉', nameKana: 'ホテルアオバ', address: '仙台市青葉区一番町1-1' },
        { ...base, name: 'ホテル国分町', nameKana: 'ホテルコクブンチョウ', address: '仙台市青葉区国分町2-2' },
      ])
      .returning();
    facilityId = f!.id;
    ({ server, port } = await startAppServer(env.deps));
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    await env.close();
  });

  test('a hit answers byte for byte what the app answers (page and API), with a fresh request id', async () => {
    for (const path of [PAGE, API, `/en${PAGE}`]) {
      const { miss, hit } = await missThenHit(path);
      assert.equal(miss.status, 200, path);
      assert.match(miss.body.toString(), /ホテル青葉/);
      assert.deepEqual(hit.headers, miss.headers, `same headers in the same order: ${path}`);
      assert.ok(hit.body.equals(miss.body), `same bytes: ${path}`);
      assert.ok(miss.headers.some((h) => /^content-security-policy: default-src 'self'/.test(h)), 'security headers on both');
      assert.ok(miss.headers.some((h) => h === `Content-Length: ${miss.body.length}`));
      assert.match(hit.requestId ?? '', /^[0-9a-f-]{36}$/);
      assert.notEqual(hit.requestId, miss.requestId);
      assert.notEqual((await request(path)).requestId, hit.requestId, 'every hit has its own request id');
    }
  });

  test('the API answer is the contracted JSON (assembled from kept per-facility parts)', async () => {
    const body = JSON.parse((await request(`${API}&perPage=1&page=2`)).body.toString()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ['total', 'page', 'perPage', 'items']);
    assert.deepEqual({ ...body, items: undefined }, { total: 2, page: 2, perPage: 1, items: undefined });
    const [item] = body.items as Array<Record<string, unknown>>;
    assert.deepEqual(item, {
      id: facilityId + 1,
      name: 'ホテル国分町',
      nameKana: 'ホテルコクブンチョウ',
      type: 'hotel',
      ward: '青葉区',
      address: '仙台市青葉区国分町2-2',
      features: ['温泉'],
      url: `${env.deps.config.publicBaseUrl}/shared/facilities/${facilityId + 1}`,
      soldOut: false,
      soldOutOn: null,
    });
    const all = JSON.parse((await request(API)).body.toString()) as { items: Array<{ name: string }> };
    assert.deepEqual(all.items.map((i) => i.name), ['ホテル青葉', 'ホテル国分町']);
  });

  test('If-None-Match: 304 without a body, as the app answers it; another ETag gets the page', async () => {
    const { miss } = await missThenHit(PAGE);
    const etag = /^etag: (.*)$/.exec(miss.headers.find((h) => h.startsWith('etag:'))!)![1]!;
    server.publicCache.clear();
    const appAnswer = await request(PAGE, { headers: { 'if-none-match': etag } });
    await request(PAGE);
    const hits = server.publicCache.hits;
    const cacheAnswer = await request(PAGE, { headers: { 'if-none-match': `W/"other", ${etag}` } });
    assert.equal(server.publicCache.hits, hits + 1);
    assert.equal(appAnswer.status, 304);
    assert.equal(cacheAnswer.status, 304);
    assert.equal(cacheAnswer.body.length, 0);
    assert.deepEqual(cacheAnswer.headers, appAnswer.headers);
    assert.ok(!cacheAnswer.headers.some((h) => /^content-type:/i.test(h)));
    const other = await request(PAGE, { headers: { 'if-none-match': '"not-it"' } });
    assert.equal(other.status, 200);
    assert.deepEqual(other.body, miss.body);
  });

  test('a browser that accepts brotli gets the kept page compressed, with its own ETag and 304; the same page decoded', async () => {
    const { miss } = await missThenHit(PAGE);
    const br = { 'accept-encoding': 'gzip, deflate, br' };
    let coded: Answer | undefined;
    for (let i = 0; i < 100 && !coded; i++) {
      const res = await request(PAGE, { headers: br });
      if (res.headers.includes('content-encoding: br')) coded = res;
      else await new Promise((r) => setTimeout(r, 10));
    }
    assert.ok(coded, 'the compressed copy is made and sent');
    assert.ok(zlib.brotliDecompressSync(coded.body).equals(miss.body), 'it decodes to the page the app sent');
    assert.ok(miss.headers.includes('vary: Accept-Encoding') && coded.headers.includes('vary: Accept-Encoding'));
    const etagOf = (a: Answer) => /^etag: (.*)$/.exec(a.headers.find((h) => h.startsWith('etag:'))!)![1]!;
    assert.notEqual(etagOf(coded), etagOf(miss));
    const revalidated = await request(PAGE, { headers: { ...br, 'if-none-match': etagOf(coded) } });
    assert.equal(revalidated.status, 304);
    assert.ok(!revalidated.headers.some((h) => /^content-(encoding|type):/.test(h)), 'a 304 has no body headers');
    // The page's identity ETag does not validate the compressed copy, nor the other way round.
    assert.equal((await request(PAGE, { headers: { ...br, 'if-none-match': etagOf(miss) } })).status, 200);
    assert.equal((await request(PAGE, { headers: { 'if-none-match': etagOf(coded) } })).status, 200);
  });

  test('HEAD: the same headers as the app, no body', async () => {
    const { miss, hit } = await missThenHit(API, { method: 'HEAD' });
    assert.equal(hit.status, 200);
    assert.equal(hit.body.length, 0);
    assert.deepEqual(hit.headers, miss.headers);
    // A HEAD is also answered from what a GET left.
    server.publicCache.clear();
    const get = await request(API);
    const head = await request(API, { method: 'HEAD' });
    assert.equal(head.body.length, 0);
    assert.deepEqual(head.headers, get.headers.filter((h) => !h.startsWith('Content-Length')));
  });

  test('a Cookie or Authorization header never gets, nor leaves, a shared answer', async () => {
    server.publicCache.clear();
    await request(PAGE);
    const { hits, misses } = server.publicCache;
    for (const headers of [{ cookie: 'anything=1' }, { authorization: 'Bearer nope' }] as Array<Record<string, string>>) {
      const res = await request(PAGE, { headers });
      assert.equal(server.publicCache.hits, hits, `${Object.keys(headers)[0]}: answered by the app`);
      assert.notEqual(res.status, 0);
    }
    assert.equal(server.publicCache.misses, misses, 'not even looked up');
    server.publicCache.clear();
    await request(PAGE, { headers: { cookie: 'anything=1' } });
    assert.equal(server.publicCache.size, 0, 'an answer to a request with a Cookie is not kept');
  });

  test('errors are not kept; a content page is shared only for a moment, and only until a command commits', async () => {
    server.publicCache.clear();
    assert.equal((await request('/no-such-campaign/facilities')).status, 404);
    assert.equal((await request('/shared/facilities/999999')).status, 404);
    assert.equal(server.publicCache.size, 0);
    assert.equal((await request('/shared/faq')).status, 200);
    const hits = server.publicCache.hits;
    assert.equal((await request('/shared/faq')).status, 200);
    assert.equal(server.publicCache.hits, hits + 1, 'the second visitor within the moment gets the shared page');
    noteCommitted();
    assert.equal((await request('/shared/faq')).status, 200);
    assert.equal(server.publicCache.hits, hits + 1, 'after a commit the page is built again');
    await new Promise((r) => setTimeout(r, SHARED_PAGE_MS + 50));
    await request('/shared/faq');
    assert.equal(server.publicCache.hits, hits + 1, 'after the moment the page is built again');
  });

  test('HSTS follows the request on a hit as in the app (X-Forwarded-Proto behind a trusted proxy)', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const { miss, hit } = await missThenHit(PAGE, { headers: https });
    assert.ok(miss.headers.includes('strict-transport-security: max-age=31536000; includeSubDomains'));
    assert.deepEqual(hit.headers, miss.headers);
    const plain = await request(PAGE);
    assert.ok(!plain.headers.some((h) => h.startsWith('strict-transport-security')), 'over http, no HSTS, from the same entry');
  });

  test('a facility change shows within a second, on page and API, and a kept answer never hides it afterwards', async () => {
    const page = `/shared/facilities?q=${enc('青葉')}`;
    const api = `/api/v1/programs/shared/facilities?q=${enc('青葉')}`;
    for (const p of [page, api]) {
      await request(p);
      assert.match((await request(p)).body.toString(), /ホテル青葉/);
    }
    const hitsBefore = server.publicCache.hits;
    await env.deps.db.update(facilities).set({ name: 'ホテル青葉リニューアル' }).where(eq(facilities.id, facilityId));
    const changedAt = Date.now();
    const seen: Record<string, number> = { [page]: 0, [api]: 0 };
    while (Date.now() - changedAt < 1600) {
      for (const p of [page, api]) {
        const body = (await request(p)).body.toString();
        if (/ホテル青葉リニューアル/.test(body)) seen[p] ||= Date.now() - changedAt;
        else assert.equal(seen[p], 0, `${p}: once shown, the change is never hidden again`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    for (const p of [page, api]) assert.ok(seen[p]! > 0 && seen[p]! <= 1300, `${p}: shown after ${seen[p]} ms`);
    assert.ok(server.publicCache.hits > hitsBefore, 'the cache kept answering meanwhile');
  });

  test('a change to the program (its name) shows within a second on a kept page', async () => {
    const page = `/shared/facilities?q=${enc('国分町')}`;
    await request(page);
    assert.match((await request(page)).body.toString(), /テスト事業 shared/);
    await env.deps.db.update(programs).set({ name: '改名した事業', updatedAt: new Date() }).where(eq(programs.slug, 'shared'));
    const changedAt = Date.now();
    let shownAfter = 0;
    while (!shownAfter && Date.now() - changedAt < 2000) {
      if (/改名した事業/.test((await request(page)).body.toString())) shownAfter = Date.now() - changedAt;
      else await new Promise((r) => setTimeout(r, 25));
    }
    assert.ok(shownAfter > 0 && shownAfter <= 1300, `shown after ${shownAfter} ms`);
    assert.doesNotMatch((await request(page)).body.toString(), /テスト事業 shared/);
  });
});
