import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { runCommand } from '../../../platform/command.js';
import type { Actor } from '../../../platform/audit/index.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeUser } from '../../../../test/helpers/fixtures.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { makeEvent, person } from '../../events/test-helpers.js';
import { registerParticipant } from '../../events/commands/register-participant.js';
import { systemActor } from '../../../platform/audit/index.js';
import { confirmErasure, requestErasure } from './two-person.js';

const actor = (userId: number, role: string): Actor => ({ userId, label: `user:${userId}`, role, ip: null, requestId: null });

describe('privacy: the back-office erasure needs an admin and a second person', () => {
  let env: TestEnv;
  let city: TestBrowser;
  let programId: number;
  let adminId: number;
  before(async () => {
    env = await createTestEnv();
    const program = await makeEvent(env.deps, 'two');
    programId = program.id;
    adminId = (await makeUser(env.deps, 'adm@two.example', 'admin', programId)).id;
    await makeUser(env.deps, 'city@two.example', 'city', programId);
    await runCommand(env.deps, systemActor('test'), (ctx) => registerParticipant(ctx, program, person({ channel: 'phone' }), { staff: true }));
    [city] = (await signedInBrowsers(env.deps, ['city@two.example'])) as [TestBrowser];
  });
  after(() => env.close());

  test('asked by the admin (slug typed), refused to the same person, confirmed by the City: erased once', async () => {
    await assert.rejects(runCommand(env.deps, actor(adminId, 'admin'), (ctx) => requestErasure(ctx, programId, 'wrong')), /validation-failed|スラッグ/);
    await runCommand(env.deps, actor(adminId, 'admin'), (ctx) => requestErasure(ctx, programId, 'two'));
    await assert.rejects(runCommand(env.deps, actor(adminId, 'admin'), (ctx) => requestErasure(ctx, programId, 'two')), (e: Error & { code?: string }) => e.code === 'conflict');
    await assert.rejects(runCommand(env.deps, actor(adminId, 'admin'), (ctx) => confirmErasure(ctx, programId, 'two')), (e: Error & { code?: string }) => e.code === 'conflict', 'not by the one who asked');
    const page = await city.get('/admin/privacy/two/erasure');
    assert.equal(page.status, 200);
    assert.match(city.lastHtml, /確認して消去を実行する/);
    assert.equal((await city.post('/admin/privacy/two/erasure/confirm', { confirm: 'nope' })).status, 422);
    await city.get('/admin/privacy/two/erasure');
    assert.equal((await city.post('/admin/privacy/two/erasure/confirm', { confirm: 'two' })).status, 303);
    const [row] = await queryRows<{ verified_by: string; master_rotated: boolean }>(env.deps.db, sql`select verified_by, master_rotated from privacy_erasures where program_id = ${programId}`);
    assert.ok(row && /^user:\d+$/.test(row.verified_by) && row.verified_by !== `user:${adminId}`, 'the second person is recorded');
    assert.equal(row!.master_rotated, false);
    const [key] = await queryRows<{ w: string | null }>(env.deps.db, sql`select wrapped_key as w from data_keys where scope = ${'program:' + programId}`);
    assert.equal(key!.w, null);
    await city.get('/admin/privacy/two/erasure');
    assert.match(city.lastHtml, /実施済み/);
    const pdf = await city.get('/admin/privacy/two/erasure/certificate.pdf');
    assert.equal(pdf.status, 200);
    const actions = await queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where action like 'privacy.erasure.%' order by id`);
    assert.deepEqual(actions.map((a) => a.action), ['privacy.erasure.requested', 'privacy.erasure.executed', 'privacy.erasure.certified']);
  });
});
