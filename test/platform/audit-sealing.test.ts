import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditKeys } from '../../src/platform/audit/keys.js';
import { lastSeal, SEAL_DELAY_MS, SEAL_RETRIES_MS, sealingSettled, sealSoon } from '../../src/platform/audit/seal.js';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/db/client.js';
import { systemActor } from '../../src/platform/audit/index.js';
import { runCommand } from '../../src/platform/command.js';
import { createProgram } from '../../src/platform/programs/commands/create-program.js';
import { createTestEnv } from '../helpers/deps.js';
import { makeProgram } from '../helpers/fixtures.js';

/** What the process writes to stderr (warnings) while `fn` runs. */
async function stderrDuring(fn: () => Promise<void>): Promise<string> {
  const write = process.stderr.write;
  let out = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    await fn();
  } finally {
    process.stderr.write = write;
  }
  return out;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a sealing run that fails (a busy pool) is tried again and seals what was committed', async () => {
  const env = await createTestEnv();
  try {
    await makeProgram(env.deps, 'seal-retry');
    await sealingSettled(env.deps.db);
    const keyId = auditKeys(env.deps.vault).keyId;
    // A handle whose next query fails once, as a pool that gives no connection in time does.
    let failures = 0;
    const flaky = new Proxy(env.deps.db, {
      get(target, key, receiver) {
        if (key === 'select' && failures > 0) {
          failures--;
          throw new Error('timeout exceeded when trying to connect');
        }
        const v = Reflect.get(target, key, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as Db;
    const deps = { ...env.deps, db: flaky };
    const logged = await stderrDuring(async () => {
      await runCommand(deps, systemActor('test'), (ctx) => createProgram(ctx, { kind: 'campaign', slug: 'seal-retry-2', name: '封印の再試行' }));
      failures = 1;
      await wait(SEAL_DELAY_MS + 150);
    });
    assert.equal(failures, 0, 'the sealing run met the failure');
    assert.match(logged, /"msg":"audit sealing failed".*"retryInMs":1000/, 'the failure is logged with its retry');
    const [row] = await queryRows<{ max: number }>(env.deps.db, sql`select max(id)::int as max from audit_log`);
    const max = Number(row?.max);
    assert.ok(((await lastSeal(env.deps.db, keyId))?.entryId ?? 0) < max, 'not sealed after the failed run');
    await wait(SEAL_RETRIES_MS[0]! + SEAL_DELAY_MS + 300);
    await sealingSettled(flaky);
    assert.equal((await lastSeal(env.deps.db, keyId))?.entryId, max, 'the retry sealed the command\'s entries');
  } finally {
    await env.close();
  }
});

test('a database closed under a sealing run (shutdown, the end of a CLI command) is no warning', async () => {
  const env = await createTestEnv();
  const logged = await stderrDuring(async () => {
    await makeProgram(env.deps, 'seal-closed');
    await env.close();
    await wait(SEAL_DELAY_MS + 300);
  });
  assert.doesNotMatch(logged, /audit sealing failed/);
});
