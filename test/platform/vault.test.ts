import { AppError } from '../../src/platform/errors/index.js';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { systemActor } from '../../src/platform/audit/index.js';
import { runCommand } from '../../src/platform/command.js';
import { queueMail } from '../../src/platform/mail/outbox.js';
import { ERASED, programScope, Vault } from '../../src/platform/vault/index.js';
import { loadMasterKey, parseMasterKey } from '../../src/platform/vault/master-key.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { cli } from '../helpers/cli.js';
import { makeProgram } from '../helpers/fixtures.js';

describe('personal-data vault', () => {
  let env: TestEnv;
  let programA: number;
  let programB: number;
  before(async () => {
    env = await createTestEnv();
    programA = (await makeProgram(env.deps, 'vault-a')).id;
    programB = (await makeProgram(env.deps, 'vault-b')).id;
  });
  after(() => env.close());

  test('personal data is ciphertext in the database and plain through the vault', async () => {
    await runCommand(env.deps, systemActor('test'), async ({ tx }) => {
      await queueMail(tx, env.deps, { programId: programA, template: 't', to: 'yamada.taro@example.jp', subject: 'お知らせ', text: '山田太郎様 080-1234-5678' });
    });
    const [raw] = await queryRows<{ to_sealed: string; text_sealed: string; id: number }>(env.deps.db, sql`select id, to_sealed, text_sealed from mail_outbox order by id desc limit 1`);
    assert.match(raw!.to_sealed, /^v1:[A-Za-z0-9+/=]+$/);
    assert.doesNotMatch(raw!.to_sealed + raw!.text_sealed, /yamada|山田|080-1234/);
    const box = await env.deps.vault.box(env.deps.db, programScope(programA));
    assert.equal(box.open(raw!.to_sealed), 'yamada.taro@example.jp');
    assert.equal(box.open(raw!.text_sealed), '山田太郎様 080-1234-5678');
  });

  test('ciphertext is bound to its program: another program key cannot open it', async () => {
    const a = await env.deps.vault.box(env.deps.db, programScope(programA));
    const b = await env.deps.vault.box(env.deps.db, programScope(programB));
    assert.throws(() => b.open(a.seal('秘密')));
    assert.notEqual(a.seal('同じ値'), a.seal('同じ値'), 'a fresh IV every time');
  });

  test('blind index: exact lookup without decrypting, normalised, per program', async () => {
    const a = await env.deps.vault.box(env.deps.db, programScope(programA));
    const b = await env.deps.vault.box(env.deps.db, programScope(programB));
    assert.equal(a.blindIndex('Yamada@Example.JP '), a.blindIndex('yamada@example.jp'));
    assert.equal(a.blindIndex('０８０−１２３４−５６７８'.replace('−', '-').replace('−', '-')), a.blindIndex('08012345678'));
    assert.notEqual(a.blindIndex('yamada@example.jp'), b.blindIndex('yamada@example.jp'));
  });

  test('destroying the program key erases its data everywhere, and nothing else', async () => {
    const env2 = await createTestEnv();
    try {
      const doomed = (await makeProgram(env2.deps, 'doomed')).id;
      const kept = (await makeProgram(env2.deps, 'kept')).id;
      const sealedDoomed = (await env2.deps.vault.box(env2.deps.db, programScope(doomed))).seal('佐藤花子');
      const sealedKept = (await env2.deps.vault.box(env2.deps.db, programScope(kept))).seal('鈴木一郎');
      // A backup taken before the erasure holds the same wrapped keys; after erasure the key is gone
      // from the live database, and the backup's copy is only usable with the master key.
      await runCommand(env2.deps, systemActor('test'), async ({ tx, now }) => {
        assert.equal(await env2.deps.vault.destroyKey(tx, programScope(doomed), now), true);
      });
      const after = await env2.deps.vault.box(env2.deps.db, programScope(doomed));
      assert.equal(after.erased, true);
      assert.equal(after.open(sealedDoomed), ERASED);
      assert.throws(() => after.seal('新しいデータ'), (e: unknown) => e instanceof AppError && e.code === 'data-erased' && e.message === 'data-erased');
      const [row] = await queryRows<{ wrapped_key: string | null; destroyed_at: Date | null }>(env2.deps.db, sql`select wrapped_key, destroyed_at from data_keys where scope = ${programScope(doomed)}`);
      assert.equal(row!.wrapped_key, null);
      assert.ok(row!.destroyed_at);
      assert.equal((await env2.deps.vault.box(env2.deps.db, programScope(kept))).open(sealedKept), '鈴木一郎');
      // The mail worker reports erased data instead of failing forever.
      assert.equal(await env2.deps.vault.isDestroyed(env2.deps.db, programScope(doomed)), true);
    } finally {
      await env2.close();
    }
  });

  test('master-key rotation re-wraps data keys without touching sealed rows', async () => {
    const env3 = await createTestEnv();
    try {
      const p = (await makeProgram(env3.deps, 'rotate')).id;
      const sealed = (await env3.deps.vault.box(env3.deps.db, programScope(p))).seal('高橋 髙橋 ①');
      const newKey = crypto.randomBytes(32).toString('hex');
      const r = await cli(env3.deps, ['vault', 'rotate-master', '--new-key-stdin'], newKey + '\n');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /re-wrapped \d+ data keys/);
      const rotated = new Vault(parseMasterKey(newKey));
      assert.equal((await rotated.box(env3.deps.db, programScope(p))).open(sealed), '高橋 髙橋 ①');
      // The running process (the CLI runs inside the server through the control socket) keeps
      // working on the new key without a restart: old data opens, new data and new keys use it.
      const live = await env3.deps.vault.box(env3.deps.db, programScope(p));
      assert.equal(live.open(sealed), '高橋 髙橋 ①');
      const fresh = live.seal('新しい値');
      assert.equal((await rotated.box(env3.deps.db, programScope(p))).open(fresh), '新しい値');
      assert.equal(env3.deps.vault.masterKeyId, parseMasterKey(newKey).id);
      const p2 = (await makeProgram(env3.deps, 'rotate-after')).id;
      const [row] = await queryRows<{ master_key_id: string }>(env3.deps.db, sql`select master_key_id from data_keys where scope = ${programScope(p2)}`);
      assert.equal(row!.master_key_id, parseMasterKey(newKey).id, 'a key made after the rotation is wrapped by the new master key');
      assert.deepEqual(await env3.deps.vault.foreignKeys(env3.deps.db), []);
      // A second rotation in the same process works from the new key.
      const third = crypto.randomBytes(32).toString('hex');
      assert.equal((await cli(env3.deps, ['vault', 'rotate-master', '--new-key-stdin'], third + '\n')).code, 0);
      assert.equal((await env3.deps.vault.box(env3.deps.db, programScope(p))).open(sealed), '高橋 髙橋 ①');
      assert.equal((await new Vault(parseMasterKey(third)).box(env3.deps.db, programScope(p2))).erased, false);
    } finally {
      await env3.close();
    }
  });

  test('a rotation that rolls back leaves the live vault on the old key', async () => {
    const env4 = await createTestEnv();
    try {
      const p = (await makeProgram(env4.deps, 'rotate-rollback')).id;
      const sealed = (await env4.deps.vault.box(env4.deps.db, programScope(p))).seal('佐藤');
      const before = env4.deps.vault.masterKeyId;
      await assert.rejects(
        env4.deps.db.transaction(async (tx) => {
          await env4.deps.vault.rotateMaster(tx, parseMasterKey(crypto.randomBytes(32).toString('hex')));
          throw new Error('abort');
        }),
        /abort/,
      );
      assert.equal((await env4.deps.vault.box(env4.deps.db, programScope(p))).open(sealed), '佐藤');
      assert.equal(env4.deps.vault.masterKeyId, before);
      const p2 = (await makeProgram(env4.deps, 'rotate-rollback-2')).id;
      const [row] = await queryRows<{ master_key_id: string }>(env4.deps.db, sql`select master_key_id from data_keys where scope = ${programScope(p2)}`);
      assert.equal(row!.master_key_id, before);
    } finally {
      await env4.close();
    }
  });

  test('the embedded master key file is created with mode 0600', () => {
    const key = loadMasterKey({ dataDir: env.dataDir, allowFile: true });
    const file = path.join(env.dataDir, 'master.key');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(loadMasterKey({ dataDir: env.dataDir, allowFile: true }).id, key.id, 'stable across loads');
    assert.throws(() => loadMasterKey({ dataDir: env.dataDir, allowFile: false }), /JIMUKYOKU_MASTER_KEY is required/);
    assert.throws(() => parseMasterKey('too-short'), /32 bytes/);
  });
});
