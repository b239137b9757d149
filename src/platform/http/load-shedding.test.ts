import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { makeProgram } from '../../../test/helpers/fixtures.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../app.js';
import type { AppEnv } from './env.js';
import { loadShedding } from './load-shedding.js';
import { forgetDemoFlag } from '../programs/demo-flag.js';

/**
 * Overload: with MAX_IN_FLIGHT requests open, the next one is answered at once — a friendly
 * Japanese (or English) 503 page, problem+json under /api, both with Retry-After — instead of
 * queueing until it times out. The open requests are held by a lock on `programs`, which every
 * public page and the search API read first (PGlite and PostgreSQL alike).
 */
describe('load shedding', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    env = await createTestEnv({ MAX_IN_FLIGHT: '2' });
    // One campaign per test: public pages cache the program for a second, and a cached program
    // would let the held requests past the lock.
    for (const slug of ['shed-a', 'shed-b', 'shed-c', 'shed-d']) await makeProgram(env.deps, slug, 'campaign');
    app = createApp(env.deps);
  });
  after(() => env.close());

  /** Runs `during` while two requests are stuck behind a lock, then lets them finish. */
  async function whileOverloaded(slug: string, during: () => Promise<void>) {
    // Error pages look up the demo flag (cached for 10 s): fill that cache first, with a page that
    // leaves the program cache empty, so the shed answer does not wait on the locked database.
    assert.equal((await app.request('/no-such-campaign/facilities')).status, 404);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = env.deps.db.transaction(async (tx) => {
      await tx.execute(sql`lock table programs in access exclusive mode`);
      locked();
      await gate;
    });
    await isLocked;
    let settled = 0;
    const stuck = [app.request(`/${slug}/facilities`), app.request(`/api/v1/programs/${slug}/facilities`)].map((p) => Promise.resolve(p).then((r: Response) => (settled++, r)));
    // Let both enter the app and wait on the lock.
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(settled, 0, 'the two requests are held');
    try {
      await during();
      assert.equal(settled, 0, 'the shed answers came while the others were still open');
    } finally {
      release();
      await holder;
    }
    const done = await Promise.all(stuck);
    assert.deepEqual(done.map((r) => r.status), [200, 200], 'the held requests are served, not dropped');
  }

  const timed = async (path: string) => {
    const t0 = performance.now();
    const res = await app.request(path);
    return { res, ms: performance.now() - t0 };
  };

  test('a page gets the friendly 503 in Japanese and English with Retry-After, at once', async () => {
    await whileOverloaded('shed-a', async () => {
      const { res, ms } = await timed('/shed-a');
      assert.equal(res.status, 503);
      assert.ok(ms < 1000, `answered in ${ms.toFixed(0)} ms`);
      assert.equal(res.headers.get('retry-after'), '30');
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      const html = await res.text();
      assert.match(html, /<html lang="ja"/);
      assert.match(html, /ただいまアクセスが集中しています/);
      assert.match(html, /数分後にもう一度アクセスしてください/);
      const en = await app.request('/en/shed-a/facilities');
      assert.equal(en.status, 503);
      assert.equal(en.headers.get('retry-after'), '30');
      assert.match(await en.text(), /Please try again in a few minutes/);
    });
  });

  test('the API gets problem+json 503 with Retry-After', async () => {
    await whileOverloaded('shed-b', async () => {
      const { res, ms } = await timed('/api/v1/programs/shed-b/facilities?q=' + encodeURIComponent('ホテル'));
      assert.equal(res.status, 503);
      assert.ok(ms < 1000, `answered in ${ms.toFixed(0)} ms`);
      assert.equal(res.headers.get('retry-after'), '30');
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const body = (await res.json()) as { status: number; code: string; title: string };
      assert.equal(body.status, 503);
      assert.equal(body.code, 'overloaded');
      assert.match(body.title, /アクセスが集中/);
    });
  });

  test('the shed answer never queries the database, even when the demo-flag cache has expired', async () => {
    await whileOverloaded('shed-d', async () => {
      // With the flag's cache gone, a lookup would wait on the locked programs table.
      forgetDemoFlag();
      const answer = Promise.resolve(app.request('/shed-d')).then((res: Response) => ({ res, at: performance.now() }));
      const t0 = performance.now();
      const outcome = await Promise.race([answer, new Promise<null>((r) => setTimeout(() => r(null), 1500))]);
      assert.ok(outcome, 'the 503 came without waiting for the database');
      assert.equal(outcome.res.status, 503);
      assert.ok(outcome.at - t0 < 1000);
    });
  });

  test('after the load passes, requests are served again', async () => {
    assert.equal((await app.request('/shed-c/facilities')).status, 200);
    assert.equal((await app.request('/api/v1/programs/shed-c/facilities')).status, 200);
  });

  test('a request that gets no database connection in time is 503 overloaded with Retry-After, not 500', { skip: !process.env.DATABASE_URL && 'the embedded database has no connection pool' }, async () => {
    const small = await createTestEnv({ DATABASE_POOL_SIZE: '1' });
    try {
      await makeProgram(small.deps, 'pool-a', 'campaign');
      const held = await small.deps.database.raw.pool!.connect();
      try {
        const res = await createApp(small.deps).request('/api/v1/programs/pool-a/facilities');
        assert.equal(res.status, 503);
        assert.equal(res.headers.get('retry-after'), '5');
        assert.match((await res.json()).type, /overloaded$/);
      } finally {
        held.release();
      }
    } finally {
      await small.close();
    }
  });
});

