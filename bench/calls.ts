/**
 * npm run bench:calls — on PostgreSQL (when DATABASE_URL is set) and on the embedded database:
 * 200,000 calls over 60 days (BENCH_CALLS), then the time of a monthly tally (target < 0.5 s), a
 * daily tally (< 0.1 s) and the p99 of call entry through the API with 32 concurrent agents
 * (< 50 ms), the load coming from a separate process on loopback. The target is read on bursts:
 * all 32 agents log a call at the same moment, again and again (every 100 ms after the last
 * answer) — the most an agent waits when they all press 登録 at once. Then, as information, the
 * saturation: each agent posting one call after another with no pause, which measures throughput
 * (calls/s) and the latency at it. Both after a 2 s warm-up. BENCH_DB=postgres|embedded runs one.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app.js';
import { createHttpServer } from '../src/platform/http/http-server.js';
import { dailyTally, monthlyTally } from '../src/modules/calls/queries.js';
import { createTestEnv } from '../test/helpers/deps.js';
import { makeProgram, makeToken, makeUser } from '../test/helpers/fixtures.js';

const N = Number(process.env.BENCH_CALLS ?? 200_000);
const DAYS = 60;
const AGENTS = 32;
const LOAD_MS = Number(process.env.BENCH_LOAD_MS ?? 15_000);

function load(input: { port: number; token: string; slug: string; connections: number; durationMs: number; mode: 'burst' | 'saturate' }): Promise<{ count: number; errors: number; p50: number; p99: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./calls-load-child.ts', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited ${code}`))));
    child.stdin.end(JSON.stringify(input) + '\n');
  });
}

const ms = (x: number) => Math.round(x * 10) / 10;

async function timed<T>(fn: () => Promise<T>, runs = 5): Promise<{ ms: number; value: T }> {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: Math.round(best * 10) / 10, value };
}

async function benchOne(kind: 'postgres' | 'embedded'): Promise<Record<string, unknown>> {
  const env = await createTestEnv({ ...(kind === 'embedded' ? { DATABASE_URL: '' } : {}), DATABASE_WAIT_MS: '60000', SHED_LAG_MS: '0' }, { realClock: true, onDisk: true });
  if (kind === 'embedded') delete process.env.DATABASE_URL;
  try {
    const p = await makeProgram(env.deps, 'bench-calls');
    const t0 = performance.now();
    // 60 days from 2026-05-01, every call on its Tokyo day, a third count-only (the shape the API writes).
    await env.deps.db.execute(sql`
      insert into call_logs (program_id, number, received_at, day, caller_type, category, simple, question, answer, outcome, duration_seconds, created_at, updated_at)
      select ${p.id}, i, t, (t at time zone 'Asia/Tokyo')::date,
             (array['user','business','other'])[1 + i % 3], (array['overview','application','facilities','participation','other'])[1 + i % 5],
             i % 3 = 0, case when i % 3 = 0 then null else '質問 ' || i end, case when i % 3 = 0 then null else '回答' end,
             'answered', 60 + i % 300, t, t
      from (select i, timestamptz '2026-05-01 00:00+09' + ((i::float8 / ${N}) * interval '${sql.raw(String(DAYS))} days') as t from generate_series(1, ${N}) as i) s`);
    await env.deps.db.execute(sql`insert into call_counters (program_id, last_number) values (${p.id}, ${N})`);
    await env.deps.db.execute(sql.raw('vacuum (analyze) call_logs'));
    const seedMs = Math.round(performance.now() - t0);
    const monthly = await timed(() => monthlyTally(env.deps.db, p.id, '2026-05'));
    const daily = await timed(() => dailyTally(env.deps.db, p.id, '2026-05-20'));
    const agent = await makeUser(env.deps, 'agent@bench.example', 'agent', p.id);
    const token = await makeToken(env.deps, agent.id);
    const server = createHttpServer(createApp(env.deps), env.deps);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    // Warm-up (JIT, the pool's connections, the kept program and key), not measured.
    await load({ port, token, slug: 'bench-calls', connections: AGENTS, durationMs: 2000, mode: 'saturate' });
    const entry = await load({ port, token, slug: 'bench-calls', connections: AGENTS, durationMs: LOAD_MS, mode: 'burst' });
    const saturated = await load({ port, token, slug: 'bench-calls', connections: AGENTS, durationMs: LOAD_MS, mode: 'saturate' });
    await new Promise<void>((r) => server.close(() => r()));
    return {
      database: kind,
      calls: N,
      seedMs,
      monthlyTallyMs: monthly.ms,
      monthlyTotal: monthly.value.total,
      dailyTallyMs: daily.ms,
      dailyTotal: daily.value.total,
      entryCount: entry.count,
      entryErrors: entry.errors,
      entryP50Ms: ms(entry.p50),
      entryP99Ms: ms(entry.p99),
      saturatedPerSec: Math.round(saturated.count / (LOAD_MS / 1000)),
      saturatedErrors: saturated.errors,
      saturatedP50Ms: ms(saturated.p50),
      saturatedP99Ms: ms(saturated.p99),
      targets: 'monthly < 500 ms, daily < 100 ms, entry (32 at once) p99 < 50 ms',
    };
  } finally {
    await env.close();
  }
}

function print(r: Record<string, unknown>): void {
  console.log(`\n== ${r.database}`);
  for (const [k, v] of Object.entries(r)) if (k !== 'database') console.log(`${k.padEnd(17)} ${v}`);
}

const only = process.env.BENCH_DB;
if (process.env.DATABASE_URL && only !== 'embedded') print(await benchOne('postgres'));
if (only !== 'postgres') print(await benchOne('embedded'));
process.exit(0);
