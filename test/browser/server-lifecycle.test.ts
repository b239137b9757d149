/**
 * The server as an operator runs it: `npm start` on an empty DATA_DIR serves the demo (how fast is
 * measured by `npm run bench:startup`, not asserted here: a loaded machine must not fail the build);
 * data written through the CLI (which talks to the running server over its control socket) survives
 * SIGTERM and a restart, and the demo is not seeded twice; on PostgreSQL (when DATABASE_URL is set)
 * nothing is seeded and data survives a restart; the CLI's exit codes.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { makeTempDir, productEnv, REPO_ROOT, runCli, startServer, type CliResult, type RunningServer } from './harness.js';

/** Only a guard against a hang; the startup figure itself is bench/startup.ts's. */
const HANG_GUARD_MS = 90_000;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Servers and directories to clean up whatever happens. */
const running = new Set<RunningServer>();
const tempDirs: string[] = [];
const cleanups: Array<() => Promise<void>> = [];

async function start(opts: Parameters<typeof startServer>[0]): Promise<RunningServer> {
  const s = await startServer({ timeoutMs: HANG_GUARD_MS, ...opts });
  running.add(s);
  return s;
}

async function stop(s: RunningServer): Promise<void> {
  try {
    await s.stop();
  } finally {
    running.delete(s);
  }
}

async function getStatus(url: string): Promise<number> {
  const res = await fetch(url, { redirect: 'manual' });
  await res.arrayBuffer();
  return res.status;
}