describe('load shedding per client address', () => {
  test('one address holds at most MAX_IN_FLIGHT_PER_CLIENT open requests; another address is not shed', { timeout: 120_000 }, async () => {
    const env = await createTestEnv({ MAX_IN_FLIGHT: '100', MAX_IN_FLIGHT_PER_CLIENT: '2', TRUST_PROXY: 'true' });
    try {
      await makeProgram(env.deps, 'per-client', 'campaign');
      const app = createApp(env.deps);
      const from = (ip: string, path: string) => Promise.resolve(app.request(path, { headers: { 'x-forwarded-for': ip } }));
      assert.equal((await from('203.0.113.1', '/no-such-campaign/facilities')).status, 404);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const holder = env.deps.db.transaction(async (tx) => {
        await tx.execute(sql`lock table programs in access exclusive mode`);
        locked();
        await gate;
      });
      await isLocked;
      let settled = 0;
      const held = [from('203.0.113.1', '/per-client/facilities'), from('203.0.113.1', '/api/v1/programs/per-client/facilities')].map((p) => p.then((r) => (settled++, r)));
      let otherDone = false;
      const other = from('203.0.113.2', '/api/v1/programs/per-client/facilities').then((r) => ((otherDone = true), r));
      await new Promise((r) => setTimeout(r, 200));
      try {
        assert.equal(settled, 0, 'the two requests are held');
        const third = await from('203.0.113.1', '/api/v1/programs/per-client/facilities');
        assert.equal(third.status, 503);
        assert.equal(third.headers.get('retry-after'), '30');
        assert.equal(otherDone, false, 'another address waits with the others instead of being shed');
      } finally {
        release();
        await holder;
      }
      assert.deepEqual((await Promise.all(held)).map((r) => r.status), [200, 200]);
      assert.equal((await other).status, 200);
      assert.equal((await from('203.0.113.1', '/api/v1/programs/per-client/facilities')).status, 200, 'the address is served again once its requests are done');
    } finally {
      await env.close();
    }
  });
});

