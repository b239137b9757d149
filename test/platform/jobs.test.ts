import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { claimJobs, enqueueJob } from '../../src/platform/jobs/queue.js';
import { enqueueDueSchedules } from '../../src/platform/jobs/schedule.js';
import { jobs } from '../../src/platform/jobs/schema.js';
import { startWorker } from '../../src/platform/jobs/worker.js';
import { queueMail } from '../../src/platform/mail/outbox.js';
import { releaseHeldMail, sendMailJob } from '../../src/platform/mail/send-job.js';
import { mailOutbox } from '../../src/platform/mail/schema.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';

describe('durable jobs', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv({}, { realClock: true });
  });
  after(() => env.close());

  test('concurrent claims never hand one job to two workers', async () => {
    for (let i = 0; i < 40; i++) await enqueueJob(env.deps.db, { kind: 'claim.test', payload: { i } });
    const now = new Date(Date.now() + 1000);
    const claims = await Promise.all(Array.from({ length: 8 }, (_, w) => claimJobs(env.deps.db, `w${w}`, 10, now, 60_000)));
    const ids = claims.flat().map((j) => j.id);
    assert.equal(ids.length, 40);
    assert.equal(new Set(ids).size, 40);
    await env.deps.db.delete(jobs).where(eq(jobs.kind, 'claim.test'));
  });

  test('a failing job is retried with backoff, then marked failed after its attempts', async () => {
    let calls = 0;
    const id = await enqueueJob(env.deps.db, { kind: 'flaky', maxAttempts: 2 });
    const fail = startWorker(env.deps, { handlers: { flaky: async () => { calls++; throw new Error('boom'); } } }, false);
    await fail.tick();
    await fail.idle();
    let [row] = await env.deps.db.select().from(jobs).where(eq(jobs.id, id!));
    assert.equal(row!.status, 'queued');
    assert.equal(row!.attempts, 1);
    assert.ok(row!.runAt.getTime() > Date.now() + 3000, 'next try is backed off');
    assert.equal(row!.lastError, 'boom');
    await env.deps.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.id, id!));
    await fail.tick();
    await fail.idle();
    [row] = await env.deps.db.select().from(jobs).where(eq(jobs.id, id!));
    assert.equal(row!.status, 'failed');
    assert.equal(calls, 2);
    await fail.stop();
  });

  test('a job whose worker keeps dying is failed after its attempts, not reclaimed forever', async () => {
    const id = await enqueueJob(env.deps.db, { kind: 'crasher', maxAttempts: 2 });
    const lease = 60_000;
    let t = Date.now() + 1000;
    const claimedBy = async (w: string) => (await claimJobs(env.deps.db, w, 10, new Date(t), lease)).filter((j) => j.kind === 'crasher');
    // Two claims whose workers die (the lease runs out, nothing reports back): two attempts.
    assert.equal((await claimedBy('w1')).length, 1);
    t += lease + 1000;
    const second = await claimedBy('w2');
    assert.equal(second.length, 1, 'reclaimed once its lease expired');
    assert.equal(second[0]!.attempts, 2, 'the reclaim counts as an attempt');
    t += lease + 1000;
    assert.equal((await claimedBy('w3')).length, 0, 'no attempts left: not reclaimed');
    const [row] = await env.deps.db.select().from(jobs).where(eq(jobs.id, id!));
    assert.equal(row!.status, 'failed');
    assert.equal(row!.lockedBy, null);
    assert.match(row!.lastError ?? '', /lease expired on attempt 2 of 2/);
    t += lease + 1000;
    assert.equal((await claimedBy('w4')).length, 0, 'and stays failed');
  });

  test('a daily schedule is enqueued once per Tokyo day, only after its time', async () => {
    const schedules = [{ name: 'tally', at: '12:00', kind: 'tally' }];
    // 02:59 UTC = 11:59 JST: not yet.
    assert.equal(await enqueueDueSchedules(env.deps.db, schedules, new Date('2026-06-01T02:59:00Z')), 0);
    assert.equal(await enqueueDueSchedules(env.deps.db, schedules, new Date('2026-06-01T03:00:00Z')), 1);
    assert.equal(await enqueueDueSchedules(env.deps.db, schedules, new Date('2026-06-01T09:00:00Z')), 0, 'not twice the same day');
    // 15:30 UTC on 06-01 is 00:30 JST on 06-02: a new day, before noon.
    assert.equal(await enqueueDueSchedules(env.deps.db, schedules, new Date('2026-06-01T15:30:00Z')), 0);
    assert.equal(await enqueueDueSchedules(env.deps.db, schedules, new Date('2026-06-02T03:01:00Z')), 1);
    const rows = await queryRows<{ payload: { scheduledFor: string } }>(env.deps.db, sql`select payload from jobs where kind = 'tally' order by id`);
    assert.deepEqual(rows.map((r) => r.payload.scheduledFor), ['2026-06-01', '2026-06-02']);
  });
});

