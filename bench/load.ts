/**
 * The POST load generator of bench:settlement: autocannon (npm), driven through its programmatic
 * API so every request can take a different path and body. `connections` keep-alive connections on
 * loopback for `durationMs`; any socket error, timeout or status other than 2xx/304 counts as an
 * error. bench/post-load.ts runs it in its own process, so it never shares the measured server's
 * event loop. `LoadResult` is also what bench/wrk.ts (bench:search, bench:cluster) answers.
 */
import { createRequire } from 'node:module';

export interface LoadOptions {
  port: number;
  /** The path of the i-th request (vary queries with i). */
  path: (i: number) => string;
  /** For POST: the body of the i-th request (each booking its own reference). */
  body?: (i: number) => string;
  connections?: number;
  durationMs?: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<number, number>;
  rps: number;
  /** Socket errors and timeouts alone (no answer at all). */
  socketErrors: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  bytes: number;
  /** The generator's own CPU time per request (µs): it shares the machine with the server. */
  cpuUsPerRequest: number;
}

/** The part of autocannon's options and result used here (the package ships no types). */
interface AutocannonRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  headers?: Record<string, string>;
  requests: Array<{ setupRequest: (req: AutocannonRequest) => AutocannonRequest }>;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  '1xx': number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
  latency: { p50: number; p99: number; max: number };
  requests: { total: number };
  throughput: { total: number };
  statusCodeStats: Record<string, { count: number }>;
}

const autocannon = createRequire(import.meta.url)('autocannon') as (opts: AutocannonOptions) => Promise<AutocannonResult>;

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const connections = opts.connections ?? 64;
  if (connections > 1024) throw new Error('too many connections');
  const durationMs = Math.min(opts.durationMs ?? 5000, 60_000);
  let counter = 0;
  const cpu = process.cpuUsage();
  const r = await autocannon({
    url: `http://127.0.0.1:${opts.port}`,
    connections,
    duration: durationMs / 1000,
    timeout: 10,
    headers: opts.headers,
    requests: [
      {
        setupRequest: (req) => {
          const i = counter++;
          req.path = opts.path(i);
          if (opts.body) {
            req.method = 'POST';
            req.body = opts.body(i);
          }
          return req;
        },
      },
    ],
  });
  const used = process.cpuUsage(cpu);
  const statuses: Record<number, number> = {};
  let notOk = 0;
  for (const [code, s] of Object.entries(r.statusCodeStats)) {
    const n = Number(code);
    statuses[n] = s.count;
    if (!((n >= 200 && n < 300) || n === 304)) notOk += s.count;
  }
  const requests = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  return {
    requests,
    errors: r.errors + notOk, // autocannon counts timeouts among its errors
    statuses,
    rps: requests / r.duration,
    socketErrors: r.errors,
    seconds: r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    bytes: r.throughput.total,
    cpuUsPerRequest: (used.user + used.system) / Math.max(1, requests),
  };
}
