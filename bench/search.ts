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
 *  (f) (g) the search API and page again without Accept-Encoding (as curl asks): information;
 * and, as information, the server's and the generator's CPU time per answer in each (they share the cores);
 * on 1,000 facilities in an in-memory PGlite, and prints each as a ratio to (a).
 *
 * The load generator is wrk (Debian package; bench/wrk.ts), in its own process with one thread, so it
 * never shares the server's event loop and takes as little as it can of the two cores (autocannon,
 * used before, spent more on each compressed answer than the server did: see bench/wrk.ts). The queries are drawn from the
 * facilities themselves — parts of names (also in hiragana), kana, towns of the addresses,
 * features (also typed in full width), with ward / type / feature / available / sort / page
 * filters — BENCH_PATHS (default 3,000) distinct queries asked with Zipf popularity (popular ones
 * often, ~2,500 of them at least once: more than the rendered-page cache holds), so (b) and (c)
 * measure searching and rendering as well as cache hits. The warm-up uses other queries. Every
 * request but (a)'s, (f)'s and (g)'s says `Accept-Encoding: gzip, deflate, br, zstd`, as Chrome does
 * over HTTPS (what visitors use): the server sends kept answers compressed (content-coding.ts).
 * Targets: (b) >= 0.7 × (a), (c) >= 0.5 × (a), (d) >= 0.5 × (a), p99 < 50 ms, no errors; (e) is
 * information. The same mix through HAProxy with three instances needs PostgreSQL and root:
 * bench/cluster.ts (npm run bench:cluster). */
import { createApp } from '../src/app.js';
import { createHttpServer } from '../src/platform/http/http-server.js';
import { createTestEnv } from '../test/helpers/deps.js';
import { runWrk } from './wrk.js';
import { BROWSER, bareJsonServer, line, listen, N, pageMix, queryStrings, seedBenchCampaign, zipfSequence } from './search-mix.js';

process.env.LOG_LEVEL = 'silent';
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 8), 10);
const PATHS = Number(process.env.BENCH_PATHS ?? 3000);
const CONNECTIONS = 64;

