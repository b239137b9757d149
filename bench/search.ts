/**
 * npm run bench:search (node --import tsx bench/search.ts) — launch-day speed of the public
 * facility search, in one run on loopback with 64 keep-alive connections for BENCH_SECONDS
 * (default 5) each:
 *  (a) a bare node:http server answering a fixed JSON body (the ceiling);
 *  (b) GET /api/v1/programs/{slug}/facilities with varied queries;
 *  (c) GET /{slug}/facilities (the HTML search page) with varied queries;
 * on 1,000 facilities in an in-memory PGlite, and prints (b)/(a) and (c)/(a). The load generator
 * runs in a child process (bench/load-child.ts) so it does not compete with the server in-process.
 * Targets: (b) >= 0.5 × (a), (c) >= 0.3 × (a), p99 < 50 ms, no errors.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.js';
import { systemActor } from '../src/platform/audit/index.js';
import { runCommand } from '../src/platform/command.js';
import { facilities, WARDS, FACILITY_TYPES } from '../src/modules/campaign/schema.js';
import { DEMO_FACILITIES, DEMO_FEATURES } from '../src/modules/demo/facilities.js';
import { createProgram } from '../src/modules/programs/commands/create-program.js';
import { createTestEnv } from '../test/helpers/deps.js';
import { runLoad, type LoadResult } from './load.js';
import { runLoadInChild } from './load-child.js';

process.env.LOG_LEVEL = 'silent';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 64;
const N = 1000;

const QUERIES = ['ホテル', 'ﾎﾃﾙ', 'ほてる', '青葉', '温泉', '作並 温泉', '駅近', '秋保', 'ゲストハウス', 'いずみ', '泉区', '長町', '', 'wifi', '一番町', 'ステイ'];

function facilityRows(programId: number) {
  return Array.from({ length: N }, (_, i) => {
    const d = DEMO_FACILITIES[i % DEMO_FACILITIES.length]!;
    const features = DEMO_FEATURES.filter((_, k) => (i + k) % 3 === 0).slice(0, 4);
    return {
      programId,
      name: `${d.name} ${i + 1}号館`,
      nameKana: `${d.nameKana} ${i + 1}ゴウカン`,
      type: FACILITY_TYPES[i % FACILITY_TYPES.length]!,
      ward: WARDS[i % WARDS.length]!,
      postalCode: d.postalCode,
      address: `${d.address}-${i + 1}`,
      rooms: d.rooms,
      features,
      soldOutOn: i % 17 === 0 ? '2026-06-10' : null,
    };
  });
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function line(label: string, r: LoadResult): string {
  return `${label.padEnd(28)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   errors ${r.errors}   (${r.requests} requests, statuses ${JSON.stringify(r.statuses)})`;
}

async function main() {
  const env = await createTestEnv({ LOG_LEVEL: 'silent' }, { realClock: true });
  const program = await runCommand(env.deps, systemActor('bench'), async (ctx) => {
    const p = await createProgram(ctx, { kind: 'campaign', slug: 'bench-stay', name: 'ベンチマーク宿泊キャンペーン' });
    for (let i = 0; i < N; i += 250) await ctx.tx.insert(facilities).values(facilityRows(p.id).slice(i, i + 250));
    return p;
  });

  const body = JSON.stringify({ total: 1, page: 1, perPage: 20, items: [{ id: 1, name: 'ホテル', soldOut: false }] });
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  const barePort = await listen(bare);
  const app = createApp(env.deps);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
  await new Promise((r) => server.once('listening', r));
  const appPort = (server.address() as AddressInfo).port;

  const wards = ['', ...WARDS];
  const apiPath = (i: number) => {
    const q = QUERIES[i % QUERIES.length]!;
    const ward = wards[Math.floor(i / QUERIES.length) % wards.length]!;
    return `/api/v1/programs/${program.slug}/facilities?q=${encodeURIComponent(q)}${ward ? `&ward=${encodeURIComponent(ward)}` : ''}&page=${1 + (i % 3)}${i % 4 === 0 ? '&available=true' : ''}`;
  };
  const pagePath = (i: number) => apiPath(i).replace(`/api/v1/programs/${program.slug}/facilities`, `/${program.slug}/facilities`);

  // Warm up (index build, JIT) and check the answers.
  for (let i = 0; i < 40; i++) {
    for (const p of [apiPath(i), pagePath(i)]) {
      const res = await fetch(`http://127.0.0.1:${appPort}${p}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
    }
  }
  await runLoad({ port: appPort, path: apiPath, connections: CONNECTIONS, durationMs: 1000 });
  await runLoad({ port: appPort, path: pagePath, connections: CONNECTIONS, durationMs: 1000 });

  // The measured load comes from a separate process, as from an external load generator.
  const opts = { connections: CONNECTIONS, durationMs: SECONDS * 1000 };
  const paths = (f: (i: number) => string) => Array.from({ length: 480 }, (_, i) => f(i));
  const a = await runLoadInChild({ ...opts, port: barePort, paths: ['/'] });
  const b = await runLoadInChild({ ...opts, port: appPort, paths: paths(apiPath) });
  const c = await runLoadInChild({ ...opts, port: appPort, paths: paths(pagePath) });

  console.log(`search benchmark: ${N} facilities, ${CONNECTIONS} connections, ${SECONDS} s each, loopback, ${env.deps.database.kind} database`);
  console.log(line('(a) bare node:http JSON', a));
  console.log(line('(b) search API', b));
  console.log(line('(c) search HTML page', c));
  const rb = b.rps / a.rps;
  const rc = c.rps / a.rps;
  console.log(`(b)/(a) = ${rb.toFixed(2)} (target >= 0.5)   (c)/(a) = ${rc.toFixed(2)} (target >= 0.3)`);
  const ok = rb >= 0.5 && rc >= 0.3 && b.p99 < 50 && c.p99 < 50 && a.errors + b.errors + c.errors === 0;
  console.log(ok ? 'targets met' : 'targets MISSED');

  server.close();
  bare.close();
  await env.close();
  process.exitCode = ok ? 0 : 1;
}

await main();
