import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { AUDIT_ANCHOR_JOB, AUDIT_ANCHOR_SCHEDULE, auditAnchorJob } from '../../src/platform/audit/anchor-job.js';
import { entryBody, entryHash, GENESIS_HASH } from '../../src/platform/audit/hash.js';
import { auditKeys } from '../../src/platform/audit/keys.js';
import { sealAudit, sealingSettled } from '../../src/platform/audit/seal.js';
import { verifyAuditChain } from '../../src/platform/audit/verify.js';
import { startWorker } from '../../src/platform/jobs/worker.js';
import { MAIL_JOB } from '../../src/platform/mail/outbox.js';
import { sendMailJob } from '../../src/platform/mail/send-job.js';
import { Vault } from '../../src/platform/vault/index.js';
import { parseMasterKey } from '../../src/platform/vault/master-key.js';
import { cli } from '../helpers/cli.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeProgram, makeUser } from '../helpers/fixtures.js';

interface Row {
  id: number;
  at: Date;
  actor_user_id: number | null;
  actor_label: string;
  role: string | null;
  program_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  request_id: string | null;
  diff: unknown;
}

async function entryIds(env: TestEnv): Promise<number[]> {
  return (await queryRows<{ id: number }>(env.deps.db, sql`select id from audit_log order by id`)).map((r) => Number(r.id));
}

/**
 * What the application's own database role can do on the old code: switch the append-only
 * trigger off, rewrite an entry, then recompute every hash after it and the head with the
 * unkeyed formula (sha256 of prev, id and body), so the plain chain is whole again.
 */
