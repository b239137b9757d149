/**
 * The parts of a small production cluster on loopback, started and stopped by the cluster test:
 * PostgreSQL 15 primary and streaming replica (pg_basebackup), app instances (src/server.ts) and
 * HAProxy in front with /readyz health checks. Needs root (PostgreSQL runs as `postgres`) and the
 * Debian packages postgresql and haproxy, as `.ci/run` installs them.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const REPO_ROOT = path.resolve(new URL('../../', import.meta.url).pathname);

export function clusterPrerequisites(): string | null {
  if (process.getuid?.() !== 0) return 'needs root (PostgreSQL clusters run as the postgres user)';
  if (!fs.existsSync(`${PG_BIN}/postgres`)) return 'PostgreSQL 15 is not installed';
  if (!fs.existsSync('/usr/sbin/haproxy')) return 'haproxy is not installed (apt-get install haproxy)';
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export function asPostgres(cmd: string, args: string[]): string {
  return execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { cwd: '/', encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface PgNode {
  port: number;
  dir: string;
  url: string;
  stop(): void;
  psql(sql: string): string;
}

export function pgNode(dir: string, port: number): PgNode {
  return {
    port,
    dir,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        asPostgres(`${PG_BIN}/pg_ctl`, ['-D', dir, '-m', 'fast', '-w', 'stop']);
      } catch {
        // already stopped
      }
    },
    psql(sql: string) {
      return asPostgres('psql', ['-X', '-qtA', '-h', '127.0.0.1', '-p', String(port), '-d', 'postgres', '-c', sql]).trim();
    },
  };
}

export function startPg(dir: string, port: number): void {
  asPostgres(`${PG_BIN}/pg_ctl`, ['-D', dir, '-l', path.join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-w', 'start']);
}

/** A primary (trust on loopback, for the test only) and a streaming replica made from it with pg_basebackup. */
export async function startPostgresPair(root: string): Promise<{ primary: PgNode; replica: PgNode }> {
  const base = path.join(root, 'pg');
  fs.mkdirSync(base, { recursive: true });
  execFileSync('chown', ['-R', 'postgres:postgres', base]);
  fs.chmodSync(root, 0o755);
  const pDir = path.join(base, 'primary');
  const rDir = path.join(base, 'replica');
  const [pPort, rPort] = [await freePort(), await freePort()];
  asPostgres(`${PG_BIN}/initdb`, ['-D', pDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  fs.appendFileSync(path.join(pDir, 'pg_hba.conf'), 'host replication postgres 127.0.0.1/32 trust\n');
  startPg(pDir, pPort);
  asPostgres(`${PG_BIN}/pg_basebackup`, ['-h', '127.0.0.1', '-p', String(pPort), '-U', 'postgres', '-D', rDir, '-R', '-X', 'stream']);
  startPg(rDir, rPort);
  const primary = pgNode(pDir, pPort);
  const replica = pgNode(rDir, rPort);
  await waitFor('the replica streaming', () => primary.psql("select count(*) from pg_stat_replication where state = 'streaming'") === '1', 30_000);
  return { primary, replica };
}

export interface AppInstance {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function startInstance(env: Record<string, string>, port: number): Promise<AppInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/server.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out = (out + d).slice(-20_000)));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out = (out + d).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`instance on ${port} ready`, async () => {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited:\n${out}`);
    return (await fetch(`${baseUrl}/readyz`)).status === 200;
  }, 90_000).catch((e) => {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${out}`);
  });
  return {
    port,
    baseUrl,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * HAProxy in front of the instances with the deployment's own configuration (docs/ops/haproxy.cfg):
 * only its bind address and server addresses are replaced by loopback ports.
 */
export async function startHaproxy(root: string, backends: number[]): Promise<{ port: number; stop(): void; output(): string }> {
  const port = await freePort();
  const cfg = path.join(root, 'haproxy.cfg');
  const recipe = fs.readFileSync(path.join(REPO_ROOT, 'docs/ops/haproxy.cfg'), 'utf8').split('\n');
  assert.ok(recipe.some((l) => l.trim() === 'bind :80') && recipe.some((l) => /^\s*server app\d+ /.test(l)), 'docs/ops/haproxy.cfg binds :80 and names its servers');
  const lines = recipe
    .filter((l) => !/^\s*server app\d+ /.test(l))
    .map((l) => (l.trim() === 'bind :80' ? `  bind 127.0.0.1:${port}` : l));
  // The backend is the last section: the instances go at its end.
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  lines.push(...backends.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check`), '');
  fs.writeFileSync(cfg, lines.join('\n'));
  execFileSync('/usr/sbin/haproxy', ['-c', '-f', cfg], { stdio: 'pipe' });
  const child = spawn('/usr/sbin/haproxy', ['-db', '-f', cfg], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out = (out + d).slice(-10_000)));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out = (out + d).slice(-10_000)));
  await waitFor('haproxy', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200, 20_000);
  return { port, stop: () => void child.kill('SIGTERM'), output: () => out };
}

export function makeRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'jmk-cluster-'));
}