describe('mail outbox', () => {
  test('mails are delivered over SMTP with the stored Message-ID; without SMTP they are held', async () => {
    const sink = await startSmtpSink();
    const held = await createTestEnv({}, { realClock: true });
    const live = await createTestEnv({ SMTP_URL: sink.url, MAIL_FROM: '事務局 <no-reply@jimukyoku.example.jp>' }, { realClock: true });
    try {
      for (const env of [held, live]) {
        await env.deps.db.transaction(async (tx) => {
          await queueMail(tx, env.deps, { programId: null, template: 'greeting', to: 'hanako@example.jp', subject: '【事務局】受付のお知らせ', text: '佐藤花子様\n受け付けました。', html: '<p>佐藤花子様</p>' });
        });
        const worker = startWorker(env.deps, { handlers: { 'mail.send': sendMailJob } }, false);
        await worker.tick();
        await worker.idle();
        await worker.stop();
      }
      const [heldMail] = await held.deps.db.select().from(mailOutbox);
      assert.equal(heldMail!.status, 'held');
      assert.equal(await releaseHeldMail(held.deps), 0, 'still no SMTP: stays held');

      const [sent] = await live.deps.db.select().from(mailOutbox);
      assert.equal(sent!.status, 'sent');
      assert.equal(sink.messages.length, 1);
      const msg = sink.messages[0]!;
      assert.deepEqual(msg.to, ['hanako@example.jp']);
      assert.equal(msg.messageId, sent!.messageId);
      assert.match(msg.raw, /Subject: =\?UTF-8\?/i, 'Japanese subject is MIME-encoded');
    } finally {
      await held.close();
      await live.close();
      await sink.close();
    }
  });

  test('an SMTP refusal is retried and recorded', async () => {
    let refuse = true;
    const sink = await startSmtpSink({ beforeAccept: () => { if (refuse) throw new Error('no'); } });
    const env = await createTestEnv({ SMTP_URL: sink.url }, { realClock: true });
    try {
      await env.deps.db.transaction((tx) => queueMail(tx, env.deps, { programId: null, template: 't', to: 'a@example.jp', subject: 's', text: 'b' }));
      const worker = startWorker(env.deps, { handlers: { 'mail.send': sendMailJob } }, false);
      await worker.tick();
      await worker.idle();
      let [mail] = await env.deps.db.select().from(mailOutbox);
      assert.equal(mail!.status, 'queued');
      assert.ok(mail!.lastError);
      refuse = false;
      await env.deps.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) });
      await worker.tick();
      await worker.idle();
      await worker.stop();
      [mail] = await env.deps.db.select().from(mailOutbox);
      assert.equal(mail!.status, 'sent');
      assert.equal(sink.messages.length, 1);
    } finally {
      await env.close();
      await sink.close();
    }
  });

  test('on its last attempt a mail is marked failed while it is being sent (a crash then leaves it failed, not queued)', async () => {
    let statusWhileSending = '';
    let env: TestEnv | undefined;
    const sink = await startSmtpSink({
      beforeAccept: async () => {
        const [m] = await env!.deps.db.select().from(mailOutbox);
        statusWhileSending = m!.status;
      },
    });
    env = await createTestEnv({ SMTP_URL: sink.url }, { realClock: true });
    try {
      await env.deps.db.transaction((tx) => queueMail(tx, env!.deps, { programId: null, template: 't', to: 'last@example.jp', subject: 's', text: 'b' }));
      await env.deps.db.update(jobs).set({ maxAttempts: 1 });
      const worker = startWorker(env.deps, { handlers: { 'mail.send': sendMailJob } }, false);
      await worker.tick();
      await worker.idle();
      await worker.stop();
      assert.equal(statusWhileSending, 'failed');
      const [mail] = await env.deps.db.select().from(mailOutbox);
      assert.equal(mail!.status, 'sent', 'and sent once the server accepted it');
      assert.equal(mail!.lastError, null);
    } finally {
      await env.close();
      await sink.close();
    }
  });
});
