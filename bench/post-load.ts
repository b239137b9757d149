/**
 * A POST load generator in its own process (so it does not share the server's CPU): `clients`
 * keep-alive connections for `durationMs`, each sending one booking after the other, every one
 * with its own reference. Input on stdin:
 * `{ port, path, token, clients, durationMs, facilityIds, refPrefix }`; prints `{ ok, refused, errors, seconds }`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad } from './load.js';

export interface PostLoadInput {
  port: number;
  path: string;
  token: string;
  clients: number;
  durationMs: number;
  facilityIds: number[];
  /** Booking references are `${refPrefix}${n}`. */
  refPrefix: string;
}
export interface PostLoadResult {
  ok: number;
  refused: number;
  errors: number;
  seconds: number;
  /** CPU time the load generator itself used. */
  cpuMs: number;
}

export function runPostLoad(input: PostLoadInput): Promise<PostLoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`post load exited ${code}`))));
    child.stdin.end(JSON.stringify(input));
  });
}

/** autocannon (bench/load.ts): for these small JSON answers its own CPU is a fraction of the server's (it decodes every body into a string, which is why bench:search uses wrk). */
async function main(input: PostLoadInput): Promise<PostLoadResult> {
  const r = await runLoad({
    port: input.port,
    path: () => input.path,
    body: (i) => JSON.stringify({ facilityId: input.facilityIds[i % input.facilityIds.length], bookingRef: `${input.refPrefix}${i}`, bookedOn: '2025-05-20', checkIn: '2025-06-10', nights: 1, guests: 2, totalPrice: 20000 }),
    connections: input.clients,
    durationMs: input.durationMs,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${input.token}` },
  });
  const ok = r.statuses[201] ?? 0;
  const refused = r.statuses[409] ?? 0;
  return { ok, refused, errors: r.requests - ok - refused + r.socketErrors, seconds: r.seconds, cpuMs: (r.cpuUsPerRequest * r.requests) / 1000 };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  process.stdout.write(JSON.stringify(await main(JSON.parse(text) as PostLoadInput)));
}
