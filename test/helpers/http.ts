import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { createApp } from '../../src/app.js';
import { createHttpServer, type HttpServer } from '../../src/platform/http/http-server.js';
import type { AppEnv } from '../../src/platform/http/env.js';
import type { Deps } from '../../src/platform/deps.js';
import { TEST_PASSWORD } from './fixtures.js';

/**
 * Calls the app in-process like a browser: keeps cookies, and fills in the CSRF token of the last
 * page it saw when a form is posted.
 */
export class TestBrowser {
  readonly app: Hono<AppEnv>;
  cookies = new Map<string, string>();
  lastHtml = '';

  constructor(deps: Deps, app?: Hono<AppEnv>) {
    this.app = app ?? createApp(deps);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(res: Response): void {
    for (const sc of res.headers.getSetCookie()) {
      const [pair, ...attrs] = sc.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    const res = await this.app.request(path, { ...init, headers, redirect: 'manual' });
    this.keepCookies(res);
    return res;
  }

  async get(path: string): Promise<Response> {
    const res = await this.request(path);
    if ((res.headers.get('content-type') ?? '').includes('text/html')) this.lastHtml = await res.clone().text();
    return res;
  }

  csrf(): string {
    return /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1] ?? '';
  }

  /** The one-time submission key of the first POST form on the last page (`_once`). */
  once(): string {
    return /name="_once" value="([^"]+)"/.exec(this.lastHtml)?.[1] ?? '';
  }

  /** Posts a urlencoded form with the CSRF token from the last page (unless `_csrf` is given). */
  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams({ _csrf: this.csrf(), ...fields });
    const res = await this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    if ((res.headers.get('content-type') ?? '').includes('text/html')) this.lastHtml = await res.clone().text();
    return res;
  }

  /** Signs in with a password through the login form. */
  async login(email: string, password: string): Promise<Response> {
    await this.get('/login');
    return this.post('/login', { email, password });
  }
}

export async function apiRequest(app: Hono<AppEnv>, method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  return app.request(path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
}

/**
 * One signed-in browser per e-mail address (password TEST_PASSWORD), all calling the same app
 * instance, in the order given.
 */
export async function signedInBrowsers(deps: Deps, emails: string[]): Promise<TestBrowser[]> {
  const app = createApp(deps);
  const browsers: TestBrowser[] = [];
  for (const email of emails) {
    const b = new TestBrowser(deps, app);
    await b.login(email, TEST_PASSWORD);
    browsers.push(b);
  }
  return browsers;
}

/** The app behind a real node:http server, built as src/server.ts builds it, on a free loopback port. */
export async function startAppServer(deps: Deps): Promise<{ server: HttpServer; port: number; close(): Promise<void> }> {
  const server = createHttpServer(createApp(deps), deps);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}
