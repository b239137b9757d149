import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { cli } from '../helpers/cli.js';
import { makeProgram, makeUser, TEST_PASSWORD } from '../helpers/fixtures.js';
import { TestBrowser } from '../helpers/http.js';
import { createSession } from '../../src/platform/auth/sessions.js';
import { runCommand } from '../../src/platform/command.js';
import { systemActor } from '../../src/platform/audit/index.js';

async function ids(env: TestEnv): Promise<number[]> {
  return (await queryRows<{ id: number }>(env.deps.db, sql`select id from audit_log order by id`)).map((r) => Number(r.id));
}

/** Tampering needs the append-only trigger out of the way, as an attacker with database rights could do. */
async function tamper(env: TestEnv, statement: ReturnType<typeof sql>): Promise<void> {
  await env.deps.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

describe('hash-chained audit trail', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
    const p = await makeProgram(env.deps, 'audit-a');
    await makeUser(env.deps, 'op@audit.example', 'operator', p.id);
    await cli(env.deps, ['program', 'set', 'audit-a', 'client=仙台市', 'contractor=テスト株式会社']);
  });
  after(() => env.close());

  test('entries carry actor, action, target, time and a diff, written with the change', async () => {
    const rows = await queryRows<{ action: string; actor_label: string; diff: unknown; program_id: number }>(
      env.deps.db,
      sql`select action, actor_label, diff, program_id from audit_log where action = 'platform.program.settings_changed'`,
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.actor_label, 'cli:tester');
    assert.deepEqual(rows[0]!.diff, { client: [null, '仙台市'], contractor: [null, 'テスト株式会社'] });
  });

  test('a failed command leaves neither its change nor its audit entry', async () => {
    const before = (await ids(env)).length;
    const r = await cli(env.deps, ['program', 'set', 'audit-a', 'client=市', 'startsOn=2025-02-30']);
    assert.equal(r.code, 1);
    assert.match(r.err, /存在しない日付/);
    assert.equal((await ids(env)).length, before);
  });

  test('the application cannot update or delete entries', async () => {
    const appendOnly = (e: unknown) => /append-only/.test(String((e as Error).cause ?? e));
    await assert.rejects(env.deps.db.execute(sql`update audit_log set action = 'x' where id = (select min(id) from audit_log)`), appendOnly);
    await assert.rejects(env.deps.db.execute(sql`delete from audit_log`), appendOnly);
  });

  test('audit verify passes on an intact trail', async () => {
    const r = await cli(env.deps, ['audit', 'verify']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /intact: \d+ entries/);
  });

  test('editing one entry with SQL makes audit verify fail naming it', async () => {
    const [, second] = await ids(env);
    await tamper(env, sql`update audit_log set actor_label = 'someone-else' where id = ${second}`);
    const r = await cli(env.deps, ['audit', 'verify']);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`BROKEN at entry id ${second} \\(hash-mismatch\\)`));
  });

  test('deleting an entry, or reordering, is found too', async () => {
    const env2 = await createTestEnv();
    try {
      for (const slug of ['a1', 'a2', 'a3', 'a4']) await makeProgram(env2.deps, `audit-${slug}`);
      const list = await ids(env2);
      await tamper(env2, sql`delete from audit_log where id = ${list[1]}`);
      let r = await cli(env2.deps, ['audit', 'verify']);
      assert.equal(r.code, 1);
      assert.match(r.err, new RegExp(`entry id ${list[2]} \\(chain-broken\\)`));
      // Reorder: swap the contents of two rows, hashes included. Each hash covers its row's id and
      // the previous hash, so the swapped rows no longer chain.
      await tamper(
        env2,
        sql`update audit_log a set target_id = b.target_id, diff = b.diff, prev_hash = b.prev_hash, hash = b.hash
            from audit_log b where (a.id, b.id) in ((${list[2]}, ${list[3]}), (${list[3]}, ${list[2]}))`,
      );
      r = await cli(env2.deps, ['audit', 'verify']);
      assert.equal(r.code, 1);
    } finally {
      await env2.close();
    }
  });

  test('deleting entries from the end of the chain is found (the head names the last entry)', async () => {
    const env5 = await createTestEnv();
    try {
      for (const slug of ['t1', 't2', 't3']) await makeProgram(env5.deps, `audit-${slug}`);
      const list = await ids(env5);
      const last = list[list.length - 1]!;
      assert.equal((await cli(env5.deps, ['audit', 'verify'])).code, 0);
      const [head] = await queryRows<{ count: number; last_id: number }>(env5.deps.db, sql`select count, last_id from audit_head`);
      assert.equal(Number(head!.count), list.length);
      assert.equal(Number(head!.last_id), last);
      // The chain that remains is intact in itself: only the head shows what is gone.
      await tamper(env5, sql`delete from audit_log where id = ${last}`);
      const r = await cli(env5.deps, ['audit', 'verify']);
      assert.equal(r.code, 1);
      assert.match(r.err, new RegExp(`entry id ${last} \\(entries-missing-at-end\\)`));
      // The head itself cannot be deleted by the application.
      await assert.rejects(env5.deps.db.execute(sql`delete from audit_head`), (e: unknown) => /append-only/.test(String((e as Error).cause ?? e)));
    } finally {
      await env5.close();
    }
  });

  test('concurrent commands keep one unbroken chain', async () => {
    const env3 = await createTestEnv();
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => makeProgram(env3.deps, `conc-${i}`)));
      const r = await cli(env3.deps, ['audit', 'verify']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /intact: 20 entries/);
    } finally {
      await env3.close();
    }
  });

  test('the entries of a transaction are all appended at its commit, in the order written, between other transactions', async () => {
    const env4 = await createTestEnv();
    try {
      const p = await makeProgram(env4.deps, 'group-append');
      const before = await ids(env4);
      // Several entries per transaction (the first deferred trigger call appends them all), several transactions at once.
      const tx = (k: number) =>
        runCommand(env4.deps, systemActor(`tx-${k}`), async (ctx) => {
          for (let i = 0; i < 5; i++) ctx.audit({ action: 'platform.program.settings_changed', programId: p.id, targetType: 'program', targetId: p.id, diff: { k, i } });
        });
      await Promise.all([0, 1, 2, 3].map(tx));
      const rows = await queryRows<{ actor_label: string; diff: { k: number; i: number } }>(env4.deps.db, sql`select actor_label, diff from audit_log where id > ${before.at(-1) ?? 0} order by id`);
      assert.equal(rows.length, 20);
      for (let t = 0; t < 4; t++) {
        const mine = rows.map((r, at) => ({ ...r, at })).filter((r) => r.actor_label === `tx-${t}`);
        assert.deepEqual(mine.map((r) => r.diff.i), [0, 1, 2, 3, 4], `tx-${t} in the order written`);
        assert.equal(mine.at(-1)!.at - mine[0]!.at, 4, `tx-${t} appended together`);
      }
      const [left] = await queryRows<{ n: number; head: number; log: number }>(env4.deps.db, sql`select (select count(*) from audit_intents)::int as n, (select count from audit_head)::int as head, (select count(*) from audit_log)::int as log`);
      assert.deepEqual(left, { n: 0, head: left!.log, log: left!.log }, 'no intent left; the head counts every entry');
      const r = await cli(env4.deps, ['audit', 'verify']);
      assert.equal(r.code, 0, r.err);
    } finally {
      await env4.close();
    }
  });

  test('the audit page searches by action and exports the result (and records the export)', async () => {
    const env4 = await createTestEnv();
    try {
      const p = await makeProgram(env4.deps, 'audit-page');
      const admin = await makeUser(env4.deps, 'admin@audit.example', 'admin', null);
      await makeUser(env4.deps, 'city@audit.example', 'city', p.id);
      const { token } = await createSession(env4.deps.db, admin.id, env4.clock.now(), { ip: null, mfaVerified: true });
      const b = new TestBrowser(env4.deps);
      b.cookies.set('jmk_session', token);
      const page = await b.get('/admin/audit?action=platform.user');
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /platform\.user\.created/);
      assert.doesNotMatch(html, /platform\.program\.created/);
      const xlsx = await b.get('/admin/audit/export.xlsx?action=platform.user');
      assert.equal(xlsx.status, 200);
      assert.match(xlsx.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/);
      assert.ok((await xlsx.arrayBuffer()).byteLength > 1000);
      const csv = await (await b.get('/admin/audit/export.csv?action=platform.program')).text();
      assert.match(csv, /platform\.program\.created/);
      const exported = await queryRows<{ n: number }>(env4.deps.db, sql`select count(*)::int as n from audit_log where action = 'platform.audit.exported'`);
      assert.equal(Number(exported[0]!.n), 2);
      // The City sees its own programs' entries only; an operator sees nothing.
      const city = new TestBrowser(env4.deps);
      await city.login('city@audit.example', TEST_PASSWORD);
      const cityHtml = await (await city.get('/admin/audit')).text();
      assert.match(cityHtml, /platform\.program\.created/);
      assert.doesNotMatch(cityHtml, /platform\.user\.created<\/td><td>user:\d+<\/td><td>—/);

      // Actors are shown by e-mail and found by it; the sign-in is recorded with its role.
      const byEmail = await (await b.get('/admin/audit?actorEmail=City%40Audit.example&action=platform.auth')).text();
      assert.match(byEmail, /city@audit\.example（city）/);
      assert.match(byEmail, /platform\.auth\.login_succeeded/);
      assert.doesNotMatch(byEmail.split('<tbody>')[1]!, /admin@audit\.example/, 'only that actor');
      const nobody = await (await b.get('/admin/audit?actorEmail=nobody%40audit.example')).text();
      assert.match(nobody, /監査ログ（0件）/);
      const csvByEmail = await (await b.get('/admin/audit/export.csv?actorEmail=city%40audit.example')).text();
      assert.match(csvByEmail, /city@audit\.example/);
      const viewed = await queryRows<{ diff: { filter: Record<string, unknown> } }>(env4.deps.db, sql`select diff from audit_log where action = 'platform.audit.viewed' order by id desc limit 1`);
      assert.ok(viewed.length, 'viewing the trail is recorded');
      assert.doesNotMatch(JSON.stringify(viewed[0]!.diff), /@/, 'with the user id, not the address');
    } finally {
      await env4.close();
    }
  });
});
