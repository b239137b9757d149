import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import http from 'node:http';
import { Hono } from 'hono';
import type { Config } from '../../config/index.js';
import type { Deps } from '../deps.js';
import type { AppEnv } from './env.js';
import { createHttpServer, type HttpServer } from './http-server.js';
import { shareAnswer, storeShared } from './public-cache.js';
import { withListening } from '../../../test/helpers/loopback.js';

/**
 * The micro-cache on its own (the site's use of it: src/modules/site/web/shared-answers.test.ts):
 * bounded by bytes (least recently used out first), off at 0, and an answer that no longer holds
 * goes back to the app.
 */
async function withServer(cacheBytes: number, run: (s: HttpServer, get: (path: string) => Promise<string>, state: { current: boolean; calls: number }) => Promise<void>) {
  const state = { current: true, calls: 0 };
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    await next();
    storeShared(c);
  });
  app.get('/kb/:n', (c) => {
    state.calls++;
    const bytes = Buffer.alloc(Number(c.req.param('n')) * 1024, 'x');
    shareAnswer(c, { bytes, isCurrent: () => state.current });
    return c.body(bytes, 200, { 'Content-Type': 'text/plain' });
  });
  app.get('/private', (c) => {
    state.calls++;
    shareAnswer(c, { bytes: Buffer.from('p'), isCurrent: () => true });
    c.header('Set-Cookie', 'a=1');
    return c.text('p');
  });
  app.get('/small', (c) => {
    state.calls++;
    const bytes = Buffer.from('tiny');
    shareAnswer(c, { bytes, isCurrent: () => true });
    return c.body(bytes, 200, { 'Content-Type': 'text/plain' });
  });
  const config = { publicCacheBytes: cacheBytes, host: '127.0.0.1', publicBaseUrl: 'http://localhost', trustProxy: false, maxBodyBytes: 1 << 20, maxUploadBytes: 1 << 20, headersTimeoutMs: 5000, requestTimeoutMs: 10_000 } as Config;
  const server = createHttpServer(app, { config } as Deps);
  // Node's fetch asks for compressed answers and decodes them: a plain request tells what is sent.
  await withListening(server, (port) => run(server, async (path) => (await raw(port, path)).body.toString(), state));
}

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function raw(port: number, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** Asks until the compressed copy is made (it is made off the thread, after the first request that accepts it). */
async function coded(port: number, path: string, acceptEncoding: string): Promise<RawAnswer> {
  for (let i = 0; i < 100; i++) {
    const res = await raw(port, path, { 'accept-encoding': acceptEncoding });
    if (res.headers['content-encoding'] !== undefined || i === 99) return res;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('unreachable');
}

describe('public answer cache', () => {
  test('bounded by bytes: the least recently used answer goes first', async () => {
    // 100 KiB answers (plus 2 KiB counted per entry): ten fit in 1 MiB, the eleventh does not.
    await withServer(1024 * 1024, async (s, get, state) => {
      for (let i = 1; i <= 10; i++) await get(`/kb/100?i=${i}`);
      assert.equal(s.publicCache.size, 10);
      await get('/kb/100?i=1'); // a hit makes it the most recently used
      assert.equal(state.calls, 10);
      await get('/kb/100?i=11'); // over 1 MiB: i=2, now the least recently used, goes
      assert.equal(s.publicCache.size, 10);
      assert.ok(s.publicCache.bytes <= 1024 * 1024);
      const calls = state.calls;
      await get('/kb/100?i=1');
      await get('/kb/100?i=3');
      assert.equal(state.calls, calls, 'kept ones are answered from the cache');
      await get('/kb/100?i=2');
      assert.equal(state.calls, calls + 1, 'the evicted one goes to the app again');
      // An answer larger than an eighth of the whole is never kept.
      await get('/kb/200');
      await get('/kb/200');
      assert.equal(state.calls, calls + 3);
    });
  });

  test('an answer that no longer holds goes to the app (and is replaced); Set-Cookie is never kept; 0 turns it off', async () => {
    await withServer(1024 * 1024, async (s, get, state) => {
      await get('/kb/1');
      await get('/kb/1');
      assert.equal(state.calls, 1);
      state.current = false;
      await get('/kb/1');
      assert.equal(state.calls, 2);
      state.current = true;
      await get('/private');
      await get('/private');
      assert.equal(state.calls, 4);
      assert.equal(s.publicCache.size, 1);
    });
    await withServer(0, async (s, get, state) => {
      await get('/kb/1');
      await get('/kb/1');
      assert.equal(state.calls, 2);
      assert.equal(s.publicCache.size, 0);
    });
  });

  test('compressed copies: brotli or gzip as Accept-Encoding prefers, with their own ETag; small answers and other requests as they are', async () => {
    await withServer(1024 * 1024, async (s, _get, state) => {
      const port = (s.address() as AddressInfo).port;
      const plain = await raw(port, '/kb/8');
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.headers.vary, 'Accept-Encoding', 'the app answer says it varies, as the kept ones do');
      const br = await coded(port, '/kb/8', 'gzip, deflate, br, zstd');
      assert.equal(br.headers['content-encoding'], 'br');
      assert.ok(zlib.brotliDecompressSync(br.body).equals(plain.body), 'brotli copy decodes to the same bytes');
      assert.ok(br.body.length < plain.body.length / 10, `compressed: ${br.body.length} bytes`);
      assert.equal(br.headers['content-length'], String(br.body.length));
      assert.equal(br.headers.vary, 'Accept-Encoding');
      const gz = await coded(port, '/kb/8', 'gzip;q=1, br;q=0');
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.ok(zlib.gunzipSync(gz.body).equals(plain.body), 'gzip copy decodes to the same bytes');
      assert.equal(state.calls, 1, 'all from the one kept answer');
      assert.equal((await raw(port, '/kb/8', { 'accept-encoding': 'identity' })).headers['content-encoding'], undefined);
      assert.equal((await raw(port, '/kb/8')).body.length, plain.body.length, 'no Accept-Encoding: the body as it is');
      // An answer too small to gain is never coded, nor said to vary.
      await raw(port, '/small');
      const small = await raw(port, '/small', { 'accept-encoding': 'br' });
      await new Promise((r) => setTimeout(r, 50));
      const again = await raw(port, '/small', { 'accept-encoding': 'br' });
      assert.equal(small.headers['content-encoding'], undefined);
      assert.equal(again.headers['content-encoding'], undefined);
      assert.equal(again.headers.vary, undefined);
      // The copies count against the bound.
      assert.ok(s.publicCache.bytes > 8 * 1024 + br.body.length + gz.body.length, `bytes counted: ${s.publicCache.bytes}`);
    });
  });
});
