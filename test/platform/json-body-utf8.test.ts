import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { createApp } from '../../src/app.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeProgram } from '../helpers/fixtures.js';
import { startAppServer } from '../helpers/http.js';

/** A JSON body in Shift_JIS (a name), as a careless client sends it: not UTF-8. */
const sjisBody = new Uint8Array(iconv.encode(JSON.stringify({ facility: { name: 'ホテル勾当台' } }), 'cp932'));

describe('JSON bodies that are not UTF-8', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
    await makeProgram(env.deps, 'utf8-camp');
  });
  after(() => env.close());

  const assertRefused = async (res: Response) => {
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const body = await res.json();
    assert.equal(body.code, 'bad-request');
    assert.match(body.detail, /UTF-8/);
  };

  test('are refused with 400 problem+json (read through Hono)', async () => {
    const app = createApp(env.deps);
    await assertRefused(await app.request('/api/v1/programs/utf8-camp/applications', { method: 'POST', headers: { 'content-type': 'application/json' }, body: sjisBody }));
  });

  test('are refused with 400 problem+json (read from the socket)', async () => {
    const server = await startAppServer(env.deps);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/programs/utf8-camp/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: sjisBody });
      await assertRefused(res);
      // A lone continuation byte inside a string value is refused the same way.
      const bad = new Uint8Array(Buffer.concat([Buffer.from('{"facility":{"name":"a'), Buffer.from([0x80]), Buffer.from('"}}')]));
      await assertRefused(await fetch(`http://127.0.0.1:${server.port}/api/v1/programs/utf8-camp/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bad }));
    } finally {
      await server.close();
    }
  });
});
