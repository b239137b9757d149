/**
 * A line shortage ahead is more than a mark on the reports page: the operator's inbox counts the
 * short days of the next two weeks, and the morning job mails the operators once per short day
 * (no personal data), however often it runs. The City is not told (the seed asks it of no one).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createApp } from '../../app.js';
import { queryRows } from '../../db/client.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import { setProgramSettings } from '../../platform/programs/commands/set-program-settings.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { TestBrowser } from '../../../test/helpers/http.js';
import { makeProgram, makeUser, TEST_PASSWORD } from '../../../test/helpers/fixtures.js';
import { findMail } from '../../platform/mail/outbox.js';
import { callsJobHandlers, LINES_JOB } from './jobs.js';

describe('line shortage: inbox item and one mail per short day', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    env = await createTestEnv();
    const p = await makeProgram(env.deps, 'lines');
    // The line opens on Mon 5/11 (peak: 5/11–5/24, 3 lines), weekdays only.
    await runCommand(env.deps, systemActor('test'), (ctx) =>
      setProgramSettings(ctx, 'lines', [
        ['callCenterBusinessOpens', '2026-05-11'],
        ['callCenterBusinessCloses', '2026-07-31'],
        ['callCenterPeakFrom', '2026-05-11'],
      ]),
    );
    await makeUser(env.deps, 'op@lines.example', 'operator', p.id);
    await makeUser(env.deps, 'city@lines.example', 'city', p.id);
    app = createApp(env.deps);
  });
  after(() => env.close());

  const runJob = () => callsJobHandlers[LINES_JOB]!({ deps: env.deps, job: { payload: {} } } as never);
  const mails = () => queryRows<{ id: number; subject: string }>(env.deps.db, sql`select id, subject from mail_outbox where template = 'calls.lines_short' order by id`);
  const plan = async (op: TestBrowser, month: string, lines: Record<string, string>) => {
    await op.get(`/admin/calls/lines/reports?month=${month}`);
    const r = await op.post(`/admin/calls/lines/lines?month=${month}`, { ...Object.fromEntries(Object.entries(lines).map(([d, n]) => [`lines_${d}`, n])), _once: op.once() });
    assert.equal(r.status, 303);
  };

  test('before the period nothing is short; in it, the days ahead without enough lines are counted and mailed once each', async () => {
    const op = new TestBrowser(env.deps, app);
    await op.login('op@lines.example', TEST_PASSWORD);
    env.clock.set('2026-04-20T00:00:00Z'); // Mon 4/20: the line opens in three weeks
    await runJob();
    assert.equal((await mails()).length, 0, 'nothing in the next two weeks is in the period');
    await op.get('/admin/inbox');
    assert.ok(!op.lastHtml.includes('回線数が不足する日'), 'no inbox item yet');

    // Plan the peak weekdays 5/11–5/15 with 3 lines, except 5/13 with 2; 5/18–5/22 unplanned.
    await plan(op, '2026-05', { '2026-05-11': '3', '2026-05-12': '3', '2026-05-13': '2', '2026-05-14': '3', '2026-05-15': '3' });
    env.clock.set('2026-05-08T23:35:00Z'); // Sat 5/9 08:35 JST: the next 14 days are 5/9–5/22
    await op.get('/admin/inbox');
    // Short: 5/13 (2 < 3) and the unplanned weekdays 5/18–5/22; weekends are closed.
    assert.ok(/コールセンターの回線数が不足する日（今後14日）/.test(op.lastHtml), 'inbox item for the operator');
    const cells = [.../コールセンターの回線数が不足する日（今後14日）<\/a><\/th>((?:(?!<\/tr>).)*)/s.exec(op.lastHtml)![1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    assert.equal(cells[0], '6', `six short days: ${cells.join(' | ')}`);
    assert.ok(cells.some((c) => c?.includes('2026年5月13日')), `due the first short day: ${cells.join(' | ')}`);
    await runJob();
    const first = await mails();
    assert.equal(first.length, 6, 'one mail per short day to the one operator');
    assert.ok(first.some((m) => m.subject.includes('2026年5月13日')), first.map((m) => m.subject).join(' / '));
    const body = await findMail(env.deps.db, first[0]!.id);
    assert.ok(body, 'mail stored');
    await runJob();
    assert.equal((await mails()).length, 6, 'the job again mails nothing new (idempotent)');
    const audited = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'calls.lines.short_warned'`);
    assert.equal(Number(audited[0]!.n), 6);

    // Staffing fixed: the inbox clears; the next morning the window moves on and only new short days are mailed.
    await plan(op, '2026-05', { '2026-05-13': '3', '2026-05-18': '3', '2026-05-19': '3', '2026-05-20': '3', '2026-05-21': '3', '2026-05-22': '3' });
    await op.get('/admin/inbox');
    assert.ok(!op.lastHtml.includes('回線数が不足する日'), 'no short day left in the window');
    env.clock.set('2026-05-10T23:35:00Z'); // Mon 5/11: window 5/11–5/24; 5/25 (after the peak, 2 lines) is not in it yet
    await runJob();
    assert.equal((await mails()).length, 6);
    env.clock.set('2026-05-11T23:35:00Z'); // Tue 5/12: window reaches Mon 5/25 (2 lines needed, none planned)
    await runJob();
    const later = await mails();
    assert.equal(later.length, 7);
    assert.ok(later.at(-1)!.subject.includes('2026年5月25日'), later.at(-1)!.subject);

    const city = new TestBrowser(env.deps, app);
    await city.login('city@lines.example', TEST_PASSWORD);
    await city.get('/admin/inbox');
    assert.ok(!city.lastHtml.includes('回線数が不足する日'), 'the City is not asked to staff lines');
  });
});
