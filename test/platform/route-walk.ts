import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/app.js';
import type { Role } from '../../src/platform/auth/schema.js';
import { createSession } from '../../src/platform/auth/sessions.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeToken, makeUser } from '../helpers/fixtures.js';
import type { Installation } from '../../src/platform/module/installation.js';
import type { Access } from './route-access.js';
import { makeWalkPrograms, REQUEST_EXTRAS, RouteSeeds, SLUGS, unseedableParams } from './route-seeds.js';

interface Caller {
  name: string;
  role: Role | null;
  /** Program the caller belongs to: 'A' (the one the routes name) or 'B'. */
  program: 'A' | 'B' | null;
  userId?: number;
  cookie?: string;
  csrf?: string;
  token?: string;
}

/** The statuses that mean "refused" for this caller on a route of this access class, or null if allowed. */
function expected(access: Access, caller: Caller, api: boolean, method: string): number[] | null {
  // An anonymous form post has no CSRF token to echo, so it may be refused before the sign-in check.
  const anonymous = api ? [401] : method === 'GET' ? [303] : [303, 403];
  if (access === 'public') return null;
  if (!caller.role) return anonymous;
  if (access === 'session') return null;
  const staff = caller.role !== 'business';
  if (access === 'staff') return staff ? null : [403];
  if (access === 'audit') return caller.role === 'admin' || caller.role === 'city' ? null : [403];
  if (access === 'installation-admin') return caller.role === 'admin' && caller.program === null ? null : [403];
  const roles = access.slice('program-staff:'.length).split(',');
  // The installation admin acts in every program. A class that does not name admin says nothing
  // about it (modules differ: the business portal refuses admins, events admits them): not checked.
  if (caller.role === 'admin' && caller.program === null) return null;
  if (!roles.includes(caller.role)) return [403, 404];
  return caller.program === 'A' ? null : [404];
}


export interface WalkOptions {
  /** The installation whose app is walked; its manifests' `routeAccess` is the expectation. */
  modules: Installation;
  /** Only the routes this admits are called (all are still checked for a declared class). */
  only?: (key: string) => boolean;
  /** Lower bounds that keep a full walk honest (a walk that calls nothing passes nothing). */
  minRefusals: number;
  minOnRecords: number;
  minAllowed: number;
  /** Lower bound of (route, id parameter) pairs tried with impossible ids (0 when the routes name no record by id). */
  minIdParams?: number;
}

/** Ids no record can have: beyond an `integer` column, far beyond, not digits, zero. */
const IMPOSSIBLE_IDS = ['2147483648', '99999999999', 'abc', '0'];
/**
 * A query a careless client or a prober might send any list: a page and ids past every column,
 * dates and months that are no dates, bytes that are not UTF-8. Each route reads what it knows.
 */
/** app.ts's own routes served before the input guard: they read no query, path text or body. */
const BEFORE_GUARD = new Set(['GET /healthz', 'GET /static/:file', 'GET /favicon.ico']);
const JUNK_QUERY = '?page=99999999999999999999&facility=99999999999&id=2147483648&targetId=99999999999&from=2026-13-45&to=x&month=9999-99&status=%E0&q=%FF&kind=%C0%AF&lang=zz&assignee=-1&next=%2F%2Fevil.example';

/**
 * The route walk: every registered route has a declared access class, and calling it as every
 * role proves the class, on real records of program A. Used for the installation
 * (route-permissions.test.ts) and for a module added in a test (module-kit.test.ts).
 */
