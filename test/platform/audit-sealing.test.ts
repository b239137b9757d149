import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditKeys } from '../../src/platform/audit/keys.js';
import { lastSeal, SEAL_DELAY_MS, sealingSettled } from '../../src/platform/audit/seal.js';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/db/client.js';
import { systemActor } from '../../src/platform/audit/index.js';
import { setLogLevel } from '../../src/platform/log/index.js';
import { runCommand } from '../../src/platform/command.js';
import { createProgram } from '../../src/platform/programs/commands/create-program.js';
import { createTestEnv } from '../helpers/deps.js';
import { makeProgram } from '../helpers/fixtures.js';

/**
 * What the process writes to stderr (warnings) while `fn` runs; `fn` may read it as it comes.
 * Warnings are logged meanwhile whatever LOG_LEVEL says (the test runner silences logs).
 */
async function stderrDuring(fn: (written: () => string) => Promise<void>): Promise<string> {
  const write = process.stderr.write;
  setLogLevel('warn');
  let out = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    await fn(() => out);
  } finally {
    process.stderr.write = write;
    setLogLevel((process.env.LOG_LEVEL as 'silent' | undefined) ?? 'info');
  }
  return out;
}

/** Waits until `check` holds (polling; generous, for loaded machines). */
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
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
    const logged = await stderrDuring(async (written) => {
      await runCommand(deps, systemActor('test'), (ctx) => createProgram(ctx, { kind: 'campaign', slug: 'seal-retry-2', name: '封印の再試行' }));
      failures = 1;
      await until('the failed run logged', () => written().includes('audit sealing failed'));
    });
    assert.equal(failures, 0, 'the sealing run met the failure');
    assert.match(logged, /"msg":"audit sealing failed".*"retryInMs":1000/, 'the failure is logged with its retry');
    const [row] = await queryRows<{ max: number }>(env.deps.db, sql`select max(id)::int as max from audit_log`);
    const max = Number(row?.max);
    // No other command runs: only the retry can seal the entries of the one above.
    await until('the retry sealed', async () => (await lastSeal(env.deps.db, keyId))?.entryId === max);
    await sealingSettled(flaky);
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
