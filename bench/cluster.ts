/**
 * npm run bench:cluster (node --import tsx bench/cluster.ts) — the launch-day page mix of
 * bench/search.ts through HAProxy with three app instances, to show the cost of the proxy hop:
 * the deployment of docs/operations.md on loopback (PostgreSQL 15 primary and streaming replica,
 * three instances of src/server.ts, HAProxy with docs/ops/haproxy.cfg), started by the cluster
 * test's kit (test/cluster/cluster-kit.ts), with the 1,000 facilities of bench/search.ts.
 * The load comes from wrk (bench/wrk.ts), as in bench:search. Prints, in one run, 64 connections
 * for BENCH_SECONDS (default 8, at most 10) each:
 *  (a) the bare node:http server (the ceiling on this machine);
 *  (d1) the mix sent straight to one instance;
 *  (d3) the same mix through HAProxy to the three instances;
 * each as a ratio to (a), and (d3)/(d1). Information, no target: on two cores three instances,
 * HAProxy and the load generator share the same CPUs. Needs root, postgresql and haproxy (as
 * `npm run test:cluster`); without them it says what is missing and exits 0.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { loadConfig } from '../src/config/index.js';
import { INSTALLATION } from '../src/modules/index.js';
import { openDeps } from '../src/platform/bootstrap.js';
import { clusterPrerequisites, freePort, makeRoot, startHaproxy, startInstance, startPostgresPair } from '../test/cluster/cluster-kit.js';
import { runWrk } from './wrk.js';
import { BROWSER, bareJsonServer, line, listen, pageMix, queryStrings, seedBenchCampaign, zipfSequence } from './search-mix.js';

const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 8), 10);
const CONNECTIONS = 64;

async function main(): Promise<void> {
  const missing = clusterPrerequisites();
  if (missing) {
    console.log(`bench:cluster skipped: ${missing}`);
    return;
  }
  const root = makeRoot();
  const { primary, replica } = await startPostgresPair(root);
  const env = {
    DATABASE_URL: primary.url,
    DATABASE_READ_URL: replica.url,
    JIMUKYOKU_MASTER_KEY: crypto.randomBytes(32).toString('hex'),
    DATA_DIR: root,
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
    // One client address (the load generator, or HAProxy): no per-client cap, no shedding.
    MAX_IN_FLIGHT_PER_CLIENT: '0',
    SHED_LAG_MS: '0',
  };
  const setup = await openDeps(loadConfig({ ...env, LOG_LEVEL: 'silent' }), { modules: INSTALLATION });
  const instances: Awaited<ReturnType<typeof startInstance>>[] = [];
  let haproxy: Awaited<ReturnType<typeof startHaproxy>> | undefined;
  const bare = bareJsonServer();
  try {
    const program = await seedBenchCampaign(setup, 'bench-cluster', 'ベンチマーク宿泊キャンペーン');
    const searches = zipfSequence(queryStrings(program.rows, 3000, 20260601), 40_000, 3);
    const mix = pageMix(program.slug, searches, program.facilityIds, 40_000, 11);
    const ports = [await freePort(), await freePort(), await freePort()];
    instances.push(...(await Promise.all(ports.map((p) => startInstance(env, p)))));
    haproxy = await startHaproxy(root, ports);
    const barePort = await listen(bare);

    // Warm every instance (index, JIT, caches) on the start of the mix.
    for (const p of ports) await runWrk({ port: p, connections: CONNECTIONS, durationMs: 2000, headers: BROWSER, paths: mix.slice(0, 4000) });
    const opts = { connections: CONNECTIONS, durationMs: SECONDS * 1000 };
    const a = await runWrk({ ...opts, port: barePort, paths: ['/'] });
    const d1 = await runWrk({ ...opts, headers: BROWSER, port: ports[0]!, paths: mix });
    const d3 = await runWrk({ ...opts, headers: BROWSER, port: haproxy.port, paths: mix });

    console.log(`cluster benchmark: the launch-day mix (${new Set(mix).size} distinct URLs of ${mix.length}); PostgreSQL 15 primary and replica, three instances, HAProxy; wrk (one thread) in a separate process, asking as a browser does (Accept-Encoding); ${CONNECTIONS} connections, ${SECONDS} s each, loopback`);
    console.log(line('(a) bare node:http JSON', a));
    console.log(line('(d1) mix, one instance', d1));
    console.log(line('(d3) mix, HAProxy + 3', d3));
    console.log(`(d1)/(a) = ${(d1.rps / a.rps).toFixed(2)}   (d3)/(a) = ${(d3.rps / a.rps).toFixed(2)}   (d3)/(d1) = ${(d3.rps / d1.rps).toFixed(2)} (the proxy hop and three instances on the same cores; information)`);
    const errors = a.errors + d1.errors + d3.errors;
    if (errors > 0) {
      console.log(`errors: ${errors}`);
      process.exitCode = 1;
    }
  } finally {
    bare.close();
    haproxy?.stop();
    await Promise.all(instances.map((i) => i.stop()));
    await setup.database.close();
    replica.stop();
    primary.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
