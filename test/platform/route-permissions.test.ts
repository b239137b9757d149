import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/app.js';
import type { Role } from '../../src/platform/auth/schema.js';
import { createSession } from '../../src/platform/auth/sessions.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeProgram, makeToken, makeUser } from '../helpers/fixtures.js';
import { ROUTE_ACCESS, type Access } from './route-access.js';

interface Caller {
  name: string;
  role: Role | null;
  /** Program the caller belongs to: 'A' (the one the routes name) or 'B'. */
  program: 'A' | 'B' | null;
  cookie?: string;
  csrf?: string;
  token?: string;
}

const PARAMS: Record<string, string> = { slug: 'walk-a', file: 'app.css' };

function concretePath(path: string): string {
  return path
    .replace(/:(\w+)\{[^}]*\}/g, (_, name: string) => PARAMS[name] ?? '1')
    .replace(/:(\w+)/g, (_, name: string) => PARAMS[name] ?? '1');
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
  if (caller.role === 'admin' && caller.program === null) return null;
  if (!roles.includes(caller.role)) return [403, 404];
  return caller.program === 'A' ? null : [404];
}

describe('every route refuses the roles it must refuse', () => {
  let env: TestEnv;
  const callers: Caller[] = [{ name: 'anonymous', role: null, program: null }];
  before(async () => {
    env = await createTestEnv();
    const a = await makeProgram(env.deps, 'walk-a');
    const b = await makeProgram(env.deps, 'walk-b');
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
    for (const [role, program] of people) {
      const user = await makeUser(env.deps, `${role}-${program ?? 'all'}@walk.example`, role, program === 'A' ? a.id : program === 'B' ? b.id : null);
      // Sessions are made directly, with the second factor done, so the walk tests roles, not sign-in.
      const { token, session } = await createSession(env.deps.db, user.id, env.clock.now(), { ip: null, mfaVerified: true });
      callers.push({ name: `${role}@${program ?? 'all'}`, role, program, cookie: `jmk_session=${token}`, csrf: session.csrfToken, token: await makeToken(env.deps, user.id) });
    }
  });
  after(() => env.close());

  test('every registered route has a declared access class', () => {
    const app = createApp(env.deps);
    const missing = [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].filter((k) => !(k in ROUTE_ACCESS));
    assert.deepEqual(missing, [], 'add these routes to test/platform/route-access.ts with their access class');
  });

  test('each route answers each role as its class says (pages with a session, APIs with a token)', async () => {
    const app = createApp(env.deps);
    const routes = [...new Map(app.routes.filter((r) => r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r])).values()];
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const access = ROUTE_ACCESS[`${route.method} ${route.path}`];
      if (!access) continue;
      const path = concretePath(route.path);
      const api = path.startsWith('/api/');
      for (const caller of callers) {
        const refuse = expected(access, caller, api, route.method);
        if (!refuse) continue;
        const headers: Record<string, string> = {};
        if (api && caller.token) headers.authorization = `Bearer ${caller.token}`;
        if (!api && caller.cookie) headers.cookie = caller.cookie;
        let body: BodyInit | undefined;
        if (route.method !== 'GET') {
          if (api) {
            headers['content-type'] = 'application/json';
            body = '{}';
          } else {
            headers['content-type'] = 'application/x-www-form-urlencoded';
            // A valid CSRF token, so a refusal comes from the permission check and not from CSRF.
            body = new URLSearchParams({ _csrf: caller.csrf ?? '' });
          }
        }
        const res = await app.request(path, { method: route.method, headers, body, redirect: 'manual' });
        checked++;
        if (!refuse.includes(res.status)) failures.push(`${route.method} ${path} as ${caller.name}: got ${res.status}, expected ${refuse.join(' or ')}`);
        if (res.status === 303 && !api) assert.match(res.headers.get('location') ?? '', /^\/login/);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked > 50, `checked ${checked} route/role pairs`);
  });
});
