/**
 * npm run bench:search (node --import tsx bench/search.ts) — launch-day speed of the public
 * campaign site, in one run on loopback with 64 keep-alive connections for BENCH_SECONDS
 * (default 8, at most 10) each:
 *  (a) a bare node:http server answering a fixed JSON body (the ceiling on this machine);
 *  (b) GET /api/v1/programs/{slug}/facilities with varied queries;
 *  (c) GET /{slug}/facilities (the HTML search page) with the same varied queries;
 *  (d) the launch-day page mix: campaign top pages (ja/en), search pages with filters and paging,
 *      facility pages, content pages (howto, faq, contact…) and static assets (content-hashed URLs);
 *  (e) the mix again with the public micro-cache off (PUBLIC_CACHE_MB=0): the cold path;
 * on 1,000 facilities in an in-memory PGlite, and prints each as a ratio to (a).
 *
 * The load generator is autocannon (npm), run by bench/load.ts in a separate process
 * (bench/load-child.ts), so it never shares the server's event loop. The queries are drawn from the
 * facilities themselves — parts of names (also in hiragana), kana, towns of the addresses,
 * features (also typed in full width), with ward / type / feature / available / sort / page
 * filters — BENCH_PATHS (default 3,000) distinct queries asked with Zipf popularity (popular ones
 * often, ~2,500 of them at least once: more than the rendered-page cache holds), so (b) and (c)
 * measure searching and rendering as well as cache hits. The warm-up uses other queries.
 * Targets: (b) >= 0.7 × (a), (c) >= 0.5 × (a), (d) >= 0.5 × (a), p99 < 50 ms, no errors; (e) is
 * information. The same mix through HAProxy with three instances needs PostgreSQL: see
 * test/cluster (not measured here). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.js';
import { createHttpServer } from '../src/platform/http/http-server.js';
import { systemActor } from '../src/platform/audit/index.js';
import { runCommand } from '../src/platform/command.js';
import { facilities, WARDS, FACILITY_TYPES } from '../src/modules/campaign/schema.js';
import { DEMO_FACILITIES, DEMO_FEATURES } from '../src/modules/demo/facilities.js';
import { createProgram } from '../src/platform/programs/commands/create-program.js';
import { createTestEnv } from '../test/helpers/deps.js';
import { kanaNumber } from '../test/helpers/fixtures.js';
import type { LoadResult } from './load.js';
import { runLoadInChild } from './load-child.js';
import { assetUrls } from '../src/ui/static/index.js';

process.env.LOG_LEVEL = 'silent';
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 8), 10);
const PATHS = Number(process.env.BENCH_PATHS ?? 3000);
const CONNECTIONS = 64;
const N = 1000;
const TOWNS = ['一番町', '中央', '国分町', '本町', '作並', '秋保', '長町', '泉中央', '榴岡', '荒井', '六丁の目', '鶴ケ谷', '七北田', '西多賀', '八乙女', '宮城野', '蒲生', '新寺'];

interface Row {
  name: string;
  nameKana: string;
  type: (typeof FACILITY_TYPES)[number];
  ward: (typeof WARDS)[number];
  address: string;
  features: string[];
}

function facilityRows(): Row[] {
  return Array.from({ length: N }, (_, i) => {
    const d = DEMO_FACILITIES[i % DEMO_FACILITIES.length]!;
    const extra = DEMO_FEATURES.filter((_, k) => (i + k) % 5 === 0).slice(0, 2);
    return {
      name: `${d.name} ${i + 1}号館`,
      nameKana: `${d.nameKana} ${kanaNumber(i + 1)}ゴウカン`,
      type: d.type,
      ward: d.ward,
      address: `${d.address}-${i + 1}`,
      features: [...new Set([...d.features, ...extra])],
    };
  });
}

/** A small deterministic PRNG (mulberry32), so every run measures the same queries. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick };
}

const toHiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const slice = (r: ReturnType<typeof prng>, s: string) => {
  const t = s.replace(/\s|\d|号館|ゴウカン/g, '');
  const len = 2 + Math.floor(r.next() * 3);
  const at = Math.floor(r.next() * Math.max(1, t.length - len));
  return t.slice(at, at + len);
};

/** `count` distinct query strings drawn from the facilities, as people type them. */
function queryStrings(rows: Row[], count: number, seed: number): string[] {
  const r = prng(seed);
  const out = new Set<string>();
  while (out.size < count) {
    const f = r.pick(rows);
    const p = new URLSearchParams();
    const kind = r.next();
    if (kind < 0.3) p.set('q', slice(r, f.name));
    else if (kind < 0.45) p.set('q', toHiragana(slice(r, f.nameKana)));
    else if (kind < 0.6) p.set('q', r.pick(TOWNS));
    else if (kind < 0.7) p.set('q', `${f.ward.replace('区', '')} ${r.pick(f.features)}`);
    else if (kind < 0.8) p.set('q', toFullWidth(r.pick(f.features)));
    else if (kind < 0.9) p.set('q', '');
    if (r.next() < 0.4) p.set('ward', r.pick(WARDS));
    if (r.next() < 0.25) p.set('type', r.pick(FACILITY_TYPES));
    if (r.next() < 0.3) p.append('feature', r.pick(DEMO_FEATURES));
    if (r.next() < 0.1) p.append('feature', r.pick(DEMO_FEATURES));
    if (r.next() < 0.3) p.set('available', 'true');
    if (r.next() < 0.2) p.set('sort', 'ward');
    p.set('page', String(1 + Math.floor(r.next() * r.next() * 4)));
    out.add(p.toString());
  }
  return [...out];
}

