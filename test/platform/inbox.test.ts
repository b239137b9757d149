import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../src/platform/audit/index.js';
import { runCommand } from '../../src/platform/command.js';
import { saveDraft } from '../../src/modules/site/commands/save-draft.js';
import { submitVersion } from '../../src/modules/site/commands/submit-version.js';
import { registerParticipant } from '../../src/modules/events/commands/register-participant.js';
import { makeEvent } from '../../src/modules/events/test-helpers.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { makeProgram, makeUser } from '../helpers/fixtures.js';
import { signedInBrowsers, type TestBrowser } from '../helpers/http.js';
import { startWorker } from '../../src/platform/jobs/worker.js';
import { INBOX_DIGEST_SCHEDULE } from '../../src/platform/inbox/digest-job.js';
import { mailOutbox } from '../../src/platform/mail/schema.js';
import { eq } from 'drizzle-orm';

/** The back-office home lists, per program, the work waiting for the person signed in (manifest `inbox`). */
describe('the back-office home shows the work waiting for each role', () => {
  let env: TestEnv;
  let city: TestBrowser;
  let operator: TestBrowser;
  let eventOperator: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    const program = await makeProgram(env.deps, 'inbox-a');
    await makeUser(env.deps, 'city@inbox.example', 'city', program.id);
    await makeUser(env.deps, 'op@inbox.example', 'operator', program.id);
    const event = await makeEvent(env.deps, 'inbox-ev');
    await makeUser(env.deps, 'op@inbox-ev.example', 'operator', event.id);
    [city, operator, eventOperator] = (await signedInBrowsers(env.deps, ['city@inbox.example', 'op@inbox.example', 'op@inbox-ev.example'])) as [TestBrowser, TestBrowser, TestBrowser];
    // An application by FAX: its confirmation sheet waits to be posted.
    await runCommand(env.deps, systemActor('test'), (ctx) =>
      registerParticipant(ctx, event, { name: '紙 申込', nameKana: 'かみ もうしこみ', organization: '', attendance: 'venue', channel: 'fax', fax: '022-111-2222' }, { staff: true }),
    );
    await runCommand(env.deps, systemActor('test'), async (ctx) => {
      for (const title of ['夏のお知らせ', '秋のお知らせ']) {
        const v = await saveDraft(ctx, program, { kind: 'news' }, { titleJa: title, bodyJa: '本文' });
        await submitVersion(ctx, program, v.id);
      }
    });
  });
  after(() => env.close());

  test('the City sees the content awaiting its approval, with the count and a link', async () => {
    const html = await (await city.get('/admin')).text();
    assert.match(html, /<a href="\/admin\/site\/inbox-a">市の承認待ちの掲載内容（2件）<\/a>/);
  });

  test('the secretariat does not see the City’s work; nothing waits for it here', async () => {
    const html = await (await operator.get('/admin')).text();
    assert.doesNotMatch(html, /承認待ちの掲載内容/);
    assert.match(html, /対応待ち/);
  });

  test('the event’s secretariat sees the confirmation sheets waiting to be posted', async () => {
    const html = await (await eventOperator.get('/admin')).text();
    assert.match(html, /<a href="\/admin\/events\/inbox-ev\/to-send">郵送待ちの受付確認書（1件）<\/a>/);
  });

  test('the work inbox lists the City’s waiting work across modules with the program, count and since when', async () => {
    const res = await city.get('/admin/inbox');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1[^>]*>対応待ちの仕事<\/h1>/);
    const row = /<tr>(?:(?!<\/tr>)[\s\S])*市の承認待ちの掲載内容[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    assert.match(row, /<a href="\/admin\/site\/inbox-a">市の承認待ちの掲載内容<\/a>/);
    assert.match(row, />2</);
    assert.match(row, /テスト事業 inbox-a/);
    assert.match(row, /\d{4}年\d{1,2}月\d{1,2}日/, 'since when it waits');
    assert.doesNotMatch(html, /郵送待ち/, 'not another program’s work');
    // The home page leads there.
    assert.match(await (await city.get('/admin')).text(), /<a href="\/admin\/inbox">対応待ちの仕事の一覧<\/a>/);
  });

  test('the operators have the same inbox for their own work, oldest first', async () => {
    const html = await (await eventOperator.get('/admin/inbox')).text();
    assert.match(html, /<a href="\/admin\/events\/inbox-ev\/to-send">郵送待ちの受付確認書<\/a>/);
    const empty = await (await operator.get('/admin/inbox')).text();
    assert.match(empty, /対応待ちの仕事はありません/);
  });

  test('the 9:00 digest mails each City user with waiting work once a day: counts and links, no personal data', async () => {
    const digests = () => env.deps.db.select({ id: mailOutbox.id, subject: mailOutbox.subject, textSealed: mailOutbox.textSealed }).from(mailOutbox).where(eq(mailOutbox.template, 'inbox.digest'));
    const worker = startWorker(env.deps, { handlers: env.deps.modules.jobHandlers, schedules: [INBOX_DIGEST_SCHEDULE] }, false);
    const run = async () => {
      await worker.tick();
      await worker.idle();
    };
    try {
      env.clock.set('2026-07-01T23:59:00Z'); // 08:59 on 2 July in Tokyo
      await run();
      assert.equal((await digests()).length, 0, 'not before 9:00');
      env.clock.set('2026-07-02T00:00:00Z'); // 09:00
      await run();
      const sent = await digests();
      assert.equal(sent.length, 1, 'one mail: the City user; the operators get none, nobody without work gets one');
      assert.equal(sent[0]!.subject, '【事務局システム】2026年7月2日（木） の対応待ち 2件');
      const text = String((await env.deps.vault.box(env.deps.db, 'system')).open(sent[0]!.textSealed));
      assert.match(text, /テスト事業 inbox-a：市の承認待ちの掲載内容 2件/);
      assert.match(text, /\/admin\/site\/inbox-a/);
      assert.doesNotMatch(text, /紙 申込|022-111-2222/, 'no personal data');
      env.clock.set('2026-07-02T05:00:00Z');
      await run();
      assert.equal((await digests()).length, 1, 'once a day');
      env.clock.set('2026-07-03T00:00:00Z');
      await run();
      assert.equal((await digests()).length, 2, 'and again the next day');
    } finally {
      await worker.stop();
    }
  });
});
