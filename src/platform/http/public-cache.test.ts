import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import type { Config } from '../../config/index.js';
import type { Deps } from '../deps.js';
import type { AppEnv } from './env.js';
import { createHttpServer, type HttpServer } from './http-server.js';
import { shareAnswer, storeShared } from './public-cache.js';

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
  const config = { publicCacheBytes: cacheBytes, host: '127.0.0.1', publicBaseUrl: 'http://localhost', trustProxy: false, maxBodyBytes: 1 << 20, maxUploadBytes: 1 << 20, headersTimeoutMs: 5000, requestTimeoutMs: 10_000 } as Config;
  const server = createHttpServer(app, { config } as Deps);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  try {
    await run(server, async (path) => (await fetch(`http://127.0.0.1:${port}${path}`)).text(), state);
  } finally {
    await new Promise((r) => server.close(r));
  }
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
});
