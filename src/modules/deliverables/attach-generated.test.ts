import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/schema.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import { AppError } from '../../platform/errors/index.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { makeProgram } from '../../../test/helpers/fixtures.js';
import { answerRound } from './commands/answer-round.js';
import { sendRound } from './commands/send-round.js';
import { attachGeneratedVersion, deliverableStatusByKey } from './index.js';
import { deliverables, deliverableVersions } from './schema.js';
import { samplePdf } from './test-helpers.js';

/** The files in the program's part of the local store. */
const storedFiles = (env: TestEnv, programId: number): string[] => {
  const dir = path.join(env.dataDir, 'deliverables', `p${programId}`);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

describe('attachGeneratedVersion and deliverableStatusByKey (for other modules)', () => {
  let env: TestEnv;
  let programId: number;
  const actor = systemActor('test');

  before(async () => {
    env = await createTestEnv();
    programId = (await makeProgram(env.deps, 'dl-attach', 'event')).id;
  });
  after(() => env.close());

  it('records a generated PDF as the next version of the preset deliverable, audited, and reports its status by key', async () => {
    assert.equal(await deliverableStatusByKey(env.deps.db, programId, 'schedule'), null, 'the register is not seeded yet');
    const pdf = await samplePdf(1, '業務工程表');
    const first = await runCommand(env.deps, actor, (ctx) => attachGeneratedVersion(ctx, { programId, key: 'schedule', filename: 'schedule.pdf', bytes: pdf, note: '初版' }));
    const second = await runCommand(env.deps, actor, (ctx) => attachGeneratedVersion(ctx, { programId, key: 'schedule', filename: 'schedule-2.pdf', bytes: pdf, note: '変更' }));
    assert.equal(first.version, 1);
    assert.deepEqual(second, { deliverableId: first.deliverableId, version: 2 });
    const [d] = await env.deps.db.select().from(deliverables).where(eq(deliverables.id, first.deliverableId));
    assert.equal(d!.key, 'schedule');
    assert.equal(d!.programId, programId);
    const status = await deliverableStatusByKey(env.deps.db, programId, 'schedule');
    assert.deepEqual(status, { id: first.deliverableId, status: 'planned', approvedAt: null, latestVersion: 2 });
    const audits = await env.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'deliverables.version.uploaded'), eq(auditLog.targetId, String(first.deliverableId))));
    assert.equal(audits.length, 2);
    assert.equal(storedFiles(env, programId).length, 2);

    await runCommand(env.deps, actor, (ctx) => sendRound(ctx, first.deliverableId, { version: 2 }));
    await runCommand(env.deps, actor, (ctx) => answerRound(ctx, first.deliverableId, 1, { decision: 'approve' }));
    const approved = await deliverableStatusByKey(env.deps.db, programId, 'schedule');
    assert.equal(approved?.status, 'approved');
    assert.ok(approved?.approvedAt instanceof Date, 'the approval time is given');

    // A changed schedule after approval: the new version reopens the proof, and the City approves again.
    const third = await runCommand(env.deps, actor, (ctx) => attachGeneratedVersion(ctx, { programId, key: 'schedule', filename: 'schedule-3.pdf', bytes: pdf, note: '承認後の変更' }));
    assert.equal(third.version, 3);
    assert.equal((await deliverableStatusByKey(env.deps.db, programId, 'schedule'))?.status, 'planned', 'a new version reopens an approved deliverable');
    await runCommand(env.deps, actor, (ctx) => sendRound(ctx, first.deliverableId, { version: 3 }));
    await runCommand(env.deps, actor, (ctx) => answerRound(ctx, first.deliverableId, 2, { decision: 'approve' }));
    const again = await deliverableStatusByKey(env.deps.db, programId, 'schedule');
    assert.equal(again?.status, 'approved');
    assert.ok(again!.approvedAt!.getTime() >= approved!.approvedAt!.getTime(), 'approved again');
  });

  it('adds a key the register does not hold (業務履行体制変更届) and refuses an unknown key without a title', async () => {
    const r = await runCommand(env.deps, actor, async (ctx) => attachGeneratedVersion(ctx, { programId, key: 'structure-change', filename: 'change.pdf', bytes: await samplePdf(1), note: '' }));
    const [d] = await env.deps.db.select().from(deliverables).where(eq(deliverables.id, r.deliverableId));
    assert.equal(d!.title, '業務履行体制変更届');
    assert.equal((await deliverableStatusByKey(env.deps.db, programId, 'structure-change'))?.latestVersion, 1);
    const added = await env.deps.db.select().from(auditLog).where(eq(auditLog.action, 'deliverables.item.added'));
    assert.equal(added.length, 1);
    await assert.rejects(
      runCommand(env.deps, actor, async (ctx) => attachGeneratedVersion(ctx, { programId, key: 'no-such-thing', filename: 'x.pdf', bytes: await samplePdf(1), note: '' })),
      (e) => e instanceof AppError && e.code === 'validation-failed',
    );
    const custom = await runCommand(env.deps, actor, async (ctx) => attachGeneratedVersion(ctx, { programId, key: 'meeting-minutes', title: '打合せ記録', filename: 'm.pdf', bytes: await samplePdf(1), note: '' }));
    assert.equal(custom.version, 1);
  });

  it('refuses bytes that are not a deliverable type, and leaves no file when the caller\'s transaction fails', async () => {
    const before = storedFiles(env, programId).length;
    await assert.rejects(
      runCommand(env.deps, actor, (ctx) => attachGeneratedVersion(ctx, { programId, key: 'schedule', filename: 'x.txt', bytes: Buffer.from('plain text'), note: '' })),
      (e) => e instanceof AppError && e.code === 'unsupported-media-type',
    );
    const pdf = await samplePdf(1);
    await assert.rejects(
      runCommand(env.deps, actor, async (ctx) => {
        await attachGeneratedVersion(ctx, { programId, key: 'schedule', filename: 'schedule-4.pdf', bytes: pdf, note: '' });
        throw new AppError('conflict', '呼び出し側の拒否');
      }),
      (e) => e instanceof AppError && e.code === 'conflict',
    );
    assert.equal(storedFiles(env, programId).length, before, 'the stored file was removed with the rollback');
    const id = (await deliverableStatusByKey(env.deps.db, programId, 'schedule'))!.id;
    assert.equal((await env.deps.db.select().from(deliverableVersions).where(eq(deliverableVersions.deliverableId, id))).length, 3, 'the three versions of the first test, no fourth');
  });
});
