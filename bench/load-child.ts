/**
 * Runs bench/load.ts in its own process, so the load generator does not take CPU from the server
 * it measures (as an external tool such as autocannon would not). Input: one JSON line on stdin
 * `{ port, paths, connections, durationMs, headers? }`; output: the LoadResult as JSON.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './load.js';

interface ChildInput {
  port: number;
  paths: string[];
  connections: number;
  durationMs: number;
  headers?: Record<string, string>;
}

export function runLoadInChild(input: ChildInput): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator exited ${code}`))));
    child.stdin.end(JSON.stringify(input) + '\n');
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const input = JSON.parse(text) as ChildInput;
  const result = await runLoad({ port: input.port, path: (i) => input.paths[i % input.paths.length]!, connections: input.connections, durationMs: input.durationMs, headers: input.headers });
  process.stdout.write(JSON.stringify(result));
}
