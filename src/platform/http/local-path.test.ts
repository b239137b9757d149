import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { makeProgram, makeUser, TEST_PASSWORD } from '../../../test/helpers/fixtures.js';
import { TestBrowser } from '../../../test/helpers/http.js';
import { hasAmbiguousUrlText, isLocalPath } from './local-path.js';
import { safeRedirectTarget } from './respond.js';

/** Forms a browser reads as another host (issue #13 item 10a). */
const ELSEWHERE = ['//evil.example/x', '/\\evil.example/x', '\\\\evil.example', '/%5cevil.example/x', '/%5Cevil.example', '/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/%09/evil.example', '/%2f/evil.example', '/%2Fevil.example', '/a\\b', '/\u0000x'];

test('isLocalPath: a path on this site, never a form a browser reads as another host', () => {
  for (const ok of ['/', '/demo-stay/faq', '/admin/audit?action=a%2Fb&q=%E3%81%82#top', '/en/demo-stay']) assert.equal(isLocalPath(ok), true, ok);
  for (const bad of [...ELSEWHERE, 'faq', 'https://evil.example/', '']) assert.equal(isLocalPath(bad), false, JSON.stringify(bad));
  assert.equal(hasAmbiguousUrlText('https://example.jp/a?b=1'), false);
  assert.equal(hasAmbiguousUrlText('https://good.example\\@evil.example/'), true);
});

test('safeRedirectTarget follows only such paths', () => {
  assert.equal(safeRedirectTarget('/admin/audit?page=2', '/admin'), '/admin/audit?page=2');
  for (const bad of ELSEWHERE) assert.equal(safeRedirectTarget(bad, '/admin'), '/admin', JSON.stringify(bad));
});

describe('sign-in with a `next` that a browser would read as another host', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
    const program = await makeProgram(env.deps, 'local-path');
    await makeUser(env.deps, 'op@local-path.example', 'operator', program.id);
  });
  after(() => env.close());

  test('the sign-in sends the person to their landing page instead, before and after signing in', async () => {
    for (const next of ['/\\evil.example/x', '/\t/evil.example', '/%5cevil.example']) {
      const b = new TestBrowser(env.deps);
      await b.get(`/login?next=${encodeURIComponent(next)}`);
      const res = await b.post('/login', { email: 'op@local-path.example', password: TEST_PASSWORD, next });
      assert.equal(res.status, 303);
      assert.doesNotMatch(res.headers.get('location') ?? '', /evil|\\|\t|%5c|%09/i, next);
      const again = await b.get(`/login?next=${encodeURIComponent(next)}`);
      assert.equal(again.status, 303);
      assert.doesNotMatch(again.headers.get('location') ?? '', /evil|\\|\t|%5c|%09/i, next);
    }
  });
});
