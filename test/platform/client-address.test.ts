import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createApp } from '../../src/app.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { IP_MAX_FAILURES } from '../../src/platform/auth/policy.js';
import { clientAddress } from '../../src/platform/http/client-address.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';

/**
 * Behind a trusted proxy the client's address is the X-Forwarded-For entry that proxy appended
 * (the rightmost, or TRUSTED_PROXY_HOPS from the right), never an entry the client wrote itself.
 */
describe('client address behind a proxy', () => {
  const peer = () => '10.0.0.9';
  const one = { trustProxy: true, trustedProxyHops: 1 };

  test('the rightmost entry with one trusted proxy; the peer without TRUST_PROXY', () => {
    assert.equal(clientAddress('198.51.100.1, 203.0.113.7', peer, one), '203.0.113.7');
    assert.equal(clientAddress('203.0.113.7', peer, one), '203.0.113.7');
    assert.equal(clientAddress('198.51.100.1, 203.0.113.7', peer, { trustProxy: false, trustedProxyHops: 1 }), '10.0.0.9');
    assert.equal(clientAddress(undefined, peer, one), '10.0.0.9');
  });

  test('TRUSTED_PROXY_HOPS skips the inner proxies from the right; fewer entries: the leftmost', () => {
    const two = { trustProxy: true, trustedProxyHops: 2 };
    assert.equal(clientAddress('198.51.100.1, 203.0.113.7, 10.1.1.1', peer, two), '203.0.113.7');
    assert.equal(clientAddress('203.0.113.7', peer, two), '203.0.113.7');
  });

  test('ports and brackets are dropped; an entry that is not an address falls back to the peer', () => {
    assert.equal(clientAddress('x, 203.0.113.7:4711', peer, one), '203.0.113.7');
    assert.equal(clientAddress('x, [2001:db8::1]:443', peer, one), '2001:db8::1');
    assert.equal(clientAddress('2001:db8::1', peer, one), '2001:db8::1');
    assert.equal(clientAddress('198.51.100.1, unknown', peer, one), '10.0.0.9');
    assert.equal(clientAddress(' , ', peer, one), '10.0.0.9');
  });

  describe('sign-in throttle and audit behind TRUST_PROXY', () => {
    let env: TestEnv;
    let app: ReturnType<typeof createApp>;
    before(async () => {
      env = await createTestEnv({ TRUST_PROXY: 'true' });
      await makeUser(env.deps, 'xff-staff@example.jp', 'admin', null);
      app = createApp(env.deps);
    });
    after(() => env.close());

    const login = (forwardedFor: string, email: string, password: string) =>
      app.request('/api/v1/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify({ email, password }) });

    test('60 failed sign-ins with a varying first entry lock the address the proxy appended; prepending an entry does not get past the lock', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) {
        const res = await login(`198.51.${i}.${i + 1}, 203.0.113.7`, `nobody-${i}@example.jp`, 'wrong password!');
        statuses.push(res.status);
      }
      assert.deepEqual(statuses.slice(0, IP_MAX_FAILURES), Array(IP_MAX_FAILURES).fill(401));
      assert.deepEqual(statuses.slice(IP_MAX_FAILURES), Array(60 - IP_MAX_FAILURES).fill(429), 'locked after the limit');
      // The right password, from the locked address with a fresh first entry: still refused.
      const spoofed = await login('192.0.2.55, 203.0.113.7', 'xff-staff@example.jp', TEST_PASSWORD);
      assert.equal(spoofed.status, 429);
      // Another client (another appended address) behind the same proxy is not locked.
      const other = await login('203.0.113.7, 203.0.113.8', 'xff-staff@example.jp', TEST_PASSWORD);
      assert.equal(other.status, 200);
    });

    test('audit rows record the address the proxy appended', async () => {
      const rows = await env.deps.db.select({ ip: auditLog.ip }).from(auditLog).where(eq(auditLog.action, 'platform.auth.login_failed'));
      assert.equal(rows.length, IP_MAX_FAILURES);
      assert.ok(rows.every((r) => r.ip === '203.0.113.7'), 'every failure from the appended address');
      const ok = await env.deps.db.select({ ip: auditLog.ip }).from(auditLog).where(and(eq(auditLog.action, 'platform.auth.login_succeeded')));
      assert.deepEqual(ok.map((r) => r.ip), ['203.0.113.8']);
    });
  });
});
