import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { systemActor } from '../../src/platform/audit/index.js';
import { grantRole } from '../../src/platform/auth/grant-role.js';
import { runCommand } from '../../src/platform/command.js';
import { isAppError } from '../../src/platform/errors/index.js';
import { cli } from '../helpers/cli.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { TestBrowser } from '../helpers/http.js';
import { makeProgram, makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';

/** The one audited grant command: idempotent, and an actual grant ends the user's sessions. */
describe('grantRole', () => {
  let env: TestEnv;
  let p1: number;
  let p2: number;
  before(async () => {
    env = await createTestEnv();
    p1 = (await makeProgram(env.deps, 'grant-a')).id;
    p2 = (await makeProgram(env.deps, 'grant-b')).id;
  });
  after(() => env.close());

  const grants = (userId: number) =>
    queryRows<{ program_id: number | null; diff: { role: string; programId: number | null } }>(
      env.deps.db,
      sql`select program_id, diff from audit_log where action = 'platform.user.role_granted' and target_type = 'user' and target_id = ${String(userId)} order by id`,
    );
  const signedIn = async (email: string) => {
    const b = new TestBrowser(env.deps);
    assert.equal((await b.login(email, TEST_PASSWORD)).status, 303);
    assert.equal((await b.get('/admin')).status, 200);
    return b;
  };

  test('a new role is granted once: audited, and the old session no longer works; granting it again changes nothing', async () => {
    const u = await makeUser(env.deps, 'grantee@grant.example', 'operator', p1);
    const b = await signedIn('grantee@grant.example');
    assert.equal(await runCommand(env.deps, systemActor('test'), (ctx) => grantRole(ctx, { userId: u.id, role: 'city', programId: p2 })), true);
    assert.equal((await b.get('/admin')).status, 303, 'the session that predates the grant has ended');
    const audit = await grants(u.id);
    assert.equal(audit.length, 2, 'the first role (makeUser) and this one');
    assert.deepEqual(audit[1]!.diff, { role: 'city', programId: p2 });
    assert.equal(audit[1]!.program_id, p2);

    const again = await signedIn('grantee@grant.example');
    assert.equal(await runCommand(env.deps, systemActor('test'), (ctx) => grantRole(ctx, { userId: u.id, role: 'city', programId: p2 })), false);
    assert.equal((await again.get('/admin')).status, 200, 'an unchanged grant keeps the session');
    assert.equal((await grants(u.id)).length, 2, 'and writes no audit entry');
  });

  test('a role other than admin needs a program; an unknown user is not found', async () => {
    const u = await makeUser(env.deps, 'noprog@grant.example', 'operator', p1);
    await assert.rejects(
      runCommand(env.deps, systemActor('test'), (ctx) => grantRole(ctx, { userId: u.id, role: 'operator', programId: null })),
      (e) => isAppError(e) && e.code === 'validation-failed' && e.fieldErrors[0]?.field === 'program',
    );
    await assert.rejects(
      runCommand(env.deps, systemActor('test'), (ctx) => grantRole(ctx, { userId: 999_999, role: 'operator', programId: p1 })),
      (e) => isAppError(e) && e.code === 'not-found',
    );
  });

  test('`user create` for an existing account grants through it: audited once, sessions end', async () => {
    const u = await makeUser(env.deps, 'cli@grant.example', 'operator', p1);
    const b = await signedIn('cli@grant.example');
    let r = await cli(env.deps, ['user', 'create', '--email', 'cli@grant.example', '--role', 'agent', '--program', 'grant-b']);
    assert.equal(r.code, 0, r.err);
    assert.equal((await b.get('/admin')).status, 303);
    assert.equal((await grants(u.id)).length, 2);
    const again = await signedIn('cli@grant.example');
    r = await cli(env.deps, ['user', 'create', '--email', 'cli@grant.example', '--role', 'agent', '--program', 'grant-b']);
    assert.equal(r.code, 0, r.err);
    assert.equal((await again.get('/admin')).status, 200);
    assert.equal((await grants(u.id)).length, 2);
  });
});
