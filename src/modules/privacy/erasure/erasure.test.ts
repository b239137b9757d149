import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { systemActor } from '../../../platform/audit/index.js';
import { addBusinessDays } from '../../../platform/calendar/index.js';
import { runCommand } from '../../../platform/command.js';
import { decrypt } from '../../../platform/vault/crypto.js';
import { parseMasterKey } from '../../../platform/vault/master-key.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { cli } from '../../../../test/helpers/cli.js';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../../test/helpers/http.js';
import { facilities } from '../../campaign/schema.js';
import { submitApplication } from '../../campaign/commands/save-application.js';
import { openCampaign, PDF_BYTES, validApplication } from '../../campaign/test-helpers.js';
import { setAllocation } from '../../settlement/commands/budget.js';
import { makeEvent, person } from '../../events/test-helpers.js';

/** Tries to open a sealed value (`v1:` + base64) with a raw data key for a scope. */
function opens(key: Buffer, sealed: string, scope: string): boolean {
  try {
    decrypt(key, Buffer.from(sealed.slice(3), 'base64'), scope);
    return true;
  } catch {
    return false;
  }
}
function unwrap(master: Buffer, wrapped: string, scope: string): Buffer | null {
  try {
    return decrypt(master, Buffer.from(wrapped, 'base64'), 'wrap:' + scope);
  } catch {
    return null;
  }
}

