/**
 * End-to-end harness: starts the real server as a child process (as `npm start` does) on a fresh
 * DATA_DIR and a free port, and drives Debian's Chromium through playwright-core, with axe checks.
 * Never downloads a browser: Chromium must be at /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ENV_VARIABLES } from '../../src/config/index.js';

/** The repository root (where package.json is). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Every environment variable the product reads: none leaks from the test runner's environment. */
const PRODUCT_ENV = ENV_VARIABLES;

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

export interface RunningServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** The environment the server was started with (for running the CLI against the same DATA_DIR). */
  env: NodeJS.ProcessEnv;
  /** Milliseconds from spawn until /healthz answered 200. */
  startupMs: number;
  /** Time of spawn (Date.now()). */
  spawnedAt: number;
  stdout(): string;
  stderr(): string;
  demoLogins(): DemoLogin[];
  /** SIGTERM, wait for the exit and assert exit code 0. */
  stop(): Promise<void>;
  /** SIGKILL (for cleanup after a failure); resolves when the process has gone. */
  kill(): Promise<void>;
  /** Removes DATA_DIR unless it was given by the caller (after stop/kill). */
  cleanup(): void;
}

export interface StartServerOptions {
  /** Extra environment (wins over the defaults); DATABASE_URL only when given here. */
  env?: Record<string, string>;
  /** Extra arguments for src/server.ts (e.g. `--no-demo`). */
  args?: string[];
  /** Reuse this DATA_DIR (e.g. for a restart); otherwise a fresh temporary one is made. */
  dataDir?: string;
  /**
   * Start through `npm start` instead of `node --import tsx src/server.ts`. `stop()` then signals
   * the server by its pid file, so its exit code is checked on the embedded database only.
   */
  viaNpm?: boolean;
  /** How long to wait for /healthz (ms). */
  timeoutMs?: number;
}

/** A TCP port nobody is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function makeTempDir(prefix = 'jmk-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The environment for a child process of the product: the runner's, minus every product variable. */
export function productEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of PRODUCT_ENV) delete env[k];
  return { ...env, ...extra };
}

/** Parses the demo logins the server prints on its first start on an empty embedded database. */
export function parseDemoLogins(stdout: string): DemoLogin[] {
  const re = /^\s+(admin|operator|agent|city|business)\s+(\S+@\S+)\s+(\S+)\s*$/gm;
  return [...stdout.matchAll(re)].map((m) => ({ role: m[1]!, email: m[2]!, password: m[3]! }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // Could not be spawned at all (no 'exit' follows).
    child.once('error', () => resolve({ code: child.exitCode ?? 127, signal: null }));
  });
}