function expectCli(r: CliResult, code: number, what: string): void {
  assert.equal(r.code, code, `${what}: exit code ${r.code}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
}

/** The CLI run from another directory than the server's (the repository root). */
function runCliIn(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/jimukyoku.js'), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

function programSlugs(r: CliResult): string[] {
  const list = JSON.parse(r.stdout) as Array<{ slug: string }>;
  return list.map((p) => p.slug).sort();
}

describe('server lifecycle', () => {
  let dataDir = '';
  let first: RunningServer | undefined;

  after(async () => {
    for (const s of running) {
      await s.kill().catch(() => undefined);
      s.cleanup();
    }
    for (const fn of cleanups.reverse()) await fn().catch((e) => console.error('cleanup failed:', e));
    for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  test('npm start on an empty DATA_DIR serves the demo and prints the demo logins', async () => {
    dataDir = makeTempDir();
    tempDirs.push(dataDir);
    first = await start({ viaNpm: true, dataDir });
    const toHealthz = first.startupMs;
    const demo = await fetch(`${first.baseUrl}/demo-stay`);
    const html = await demo.text();
    const toDemo = Date.now() - first.spawnedAt;
    console.log(`startup to /healthz: ${toHealthz} ms; startup to demo: ${toDemo} ms`);
    assert.equal(demo.status, 200);
    assert.ok(html.includes('仙台市宿泊促進キャンペーン'), 'the demo campaign page');

    const health = await fetch(`${first.baseUrl}/healthz`);
    const body = (await health.json()) as Record<string, unknown>;
    assert.equal(health.status, 200);
    assert.equal(body.status, 'ok');
    assert.equal(body.database, 'embedded');
    assert.equal(typeof body.version, 'string');
    assert.ok((body.version as string).length > 0);
    assert.equal(first.demoLogins().length, 5, `demo logins printed:\n${first.stdout()}`);
  });

  test('CLI: --help, an unknown command, an invalid program', async () => {
    // Through the running server's control socket when it runs; on a throwaway DATA_DIR otherwise.
    const env = first ? first.env : productEnv({ DATA_DIR: makeTempDir() });
    if (!first) tempDirs.push(env.DATA_DIR!);
    const help = await runCli(['--help'], env);
    expectCli(help, 0, '--help');
    assert.match(help.stdout, /^\s+migrate\s/m, 'help lists migrate');
    assert.match(help.stdout, /^\s+program create\s/m, 'help lists program create');

    const unknown = await runCli(['frobnicate', '--now'], env);
    expectCli(unknown, 2, 'unknown command');
    assert.match(unknown.stderr, /unknown command/);

    const bogus = await runCli(['program', 'create', '--kind', 'bogus', '--slug', 'x1', '--name', 'y'], env);
    expectCli(bogus, 1, 'program create --kind bogus');
    assert.match(bogus.stderr, JAPANESE, `a Japanese message on stderr: ${bogus.stderr}`);
    assert.match(bogus.stderr, /kind/);
  });

  test('backup --out with a relative path, while the server runs, lands in the caller\'s directory and restores', async () => {
    assert.ok(first, 'the first server is running');
    const callerDir = makeTempDir();
    tempDirs.push(callerDir);
    const name = `lifecycle-backup-${process.pid}.tar.gz`;
    const backup = await runCliIn(callerDir, ['backup', '--out', name], first.env);
    expectCli(backup, 0, 'backup through the running server');
    const file = path.join(callerDir, name);
    assert.ok(fs.existsSync(file), `the backup is in the caller's directory: ${backup.stdout}`);
    assert.ok(!fs.existsSync(path.join(REPO_ROOT, name)), "nothing was written in the server's directory");
    assert.equal((fs.statSync(file).mode & 0o777).toString(8), '600');
    assert.deepEqual([...fs.readFileSync(file).subarray(0, 2)], [0x1f, 0x8b], 'gzip');

    // The backup is a working database: restore it into a fresh DATA_DIR and read the programs.
    const restoredDir = makeTempDir();
    tempDirs.push(restoredDir);
    const restoreEnv = productEnv({ DATA_DIR: restoredDir, LOG_LEVEL: 'warn' });
    expectCli(await runCliIn(callerDir, ['restore', '--from', name], restoreEnv), 0, 'restore from the relative path');
    const list = await runCli(['program', 'list', '--json'], restoreEnv);
    expectCli(list, 0, 'program list on the restored database');
    assert.deepEqual(programSlugs(list), ['demo-koryukai', 'demo-stay']);
  });

  test('a program created with the CLI survives SIGTERM and a restart; the demo is not seeded twice', async () => {
    assert.ok(first, 'the first server is running');
    const created = await runCli(['program', 'create', '--kind', 'event', '--slug', 'persist-test', '--name', '永続化テスト'], first.env);
    expectCli(created, 0, 'program create (through the running server)');
    assert.match(created.stdout, /persist-test/);
    assert.equal(await getStatus(`${first.baseUrl}/persist-test`), 200);

    await stop(first); // asserts exit code 0
    const again = await start({ dataDir });
    try {
      assert.equal(await getStatus(`${again.baseUrl}/persist-test`), 200, 'the program is still there');
      assert.equal(await getStatus(`${again.baseUrl}/demo-stay`), 200, 'the demo is still there');
      assert.equal(again.demoLogins().length, 0, `no demo logins printed on the second start:\n${again.stdout()}`);
      const health = (await (await fetch(`${again.baseUrl}/healthz`)).json()) as { database: string };
      assert.equal(health.database, 'embedded');
    } finally {
      await stop(again);
    }
    // The server has stopped: the CLI opens the embedded database itself.
    const list = await runCli(['program', 'list', '--json'], again.env);
    expectCli(list, 0, 'program list --json');
    assert.deepEqual(programSlugs(list), ['demo-koryukai', 'demo-stay', 'persist-test'], 'exactly three programs');
  });

  test('DRAIN_MS: after SIGTERM /readyz says 503 while requests are still served, then the server exits 0', async () => {
    const s = await start({ dataDir, env: { DRAIN_MS: '4000' } });
    try {
      const ready = await fetch(`${s.baseUrl}/readyz`);
      assert.equal(ready.status, 200, 'ready before the signal');
      assert.equal(((await ready.json()) as { status: string }).status, 'ready');
      const stopping = stop(s); // SIGTERM, then waits for exit code 0
      let draining = 0;
      for (let i = 0; i < 40 && draining === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        draining = await getStatus(`${s.baseUrl}/readyz`).then((st) => (st === 503 ? 1 : 0), () => 0);
      }
      assert.equal(draining, 1, '/readyz answers 503 once the instance drains');
      assert.equal(await getStatus(`${s.baseUrl}/healthz`), 200, '/healthz stays liveness while draining');
      assert.equal(await getStatus(`${s.baseUrl}/demo-stay`), 200, 'pages are still served while draining');
      await stopping;
    } finally {
      if (running.has(s)) await stop(s);
    }
  });

  test('npm start -- --no-demo seeds nothing; JIMUKYOKU_ADMIN_EMAIL/_PASSWORD create the first admin', async () => {
    const email = 'first.admin@example.jp';
    const password = 'a long enough admin passphrase';
    const server = await start({ viaNpm: true, args: ['--no-demo'], env: { JIMUKYOKU_ADMIN_EMAIL: email, JIMUKYOKU_ADMIN_PASSWORD: password } });
    try {
      assert.equal(server.demoLogins().length, 0, `no demo logins printed:\n${server.stdout()}`);
      assert.equal(await getStatus(`${server.baseUrl}/demo-stay`), 404);
      const list = await runCli(['program', 'list', '--json'], server.env);
      expectCli(list, 0, 'program list --json');
      assert.deepEqual(JSON.parse(list.stdout), [], 'nothing seeded');
      assert.ok(!fs.existsSync(path.join(server.dataDir, 'demo-logins.txt')), 'no demo logins file');

      const login = (pw: string) =>
        fetch(`${server.baseUrl}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: pw }) });
      const wrong = await login('not the password at all');
      assert.equal(wrong.status, 401);
      const ok = await login(password);
      const body = (await ok.json()) as { email: string; secondFactor: string };
      assert.equal(ok.status, 200, JSON.stringify(body));
      assert.equal(body.email, email);
      assert.equal(body.secondFactor, 'enrol', 'an admin must enrol TOTP at first login');
    } finally {
      await stop(server);
      server.cleanup();
    }
  });

  test('PostgreSQL: nothing is seeded, and a program created with the CLI survives a restart', { skip: process.env.DATABASE_URL ? false : 'DATABASE_URL is not set' }, async () => {
    const adminUrl = process.env.DATABASE_URL!;
    const dbName = `jmk_e2e_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${dbName}`);
    } finally {
      await admin.end();
    }
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${dbName} with (force)`);
      } finally {
        await c.end();
      }
    });
    const u = new URL(adminUrl);
    u.pathname = '/' + dbName;
    const env = { DATABASE_URL: u.toString(), JIMUKYOKU_MASTER_KEY: crypto.randomBytes(32).toString('base64') };

    const server = await start({ env });
    let cliEnv: NodeJS.ProcessEnv;
    try {
      cliEnv = server.env;
      const health = (await (await fetch(`${server.baseUrl}/healthz`)).json()) as { status: string; database: string };
      assert.deepEqual({ status: health.status, database: health.database }, { status: 'ok', database: 'postgres' });
      assert.equal(server.demoLogins().length, 0, 'no demo on PostgreSQL');

      const empty = await runCli(['program', 'list', '--json'], cliEnv);
      expectCli(empty, 0, 'program list --json');
      assert.deepEqual(JSON.parse(empty.stdout), [], 'nothing seeded');

      const created = await runCli(['program', 'create', '--kind', 'campaign', '--slug', 'pg-persist', '--name', 'PostgreSQL 永続化テスト'], cliEnv);
      expectCli(created, 0, 'program create on PostgreSQL');
      assert.equal(await getStatus(`${server.baseUrl}/pg-persist`), 200);
    } finally {
      await stop(server);
      server.cleanup();
    }

    const again = await start({ env });
    try {
      assert.equal(await getStatus(`${again.baseUrl}/pg-persist`), 200, 'the program is still there');
      assert.equal(await getStatus(`${again.baseUrl}/demo-stay`), 404, 'no demo on PostgreSQL');
      const list = await runCli(['program', 'list', '--json'], again.env);
      expectCli(list, 0, 'program list --json after the restart');
      assert.deepEqual(programSlugs(list), ['pg-persist']);
    } finally {
      await stop(again);
      again.cleanup();
    }
  });
});
