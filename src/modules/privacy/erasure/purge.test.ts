import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import { recordBackup } from '../../../platform/vault/backups.js';
import { programScope } from '../../../platform/vault/index.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { cli } from '../../../../test/helpers/cli.js';
import { makeProgram, makeUser } from '../../../../test/helpers/fixtures.js';
import { attachFile } from '../files/commands.js';
import { storeRoot } from '../files/store.js';
import { findHoldings } from './holdings.js';
import { verifyErasure } from './verify.js';

const SCAN = Buffer.from('%PDF-1.4\n誓約書 秘密次郎\n%%EOF\n');
const BODY = '秘密の本文：消去 三郎 様';

describe('erasure: stored files deleted, sent-mail bodies purged, backups listed and covered', () => {
  let env: TestEnv;
  let a: number;
  let b: number;
  before(async () => {
    env = await createTestEnv();
    a = (await makeProgram(env.deps, 'pur-a')).id;
    b = (await makeProgram(env.deps, 'pur-b')).id;
    for (const [p, n] of [[a, 'a'], [b, 'b']] as const) {
      await makeUser(env.deps, `op-${n}@pur.example`, 'operator', p);
      const [entry] = await queryRows<{ id: number }>(env.deps.db, sql`select id from privacy_staff where program_id = ${p} and status = 'approved' order by id limit 1`);
      await runCommand(env.deps, systemActor('test'), async (ctx) => {
        await attachFile(ctx, 'staff', entry!.id, SCAN);
        await queueMail(ctx.tx, ctx.deps, { programId: p, template: 'test.notice', to: `person-${n}@example.jp`, subject: 'お知らせ', text: BODY });
      });
    }
    await queryRows(env.deps.db, sql`update mail_outbox set status = 'sent', sent_at = now() where program_id = ${a}`);
  });
  after(() => env.close());

  const mailOf = async (p: number) =>
    queryRows<{ text_sealed: string; html_sealed: string | null; to_sealed: string; template: string; status: string; sent_at: Date | null }>(
      env.deps.db,
      sql`select text_sealed, html_sealed, to_sealed, template, status, sent_at from mail_outbox where program_id = ${p} order by id`,
    );
  const filesOf = async (p: number) => queryRows<{ storage_key: string; removed_at: Date | null; removed_reason: string | null }>(env.deps.db, sql`select storage_key, removed_at, removed_reason from privacy_files where program_id = ${p}`);

  test('a backup is recorded with the keys it holds; the plan lists files, mail bodies and backups', async () => {
    const archive = path.join(env.dataDir, 'before.tar.gz');
    if (env.deps.database.raw.pglite) {
      const r = await cli(env.deps, ['backup', '--out', archive]);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /recorded as backup \d+/);
    } else {
      // PostgreSQL has no embedded backup (pg_dump): the record is what an archive leaves behind.
      fs.writeFileSync(archive, 'pg_dump archive');
      await recordBackup(env.deps.db, env.deps.vault, { path: archive, bytes: fs.readFileSync(archive), at: env.clock.now(), by: 'test' });
    }
    const [rec] = await queryRows<{ path: string; sha256: string; scopes: string[]; size: string; master_key_id: string }>(env.deps.db, sql`select path, sha256, scopes, size::text as size, master_key_id from backup_records`);
    assert.equal(rec!.path, path.resolve(archive));
    assert.equal(rec!.sha256, crypto.createHash('sha256').update(fs.readFileSync(archive)).digest('hex'));
    assert.equal(Number(rec!.size), fs.statSync(archive).size);
    assert.ok(rec!.scopes.includes(programScope(a)) && rec!.scopes.includes(programScope(b)), 'it holds both programs keys');
    assert.equal(rec!.master_key_id, env.deps.vault.masterKeyId);

    const out = path.join(env.dataDir, 'plan.pdf');
    const r = await cli(env.deps, ['erasure', 'plan', '--program', 'pur-a', '--out', out]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /privacy\tfiles \(DATA_DIR\/privacy\)\t1\t/);
    assert.match(r.out, /core\tmail bodies \(mail_outbox\)\t1\n/);
    assert.ok(r.out.includes(`backup\t1\t`) && r.out.includes(path.resolve(archive)) && r.out.includes('holds the program key'), r.out);
    const text = execFileSync('pdftotext', [out, '-']).toString().replace(/\s+/g, ' ');
    assert.ok(text.includes('保管ファイル') && text.includes('送信メールの本文') && text.includes('取得したバックアップ') && text.includes('この事業の鍵を含む'), text);
  });

  test('execute deletes the files and blanks the mail bodies (rows kept), verifies, and certifies which backups are covered', async () => {
    const keysA = (await filesOf(a)).map((f) => path.join(storeRoot(env.deps.config.dataDir), f.storage_key));
    assert.ok(keysA.every((k) => fs.existsSync(k)), 'files before');
    const mailBBefore = await mailOf(b);
    const newKey = crypto.randomBytes(32).toString('base64');
    const r = await cli(env.deps, ['erasure', 'execute', '--program', 'pur-a', '--confirm', 'pur-a', '--new-master-key-stdin'], newKey);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /1 stored files deleted, 1 mail bodies purged, verification passed/);
    assert.match(r.out, /backup 1 \(.*\): covered/);

    assert.ok(keysA.every((k) => !fs.existsSync(k)), 'no file of the erased program remains');
    assert.deepEqual((await filesOf(a)).map((f) => f.removed_reason), ['program-erased'], 'the file rows are kept as the record');
    const [m] = await mailOf(a);
    assert.equal(m!.text_sealed, '');
    assert.equal(m!.html_sealed, null);
    assert.equal(m!.template, 'test.notice');
    assert.equal(m!.status, 'sent');
    assert.ok(m!.sent_at && m!.to_sealed.startsWith('v1:'), 'the record of the mail stays (time, template, sealed recipient)');
    // The other program keeps its files and mail.
    assert.ok((await filesOf(b)).every((f) => !f.removed_at && fs.existsSync(path.join(storeRoot(env.deps.config.dataDir), f.storage_key))), 'other programs files untouched');
    assert.deepEqual(await mailOf(b), mailBBefore);
    const boxB = await env.deps.vault.box(env.deps.db, programScope(b));
    assert.equal(boxB.open(mailBBefore[0]!.text_sealed), BODY);

    const [e] = await queryRows<{ purged: { files: number; mailBodies: number }; verification: { filesLeft: number; mailBodiesLeft: number; ok: boolean }; backups: Array<{ covered: boolean; holdsKey: boolean }> }>(
      env.deps.db,
      sql`select purged, verification, backups from privacy_erasures where program_id = ${a}`,
    );
    assert.equal(e!.purged.files, 1);
    assert.equal(e!.purged.mailBodies, 1);
    assert.deepEqual([e!.verification.filesLeft, e!.verification.mailBodiesLeft, e!.verification.ok], [0, 0, true]);
    assert.deepEqual(e!.backups.map((x) => [x.holdsKey, x.covered]), [[true, true]]);

    const cert = path.join(env.dataDir, 'cert.pdf');
    assert.equal((await cli(env.deps, ['erasure', 'certificate', '--program', 'pur-a', '--out', cert])).code, 0);
    const text = execFileSync('pdftotext', [cert, '-']).toString().replace(/\s+/g, ' ');
    assert.ok(text.includes('削除したファイル：1 件') && text.includes('本文を消去した送信メール：1 件'), text);
    assert.ok(text.includes('対象（消去後の鍵では復号できない）') && text.includes(path.basename(path.join(env.dataDir, 'before.tar.gz'))), 'the certificate names the backup as covered');
    assert.ok(text.includes('残存ファイル：0 件'), 'the verification of files and mail');
  });

  test('the verification fails while a file or a mail body of the program remains', async () => {
    const holdings = await findHoldings(env.deps.db, env.deps, a);
    const stray = path.join(storeRoot(env.deps.config.dataDir), `p${a}`, 'f'.repeat(32));
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, 'left behind');
    let v = await verifyErasure(env.deps.db, env.deps, a, holdings);
    assert.deepEqual([v.filesLeft, v.ok], [1, false]);
    fs.rmSync(stray);
    await queryRows(env.deps.db, sql`update mail_outbox set html_sealed = 'v1:x' where program_id = ${a}`);
    v = await verifyErasure(env.deps.db, env.deps, a, holdings);
    assert.deepEqual([v.filesLeft, v.mailBodiesLeft, v.ok], [0, 1, false]);
    await queryRows(env.deps.db, sql`update mail_outbox set html_sealed = null where program_id = ${a}`);
    assert.equal((await verifyErasure(env.deps.db, env.deps, a, holdings)).ok, true);
  });

  test('without a new master key, a backup holding the key is listed as not covered', async () => {
    const r = await cli(env.deps, ['erasure', 'execute', '--program', 'pur-b', '--confirm', 'pur-b']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /backup 1 \(.*\): NOT covered/);
    const [e] = await queryRows<{ backups: Array<{ covered: boolean }>; purged: { files: number } }>(env.deps.db, sql`select backups, purged from privacy_erasures where program_id = ${b}`);
    assert.deepEqual(e!.backups.map((x) => x.covered), [false]);
    assert.equal(e!.purged.files, 1);
  });
});
