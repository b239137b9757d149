import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createApp } from '../../src/app.js';
import { EMBEDDED_REQUESTS_AT_ONCE } from '../../src/db/client.js';
import type { Deps } from '../../src/platform/deps.js';
import { setLogLevel } from '../../src/platform/log/index.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeProgram } from '../helpers/fixtures.js';
import { startAppServer } from '../helpers/http.js';

/**
 * Slow and greedy clients against a real listening server (built as src/server.ts builds it):
 * trickled bodies hold no in-flight slot and get 408, a burst above MAX_IN_FLIGHT gets an HTTP
 * answer for every request, a busy database answers 503 instead of queueing, and a client that
 * goes away is an info line. No assertion here is about speed; the timeouts are short so the
 * behaviour shows quickly, and each test's own timeout only stops a server that never answers.
 */

/** A raw HTTP/1.1 exchange: writes `head` (and `body`), then collects everything until the server closes or `until` matches. */
function rawExchange(port: number, text: string, until?: RegExp): { socket: net.Socket; answer: Promise<string> } {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  const answer = new Promise<string>((resolve) => {
    socket.on('data', (c) => {
      received += String(c);
      if (until?.test(received)) resolve(received);
    });
    socket.on('close', () => resolve(received));
    socket.on('error', () => resolve(received));
  });
  socket.write(text);
  return { socket, answer };
}

