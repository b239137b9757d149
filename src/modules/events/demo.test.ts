import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { makeProgram } from '../../../test/helpers/fixtures.js';
import { seedEventDemo } from './demo.js';
import { rosterCounts } from './queries.js';

describe('events demo and CLI', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv({}, { realClock: true });
  });
  after(() => env.close());

  test('seedEventDemo fills settings, programme and about 20 registrations from every channel', async () => {
    const program = await makeProgram(env.deps, 'demo-ev', 'event');
    await runCommand(env.deps, systemActor('test'), (ctx) => seedEventDemo(ctx, program.id));
    const counts = await rosterCounts(env.deps.db, program.id);
    assert.equal((counts.byStatus.confirmed ?? 0) + (counts.byStatus.waitlisted ?? 0), 20);
    assert.ok((counts.byStatus.waitlisted ?? 0) > 0, 'the demo shows a waitlist');
    for (const ch of ['web', 'email', 'fax', 'phone', 'post']) assert.ok((counts.byChannel[ch] ?? 0) > 0, ch);
    const out = await cli(env.deps, ['event', 'counts', 'demo-ev']);
    assert.equal(out.code, 0, out.err);
    assert.match(out.out, /受付経路: Web \d+, メール \d+, FAX \d+/);
  });

  test('program set takes the event keys and rejects bad values', async () => {
    await makeProgram(env.deps, 'cli-ev', 'event');
    const ok = await cli(env.deps, ['program', 'set', 'cli-ev', 'eventDate=2027-01-20', 'registrationOpens=2026-12-01', 'registrationCloses=2027-01-10', 'capacity=60', 'onlineCapacity=none']);
    assert.equal(ok.code, 0, ok.err);
    const bad = await cli(env.deps, ['program', 'set', 'cli-ev', 'capacity=many']);
    assert.notEqual(bad.code, 0);
  });
});