describe('load shedding of requests the server could not start on in time', () => {
  test('requests read in one batch behind slow ones: those that waited longer than maxWaitMs get 503 at once, the others are served', async () => {
    const app = new Hono<AppEnv>();
    app.use('*', loadShedding({ maxInFlight: 1000, maxWaitMs: 100, onShed: (c) => c.text('shed', 503), onWaitedTooLong: (c) => c.text('waited too long', 503, { 'Retry-After': '5' }) }));
    // A request that keeps the thread busy start to end, as a page on the embedded database does.
    app.get('/busy', (c) => {
      const until = performance.now() + 20;
      while (performance.now() < until);
      return c.text('ok');
    });
    const server = http.createServer(getRequestListener(app.fetch));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    // The server has taken every connection before any request is written.
    let accepted = 0;
    const allAccepted = new Promise<void>((r) => server.on('connection', () => ++accepted === 30 && r()));
    const sockets = Array.from({ length: 30 }, () => net.connect(port, '127.0.0.1'));
    try {
      await allAccepted;
      const answers = sockets.map((s) => {
        let text = '';
        s.on('data', (c) => (text += String(c)));
        s.write('GET /busy HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
        return new Promise<string>((r) => s.on('close', () => r(text)));
      });
      // All thirty arrive before the server reads any: it reads them in one batch, 20 ms each.
      const until = performance.now() + 100;
      while (performance.now() < until);
      const texts = await Promise.all(answers);
      const statuses = texts.map((t) => /^HTTP\/1\.1 (\d{3}) /.exec(t)?.[1]);
      assert.ok(statuses.includes('200'), 'the first read of the batch had not waited');
      assert.deepEqual(statuses.filter((s) => s !== '200' && s !== '503'), []);
      const shed = texts.filter((t) => t.startsWith('HTTP/1.1 503 '));
      assert.ok(shed.length >= 20, `the later ones are shed (${shed.length} of 30)`);
      assert.ok(shed.every((t) => /waited too long/.test(t) && /\r\nretry-after: 5\r\n/i.test(t)));
      // Once the batch is through, a request is served again.
      assert.equal((await fetch(`http://127.0.0.1:${port}/busy`)).status, 200);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('turns on the embedded database', () => {
  test('a request that yields its turn (waiting on a group write) lets the next one in; every turn comes back', async () => {
    // One turn, as the embedded database's request turns (src/db/client.ts), reduced to one; its
    // release, like theirs, counts once however often it is called (the route's, then the middleware's).
    let free = 1;
    const waiting: Array<() => void> = [];
    const takeTurn = async () => {
      if (free === 0) await new Promise<void>((r) => waiting.push(r));
      else free--;
      let given = false;
      return () => {
        if (given) return;
        given = true;
        const next = waiting.shift();
        if (next) next();
        else free++;
      };
    };
    const app = new Hono<AppEnv>();
    app.use('*', loadShedding({ maxInFlight: 100, onShed: (c) => c.text('shed', 503), takeTurn }));
    let openGate!: () => void;
    const gate = new Promise<void>((r) => (openGate = r));
    app.get('/yield', async (c) => {
      c.get('yieldTurn')?.();
      await gate;
      return c.text('yielded');
    });
    app.get('/hold', async (c) => {
      await gate;
      return c.text('held');
    });
    app.get('/plain', (c) => c.text('plain'));
    const settles = (p: Promise<Response> | Response, ms: number) => Promise.race([Promise.resolve(p).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

    const yielding = Promise.resolve(app.request('/yield'));
    assert.ok(await settles(app.request('/plain'), 1000), 'served while the yielding request still waits');
    const holding = Promise.resolve(app.request('/hold'));
    await new Promise((r) => setTimeout(r, 20));
    const plain = Promise.resolve(app.request('/plain'));
    assert.equal(await settles(plain, 200), false, 'a request that keeps its turn keeps the next one waiting');
    openGate();
    assert.deepEqual(await Promise.all([yielding, holding, plain].map(async (r) => (await r).text())), ['yielded', 'held', 'plain']);
    assert.equal(free, 1, 'every turn given back');
  });
});

describe('load shedding on event-loop lag', () => {
  test('a lagging loop sheds only while 8 or more requests are open; /healthz never', async () => {
    const app = new Hono<AppEnv>();
    app.use('*', loadShedding({ maxInFlight: 1000, maxLagMs: 50, onShed: (c) => c.text('shed', 503, { 'Retry-After': '30' }) }));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    app.get('/slow', async (c) => {
      await gate;
      return c.text('ok');
    });
    app.get('/fast', (c) => c.text('ok'));
    app.get('/healthz', (c) => c.text('ok'));
    // Block the event loop (as one slow render would) long enough for the 1-second lag sample.
    // Past two 1-second samples, so at least one has seen the blocks whatever the timer drift.
    const deadline = performance.now() + 2100;
    while (performance.now() < deadline) {
      const t = performance.now();
      while (performance.now() - t < 150);
      await new Promise((r) => setImmediate(r));
    }
    await new Promise((r) => setTimeout(r, 50));
    assert.equal((await app.request('/fast')).status, 200, 'lag alone (no queue) does not shed');
    const held = Array.from({ length: 8 }, () => app.request('/slow'));
    await new Promise((r) => setImmediate(r));
    const shed = await app.request('/fast');
    assert.equal(shed.status, 503);
    assert.equal(shed.headers.get('retry-after'), '30');
    assert.equal((await app.request('/healthz')).status, 200, '/healthz is never shed');
    release();
    assert.deepEqual((await Promise.all(held)).map((r) => r.status), Array(8).fill(200));
  });
});
