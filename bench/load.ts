/**
 * A small, bounded load generator (autocannon is not installed): `connections` keep-alive
 * connections on loopback, each sending one request after the other for `durationMs`. Every
 * response is read to the end; any status other than 2xx/304, and any socket error, counts as an
 * error. Latency is measured per request from write to the last byte.
 */
import http from 'node:http';

export interface LoadOptions {
  port: number;
  /** The path of the i-th request (vary queries with i). */
  path: (i: number) => string;
  connections?: number;
  durationMs?: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<number, number>;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  bytes: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const connections = opts.connections ?? 64;
  const durationMs = opts.durationMs ?? 5000;
  if (connections > 1024) throw new Error('too many connections');
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let bytes = 0;
  let counter = 0;
  const started = performance.now();
  const deadline = started + durationMs;

  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.request({ host: '127.0.0.1', port: opts.port, path, agent, headers: opts.headers }, (res) => {
        res.on('data', (d: Buffer) => (bytes += d.length));
        res.on('end', () => {
          latencies.push(performance.now() - t0);
          const s = res.statusCode ?? 0;
          statuses[s] = (statuses[s] ?? 0) + 1;
          if (!((s >= 200 && s < 300) || s === 304)) errors++;
          resolve();
        });
        res.on('error', () => {
          errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });

  const worker = async () => {
    while (performance.now() < deadline) await one(opts.path(counter++));
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    errors,
    statuses,
    rps: latencies.length / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : 0,
    bytes,
  };
}