async function rewriteAndRechain(env: TestEnv, id: number, actorLabel: string): Promise<void> {
  await env.deps.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    await tx.execute(sql`update audit_log set actor_label = ${actorLabel} where id = ${id}`);
    const rows = await queryRows<Row>(tx, sql`select * from audit_log order by id`);
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const hash = entryHash(prev, Number(r.id), entryBody({
        at: new Date(r.at),
        actorUserId: r.actor_user_id,
        actorLabel: r.actor_label,
        role: r.role,
        programId: r.program_id,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        ip: r.ip,
        requestId: r.request_id,
        diff: r.diff,
      }));
      await tx.execute(sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`);
      prev = hash;
    }
    await tx.execute(sql`update audit_head set last_hash = ${prev}`);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

const anchorFiles = (env: TestEnv) => (fs.existsSync(env.config.auditAnchorDir) ? fs.readdirSync(env.config.auditAnchorDir).filter((f) => f.endsWith('.json')).sort() : []);

describe('keyed audit chain and signed anchors', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(async () => {
    await sealingSettled(env.deps.db);
    await env.close();
  });

  test('a rewrite by the app role with the trigger disabled and the head recomputed is found by verify and by verify --anchor', async () => {
    const p = await makeProgram(env.deps, 'anchor-a');
    await makeUser(env.deps, 'op@anchor.example', 'operator', p.id);
    await cli(env.deps, ['program', 'set', 'anchor-a', 'client=仙台市']);
    const before = (await entryIds(env)).length;
    const anchored = await cli(env.deps, ['audit', 'anchor']);
    assert.equal(anchored.code, 0, anchored.err);
    const [file] = anchorFiles(env);
    assert.ok(file, 'the anchor is a file in AUDIT_ANCHOR_DIR');
    const anchorPath = path.join(env.config.auditAnchorDir, file);
    const anchor = JSON.parse(fs.readFileSync(anchorPath, 'utf8'));
    assert.equal(anchor.count, before);
    assert.match(anchor.head, /^[0-9a-f]{64}$/);
    assert.match(anchor.signature, /^[0-9a-f]{64}$/);
    await makeProgram(env.deps, 'anchor-b');
    await sealingSettled(env.deps.db);

    let r = await cli(env.deps, ['audit', 'verify', '--anchor', anchorPath]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /控えと一致します/);
    assert.match(r.out, new RegExp(`intact: ${before + 2} entries`), 'those anchored, the anchor itself, and one more');

    const [, second] = await entryIds(env);
    await rewriteAndRechain(env, second!, 'someone-else');
    // The unkeyed chain (all that verify checked before) is whole again:
    assert.equal((await verifyAuditChain(env.deps.db)).ok, true);

    r = await cli(env.deps, ['audit', 'verify']);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`記録ID ${second} — 記録が封印の後に書き換えられ`));
    assert.match(r.err, new RegExp(`BROKEN at entry id ${second} \\(seal-mismatch\\)`));

    r = await cli(env.deps, ['audit', 'verify', '--anchor', anchorPath]);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`控え（.*${before} 件、末尾の記録ID \\d+）の時点までの監査ログが書き換えられています: 末尾のハッシュが控えと一致しません`));

    // Sealing does not go on past a rewritten entry, nor bless it.
    const keys = auditKeys(env.deps.vault);
    await makeProgram(env.deps, 'anchor-c');
    await sealingSettled(env.deps.db);
    assert.equal((await cli(env.deps, ['audit', 'verify'])).code, 1);
    const more = await sealAudit(env.deps.db, keys);
    assert.equal(more.ok, false);
    assert.equal(!more.ok && more.reason, 'chain-broken', 'the new entry links to the rewritten chain, not to the sealed one');
  });

  test('an anchor whose fields were changed, or that is not an anchor, is refused', async () => {
    const [file] = anchorFiles(env);
    const anchor = JSON.parse(fs.readFileSync(path.join(env.config.auditAnchorDir, file!), 'utf8'));
    const forged = path.join(env.dataDir, 'forged.json');
    fs.writeFileSync(forged, JSON.stringify({ ...anchor, count: anchor.count - 1 }));
    let r = await cli(env.deps, ['audit', 'verify', '--anchor', forged]);
    assert.equal(r.code, 1);
    assert.match(r.err, /署名が正しくありません/);
    fs.writeFileSync(forged, '{"hello":1}');
    r = await cli(env.deps, ['audit', 'verify', '--anchor', forged]);
    assert.equal(r.code, 1);
    assert.match(r.err, /控えのファイル .* を読み取れません/);
  });

  test('the daily job writes one anchor a day and mails it to each program\'s City users (counts and hashes only)', async () => {
    const env2 = await createTestEnv();
    try {
      const a = await makeProgram(env2.deps, 'daily-a');
      const b = await makeProgram(env2.deps, 'daily-b');
      await makeUser(env2.deps, 'city-a@daily.example', 'city', a.id);
      await makeUser(env2.deps, 'city-b@daily.example', 'city', b.id);
      await makeUser(env2.deps, 'city-b@daily.example', 'city', a.id);
      await makeUser(env2.deps, 'op@daily.example', 'operator', a.id);
      const worker = startWorker(env2.deps, { handlers: { [AUDIT_ANCHOR_JOB]: auditAnchorJob, [MAIL_JOB]: sendMailJob }, schedules: [AUDIT_ANCHOR_SCHEDULE] }, false);
      const mails = async () =>
        queryRows<{ id: number; subject: string; to_sealed: string; text_sealed: string }>(env2.deps.db, sql`select id, subject, to_sealed, text_sealed from mail_outbox where template = 'audit.anchor' order by id`);

      env2.clock.set('2026-06-01T18:30:00Z'); // 03:30 JST on the 2nd: not yet (04:00)
      await worker.tick();
      await worker.idle();
      assert.deepEqual(anchorFiles(env2), []);

      env2.clock.set('2026-06-01T19:05:00Z'); // 04:05 JST
      await worker.tick();
      await worker.idle();
      await worker.tick();
      await worker.idle();
      assert.deepEqual(anchorFiles(env2), ['audit-anchor-2026-06-02.json']);
      let sent = await mails();
      assert.equal(sent.length, 2, 'each City user once, whatever the number of programs; not the operator');
      const box = await env2.deps.vault.box(env2.deps.db, 'system');
      assert.deepEqual(sent.map((m) => box.open(m.to_sealed)).sort(), ['city-a@daily.example', 'city-b@daily.example']);
      assert.equal(sent[0]!.subject, '監査ログの控え（2026-06-02）');
      const anchor = JSON.parse(fs.readFileSync(path.join(env2.config.auditAnchorDir, 'audit-anchor-2026-06-02.json'), 'utf8'));
      const text = String(box.open(sent[0]!.text_sealed));
      assert.match(text, new RegExp(`記録件数: ${anchor.count} 件`));
      assert.ok(text.includes(anchor.head) && text.includes(anchor.signature), 'the mail carries the anchor itself');
      assert.doesNotMatch(text, /@daily\.example|テスト事業/, 'no personal data, no program names');

      // The same day again (another tick, another instance): nothing more.
      env2.clock.set('2026-06-01T23:00:00Z');
      await worker.tick();
      await worker.idle();
      assert.equal((await mails()).length, 2);
      assert.equal(anchorFiles(env2).length, 1);

      // The next day: one more.
      env2.clock.set('2026-06-02T19:30:00Z');
      await worker.tick();
      await worker.idle();
      sent = await mails();
      assert.equal(sent.length, 4);
      assert.deepEqual(anchorFiles(env2), ['audit-anchor-2026-06-02.json', 'audit-anchor-2026-06-03.json']);
      const recorded = await queryRows<{ n: number }>(env2.deps.db, sql`select count(*)::int as n from audit_log where action = 'platform.audit.anchored'`);
      assert.equal(Number(recorded[0]!.n), 2);
      await worker.stop();
      const r = await cli(env2.deps, ['audit', 'verify', '--anchor', path.join(env2.config.auditAnchorDir, 'audit-anchor-2026-06-02.json')]);
      assert.equal(r.code, 0, r.err);
    } finally {
      await sealingSettled(env2.deps.db);
      await env2.close();
    }
  });

  test('a trail from before seals is verified, then sealed whole; an entry rewritten before that is not sealed', async () => {
    const env3 = await createTestEnv();
    try {
      for (const slug of ['old-a', 'old-b', 'old-c']) await makeProgram(env3.deps, slug);
      await sealingSettled(env3.deps.db);
      // As an install upgraded from the code before seals: no seal at all.
      await env3.deps.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_seals disable trigger user`);
        await tx.execute(sql`delete from audit_seals`);
        await tx.execute(sql`alter table audit_seals enable trigger user`);
      });
      let r = await cli(env3.deps, ['audit', 'verify']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /封印前の記録が 3 件/);
      const keys = auditKeys(env3.deps.vault);
      const sealed = await sealAudit(env3.deps.db, keys);
      assert.deepEqual(sealed, { ok: true, sealed: 3, lastId: (await entryIds(env3))[2] });
      r = await cli(env3.deps, ['audit', 'verify']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /うち封印済み 3 件/);

      const env4 = await createTestEnv();
      try {
        for (const slug of ['old-d', 'old-e']) await makeProgram(env4.deps, slug);
        await sealingSettled(env4.deps.db);
        const [first] = await entryIds(env4);
        await env4.deps.db.transaction(async (tx) => {
          await tx.execute(sql`alter table audit_seals disable trigger user`);
          await tx.execute(sql`delete from audit_seals`);
          await tx.execute(sql`alter table audit_seals enable trigger user`);
          await tx.execute(sql`alter table audit_log disable trigger user`);
          await tx.execute(sql`update audit_log set actor_label = 'x' where id = ${first}`);
          await tx.execute(sql`alter table audit_log enable trigger user`);
        });
        const refused = await sealAudit(env4.deps.db, auditKeys(env4.deps.vault));
        assert.deepEqual(refused, { ok: false, sealed: 0, lastId: 0, reason: 'chain-broken', badId: first });
      } finally {
        await sealingSettled(env4.deps.db);
        await env4.close();
      }
    } finally {
      await env3.close();
    }
  });

  test('a master-key rotation verifies the trail under the old key and seals it under the new one', async () => {
    const env5 = await createTestEnv();
    try {
      await makeProgram(env5.deps, 'rot-a');
      await sealingSettled(env5.deps.db);
      const next = crypto.randomBytes(32).toString('base64');
      const rotated = await cli(env5.deps, ['vault', 'rotate-master', '--new-key-stdin'], next);
      assert.equal(rotated.code, 0, rotated.err);
      assert.match(rotated.out, /新しいマスターキーで封印し直しました/);
      await sealingSettled(env5.deps.db);
      // The next start holds the new key only; its seals go on from those the rotation wrote.
      const restarted = { ...env5.deps, vault: new Vault(parseMasterKey(next)) };
      assert.equal((await sealAudit(restarted.db, auditKeys(restarted.vault))).ok, true);
      const r = await cli(restarted, ['audit', 'verify']);
      assert.equal(r.code, 0, r.err);
      assert.doesNotMatch(r.out, /封印前/);
    } finally {
      await sealingSettled(env5.deps.db);
      await env5.close();
    }
  });
});
