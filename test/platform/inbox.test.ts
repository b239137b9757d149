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
});
