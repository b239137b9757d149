import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { makeUser } from '../../../test/helpers/fixtures.js';
import { TestBrowser } from '../../../test/helpers/http.js';
import { registerParticipant } from './commands/register-participant.js';
import { eventRegistrations } from './schema.js';
import { makeEvent, person } from './test-helpers.js';

/**
 * Issue #13 item 10d: a larger capacity set with `jimukyoku program set` gives the new seats to
 * the people waiting, in order, and tells them — as the back-office setup form does — so a
 * newcomer never takes a freed seat while the waitlist waits.
 */
describe('capacity raised from the CLI promotes the waitlist as the setup form does', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  /** An event with `seats` at the venue (and online ones if given), full, with people waiting. */
  async function fullEvent(slug: string, seats: number, waiting: number, online?: { capacity: number; waiting: number }) {
    const program = await makeEvent(env.deps, slug, { capacity: String(seats), ...(online ? { onlineEnabled: 'true', onlineCapacity: String(online.capacity) } : {}) });
    const add = (attendance: 'venue' | 'online') => runCommand(env.deps, systemActor('test'), (ctx) => registerParticipant(ctx, program, person({ attendance }), { staff: false }));
    for (let i = 0; i < seats + waiting; i++) await add('venue');
    for (let i = 0; online && i < online.capacity + online.waiting; i++) await add('online');
    return program;
  }

  async function statuses(programId: number) {
    const rows = await env.deps.db.select().from(eventRegistrations).where(eq(eventRegistrations.programId, programId)).orderBy(asc(eventRegistrations.number));
    return rows.map((r) => `${r.number}:${r.attendance}:${r.status}`);
  }

  async function promotedNotices(programId: number) {
    const audit = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where program_id = ${programId} and action = 'events.registration.promoted'`);
    const mails = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from mail_outbox where program_id = ${programId} and template = 'events.promoted'`);
    return { audited: Number(audit[0]!.n), mailed: Number(mails[0]!.n) };
  }

  test('program set capacity=N: the first N-old waiting people are confirmed, audited and mailed; a newcomer then waits', async () => {
    const program = await fullEvent('cap-cli', 2, 3);
    assert.deepEqual(await statuses(program.id), ['1:venue:confirmed', '2:venue:confirmed', '3:venue:waitlisted', '4:venue:waitlisted', '5:venue:waitlisted']);
    const r = await cli(env.deps, ['program', 'set', 'cap-cli', 'capacity=4']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(await statuses(program.id), ['1:venue:confirmed', '2:venue:confirmed', '3:venue:confirmed', '4:venue:confirmed', '5:venue:waitlisted']);
    assert.deepEqual(await promotedNotices(program.id), { audited: 2, mailed: 2 });
    // The seats are gone: the next applicant waits behind number 5.
    const fresh = (await import('../../platform/programs/queries.js')).findProgramBySlug;
    const latest = (await fresh(env.deps.db, 'cap-cli'))!;
    const newcomer = await runCommand(env.deps, systemActor('test'), (ctx) => registerParticipant(ctx, latest, person(), { staff: false }));
    assert.equal(newcomer.registration.status, 'waitlisted');
  });

  test('onlineCapacity=none confirms everyone waiting online; a smaller capacity confirms nobody and removes nobody', async () => {
    const program = await fullEvent('cap-online', 1, 1, { capacity: 1, waiting: 2 });
    assert.equal((await cli(env.deps, ['program', 'set', 'cap-online', 'onlineCapacity=none'])).code, 0);
    assert.deepEqual(await statuses(program.id), ['1:venue:confirmed', '2:venue:waitlisted', '3:online:confirmed', '4:online:confirmed', '5:online:confirmed']);
    assert.equal((await cli(env.deps, ['program', 'set', 'cap-online', 'capacity=1', 'onlineCapacity=1'])).code, 0);
    assert.deepEqual(await statuses(program.id), ['1:venue:confirmed', '2:venue:waitlisted', '3:online:confirmed', '4:online:confirmed', '5:online:confirmed']);
    assert.deepEqual(await promotedNotices(program.id), { audited: 2, mailed: 2 });
  });

  test('the same change through the setup form and through the CLI leaves the same roster, audit trail and mail', async () => {
    const viaForm = await fullEvent('cap-form', 1, 2);
    const viaCli = await fullEvent('cap-cli2', 1, 2);
    const op = await makeUser(env.deps, 'op@cap.example', 'operator', viaForm.id);
    await runCommand(env.deps, systemActor('test'), async (ctx) => {
      const { grantRole } = await import('../../platform/auth/grant-role.js');
      await grantRole(ctx, { userId: op.id, role: 'operator', programId: viaCli.id });
    });
    const b = new TestBrowser(env.deps);
    await b.login('op@cap.example', 'correct-horse-battery-staple');
    await b.get('/admin/events/cap-form/setup');
    assert.equal((await b.post('/admin/events/cap-form/setup', { capacity: '2' })).status, 303);
    assert.equal((await cli(env.deps, ['program', 'set', 'cap-cli2', 'capacity=2'])).code, 0);
    assert.deepEqual(await statuses(viaCli.id), await statuses(viaForm.id));
    assert.deepEqual(await statuses(viaCli.id), ['1:venue:confirmed', '2:venue:confirmed', '3:venue:waitlisted']);
    assert.deepEqual(await promotedNotices(viaCli.id), await promotedNotices(viaForm.id));
    assert.deepEqual(await promotedNotices(viaCli.id), { audited: 1, mailed: 1 });
    const [promoted] = await env.deps.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.programId, viaCli.id), eq(eventRegistrations.number, 2)));
    assert.equal(promoted!.status, 'confirmed');
  });
});
