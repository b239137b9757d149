import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { log } from '../../../platform/log/index.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeToken, makeUser } from '../../../../test/helpers/fixtures.js';
import { startAppServer } from '../../../../test/helpers/http.js';
import { setAllocation } from '../commands/budget.js';
import { campaignWithFacilities } from '../test-fixtures.js';

/**
 * The reservation API through a real node:http server, where request bodies are read straight
 * from the socket (platform/http/json-body.ts) and only a chunked body builds a web Request.
 */
describe('reservation API over HTTP: bodies with and without a declared length', () => {
  let env: TestEnv;
  let stopServer: () => Promise<void>;
  let port: number;
  let token: string;
  let facilityId: number;
  before(async () => {
    env = await createTestEnv({ MAX_BODY_BYTES: '2048' });
    const { program, facilities } = await campaignWithFacilities(env.deps, 'api-http', 1);
    facilityId = facilities[0]!.id;
    await runCommand(env.deps, systemActor('test'), (ctx) => setAllocation(ctx, program, facilityId, 1_000_000));
    token = await makeToken(env.deps, (await makeUser(env.deps, 'op@api-http.example', 'operator', program.id)).id);
    ({ port, close: stopServer } = await startAppServer(env.deps));
  });
  after(async () => {
    await stopServer();
    await env.close();
  });

  /** Sends `parts` as the body: with Content-Length when `chunked` is false, else chunk by chunk. */
  function send(path: string, parts: string[], chunked = false): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const length = Buffer.byteLength(parts.join(''));
      const headers: Record<string, string | number> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
      if (!chunked) headers['content-length'] = length;
      const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      for (const p of parts) req.write(p);
      req.end();
    });
  }
  const booking = (ref: string) => JSON.stringify({ facilityId, bookingRef: ref, bookedOn: '2025-05-20', checkIn: '2025-06-01', nights: 1, guests: 1, totalPrice: 10000 });
  const claims = '/api/v1/programs/api-http/claims';

  test('JSON with a declared length, and chunked: both registered; the same body again is a retry', async () => {
    const first = await send(claims, [booking('H1')]);
    assert.equal(first.status, 201, first.body);
    const second = await send(claims, booking('H2').match(/.{1,17}/g)!, true);
    assert.equal(second.status, 201, second.body);
    const again = await send(claims, [booking('H2')]);
    assert.equal(again.status, 200);
    assert.equal(JSON.parse(again.body).id, JSON.parse(second.body).id);
  });

  test('a client gone mid-body is no server failure: nothing logged as an error, and the next request is served', async () => {
    const failures: string[] = [];
    const logError = log.error;
    log.error = (msg) => void failures.push(msg);
    try {
      await new Promise<void>((resolve) => {
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': 200 };
        const req = http.request({ host: '127.0.0.1', port, path: claims, method: 'POST', headers });
        req.on('error', () => undefined);
        req.write('{"facilityId":');
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 150);
      });
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      log.error = logError;
    }
    assert.deepEqual(failures, []);
    assert.equal((await send(claims, [booking('H4')])).status, 201);
  });

  test('not JSON: 400; over MAX_BODY_BYTES, declared or chunked: 413; cancel with an empty body', async () => {
    const bad = await send(claims, ['{"facilityId":']);
    assert.equal(bad.status, 400);
    assert.match(JSON.parse(bad.body).type, /bad-request$/);
    const big = `{"bookingRef":"${'x'.repeat(3000)}"}`;
    assert.equal((await send(claims, [big])).status, 413);
    assert.equal((await send(claims, big.match(/.{1,500}/g)!, true)).status, 413);
    const made = JSON.parse((await send(claims, [booking('H3')])).body);
    const cancelled = await send(`/api/v1/claims/${made.id}/cancel`, []);
    assert.equal(cancelled.status, 200, cancelled.body);
    assert.equal(JSON.parse(cancelled.body).status, 'cancelled');
  });
});