export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const ownDataDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? makeTempDir();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = productEnv({
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: baseUrl,
    LOG_LEVEL: 'warn',
    ...opts.env,
  });
  const args = opts.args ?? [];
  const spawnedAt = Date.now();
  const child = opts.viaNpm
    ? // Its own process group, so that a kill reaches npm, its shell and the server alike.
      spawn('npm', ['start', '--silent', ...(args.length ? ['--', ...args] : [])], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    : spawn(process.execPath, ['--import', 'tsx', 'src/server.ts', ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  child.on('error', (e) => (err += `\n[spawn error] ${e.message}\n`));
  const exited = waitForExit(child);

  const running = () => child.exitCode === null && child.signalCode === null;
  const signal = (sig: NodeJS.Signals) => {
    if (opts.viaNpm && child.pid) {
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* group gone */
      }
    } else if (running()) child.kill(sig);
  };
  const kill = async () => {
    signal('SIGKILL');
    await exited;
  };
  const cleanup = () => {
    if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const describeOutput = () => `--- stdout ---\n${out}\n--- stderr ---\n${err}`;

  const deadline = spawnedAt + (opts.timeoutMs ?? 30_000);
  let startupMs = -1;
  let gone: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  void exited.then((r) => (gone = r));
  while (Date.now() < deadline) {
    if (gone) break;
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) {
        startupMs = Date.now() - spawnedAt;
        break;
      }
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  if (startupMs < 0) {
    await kill();
    cleanup();
    const why = gone ? `exited early (code ${(gone as { code: number | null }).code})` : 'did not answer /healthz within the timeout';
    throw new Error(`server ${why}\n${describeOutput()}`);
  }

  return {
    baseUrl,
    port,
    dataDir,
    env,
    startupMs,
    spawnedAt,
    stdout: () => out,
    stderr: () => err,
    demoLogins: () => parseDemoLogins(out),
    async stop() {
      if (running()) {
        // Through npm, the server itself gets the signal (npm would die of it and hide the server's
        // exit code): it is the process named in DATA_DIR/jimukyoku.pid on the embedded database.
        let serverPid = 0;
        if (opts.viaNpm) {
          try {
            serverPid = Number(fs.readFileSync(path.join(dataDir, 'jimukyoku.pid'), 'utf8').trim());
          } catch {
            /* PostgreSQL: no pid file */
          }
        }
        if (serverPid > 0) process.kill(serverPid, 'SIGTERM');
        else signal('SIGTERM');
      }
      const timer = setTimeout(() => signal('SIGKILL'), 30_000);
      const r = await exited;
      clearTimeout(timer);
      assert.equal(r.code, 0, `server did not exit cleanly after SIGTERM (code ${r.code}, signal ${r.signal})\n${describeOutput()}`);
    },
    kill,
    cleanup,
  };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/jimukyoku.js ...args` from the repository root with the given environment. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/jimukyoku.js', ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * For a context with JavaScript disabled, a sibling context where axe can run: axe needs timers,
 * and Chromium runs none on a page whose scripts are disabled (axe then never answers). The sibling
 * has JavaScript on but aborts every script a page would load; axe runs there on a copy of the
 * JavaScript-less page's document (its serialized DOM, served for the same URL), so it checks
 * exactly what a browser without JavaScript shows, including a page that answered a POST.
 */
const scriptlessTwin = new WeakMap<BrowserContext, BrowserContext>();

export async function launchBrowser(opts: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<BrowserSession> {
  const { javaScriptEnabled = true, viewport = { width: 1280, height: 900 } } = opts;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled, viewport });
    if (!javaScriptEnabled) {
      const twin = await browser.newContext({ javaScriptEnabled: true, viewport });
      // A route can be cut short when its page closes; that is no failure of the page under test.
      await twin.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()).catch(() => undefined));
      scriptlessTwin.set(context, twin);
    }
    return {
      browser,
      context,
      newPage: () => context.newPage(),
      async close() {
        await browser.close();
      },
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA) on the page and fails with a readable list of violations.
 * Legacy mode runs axe inside the page itself (the default mode finishes in a new blank page; our
 * pages have no iframes, the only thing legacy mode gives up). For a page of a JavaScript-disabled
 * context, see `scriptlessTwin`.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const twin = scriptlessTwin.get(page.context());
  let target = page;
  if (twin) {
    const url = page.url().split('#')[0]!;
    const html = await page.content();
    target = await twin.newPage();
    await target.route(
      (u) => u.href === url,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }).catch(() => undefined),
      { times: 1 },
    );
    await target.goto(url);
  }
  try {
    const results = await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
    if (results.violations.length === 0) return;
    const lines = results.violations.map((v) => {
      const targets = v.nodes
        .slice(0, 3)
        .map((n) => n.target.map(String).join(' '))
        .join(' | ');
      return `  - ${v.id} [${v.impact ?? 'n/a'}] ${v.help} (${v.nodes.length} node(s)): ${targets}`;
    });
    assert.fail(`axe found ${results.violations.length} violation(s) on ${label} (${page.url()}):\n${lines.join('\n')}`);
  } finally {
    if (target !== page) await target.close();
  }
}

/** Nothing sticks out sideways: the page needs no horizontal scrolling at the current viewport. */
export async function expectNoHorizontalScroll(page: Page, label = page.url()): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${label}: horizontal scroll at ${innerWidth}px (scrollWidth ${scrollWidth})`);
}

/**
 * After a suite: closes the browsers, stops the server gracefully (asserting a clean exit), and
 * in any case kills it and removes its data directory.
 */
export async function tearDown(server: RunningServer | undefined, ...sessions: Array<BrowserSession | undefined>): Promise<void> {
  for (const s of sessions) await s?.close().catch(() => undefined);
  if (!server) return;
  try {
    await server.stop();
  } finally {
    await server.kill();
    server.cleanup();
  }
}

/** Signs in on the login page with e-mail and password, and waits to leave it. */
export async function signIn(page: Page, server: RunningServer, login: { email: string; password: string }): Promise<void> {
  await page.goto(server.baseUrl + '/login');
  await page.getByLabel('メールアドレス').fill(login.email);
  await page.getByLabel('パスワード').fill(login.password);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.getByRole('button', { name: 'ログインする' }).click()]);
}
