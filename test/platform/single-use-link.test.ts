import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { systemActor } from '../../src/platform/audit/index.js';
import { completePasswordReset } from '../../src/platform/auth/password-reset.js';
import { verifyPassword } from '../../src/platform/auth/passwords.js';
import { passwordResets } from '../../src/platform/auth/schema.js';
import { sha256 } from '../../src/platform/auth/tokens.js';
import { runCommand } from '../../src/platform/command.js';
import { isAppError } from '../../src/platform/errors/index.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeProgram, makeUser } from '../helpers/fixtures.js';

/** A password link used twice at once (two tabs, a replayed request) sets one password. */
describe('a password link is spent once, also when used twice at once', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  test('one use sets the password, the other is refused as an invalid link', async () => {
    const program = await makeProgram(env.deps, 'links');
    const user = await makeUser(env.deps, 'twice@links.example', 'operator', program.id);
    const token = 'single-use-token-0123456789abcdef';
    await env.deps.db.insert(passwordResets).values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(env.clock.now().getTime() + 3_600_000) });
    const tries = ['first-new-passphrase-42', 'second-new-passphrase-42'];
    const results = await Promise.allSettled(tries.map((p) => runCommand(env.deps, systemActor('test'), (ctx) => completePasswordReset(ctx, token, p))));
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(isAppError(refused.reason) && refused.reason.code === 'not-found');
    const winner = tries[results.findIndex((r) => r.status === 'fulfilled')]!;
    const [row] = await queryRows<{ password_hash: string }>(env.deps.db, sql`select password_hash from users where id = ${user.id}`);
    assert.ok(await verifyPassword(row!.password_hash, winner), "the password is the one whose use went through");
    const audit = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'platform.auth.password_reset_completed' and target_id = ${String(user.id)}`);
    assert.equal(Number(audit[0]!.n), 1);
  });
});