export function describeRouteWalk(title: string, opts: WalkOptions): void {
describe(title, () => {
  const ROUTE_ACCESS = opts.modules.routeAccess;
  const only = opts.only ?? (() => true);
  /** The program a route's `:slug` names: the event program for routes of modules serving events. */
  const eventRoutes = new Set(opts.modules.modules.filter((m) => m.home?.some((h) => h.kind === 'event') || m.tools?.some((t) => t.kinds.includes('event') && !t.kinds.includes('campaign'))).flatMap((m) => Object.keys(m.routeAccess ?? {})));
  const slugFor = (key: string) => (eventRoutes.has(key) ? SLUGS.eventA : SLUGS.campaignA);
  let env: TestEnv;
  let seeds: RouteSeeds;
  const callers: Caller[] = [{ name: 'anonymous', role: null, program: null }];
  before(async () => {
    env = await createTestEnv({}, { modules: opts.modules });
    const p = await makeWalkPrograms(env.deps);
    const people: Array<[Role, 'A' | 'B' | null]> = [
      ['admin', null],
      ['operator', 'A'],
      ['operator', 'B'],
      ['agent', 'A'],
      ['city', 'A'],
      ['city', 'B'],
      ['business', 'A'],
      ['business', 'B'],
    ];
    let businessA = 0;
    for (const [role, program] of people) {
      const email = `${role}-${program ?? 'all'}@walk.example`;
      // A caller of A (or B) holds its role in both the campaign and the event program of its side.
      const [campaign, event] = program === 'A' ? [p.campaignA, p.eventA] : program === 'B' ? [p.campaignB, p.eventB] : [null, null];
      const user = await makeUser(env.deps, email, role, campaign?.id ?? null);
      if (event) await makeUser(env.deps, email, role, event.id);
      if (role === 'business' && program === 'A') businessA = user.id;
      // Sessions are made directly, with the second factor done, so the walk tests roles, not sign-in.
      const { token, session } = await createSession(env.deps.db, user.id, env.clock.now(), { ip: null, mfaVerified: true });
      callers.push({ name: `${role}@${program ?? 'all'}`, role, program, userId: user.id, cookie: `jmk_session=${token}`, csrf: session.csrfToken, token: await makeToken(env.deps, user.id) });
    }
    seeds = new RouteSeeds(env.deps, p, businessA);
  });
  after(() => env.close());

  /**
   * A caller the route's class admits, with a fresh session (so an earlier call cannot decide the
   * answer): anonymous on public routes; otherwise the installation admin where the class
   * admits it, else the first role of program A it names.
   */
  async function admitted(access: Access, api: boolean, method: string): Promise<Caller | undefined> {
    const caller = callers.find((c) => {
      if (access === 'public') return !c.role;
      if (!c.role || expected(access, c, api, method)) return false;
      return !(c.role === 'admin' && access.startsWith('program-staff:') && !access.split(/[:,]/).includes('admin'));
    });
    if (!caller?.userId) return caller;
    const { token, session } = await createSession(env.deps.db, caller.userId, env.clock.now(), { ip: null, mfaVerified: true });
    return { ...caller, cookie: `jmk_session=${token}`, csrf: session.csrfToken };
  }

  function routeList() {
    const app = createApp(env.deps);
    return { app, routes: [...new Map(app.routes.filter((r) => r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r])).values()] };
  }

  async function call(app: ReturnType<typeof createApp>, method: string, path: string, caller: Caller, form: Record<string, string> = {}) {
    const api = path.startsWith('/api/');
    const headers: Record<string, string> = {};
    if (api && caller.token) headers.authorization = `Bearer ${caller.token}`;
    if (!api && caller.cookie) headers.cookie = caller.cookie;
    let body: BodyInit | undefined;
    if (method !== 'GET') {
      if (api) {
        headers['content-type'] = 'application/json';
        body = '{}';
      } else {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        // A valid CSRF token, so a refusal comes from the permission check and not from CSRF.
        body = new URLSearchParams({ ...form, _csrf: caller.csrf ?? '' });
      }
    }
    return app.request(path, { method, headers, body, redirect: 'manual' });
  }

  test('every registered route has a declared access class', () => {
    const { routes } = routeList();
    const missing = [...new Set(routes.map((r) => `${r.method} ${r.path}`))].filter((k) => !(k in ROUTE_ACCESS));
    assert.deepEqual(missing, [], "add these routes to their module's route-access.ts (manifest routeAccess) with their access class");
  });

  test('every route parameter can be seeded with a real record', () => {
    const { routes } = routeList();
    const unseeded = routes.flatMap((r) => unseedableParams(r.path).map((p) => `${r.method} ${r.path} (:${p})`));
    assert.deepEqual(unseeded, [], 'add a seeder for these parameters to test/platform/route-seeds.ts');
  });

  test('each route refuses each role its class excludes (other program: 404, business on staff routes: 403)', async () => {
    const { app, routes } = routeList();
    const failures: string[] = [];
    let checked = 0;
    let onRecords = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const access = ROUTE_ACCESS[key];
      if (!access || !only(key) || unseedableParams(route.path).length) continue;
      const path = await seeds.path(route.path, slugFor(key));
      const api = path.startsWith('/api/');
      for (const caller of callers) {
        const refuse = expected(access, caller, api, route.method);
        if (!refuse) continue;
        const res = await call(app, route.method, path, caller);
        checked++;
        if (/:(?!slug\b)\w+/.test(route.path) && caller.program === 'B') onRecords++;
        if (!refuse.includes(res.status)) failures.push(`${route.method} ${path} as ${caller.name}: got ${res.status}, expected ${refuse.join(' or ')}`);
        if (res.status === 303 && !api && !/^\/login/.test(res.headers.get('location') ?? '')) failures.push(`${route.method} ${path} as ${caller.name}: redirected to ${res.headers.get('location')}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked >= opts.minRefusals, `checked ${checked} route/role pairs`);
    assert.ok(onRecords >= opts.minOnRecords, `program-B callers tried ${onRecords} routes on real records of A`);
  });

  test('each role its class allows gets past the permission check (not 401/403/404) on real records', async () => {
    const { app, routes } = routeList();
    const failures: string[] = [];
    let checked = 0;
    // Reads first on shared records; then writes, each on fresh records and with a fresh session,
    // so one call's change (a deletion, a cancelled registration, a rotated session) cannot
    // decide the next one's answer.
    const ordered = [...routes.filter((r) => r.method === 'GET'), ...routes.filter((r) => r.method !== 'GET')];
    for (const route of ordered) {
      const key = `${route.method} ${route.path}`;
      const access = ROUTE_ACCESS[key];
      // Account pages (class session) answer wrong input with 401 or a redirect to /mfa by design;
      // their own tests cover them.
      if (!access || !only(key) || access === 'public' || access === 'session' || unseedableParams(route.path).length) continue;
      const extra = REQUEST_EXTRAS[key] ?? {};
      for (const caller of callers) {
        if (!caller.role || expected(access, caller, route.path.startsWith('/api/'), route.method)) continue;
        if (caller.role === 'admin' && access.startsWith('program-staff:') && !access.split(/[:,]/).includes('admin')) continue;
        const write = route.method !== 'GET';
        const path = (await seeds.path(route.path, slugFor(key), write)) + (extra.query ?? '');
        let who = caller;
        if (write) {
          const { token, session } = await createSession(env.deps.db, caller.userId!, env.clock.now(), { ip: null, mfaVerified: true });
          who = { ...caller, cookie: `jmk_session=${token}`, csrf: session.csrfToken };
        }
        const res = await call(app, route.method, path, who, await seeds.form(extra.form));
        checked++;
        const toLogin = res.status === 303 && /^\/(login|mfa)/.test(res.headers.get('location') ?? '');
        if ([401, 403, 404].includes(res.status) || toLogin || res.status >= 500) failures.push(`${route.method} ${path} as ${caller.name}: got ${res.status}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked >= opts.minAllowed, `checked ${checked} route/role pairs`);
  });

  test('every id parameter answers 404 for an id no record can have (beyond 2^31-1, not digits, 0), as a caller the route admits', async () => {
    const { app, routes } = routeList();
    const failures: string[] = [];
    let tried = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const access = ROUTE_ACCESS[key];
      if (!access || !only(key) || unseedableParams(route.path).length) continue;
      for (const param of await seeds.idParams(route.path, slugFor(key))) {
        tried++;
        for (const bad of IMPOSSIBLE_IDS) {
          const path = await seeds.path(route.path, slugFor(key), false, { [param]: bad });
          const caller = await admitted(access, path.startsWith('/api/'), route.method);
          if (!caller) continue;
          const res = await call(app, route.method, path, caller);
          if (res.status !== 404) failures.push(`${route.method} ${path} (:${param}) as ${caller.name}: got ${res.status}`);
        }
      }
    }
    assert.deepEqual(failures, [], 'read the id with idParam(c, name) (src/platform/http/params.ts)');
    assert.ok(tried >= (opts.minIdParams ?? 0), `tried ${tried} id parameters`);
  });

  test('no GET route answers 500 to bad query input: a control character is 400, a junk query is a 4xx or the page', async () => {
    const { app, routes } = routeList();
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const access = ROUTE_ACCESS[key];
      if (route.method !== 'GET' || !access || !only(key) || unseedableParams(route.path).length) continue;
      const path = await seeds.path(route.path, slugFor(key));
      const caller = await admitted(access, path.startsWith('/api/'), route.method);
      if (!caller) continue;
      checked++;
      const nul = await call(app, 'GET', `${path}?x=%00`, caller);
      if (nul.status !== 400 && !BEFORE_GUARD.has(key)) failures.push(`GET ${path}?x=%00 as ${caller.name}: got ${nul.status}`);
      const junk = await call(app, 'GET', path + JUNK_QUERY, caller);
      if (junk.status >= 500) failures.push(`GET ${path}${JUNK_QUERY} as ${caller.name}: got ${junk.status}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(checked > 0 || !routes.some((r) => r.method === 'GET' && only(`GET ${r.path}`)), 'no GET route was called');
  });
});
}
