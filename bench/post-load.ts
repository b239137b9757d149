/**
 * A POST load generator in its own process (so it does not share the server's CPU): `clients`
 * keep-alive loops for `durationMs`, each sending one JSON body after the other. Input on stdin:
 * `{ port, path, token, clients, durationMs, facilityIds, refPrefix }`; prints `{ ok, refused, errors, seconds }`.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

async function main(input: PostLoadInput): Promise<PostLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: input.clients });
  let ok = 0;
  let refused = 0;
  let errors = 0;
  let seq = 0;
  const post = (body: string) =>
    new Promise<number>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: input.port, path: input.path, method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${input.token}`, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const deadline = t0 + input.durationMs;
  await Promise.all(
    Array.from({ length: input.clients }, async () => {
      while (performance.now() < deadline) {
        const i = seq++;
        const status = await post(JSON.stringify({ facilityId: input.facilityIds[i % input.facilityIds.length], bookingRef: `${input.refPrefix}${i}`, bookedOn: '2025-05-20', checkIn: '2025-06-10', nights: 1, guests: 2, totalPrice: 20000 }));
        if (status === 201) ok++;
        else if (status === 409) refused++;
        else errors++;
      }
    }),
  );
  agent.destroy();
  const cpu = process.cpuUsage(cpu0);
  return { ok, refused, errors, seconds: (performance.now() - t0) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  process.stdout.write(JSON.stringify(await main(JSON.parse(text) as PostLoadInput)));
}