async function main() {
  const env = await createTestEnv({ LOG_LEVEL: 'silent' }, { realClock: true });
  const program = await seedBenchCampaign(env.deps, 'bench-stay', 'ベンチマーク宿泊キャンペーン');
  const { rows } = program;

  const bare = bareJsonServer();
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
  // As many first-time queries as (b) asks, so that V8 has optimized the path of a first-time
  // query before it is measured, as on a server that has been answering for a while (with 400,
  // that path still ran unoptimized in (b)'s first second).
  const warm = queryStrings(rows, PATHS, 7).filter((q) => !known.has(q));

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
  const warmOpts = { port: appPort, connections: CONNECTIONS, durationMs: 2000, headers: BROWSER };
  await runWrk({ ...warmOpts, paths: warm.map(api) });
  await runWrk({ ...warmOpts, paths: warm.map(page) });

  const mix = pageMix(program.slug, measured, program.facilityIds, 40_000, 11);
  for (const p of new Set(mix)) {
    const res = await fetch(`http://127.0.0.1:${appPort}${p}`);
    if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
    await res.arrayBuffer();
    if (res.headers.get('content-type')?.startsWith('text/html') && p.includes('/facilities?')) break;
  }
  await runWrk({ ...warmOpts, paths: mix.slice(0, 2000) });

  const opts = { connections: CONNECTIONS, durationMs: SECONDS * 1000 };
  // The server's own CPU time per answer (this process: the servers run here, the load generator
  // apart), beside the ratios: the two share the machine's cores, so a run whose answers cost the
  // generator more (more bytes, more headers) can show fewer req/s while the server works less.
  const run = async (input: Parameters<typeof runWrk>[0]) => {
    const cpu = process.cpuUsage();
    const r = await runWrk(input);
    const used = process.cpuUsage(cpu);
    return { ...r, cpuUsPerAnswer: (used.user + used.system) / Math.max(1, r.requests) };
  };
  const a = await run({ ...opts, port: barePort, paths: ['/'] });
  const b = await run({ ...opts, headers: BROWSER, port: appPort, paths: measured.map(api) });
  const c = await run({ ...opts, headers: BROWSER, port: appPort, paths: measured.map(page) });
  const d = await run({ ...opts, headers: BROWSER, port: appPort, paths: mix });
  const e = await run({ ...opts, headers: BROWSER, port: coldPort, paths: mix });
  const f = await run({ ...opts, port: appPort, paths: measured.map(api) });
  const g = await run({ ...opts, port: appPort, paths: measured.map(page) });

  console.log(
    `search benchmark: ${N} facilities; ${asked} distinct queries in a Zipf sequence of ${measured.length} (${hits}/50 sampled have results); wrk (one thread) in a separate process; ${CONNECTIONS} connections, ${SECONDS} s each, loopback, ${env.deps.database.kind} database`,
  );
  console.log(line('(a) bare node:http JSON', a));
  console.log(line('(b) search API', b));
  console.log(line('(c) search HTML page', c));
  console.log(line('(d) launch-day page mix', d));
  console.log(line('(e) mix, public cache off', e));
  console.log(line('(f) API, no Accept-Encoding', f));
  console.log(line('(g) page, no Accept-Encoding', g));
  const rb = b.rps / a.rps;
  const rc = c.rps / a.rps;
  const rd = d.rps / a.rps;
  const re = e.rps / a.rps;
  console.log(
    `(b)/(a) = ${rb.toFixed(2)} (target >= 0.7)   (c)/(a) = ${rc.toFixed(2)} (target >= 0.5)   (d)/(a) = ${rd.toFixed(2)} (target >= 0.5)   (e)/(a) = ${re.toFixed(2)} (information)`,
  );
  const us = (r: { cpuUsPerAnswer: number }) => `${r.cpuUsPerAnswer.toFixed(0)} µs (${(a.cpuUsPerAnswer / r.cpuUsPerAnswer).toFixed(2)})`;
  console.log(`server CPU per answer (information; bare / this in brackets): (a) ${a.cpuUsPerAnswer.toFixed(0)} µs, (b) ${us(b)}, (c) ${us(c)}, (d) ${us(d)}, (e) ${us(e)}, (f) ${us(f)}, (g) ${us(g)}`);
  const gen = (r: { cpuUsPerRequest: number }) => r.cpuUsPerRequest.toFixed(0);
  console.log(`generator CPU per answer (information): (a) ${gen(a)} µs, (b) ${gen(b)}, (c) ${gen(c)}, (d) ${gen(d)}, (e) ${gen(e)}, (f) ${gen(f)}, (g) ${gen(g)}`);
  console.log(`without Accept-Encoding (information): (f)/(a) = ${(f.rps / a.rps).toFixed(2)}   (g)/(a) = ${(g.rps / a.rps).toFixed(2)}; bytes per answer (b) ${(b.bytes / b.requests).toFixed(0)}, (f) ${(f.bytes / f.requests).toFixed(0)}, (c) ${(c.bytes / c.requests).toFixed(0)}, (g) ${(g.bytes / g.requests).toFixed(0)}`);
  console.log(`p99 (b) ${b.p99.toFixed(1)} ms, (c) ${c.p99.toFixed(1)} ms, (d) ${d.p99.toFixed(1)} ms (target < 50); (e) ${e.p99.toFixed(1)} ms; public cache ${server.publicCache.hits} hits, ${server.publicCache.misses} misses, ${server.publicCache.size} answers kept in ${(server.publicCache.bytes / 1048576).toFixed(0)} MB (the process holds ${(process.memoryUsage().arrayBuffers / 1048576).toFixed(0)} MB of ArrayBuffers)`);
  const ok = rb >= 0.7 && rc >= 0.5 && rd >= 0.5 && b.p99 < 50 && c.p99 < 50 && d.p99 < 50 && a.errors + b.errors + c.errors + d.errors + e.errors + f.errors + g.errors === 0;
  console.log(ok ? 'targets met' : 'targets MISSED');

  server.close();
  coldServer.close();
  bare.close();
  await env.close();
  process.exitCode = ok ? 0 : 1;
}

await main();