/**
 * `length` requests over `distinct` queries with Zipf (s = 1) popularity, as search traffic is:
 * a few queries (the plain list, a ward) are asked often, most only once or twice.
 */
function zipfSequence(distinct: string[], length: number, seed: number): string[] {
  const r = prng(seed);
  const cdf: number[] = [];
  let sum = 0;
  for (let k = 1; k <= distinct.length; k++) cdf.push((sum += 1 / k));
  return Array.from({ length }, () => {
    const x = r.next() * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return distinct[lo]!;
  });
}

/**
 * The launch-day mix, `length` requests: top pages 10% (ja and en), search pages 45% (the measured
 * queries, in their Zipf order), facility pages 25% (Zipf over the facilities), content pages 5%,
 * static assets 15% (the hashed URLs pages link to).
 */
function pageMix(slug: string, searches: string[], facilityIds: number[], length: number, seed: number): string[] {
  const r = prng(seed);
  const ids = zipfSequence(facilityIds.map(String), length, seed + 1);
  const contents = ['howto', 'faq', 'contact', 'for-business', 'accessibility', 'privacy'];
  const assets = [assetUrls.tokensCss, assetUrls.appCss, assetUrls.appJs];
  return Array.from({ length }, (_, i) => {
    const x = r.next();
    if (x < 0.1) return r.next() < 0.8 ? `/${slug}` : `/en/${slug}`;
    if (x < 0.55) return `/${slug}/facilities?${searches[i % searches.length]}`;
    if (x < 0.8) return `/${slug}/facilities/${ids[i]}`;
    if (x < 0.85) return `/${slug}/${r.pick(contents)}`;
    return r.pick(assets);
  });
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function line(label: string, r: LoadResult): string {
  return `${label.padEnd(26)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(5)} ms   p99 ${r.p99.toFixed(1).padStart(5)} ms   errors ${r.errors}   (${r.requests} requests, statuses ${JSON.stringify(r.statuses)})`;
}

async function main() {
  const env = await createTestEnv({ LOG_LEVEL: 'silent' }, { realClock: true });
  const rows = facilityRows();
  const program = await runCommand(env.deps, systemActor('bench'), async (ctx) => {
    const p = await createProgram(ctx, { kind: 'campaign', slug: 'bench-stay', name: 'ベンチマーク宿泊キャンペーン' });
    const values = rows.map((f, i) => ({ ...f, programId: p.id, postalCode: '980-0811', rooms: 20 + (i % 200), soldOutOn: i % 17 === 0 ? '2026-06-10' : null }));
    const ids: number[] = [];
    for (let i = 0; i < N; i += 250) ids.push(...(await ctx.tx.insert(facilities).values(values.slice(i, i + 250)).returning({ id: facilities.id })).map((r) => r.id));
    return { ...p, facilityIds: ids };
  });

  const body = JSON.stringify({ total: 1, page: 1, perPage: 20, items: [{ id: 1, name: 'ホテル', soldOut: false }] });
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  const barePort = await listen(bare);
  const app = createApp(env.deps);
  // The server as src/server.ts builds it (micro-cache of shared public answers in front of Hono).
  const server = createHttpServer(app, env.deps);
  const appPort = await listen(server);
  // The same app behind a server without the micro-cache (PUBLIC_CACHE_MB=0): the cold path.
  const coldServer = createHttpServer(app, { config: { ...env.deps.config, publicCacheBytes: 0 } });
  const coldPort = await listen(coldServer);

  const api = (qs: string) => `/api/v1/programs/${program.slug}/facilities?${qs}`;
  const page = (qs: string) => `/${program.slug}/facilities?${qs}`;
  const distinct = queryStrings(rows, PATHS, 20260601);
  const measured = zipfSequence(distinct, 40_000, 3);
  const asked = new Set(measured).size;
  const known = new Set(distinct);
  const warm = queryStrings(rows, 400, 7).filter((q) => !known.has(q));

  // Check the answers, then warm up (index build, JIT) on queries that are not measured.
  let hits = 0;
  for (const qs of distinct.slice(0, 50)) {
    for (const p of [api(qs), page(qs)]) {
      const res = await fetch(`http://127.0.0.1:${appPort}${p}`);
      if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
      if (p.startsWith('/api/')) hits += ((await res.json()) as { total: number }).total > 0 ? 1 : 0;
      else await res.arrayBuffer();
    }
  }
  const warmOpts = { port: appPort, connections: CONNECTIONS, durationMs: 1500 };
  await runLoadInChild({ ...warmOpts, paths: warm.map(api) });
  await runLoadInChild({ ...warmOpts, paths: warm.map(page) });

  const mix = pageMix(program.slug, measured, program.facilityIds, 40_000, 11);
  for (const p of new Set(mix)) {
    const res = await fetch(`http://127.0.0.1:${appPort}${p}`);
    if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
    await res.arrayBuffer();
    if (res.headers.get('content-type')?.startsWith('text/html') && p.includes('/facilities?')) break;
  }
  await runLoadInChild({ ...warmOpts, paths: mix.slice(0, 2000) });

  const opts = { connections: CONNECTIONS, durationMs: SECONDS * 1000 };
  const a = await runLoadInChild({ ...opts, port: barePort, paths: ['/'] });
  const b = await runLoadInChild({ ...opts, port: appPort, paths: measured.map(api) });
  const c = await runLoadInChild({ ...opts, port: appPort, paths: measured.map(page) });
  const d = await runLoadInChild({ ...opts, port: appPort, paths: mix });
  const e = await runLoadInChild({ ...opts, port: coldPort, paths: mix });

  console.log(
    `search benchmark: ${N} facilities; ${asked} distinct queries in a Zipf sequence of ${measured.length} (${hits}/50 sampled have results); autocannon in a separate process; ${CONNECTIONS} connections, ${SECONDS} s each, loopback, ${env.deps.database.kind} database`,
  );
  console.log(line('(a) bare node:http JSON', a));
  console.log(line('(b) search API', b));
  console.log(line('(c) search HTML page', c));
  console.log(line('(d) launch-day page mix', d));
  console.log(line('(e) mix, public cache off', e));
  const rb = b.rps / a.rps;
  const rc = c.rps / a.rps;
  const rd = d.rps / a.rps;
  const re = e.rps / a.rps;
  console.log(
    `(b)/(a) = ${rb.toFixed(2)} (target >= 0.7)   (c)/(a) = ${rc.toFixed(2)} (target >= 0.5)   (d)/(a) = ${rd.toFixed(2)} (target >= 0.5)   (e)/(a) = ${re.toFixed(2)} (information)`,
  );
  console.log(`p99 (b) ${b.p99.toFixed(1)} ms, (c) ${c.p99.toFixed(1)} ms, (d) ${d.p99.toFixed(1)} ms (target < 50); (e) ${e.p99.toFixed(1)} ms; public cache ${server.publicCache.hits} hits, ${server.publicCache.misses} misses`);
  const ok = rb >= 0.7 && rc >= 0.5 && rd >= 0.5 && b.p99 < 50 && c.p99 < 50 && d.p99 < 50 && a.errors + b.errors + c.errors + d.errors + e.errors === 0;
  console.log(ok ? 'targets met' : 'targets MISSED');

  server.close();
  coldServer.close();
  bare.close();
  await env.close();
  process.exitCode = ok ? 0 : 1;
}

await main();
