import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createApp } from '../../src/app.js';
import { createHttpServer, type HttpServer } from '../../src/platform/http/http-server.js';
import { assetUrls } from '../../src/ui/static/index.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';

let env: TestEnv;
let server: HttpServer;
let base = '';
before(async () => {
  env = await createTestEnv();
  server = createHttpServer(createApp(env.deps), env.deps);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((r) => server.close(r));
  await env.close();
});

test('a static asset is answered by the micro-cache after its first request, byte for byte and with the same headers', async () => {
  const hits = server.publicCache.hits;
  const first = await fetch(`${base}${assetUrls.appCss}`);
  const firstBody = await first.text();
  assert.equal(server.publicCache.hits, hits, 'the first answer comes from the app');
  const second = await fetch(`${base}${assetUrls.appCss}`);
  assert.equal(await second.text(), firstBody);
  assert.equal(server.publicCache.hits, hits + 1, 'the second comes from the cache');
  for (const h of ['cache-control', 'content-type', 'content-security-policy', 'x-content-type-options']) assert.equal(second.headers.get(h), first.headers.get(h), h);
  assert.equal(second.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.notEqual(second.headers.get('x-request-id'), first.headers.get('x-request-id'), 'each answer has its own request id');
});