describe('erasure at contract end: plan, execute with a new master key, certificate', () => {
  let env: TestEnv;
  let eventA: number;
  let campaignA: number;
  let op: TestBrowser;
  const SECRET_NAME = '消去 花子';
  const SECRET_ORG = '秘密の町内会';
  before(async () => {
    env = await createTestEnv();
    const ev = await makeEvent(env.deps, 'era-ev');
    eventA = ev.id;
    await makeEvent(env.deps, 'era-other');
    const camp = await openCampaign(env.deps, 'era-camp');
    campaignA = camp.id;
    await makeUser(env.deps, 'op@era.example', 'operator', eventA);
    for (const [slug, n] of [['era-ev', 1], ['era-other', 2]] as const) {
      const res = await apiRequest(
        (op ??= new TestBrowser(env.deps)).app,
        'POST',
        `/api/v1/programs/${slug}/registrations`,
        { body: person({ name: `${SECRET_NAME}${n}`, organization: SECRET_ORG, email: `erase${n}@example.jp` }) },
      );
      assert.equal(res.status, 201, await res.clone().text());
    }
    await runCommand(env.deps, systemActor('test'), async (ctx) => {
      await submitApplication(ctx, { program: camp, body: validApplication(3), channel: 'staff', applicantUserId: null, uploads: [{ kind: 'license', filename: 'license.pdf', bytes: PDF_BYTES }] });
      const [f] = await ctx.tx
        .insert(facilities)
        .values({ programId: camp.id, name: '消去テスト施設', nameKana: 'ショウキョテストシセツ', type: 'hotel', postalCode: '980-0811', address: '仙台市青葉区一番町1', ward: '青葉区', registrationNumber: 'T-era-1', registeredOn: '2026-05-15' })
        .returning();
      await setAllocation(ctx, camp, f!.id, 1_234_000);
    });
    await op.login('op@era.example', TEST_PASSWORD);
  });
  after(() => env.close());

  const money = async (programId: number) =>
    (await queryRows<{ n: string }>(env.deps.db, sql`select coalesce(sum(amount), 0)::text as n from ledger_entries where program_id = ${programId}`))[0]!.n;
  const counts = async () =>
    queryRows<{ t: string; n: number }>(
      env.deps.db,
      sql`select 'reg' as t, count(*)::int as n from event_registrations where program_id = ${eventA}
          union all select 'app', count(*)::int from campaign_applications where program_id = ${campaignA}
          union all select 'audit', count(*)::int from audit_log where program_id = ${campaignA} and action <> 'privacy.erasure.executed'
          union all select 'mail', count(*)::int from mail_outbox where program_id = ${eventA}`,
    );

  test('plan lists each personal-data table with counts, as text and as a PDF', async () => {
    const out = path.join(env.dataDir, 'plan.pdf');
    const r = await cli(env.deps, ['erasure', 'plan', '--program', 'era-ev', '--out', out]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /events\tevent_registrations\t1\t/);
    assert.match(r.out, /core\tmail_outbox\t\d+/);
    const text = execFileSync('pdftotext', [out, '-']).toString();
    assert.match(text, /データ消去計画書/);
    assert.match(text, /event_registrations：1 件/);
  });

  test('execute needs the slug confirmed; then neither the database nor a backup taken before opens the program with the keys left', async () => {
    const oldMaster = parseMasterKey(env.config.masterKey!);
    // The backup taken before the erasure: its key table and the program's sealed values.
    const backupKeys = await queryRows<{ scope: string; wrapped_key: string; master_key_id: string }>(env.deps.db, sql`select scope, wrapped_key, master_key_id from data_keys where wrapped_key is not null`);
    const sealedA = await queryRows<{ v: string }>(
      env.deps.db,
      sql`select name_sealed as v from event_registrations where program_id = ${eventA}
          union all select data from campaign_documents d join campaign_applications a on a.id = d.application_id where a.program_id = ${campaignA}`,
    );
    assert.ok(sealedA.length >= 2 && sealedA.every((s) => s.v.startsWith('v1:')), 'the program holds sealed values');
    const keyA = backupKeys.find((k) => k.scope === `program:${eventA}`)!;
    assert.ok(unwrap(oldMaster.key, keyA.wrapped_key, keyA.scope), 'before: the backup opens with the master key of its time');
    const dumpBefore = env.deps.database.raw.pglite ? Buffer.from(await (await env.deps.database.raw.pglite.dumpDataDir('none')).arrayBuffer()) : null;
    const moneyBefore = await money(campaignA);
    const countsBefore = await counts();

    // Executed on Friday 25 December 2026 (Tokyo): five business days later, across the year-end closure, is 7 January 2027.
    env.clock.set('2026-12-25T01:00:00Z');
    assert.notEqual((await cli(env.deps, ['erasure', 'execute', '--program', 'era-ev', '--confirm', 'era-other'])).code, 0, 'a wrong slug is refused');
    const newKeyText = crypto.randomBytes(32).toString('base64');
    const newMaster = parseMasterKey(newKeyText);
    for (const slug of ['era-ev', 'era-camp']) {
      const r = await cli(env.deps, ['erasure', 'execute', '--program', slug, '--confirm', slug, ...(slug === 'era-ev' ? ['--new-master-key-stdin'] : [])], slug === 'era-ev' ? newKeyText : '');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /verification passed/);
    }
    assert.notEqual((await cli(env.deps, ['erasure', 'execute', '--program', 'era-ev', '--confirm', 'era-ev'])).code, 0, 'once only');

    // Everything left: the new master key and every data key it unwraps.
    const liveKeys = await queryRows<{ scope: string; wrapped_key: string }>(env.deps.db, sql`select scope, wrapped_key from data_keys where wrapped_key is not null`);
    const left = liveKeys.map((k) => unwrap(newMaster.key, k.wrapped_key, k.scope)!);
    assert.ok(left.length >= 2 && left.every(Boolean), 'the other programs keys are re-wrapped under the new master key');
    const candidates = [newMaster.key, ...left];
    for (const k of backupKeys) assert.ok(candidates.every((c) => !unwrap(c, k.wrapped_key, k.scope)), `the backup's key ${k.scope} does not unwrap with any key left`);
    for (const s of sealedA) {
      for (const scope of [`program:${eventA}`, `program:${campaignA}`]) assert.ok(candidates.every((c) => !opens(c, s.v, scope)), 'a sealed value of the erased program opens with no key left');
    }
    const [rowA] = await queryRows<{ w: string | null }>(env.deps.db, sql`select wrapped_key as w from data_keys where scope = ${'program:' + eventA}`);
    assert.equal(rowA!.w, null);
    if (dumpBefore) {
      const dumpAfter = Buffer.from(await (await env.deps.database.raw.pglite!.dumpDataDir('none')).arrayBuffer());
      for (const d of [dumpBefore, dumpAfter]) {
        assert.ok(!d.includes(Buffer.from(SECRET_NAME)) && !d.includes(Buffer.from(SECRET_ORG)) && !d.includes(Buffer.from('erase1@example.jp')), 'no personal data in clear in a raw dump');
      }
    }
    // Money and counts unchanged; screens show 消去済み; the other program is untouched.
    assert.equal(await money(campaignA), moneyBefore);
    assert.deepEqual(await counts(), countsBefore);
    assert.ok(moneyBefore !== '0', 'the campaign has money to keep');
    await op.login('op@era.example', TEST_PASSWORD); // months later: a new session
    const roster = await op.get('/admin/events/era-ev/roster');
    assert.equal(roster.status, 200);
    assert.ok(op.lastHtml.includes('消去済み') && !op.lastHtml.includes(SECRET_NAME), 'the roster shows 消去済み');
    const other = await makeUser(env.deps, 'op2@era.example', 'operator', (await queryRows<{ id: number }>(env.deps.db, sql`select id from programs where slug = 'era-other'`))[0]!.id);
    const b = new TestBrowser(env.deps, op.app);
    await b.login('op2@era.example', TEST_PASSWORD);
    await b.get('/admin/events/era-other/roster');
    assert.ok(b.lastHtml.includes(`${SECRET_NAME}2`), `the other program still reads (user ${other.id})`);
    // The report is due: the operator's home says so until it is made.
    assert.match(await (await op.get('/admin')).text(), /データ消去報告書の作成・提出/);
    const page = await op.get('/admin/privacy/era-ev/erasure');
    assert.equal(page.status, 200);
    assert.match(op.lastHtml, /実施済み/);
    assert.match(op.lastHtml, /2027年1月7日|令和9年1月7日/);
  });

  test('certificate: every NIST SP 800-88 field, due 5 business days later by the calendar', async () => {
    const out = path.join(env.dataDir, 'cert.pdf');
    const r = await cli(env.deps, ['erasure', 'certificate', '--program', 'era-ev', '--out', out]);
    assert.equal(r.code, 0, r.err);
    const text = execFileSync('pdftotext', [out, '-']).toString().replace(/\s+/g, ' ');
    for (const field of ['データ消去報告書', '媒体と所在', 'Purge', 'Cryptographic Erase', 'AES-256-GCM', '使用したツールと版', 'jimukyoku 0.', '検証の方法と結果', 'すべて復号不能', '実施者', '確認者', '実施日時', '報告期限', '消去後の媒体', 'マスターキーを更新']) {
      assert.ok(text.includes(field), `the certificate has ${field}`);
    }
    assert.equal(addBusinessDays('2026-12-25', 5), '2027-01-07');
    assert.ok(text.includes('2027年1月7日') || text.includes('令和9年1月7日'), `due 7 January 2027: ${text.slice(-200)}`);
    const cert2 = path.join(env.dataDir, 'cert-camp.pdf');
    assert.equal((await cli(env.deps, ['erasure', 'certificate', '--program', 'era-camp', '--out', cert2])).code, 0);
    assert.ok(execFileSync('pdftotext', [cert2, '-']).toString().includes('対象外'), 'without a new master key the certificate says backups are not covered');
    assert.notEqual((await cli(env.deps, ['erasure', 'certificate', '--program', 'era-other', '--out', cert2])).code, 0, 'no certificate before an erasure');
    fs.rmSync(cert2);
  });

  test('retentionUntil: once passed without an erasure, the operator home asks for it', async () => {
    const b = new TestBrowser(env.deps, op.app);
    await b.login('op2@era.example', TEST_PASSWORD);
    assert.doesNotMatch(await (await b.get('/admin')).text(), /保存期限を過ぎた個人情報の消去/);
    assert.equal((await cli(env.deps, ['program', 'set', 'era-other', 'retentionUntil=2026-12-26'])).code, 0);
    assert.doesNotMatch(await (await b.get('/admin')).text(), /保存期限を過ぎた個人情報の消去/, 'not before the date');
    env.clock.set('2026-12-26T01:00:00Z');
    await b.login('op2@era.example', TEST_PASSWORD);
    await op.login('op@era.example', TEST_PASSWORD);
    assert.match(await (await b.get('/admin')).text(), /保存期限を過ぎた個人情報の消去/);
    assert.equal((await b.get('/admin/privacy/era-other/erasure')).status, 200);
    assert.match(b.lastHtml, /未実施/);
    assert.match(b.lastHtml, /event_registrations/);
    const home = await (await op.get('/admin')).text();
    assert.match(home, /era-ev|テスト交流会/, 'signed in');
    assert.doesNotMatch(home, /データ消去報告書の作成・提出/, 'the report made: off the list');
  });
});