const loginHead = (length: number, path = '/api/v1/login') =>
  `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

/** Resolves once `count` requests have reached the server's request listener. */
function requestsSeen(server: import('node:http').Server, count: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => {
    const on = () => {
      if (++seen >= count) {
        server.off('request', on);
        resolve();
      }
    };
    server.on('request', on);
  });
}

/**
 * Captures the JSON log lines written while `fn` runs (level info and up). Everything else goes
 * on to the real stream: the test runner reports through stdout too.
 */
async function captureLog(fn: (lines: () => Array<Record<string, unknown>>) => Promise<void>): Promise<Array<Record<string, unknown>>> {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  let text = '';
  const keeping = (original: typeof process.stdout.write) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (typeof chunk === 'string' && chunk.startsWith('{"t":')) {
        text += chunk;
        return true;
      }
      return (original as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  const lines = () => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
  process.stdout.write = keeping(out);
  process.stderr.write = keeping(err);
  setLogLevel('info');
  try {
    await fn(lines);
  } finally {
    setLogLevel('silent');
    process.stdout.write = out;
    process.stderr.write = err;
  }
  return lines();
}

/** Waits (without a deadline of its own: the test runner's timeout is the bound) until `ready()`. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((r) => setTimeout(r, 20));
}

describe('slow clients against a listening server', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv({ MAX_IN_FLIGHT: '4' }, { realClock: true });
    await makeProgram(env.deps, 'slow-a', 'campaign');
  });
  after(() => env.close());

  /** The same deps with other settings (the server and app read them when built). */
  const withConfig = (config: Partial<Deps['config']>): Deps => ({ ...env.deps, config: { ...env.deps.config, ...config } });

  test('many connections trickling a body do not starve a normal request', { timeout: 30_000 }, async () => {
    const srv = await startAppServer(withConfig({ requestTimeoutMs: 60_000 }));
    const slow: net.Socket[] = [];
    try {
      const arrived = requestsSeen(srv.server, 12);
      for (let i = 0; i < 12; i++) slow.push(rawExchange(srv.port, loginHead(200) + '{').socket);
      await arrived;
      // Twelve requests are open and their bodies will not come; MAX_IN_FLIGHT is 4.
      const page = await fetch(`http://127.0.0.1:${srv.port}/api/v1/programs/slow-a/facilities`);
      assert.equal(page.status, 200);
      await page.arrayBuffer();
      const post = await fetch(`http://127.0.0.1:${srv.port}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.jp', password: 'wrong password' }) });
      assert.equal(post.status, 401, 'a complete request is served, not shed');
      await post.arrayBuffer();
    } finally {
      for (const s of slow) s.destroy();
      await srv.close();
    }
  });

  test('a body that does not arrive in time gets 408 and the connection is closed (problem+json on the API)', { timeout: 30_000 }, async () => {
    const srv = await startAppServer(withConfig({ requestTimeoutMs: 300 }));
    try {
      const api = await rawExchange(srv.port, loginHead(200) + '{"email":').answer;
      assert.match(api, /^HTTP\/1\.1 408 /);
      assert.match(api, /application\/problem\+json/);
      assert.match(api, /"code":"request-timeout"/);
      const form = await rawExchange(srv.port, 'POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=a').answer;
      assert.match(form, /^HTTP\/1\.1 408 /);
      assert.match(form, /本文を最後まで受け取れませんでした/);
    } finally {
      await srv.close();
    }
  });

  test('headers that do not arrive in time get 408 and the connection is closed', { timeout: 30_000 }, async () => {
    const srv = await startAppServer(withConfig({ headersTimeoutMs: 300 }));
    try {
      const answer = await rawExchange(srv.port, 'GET /slow-a HTTP/1.1\r\nHost: localhost\r\n').answer;
      assert.match(answer, /^HTTP\/1\.1 408 /);
    } finally {
      await srv.close();
    }
  });

  test('a burst above MAX_IN_FLIGHT gets an HTTP answer for every request (2xx/4xx/503), and keep-alive connections stay usable', { timeout: 30_000 }, async () => {
    const srv = await startAppServer(env.deps);
    try {
      const body = JSON.stringify({ email: 'burst@example.jp', password: 'wrong password' });
      // Thirty keep-alive connections at once, each with two requests: the first one's body comes
      // in two parts, the second part well after the first (a server that answered before reading
      // it, and then closed the connection while draining, would leave the second unanswered);
      // the second (Connection: close) on the same connection after the first answer.
      const answers = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const path = i % 3 === 0 ? '/api/v1/programs/slow-a/claims' : '/api/v1/login';
          const { socket, answer } = rawExchange(srv.port, loginHead(body.length, path) + body.slice(0, 10));
          await new Promise((r) => setTimeout(r, 800));
          socket.write(body.slice(10));
          socket.write(`POST /api/v1/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
          return answer;
        }),
      );
      // A status line starts each answer (the next follows its predecessor's body directly).
      const statuses = answers.map((a) => [...a.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => m[1]!));
      assert.deepEqual(statuses.filter((s) => s.length !== 2), [], `two answers on every connection: ${answers.find((a, i) => statuses[i]!.length !== 2)?.replace(/content-security-policy[^\n]*\n/g, '')}`);
      const all = statuses.flat();
      assert.deepEqual(all.filter((s) => !/^(2\d\d|4\d\d|503)$/.test(s)), []);
      assert.ok(all.includes('503'), `the burst was above MAX_IN_FLIGHT: ${all.join(' ')}`);
    } finally {
      await srv.close();
    }
  });

  test('a client that goes away mid-request is an info line, not an error', { timeout: 30_000 }, async () => {
    const srv = await startAppServer(env.deps);
    try {
      const lines = await captureLog(async (seen) => {
        for (let i = 0; i < 3; i++) {
          const { socket } = rawExchange(srv.port, loginHead(200) + '{"email":');
          await new Promise((r) => setTimeout(r, 50));
          socket.destroy();
        }
        await until(() => seen().filter((l) => l.msg === 'client went away before its request body arrived').length === 3);
      });
      assert.deepEqual(lines.filter((l) => l.level === 'error' || l.level === 'warn'), []);
      assert.ok(lines.every((l) => l.level === 'info'));
    } finally {
      await srv.close();
    }
  });

  test('on the embedded database a few requests run at once; one that gets no turn within DATABASE_WAIT_MS is answered 503 with Retry-After', { timeout: 120_000, skip: !!process.env.DATABASE_URL && 'PostgreSQL requests wait for a pooled connection (the test below)' }, async () => {
    const busy = await createTestEnv({ DATABASE_WAIT_MS: '200' });
    const turns: Array<() => void> = [];
    try {
      await makeProgram(busy.deps, 'turns', 'campaign');
      const app = createApp(busy.deps);
      assert.equal((await app.request('/api/v1/programs/turns/facilities')).status, 200);
      // Every turn is taken, as by that many requests still running.
      for (let i = 0; i < EMBEDDED_REQUESTS_AT_ONCE; i++) turns.push((await busy.deps.database.admitRequest!())!);
      const res = await Promise.race([Promise.resolve(app.request('/api/v1/programs/turns/facilities')), new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
      assert.ok(res, 'answered while every turn was taken');
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '5');
      assert.equal(((await res.json()) as { code: string }).code, 'overloaded');
      // A request waiting in line gets the first turn given back, and is served.
      const waiting = Promise.resolve(app.request('/api/v1/programs/turns/facilities'));
      turns.pop()!();
      assert.equal((await waiting).status, 200);
    } finally {
      for (const release of turns) release();
      await busy.close();
    }
  });

  test('a request that does not get the database within DATABASE_WAIT_MS is answered 503 with Retry-After, not queued', { timeout: 120_000 }, async () => {
    const busy = await createTestEnv({ DATABASE_WAIT_MS: '200', DATABASE_POOL_SIZE: '1' });
    try {
      await makeProgram(busy.deps, 'slow-db', 'campaign');
      const app = createApp(busy.deps);
      // Someone else holds the database: the one PostgreSQL connection, or the embedded database's turn.
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let held!: () => void;
      const isHeld = new Promise<void>((r) => (held = r));
      const holder = busy.deps.database.raw.pool
        ? busy.deps.database.raw.pool.connect().then(async (client) => {
            held();
            await gate;
            client.release();
          })
        : busy.deps.db.transaction(async (tx) => {
            await tx.execute(sql`select 1`);
            held();
            await gate;
          });
      await isHeld;
      let res: Response | null;
      try {
        // A guard against waiting forever (as the request would, queued behind the holder), not a speed check.
        res = await Promise.race([Promise.resolve(app.request('/api/v1/programs/slow-db/facilities')), new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
      } finally {
        release();
        await holder;
      }
      assert.ok(res, 'answered while the database was still held');
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '5');
      assert.equal(((await res.json()) as { code: string }).code, 'overloaded');
      // The request given up on never runs later; the next one is served.
      const again = await app.request('/api/v1/programs/slow-db/facilities');
      assert.equal(again.status, 200);
      assert.equal((await busy.deps.database.ping()), true);
    } finally {
      await busy.close();
    }
  });
});
