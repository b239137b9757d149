import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { enqueueJob } from '../../src/platform/jobs/queue.js';
import { jobs } from '../../src/platform/jobs/schema.js';
import { startWorker } from '../../src/platform/jobs/worker.js';
import { log, redactPersonal, setLogLevel } from '../../src/platform/log/index.js';
import { MAIL_JOB, queueMail } from '../../src/platform/mail/outbox.js';
import { mailOutbox } from '../../src/platform/mail/schema.js';
import { closeTransports, sendMailJob } from '../../src/platform/mail/send-job.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';

/** Runs `fn` with the log level at warn and returns what was written to stderr. */
async function captureStderr(fn: () => Promise<void>): Promise<string> {
  const original = process.stderr.write.bind(process.stderr);
  let out = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stderr.write;
  setLogLevel('warn');
  try {
    await fn();
  } finally {
    setLogLevel('silent');
    process.stderr.write = original;
  }
  return out;
}

describe('personal data is masked in error text', () => {
  test('addresses and phone-like numbers are masked; codes, ports, dates and ids stay', () => {
    assert.equal(redactPersonal('550 5.1.1 <Taro.Sendai+x@example.co.jp>: Recipient address rejected'), '550 5.1.1 <[email]>: Recipient address rejected');
    assert.equal(redactPersonal('call 022-123-4567 or 09012345678 or +81 90 1234 5678'), 'call [phone] or [phone] or [phone]');
    assert.equal(redactPersonal('電話 ０２２－１２３－４５６７'), '電話 [phone]');
    assert.equal(redactPersonal('connect ECONNREFUSED 127.0.0.1:2525 at 2026-06-01T01:00:00Z job 1234567'), 'connect ECONNREFUSED 127.0.0.1:2525 at 2026-06-01T01:00:00Z job 1234567');
  });

  test('request ids are never masked, in an id field or in text; phone numbers in text fields still are', () => {
    // Digit groups of a UUID (`9012-345678…`) look like a phone number to the number rule.
    const requestId = '6f1c2e4a-3b5d-4c7e-9012-345678abcdef';
    assert.equal(redactPersonal(`request ${requestId} failed`), `request ${requestId} failed`);
    assert.equal(redactPersonal(`request ${requestId.toUpperCase()} failed`), `request ${requestId.toUpperCase()} failed`);
    // A hex key id or hash in an error text (a failed query's parameters) is an id too.
    assert.equal(redactPersonal('Failed query: select 1\nparams: 1ecd0123456789ab,1'), 'Failed query: select 1\nparams: 1ecd0123456789ab,1');
    assert.equal(redactPersonal('hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'), 'hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
    assert.equal(redactPersonal('TEL:090-1234-5678、電話09012345678です'), 'TEL:[phone]、電話[phone]です');
    const original = process.stdout.write.bind(process.stdout);
    let out = '';
    process.stdout.write = ((chunk: string | Uint8Array) => {
      out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    }) as typeof process.stdout.write;
    setLogLevel('info');
    try {
      log.info('request done', { requestId, jobId: '12345678901', note: 'call 022-123-4567', message: `for ${requestId}` });
    } finally {
      setLogLevel('silent');
      process.stdout.write = original;
    }
    const line = JSON.parse(out.trim()) as Record<string, string>;
    assert.equal(line.requestId, requestId);
    assert.equal(line.jobId, '12345678901', 'an id field is not text');
    assert.equal(line.note, 'call [phone]', 'text fields are masked');
    assert.equal(line.message, `for ${requestId}`);
  });

  describe('in the worker', () => {
    let env: TestEnv;
    let sink: Awaited<ReturnType<typeof startSmtpSink>>;
    before(async () => {
      sink = await startSmtpSink({ rejectRecipient: (a) => a.startsWith('unknown') });
      env = await createTestEnv({ SMTP_URL: sink.url }, { realClock: true });
    });
    after(async () => {
      closeTransports();
      await sink.close();
      await env.close();
    });

    test('a failing job stores and logs its error without the address or phone number', async () => {
      const id = await enqueueJob(env.deps.db, { kind: 'leaky', maxAttempts: 3 });
      const w = startWorker(env.deps, { handlers: { leaky: async () => { throw new Error('could not reach hanako@example.jp at 022-987-6543'); } } }, false);
      const logged = await captureStderr(async () => {
        await w.tick();
        await w.idle();
      });
      await w.stop();
      const [row] = await env.deps.db.select().from(jobs).where(eq(jobs.id, id!));
      assert.equal(row!.lastError, 'could not reach [email] at [phone]');
      assert.match(logged, /job failed/);
      assert.doesNotMatch(logged, /hanako|987-6543/);
    });

    test("an SMTP refusal that echoes the recipient is stored and logged masked", async () => {
      const mailId = await env.deps.db.transaction((tx) =>
        queueMail(tx, env.deps, { programId: null, template: 'test', to: 'unknown.person@example.jp', subject: 'テスト', text: '本文' }),
      );
      const w = startWorker(env.deps, { handlers: { [MAIL_JOB]: sendMailJob } }, false);
      const logged = await captureStderr(async () => {
        await w.tick();
        await w.idle();
      });
      await w.stop();
      const [mail] = await env.deps.db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
      assert.equal(mail!.status, 'queued', 'retried later');
      assert.match(mail!.lastError ?? '', /550.*\[email\]/, 'the refusal echoed the address, masked');
      assert.doesNotMatch(mail!.lastError ?? '', /unknown\.person/);
      const [job] = await env.deps.db.select().from(jobs).where(eq(jobs.kind, MAIL_JOB));
      assert.match(job!.lastError ?? '', /\[email\]/);
      assert.doesNotMatch(job!.lastError ?? '', /unknown\.person/);
      assert.match(logged, /job failed/);
      assert.doesNotMatch(logged, /unknown\.person/);
    });
  });
});
