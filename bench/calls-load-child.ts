/**
 * The load generator of bench/calls.ts, in its own process, for `durationMs`; prints
 * `{ count, errors, p50, p99 }` (ms) as JSON. Input: one JSON line on stdin
 * `{ port, token, slug, connections, durationMs, mode }`. Modes:
 * - `burst`: all `connections` agents press 登録 at the same moment, again every `gapMs` after the
 *   last answer: the latency each agent sees when they all log a call at once;
 * - `saturate`: each agent POSTs one call after another with no pause (a closed loop): the
 *   throughput the server reaches, and the latency at that throughput.
 */
import http from 'node:http';

interface Input {
  port: number;
  token: string;
  slug: string;
  connections: number;
  durationMs: number;
  mode: 'burst' | 'saturate';
  gapMs?: number;
}

let text = '';
for await (const chunk of process.stdin) text += chunk;
const input = JSON.parse(text) as Input;
const agent = new http.Agent({ keepAlive: true, maxSockets: input.connections });
const CALLERS = ['user', 'business', 'other'];
const CATS = ['overview', 'application', 'facilities', 'participation', 'other'];

function post(i: number): Promise<number> {
  const body = JSON.stringify(
    i % 3 === 0
      ? { callerType: CALLERS[i % 3], category: CATS[i % 5] }
      : { callerType: CALLERS[i % 3], category: CATS[i % 5], question: `質問 ${i}`, answer: '回答しました', outcome: 'answered', durationSeconds: 60 + (i % 300), callerPhone: `090${String(10_000_000 + (i % 5000)).padStart(8, '0')}` },
  );
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      { host: '127.0.0.1', port: input.port, method: 'POST', path: `/api/v1/programs/${input.slug}/calls`, agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${input.token}`, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 201 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(String(res.statusCode)))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const deadline = Date.now() + input.durationMs;
const times: number[] = [];
let errors = 0;
let n = 0;
async function one(): Promise<void> {
  try {
    times.push(await post(n++));
  } catch {
    errors++;
  }
}
if (input.mode === 'burst') {
  while (Date.now() < deadline) {
    await Promise.all(Array.from({ length: input.connections }, one));
    await new Promise((r) => setTimeout(r, input.gapMs ?? 100));
  }
} else {
  await Promise.all(
    Array.from({ length: input.connections }, async () => {
      while (Date.now() < deadline) await one();
    }),
  );
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
process.stdout.write(JSON.stringify({ count: times.length, errors, p50: q(0.5), p99: q(0.99) }));
agent.destroy();
