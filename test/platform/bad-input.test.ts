import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../src/app.js';
import { createSession } from '../../src/platform/auth/sessions.js';
import type { AppEnv } from '../../src/platform/http/env.js';
import { makeEvent } from '../../src/modules/events/test-helpers.js';
import { campaignWithFacilities } from '../../src/modules/settlement/test-fixtures.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeToken, makeUser } from '../helpers/fixtures.js';
import { apiRequest } from '../helpers/http.js';

/**
 * Issue #13 item 9: input no database can store (a NUL byte) or no id column can hold (beyond
 * 32 bits) is refused at the edge with a 4xx — a Japanese error page in the back office and on
 * public pages, problem+json on the API — never a 500.
 */
describe('bad input is a 4xx, never a 500', () => {
  let env: TestEnv;
  let app: Hono<AppEnv>;
  let cookie: string;
  let csrf: string;
  let token: string;
  let facilityId: number;
  before(async () => {
    env = await createTestEnv();
    const { facilities } = await campaignWithFacilities(env.deps, 'demo-stay', 1);
    facilityId = facilities[0]!.id;
    await makeEvent(env.deps, 'demo-event');
    const admin = await makeUser(env.deps, 'admin@bad-input.example', 'admin', null);
    const { token: sessionToken, session } = await createSession(env.deps.db, admin.id, env.clock.now(), { ip: null, mfaVerified: true });
    cookie = `jmk_session=${sessionToken}`;
    csrf = session.csrfToken;
    token = await makeToken(env.deps, admin.id);
    app = createApp(env.deps);
  });
  after(() => env.close());

  const get = (path: string) => app.request(path, { headers: { cookie }, redirect: 'manual' });
  const postForm = (path: string, fields: Record<string, string>, withCookie = true) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(withCookie ? { cookie } : {}) },
      body: new URLSearchParams({ _csrf: withCookie ? csrf : '', ...fields }),
      redirect: 'manual',
    });

  async function assertPage400(res: Response, what: string) {
    assert.equal(res.status, 400, `${what}: ${res.status}`);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/, what);
    assert.match(await res.text(), /制御文字/, what);
  }

  async function assertProblem(res: Response, status: number, code: string, what: string) {
    assert.equal(res.status, status, `${what}: ${res.status}`);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, what);
    const body = (await res.json()) as { code: string };
    assert.equal(body.code, code, what);
    return body;
  }

  test('a NUL byte in a query parameter of a back-office page: 400 with a Japanese error page', async () => {
    for (const path of ['/admin/audit?action=%00', '/admin/campaign/demo-stay?ward=%00', '/admin/audit?action%00=x', '/admin/events/demo-event/roster?status=a%00b']) {
      await assertPage400(await get(path), path);
    }
  });

  test('a NUL byte in the e-mail field of the sign-in and password-reset forms: 400, no session, no mail', async () => {
    for (const path of ['/login', '/password/forgot']) {
      // The forms' own anonymous CSRF cookie: fetch the page first.
      const page = await app.request(path);
      const anon = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const cookies = page.headers.getSetCookie().map((s) => s.split(';')[0]).join('; ');
      const res = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
        body: new URLSearchParams({ _csrf: anon, email: 'admin@bad-input.example\u0000', password: 'x' }),
        redirect: 'manual',
      });
      await assertPage400(res, path);
      assert.equal(res.headers.getSetCookie().some((s) => s.startsWith('jmk_session=') && !/max-age=0/i.test(s)), false);
    }
  });

  test('a NUL in a JSON string of an API call (sign-in, a claim): 400 problem+json', async () => {
    const login = await app.request('/api/v1/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a\\u0000@b.example","password":"x"}' });
    await assertProblem(login, 400, 'bad-request', '/api/v1/login');
    const claim = await apiRequest(app, 'POST', '/api/v1/programs/demo-stay/claims', { token, body: { facilityId, bookingRef: 'R\u0000', bookedOn: '2025-05-20', checkIn: '2025-06-01', nights: 1, guests: 1, totalPrice: 10000 } });
    await assertProblem(claim, 400, 'bad-request', 'claim bookingRef');
  });

  test('a NUL in a path segment: 400 (public page, back office and API)', async () => {
    await assertPage400(await app.request('/demo%00stay/facilities'), 'public slug');
    await assertPage400(await get('/admin/campaign/demo%00stay'), 'admin slug');
    await assertProblem(await apiRequest(app, 'GET', '/api/v1/programs/demo%00stay/budget', { token }), 400, 'bad-request', 'api slug');
  });

  test('other C0 controls are refused too; tab, CR and LF pass', async () => {
    await assertPage400(await get('/admin/audit?action=%01'), '%01');
    await assertPage400(await get('/admin/audit?action=%1F'), '%1F');
    for (const ok of ['%09', '%0A', '%0d', '%7F', '%E3%81%82']) assert.equal((await get(`/admin/audit?action=a${ok}b`)).status, 200, ok);
    // A literal "%00" typed into a field arrives encoded as %2500: text, not a control character.
    assert.equal((await get('/admin/audit?action=%2500')).status, 200);
  });

  test('ids beyond 32 bits, zero, negative or not digits: 404, never 500', async () => {
    const paths = [
      '/admin/events/registrations/2147483648',
      '/admin/campaign/applications/2147483648',
      '/admin/site/demo-stay/contents/99999999999',
      '/admin/events/registrations/abc',
      '/admin/campaign/applications/0',
      '/admin/campaign/applications/-1',
      '/admin/campaign/applications/1e3',
      '/admin/mail/99999999999',
      '/demo-stay/facilities/2147483648',
    ];
    for (const path of paths) assert.equal((await get(path)).status, 404, path);
    for (const path of ['/api/v1/claims/2147483648/cancel', '/api/v1/applications/2147483648/decisions']) {
      await assertProblem(await apiRequest(app, 'POST', path, { token, body: {} }), 404, 'not-found', path);
    }
    // The largest id a column holds is looked up (and not found).
    assert.equal((await get('/admin/campaign/applications/2147483647')).status, 404);
  });

  test('an id query filter beyond 32 bits or a page number past any table: the page, not a 500', async () => {
    assert.equal((await get('/admin/settlement/demo-stay/claims?facility=99999999999')).status, 200);
    assert.equal((await get('/admin/audit?page=1e300')).status, 200);
    assert.equal((await get('/admin/mail?page=99999999999999999999')).status, 200);
  });

  test('a claim for facilityId 99999999999 through the API: 422 naming the field', async () => {
    const res = await apiRequest(app, 'POST', '/api/v1/programs/demo-stay/claims', { token, body: { facilityId: 99999999999, bookingRef: 'BIG-1', bookedOn: '2025-05-20', checkIn: '2025-06-01', nights: 1, guests: 1, totalPrice: 10000 } });
    const body = (await assertProblem(res, 422, 'validation-failed', 'facilityId')) as unknown as { errors: Array<{ field: string }> };
    assert.ok(body.errors.some((e) => e.field === 'facilityId'), JSON.stringify(body));
  });

  test('a form value with a NUL in a back-office form post: 400', async () => {
    await assertPage400(await postForm('/admin/campaign/demo-stay/notices', { title: 'お知らせ\u0000', body: '本文' }), 'notice');
  });
});
