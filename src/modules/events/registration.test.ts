import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import { startWorker } from '../../platform/jobs/worker.js';
import { INSTALLATION } from '../index.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { makeToken, makeUser } from '../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { cancelRegistration } from './commands/cancel-registration.js';
import { mergeRegistration } from './commands/merge-registration.js';
import { eventRegistrations } from './schema.js';
import { decodeMail, makeEvent, person } from './test-helpers.js';

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;

async function drainOutbox(env: TestEnv): Promise<void> {
  const worker = startWorker(env.deps, { handlers: INSTALLATION.jobHandlers, concurrency: 16 }, false);
  while ((await worker.tick()) > 0) await worker.idle();
  await worker.idle();
  await worker.stop();
}

describe('event registration: capacity, waitlist, numbering, promotion', () => {
  let env: TestEnv;
  let sink: Sink;
  let browser: TestBrowser;
  before(async () => {
    sink = await startSmtpSink();
    // These tests are about numbering and seats under concurrency, not about shedding load: a loaded
    // machine (event-loop lag, a slow pool) must not turn registrations into 503s here.
    env = await createTestEnv(
      { SMTP_URL: sink.url, MAIL_FROM: '交流会事務局 <no-reply@jimukyoku.example.jp>', SHED_LAG_MS: '0', DATABASE_WAIT_MS: '60000' },
      { realClock: true },
    );
    browser = new TestBrowser(env.deps);
  });
  after(async () => {
    await env.close();
    await sink.close();
  });

  test('100 concurrent web registrations against 60 seats: 60 confirmed, 40 waitlisted, numbers 1..100', async () => {
    const program = await makeEvent(env.deps, 'ev-rush');
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => apiRequest(browser.app, 'POST', '/api/v1/programs/ev-rush/registrations', { body: person({ email: `rush${i}@example.jp` }) })),
    );
    const bodies = await Promise.all(results.map(async (r) => ({ status: r.status, body: (await r.json()) as { id: number; number: number; status: string } })));
    assert.deepEqual([...new Set(bodies.map((b) => b.status))], [201]);
    assert.equal(bodies.filter((b) => b.body.status === 'confirmed').length, 60);
    assert.equal(bodies.filter((b) => b.body.status === 'waitlisted').length, 40);
    const numbers = bodies.map((b) => b.body.number).sort((a, b) => a - b);
    assert.deepEqual(numbers, Array.from({ length: 100 }, (_, i) => i + 1), 'no gaps, no duplicates');
    // First come, first served: the seats went to numbers 1..60.
    for (const b of bodies) assert.equal(b.body.status, b.body.number <= 60 ? 'confirmed' : 'waitlisted');
    const [row] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from event_registrations where program_id = ${program.id} and status = 'confirmed'`);
    assert.equal(Number(row!.n), 60);
    await drainOutbox(env);
    assert.equal(sink.messages.length, 100, 'every applicant got a confirmation');
    const sample = sink.messages.find((m) => m.to.includes('rush0@example.jp'))!;
    const mail = decodeMail(sample.raw);
    assert.match(mail.text, /http:\/\/localhost:3000\/ev-rush\/registration\/[0-9a-f]{40}/, 'the mail carries the manage link');
    assert.match(mail.text, /受付番号：\d+/);
    assert.match(mail.subject, /受付完了/);
    assert.ok(!mail.text.includes('meet.example.jp'), 'no viewing link for people at the venue');
  });

  test('a cancellation promotes the first waitlisted person, who is mailed', async () => {
    const [program] = await queryRows<{ id: number }>(env.deps.db, sql`select id from programs where slug = 'ev-rush'`);
    const programId = Number(program!.id);
    const [first] = await env.deps.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.programId, programId), eq(eventRegistrations.number, 7)));
    const before = sink.messages.length;
    const { findProgramBySlug } = await import('../../platform/programs/queries.js');
    const p = (await findProgramBySlug(env.deps.db, 'ev-rush'))!;
    const { promoted } = await runCommand(env.deps, systemActor('test'), (ctx) => cancelRegistration(ctx, p, first!.id, 'staff'));
    assert.deepEqual(promoted.map((r) => r.number), [61]);
    const [now61] = await env.deps.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.programId, programId), eq(eventRegistrations.number, 61)));
    assert.equal(now61!.status, 'confirmed');
    await drainOutbox(env);
    const fresh = sink.messages.slice(before);
    assert.equal(fresh.length, 2, 'the cancellation notice and the promotion notice');
    const decoded = fresh.map((m) => decodeMail(m.raw));
    const promotedMail = decoded.find((m) => /繰り上がりました/.test(m.subject));
    assert.ok(promotedMail, 'a mail to the promoted person');
    assert.match(promotedMail.text, /受付番号：61\n/);
    assert.ok(decoded.some((m) => /取消/.test(m.subject) && /受付番号：7\n/.test(m.text)), 'the cancellation notice');
    const cancelMail = decoded.find((m) => /取消/.test(m.subject))!;
    assert.match(cancelMail.text, /\/ev-rush\/registration\/[0-9a-f]{40}/, 'the cancellation notice carries the link too');
    const counts = await queryRows<{ status: string; n: number }>(env.deps.db, sql`select status, count(*)::int as n from event_registrations where program_id = ${programId} group by status order by status`);
    assert.deepEqual(counts.map((c) => [c.status, Number(c.n)]), [['cancelled', 1], ['confirmed', 60], ['waitlisted', 39]]);
  });

  test('validation errors are 422 problem+json with field errors; outside the window 409 window-closed', async () => {
    await makeEvent(env.deps, 'ev-rules', { registrationOpens: '2020-01-01', registrationCloses: '2020-01-31' });
    await makeEvent(env.deps, 'ev-open');
    const bad = await apiRequest(browser.app, 'POST', '/api/v1/programs/ev-open/registrations', { body: { name: '', nameKana: 'Taro', email: 'x', attendance: 'car', channel: 'web' } });
    assert.equal(bad.status, 422);
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
    const problem = (await bad.json()) as { errors: Array<{ field: string }> };
    assert.deepEqual(problem.errors.map((e) => e.field).sort(), ['attendance', 'email', 'name', 'nameKana']);
    const closed = await apiRequest(browser.app, 'POST', '/api/v1/programs/ev-rules/registrations', { body: person() });
    assert.equal(closed.status, 409);
    assert.equal(((await closed.json()) as { code: string }).code, 'window-closed');
  });

  test('FAX, e-mail and phone applications need a staff token; a FAX applicant is queued for a printed confirmation', async () => {
    const program = await makeEvent(env.deps, 'ev-paper');
    const anon = await apiRequest(browser.app, 'POST', '/api/v1/programs/ev-paper/registrations', { body: person({ channel: 'fax', email: '', fax: '022-111-2222' }) });
    assert.equal(anon.status, 401);
    const operator = await makeUser(env.deps, 'op-paper@example.jp', 'operator', program.id);
    const token = await makeToken(env.deps, operator.id);
    const res = await apiRequest(browser.app, 'POST', '/api/v1/programs/ev-paper/registrations', { token, body: person({ channel: 'fax', email: '', fax: '022-111-2222' }) });
    assert.equal(res.status, 201);
    const body = (await res.json()) as { id: number; number: number; status: string };
    assert.deepEqual(Object.keys(body).sort(), ['id', 'number', 'status']);
    const [row] = await env.deps.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, body.id));
    assert.equal(row!.channel, 'fax');
    assert.equal(row!.printStatus, 'to-send');
    assert.ok(!row!.nameSealed.includes('仙台'), 'the name is sealed');
  });

  test('the same person twice (kana + contact) is flagged as a possible duplicate', async () => {
    const program = await makeEvent(env.deps, 'ev-dup');
    const first = await apiRequest(browser.app, 'POST', '/api/v1/programs/ev-dup/registrations', { body: person({ nameKana: 'あおば はなこ', email: 'hanako@example.jp' }) });
    const second = await apiRequest(browser.app, 'POST', '/api/v1/programs/ev-dup/registrations', { body: person({ nameKana: 'アオバ　ハナコ', email: 'Hanako@Example.jp' }) });
    const other = await apiRequest(browser.app, 'POST', '/api/v1/programs/ev-dup/registrations', { body: person({ nameKana: 'あおば じろう', email: 'hanako@example.jp' }) });
    const [a, b, c] = (await Promise.all([first.json(), second.json(), other.json()])) as Array<{ id: number }>;
    const rows = await env.deps.db.select().from(eventRegistrations).where(eq(eventRegistrations.programId, program.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.equal(byId.get(a!.id)!.possibleDuplicateOf, null);
    assert.equal(byId.get(b!.id)!.possibleDuplicateOf, a!.id);
    assert.equal(byId.get(c!.id)!.possibleDuplicateOf, null, 'another person at the same address is not a duplicate');
  });

  test('the daily reminder goes once to each confirmed person with an e-mail address', async () => {
    const { addDays, tokyoDate } = await import('../../platform/calendar/index.js');
    const { enqueueJob } = await import('../../platform/jobs/queue.js');
    await makeEvent(env.deps, 'ev-remind', { eventDate: addDays(tokyoDate(new Date()), 2), capacity: '1' });
    await apiRequest(browser.app, 'POST', '/api/v1/programs/ev-remind/registrations', { body: person({ email: 'remind-me@example.jp' }) });
    await apiRequest(browser.app, 'POST', '/api/v1/programs/ev-remind/registrations', { body: person({ email: 'waiting@example.jp' }) });
    await drainOutbox(env);
    const before = sink.messages.length;
    for (const day of ['a', 'b']) {
      await enqueueJob(env.deps.db, { kind: 'events.send_reminders', payload: { scheduledFor: tokyoDate(new Date()) }, dedupeKey: `test-remind-${day}` });
      await drainOutbox(env);
    }
    const fresh = sink.messages.slice(before).map((m) => ({ to: m.to, ...decodeMail(m.raw) }));
    const reminders = fresh.filter((m) => /開催日が近づきました/.test(m.subject));
    assert.equal(reminders.length, 1, 'one reminder, only to the confirmed person, and only once');
    assert.deepEqual(reminders[0]!.to, ['remind-me@example.jp']);
  });
  test('an online limit waitlists online viewers separately; a cancellation online promotes the next online viewer only', async () => {
    await makeEvent(env.deps, 'ev-online', { capacity: '1', onlineCapacity: '2' });
    const post = (over: Record<string, unknown>) => apiRequest(browser.app, 'POST', '/api/v1/programs/ev-online/registrations', { body: person(over) }).then((r) => r.json() as Promise<{ id: number; number: number; status: string }>);
    const venue1 = await post({ attendance: 'venue' });
    const online = [await post({ attendance: 'online' }), await post({ attendance: 'online' }), await post({ attendance: 'online' })];
    const venue2 = await post({ attendance: 'venue' });
    assert.deepEqual([venue1.status, ...online.map((o) => o.status), venue2.status], ['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    const { findProgramBySlug } = await import('../../platform/programs/queries.js');
    const program = (await findProgramBySlug(env.deps.db, 'ev-online'))!;
    const { promoted } = await runCommand(env.deps, systemActor('test'), (ctx) => cancelRegistration(ctx, program, online[0]!.id, 'applicant'));
    assert.deepEqual(promoted.map((r) => r.number), [online[2]!.number], 'the online seat goes to the next online viewer, not to the venue waitlist');
    const rows = await env.deps.db.select().from(eventRegistrations).where(eq(eventRegistrations.programId, program.id));
    assert.equal(rows.find((r) => r.id === venue2.id)!.status, 'waitlisted');
  });

  test('merging a duplicate: the kept registration takes the seat and both support requests; numbers keep no gaps', async () => {
    await makeEvent(env.deps, 'ev-merge', { capacity: '2' });
    const post = (over: Record<string, unknown>) => apiRequest(browser.app, 'POST', '/api/v1/programs/ev-merge/registrations', { body: person(over) }).then((r) => r.json() as Promise<{ id: number; number: number; status: string }>);
    const seated = await post({ nameKana: 'みやぎの さくら', email: 'sakura@example.jp', accommodations: ['wheelchair'] });
    const other = await post({});
    const again = await post({ nameKana: 'ミヤギノ サクラ', email: 'sakura@example.jp', accommodations: ['hearing'] });
    const waiting = await post({});
    assert.deepEqual([seated.status, other.status, again.status, waiting.status], ['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    const { findProgramBySlug } = await import('../../platform/programs/queries.js');
    const program = (await findProgramBySlug(env.deps.db, 'ev-merge'))!;
    const [flagged] = await env.deps.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, again.id));
    assert.equal(flagged!.possibleDuplicateOf, seated.id, 'flagged as a duplicate of the first');
    // Keep the later one: it inherits the seat of the duplicate; nobody else is promoted.
    await runCommand(env.deps, systemActor('test'), (ctx) => mergeRegistration(ctx, program, seated.id, again.id));
    const rows = new Map((await env.deps.db.select().from(eventRegistrations).where(eq(eventRegistrations.programId, program.id))).map((r) => [r.id, r]));
    assert.equal(rows.get(seated.id)!.status, 'merged');
    assert.equal(rows.get(seated.id)!.mergedInto, again.id);
    assert.equal(rows.get(again.id)!.status, 'confirmed');
    assert.deepEqual([...rows.get(again.id)!.accommodations].sort(), ['hearing', 'wheelchair']);
    assert.equal(rows.get(again.id)!.possibleDuplicateOf, null);
    assert.equal(rows.get(waiting.id)!.status, 'waitlisted', 'the seat stayed with the same person');
    assert.deepEqual([...rows.values()].map((r) => r.number).sort((a, b) => a - b), [1, 2, 3, 4], 'the merged one keeps its number');
    await assert.rejects(
      runCommand(env.deps, systemActor('test'), (ctx) => mergeRegistration(ctx, program, again.id, again.id)),
      /同じ申込には統合できません/,
    );
    const [audit] = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'events.registration.merged' and target_id = ${String(seated.id)}`);
    assert.equal(Number(audit!.n), 1, 'the merge is audited');
  });
});
