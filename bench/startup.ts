/**
 * npm run bench:startup (node --import tsx bench/startup.ts) — how long an operator waits after
 * `npm start`: BENCH_RUNS (default 3) starts each of
 *  (a) a bare `node -e` that listens on a port (the floor of spawning Node on this machine);
 *  (b) `npm start` on an empty DATA_DIR, until /healthz answers and until the demo page answers
 *      (embedded database: initdb, migrations, demo seed);
 *  (c) `npm start` again on the same DATA_DIR (a restart: nothing to create).
 * Prints the median of each and (b)/(a), (c)/(a). Target: (b) demo < 15 s on the 2-core machine.
 * The budget is a benchmark figure, not a test assertion: a loaded CI machine must not fail a
 * build by being slow (test/browser/server-lifecycle.test.ts only guards against a hang).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { freePort, makeTempDir, startServer } from '../test/browser/harness.js';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function bareNode(): Promise<number> {
  const port = await freePort();
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, ['-e', `require('http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`], { stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        await res.arrayBuffer();
        return Date.now() - spawnedAt;
      } catch {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  } finally {
    child.kill('SIGKILL');
  }
}

async function npmStart(dataDir: string): Promise<{ healthz: number; demo: number }> {
  const s = await startServer({ viaNpm: true, dataDir, timeoutMs: 120_000 });
  try {
    const res = await fetch(`${s.baseUrl}/demo-stay`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`/demo-stay answered ${res.status}`);
    return { healthz: s.startupMs, demo: Date.now() - s.spawnedAt };
  } finally {
    await s.stop();
  }
}

const bare: number[] = [];
const fresh: Array<{ healthz: number; demo: number }> = [];
const restart: Array<{ healthz: number; demo: number }> = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(await bareNode());
  const dir = makeTempDir('jmk-bench-startup-');
  try {
    fresh.push(await npmStart(dir));
    restart.push(await npmStart(dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const a = median(bare);
const row = (label: string, ms: number) => `${label.padEnd(44)} ${String(ms).padStart(6)} ms  ${(ms / a).toFixed(1).padStart(6)} × (a)`;
console.log(`startup, median of ${RUNS} run(s)`);
console.log(row('(a) bare node listening', a));
console.log(row('(b) npm start, empty DATA_DIR → /healthz', median(fresh.map((r) => r.healthz))));
console.log(row('(b) npm start, empty DATA_DIR → demo page', median(fresh.map((r) => r.demo))));
console.log(row('(c) npm start, restart → /healthz', median(restart.map((r) => r.healthz))));
const target = median(fresh.map((r) => r.demo)) < 15_000;
console.log(`target (b) demo < 15 s: ${target ? 'met' : 'NOT met'}`);
