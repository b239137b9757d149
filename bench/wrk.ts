/**
 * The load generator of bench:search and bench:cluster: wrk (Debian package `wrk`, C, one thread, `connections`
 * keep-alive connections on loopback for whole seconds), each request taking the next path of a
 * list (bench/wrk-paths.lua). Chosen over autocannon here because autocannon turns every response
 * body into a JS string: for a compressed 3 KB page that alone cost the generator 67 µs a response
 * against 19 µs for the bare server's (measured), so it measured itself rather than the server
 * beside it on the machine's two cores. Any socket error, timeout or status of 400 and above counts
 * as an error.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from './load.js';

export interface WrkInput {
  port: number;
  paths: string[];
  connections: number;
  durationMs: number;
  headers?: Record<string, string>;
}

interface WrkFigures {
  requests: number;
  durationUs: number;
  bytes: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  p50: number;
  p99: number;
  max: number;
  cpuSeconds: number;
}

const SCRIPT = fileURLToPath(new URL('./wrk-paths.lua', import.meta.url));

export async function runWrk(input: WrkInput): Promise<LoadResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-wrk-'));
  const file = path.join(dir, 'paths.txt');
  fs.writeFileSync(file, input.paths.join('\n') + '\n');
  const seconds = Math.max(1, Math.round(input.durationMs / 1000));
  const headers = Object.entries(input.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const args = ['-t1', `-c${input.connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', SCRIPT, ...headers, `http://127.0.0.1:${input.port}`, '--', file];
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new Error('bench:search needs wrk, the HTTP load generator (Debian: apt-get install wrk)') : e));
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}`))));
    });
    const f = JSON.parse(out.trim().split('\n').pop()!) as WrkFigures;
    const socketErrors = f.connect + f.read + f.write + f.timeout;
    const secs = f.durationUs / 1e6;
    return {
      requests: f.requests,
      errors: socketErrors + f.status,
      statuses: {},
      rps: f.requests / secs,
      socketErrors,
      seconds: secs,
      p50: f.p50,
      p99: f.p99,
      max: f.max,
      bytes: f.bytes,
      cpuUsPerRequest: (f.cpuSeconds * 1e6) / Math.max(1, f.requests),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
