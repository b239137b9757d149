import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { queryRows } from '../../db/client.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../test/helpers/deps.js';
import { cli } from '../../../test/helpers/cli.js';
import { makeToken, makeUser, TEST_PASSWORD } from '../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../test/helpers/http.js';
import { facilityEntriesOf, facilityNamesOf } from '../campaign/index.js';
import { reportStay, reviewClaim } from './commands/claim-lifecycle.js';
import { closeMonth } from './commands/close-month.js';
import { reserveClaim } from './commands/reserve-claim.js';
import { programBalances } from './ledger.js';
import { campaignWithFacilities } from './test-fixtures.js';
import { validateZenginFile } from './zengin/validate.js';

const HEADER = 'name,nameKana,type,postalCode,address,ward,phone,url,rooms,features,bankCode,branchCode,accountType,accountNumber,accountHolderKana';

/**
 * Facilities imported by CLI, one with bank columns and one without, are paid through the month's
 * 全銀 file: the one without an account blocks the file with a clear list, and 「支払済みにする」
 * (CLI, API and back office) is refused until the month's file was written, whose hash the batch keeps.
 */
describe('no payment without a transfer file', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  test('import with bank columns → close → file (hash recorded) → paid; without an account or a file, refused', async () => {
    const { program } = await campaignWithFacilities(env.deps, 'zpay', 0, [
      ['remitterCode', '1234567890'],
      ['remitterName', 'センダイシュクハクジムキョク'],
      ['remitterBankCode', '0126'],
      ['remitterBranchCode', '101'],
      ['remitterAccountType', 'ordinary'],
      ['remitterAccountNumber', '7654321'],
    ]);
    const csv = [
      HEADER,
      'ホテル口座あり,ホテルコウザアリ,hotel,980-0811,仙台市青葉区一番町1-1,青葉区,022-111-2222,,30,,0001,001,普通,0012345,かぶしきがいしゃこうざあり',
      '旅館口座なし,リョカンコウザナシ,ryokan,980-0811,仙台市青葉区一番町2-1,青葉区,022-111-2222,,10,,,,,,',
    ].join('\r\n');
    const file = path.join(env.dataDir, 'fac.csv');
    fs.writeFileSync(file, csv);
    env.clock.set('2025-05-15T01:00:00Z'); // registered before the bookings below
    const imported = await cli(env.deps, ['facilities', 'import', '--program', 'zpay', file]);
    assert.equal(imported.code, 0, imported.err);
    env.clock.set('2025-08-04T01:00:00Z'); // July has ended
    const ids = (await facilityNamesOf(env.deps.db, program.id)).map((f) => f.id);
    const [withAccount, without] = (await facilityEntriesOf(env.deps.db, program.id, ids)).sort((a, b) => a.id - b.id);
    const approvedStay = (facility: NonNullable<typeof withAccount>, ref: string, checkIn: string) =>
      runCommand(env.deps, systemActor('test'), async (ctx) => {
        const { claim } = await reserveClaim(ctx, program, facility, { facilityId: facility.id, bookingRef: ref, bookedOn: '2025-05-20', checkIn, nights: 1, guests: 1, totalPrice: 10000 });
        await reportStay(ctx, program, claim.id, { nights: 1, guests: 1, totalPrice: 10000 });
        return reviewClaim(ctx, program, claim.id, 'approve', '');
      });

    // June: both facilities stayed; the one without an account blocks the file, named in the refusal.
    await approvedStay(withAccount!, 'Z-1', '2025-06-10');
    await approvedStay(without!, 'Z-2', '2025-06-11');
    await runCommand(env.deps, systemActor('test'), (ctx) => closeMonth(ctx, program, '2025-06'));
    const out = path.join(env.dataDir, 'june.txt');
    const refusedFile = await cli(env.deps, ['settlement', 'zengin', '--program', 'zpay', '--month', '2025-06', '--transfer-date', '2025-08-06', '--out', out]);
    assert.equal(refusedFile.code, 1);
    assert.match(refusedFile.err, /振込先口座が登録されていない施設があります: R-000002 旅館口座なし/);
    assert.doesNotMatch(refusedFile.err, /ホテル口座あり/, 'only the facilities without an account are listed');
    assert.equal(fs.existsSync(out), false);
    const refusedPaid = await cli(env.deps, ['settlement', 'paid', '--program', 'zpay', '--month', '2025-06']);
    assert.equal(refusedPaid.code, 1);
    assert.match(refusedPaid.err, /2025-06 の振込ファイル（全銀協 総合振込）がまだ作成されていません/);
    const op = await makeUser(env.deps, 'op@zpay.example', 'operator', program.id);
    const token = await makeToken(env.deps, op.id);
    const app = new TestBrowser(env.deps).app;
    const apiRefused = await apiRequest(app, 'POST', '/api/v1/programs/zpay/payments', { token, body: { month: '2025-06' } });
    assert.equal(apiRefused.status, 409);
    assert.match(apiRefused.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.match((await apiRefused.json()).detail, /振込ファイル（全銀協 総合振込）がまだ作成されていません/);
    assert.equal((await apiRequest(app, 'POST', '/api/v1/programs/zpay/payments', { token, body: { month: '2025-13' } })).status, 422);
    const paidBefore = (await programBalances(env.deps.db, program.id)).paid;
    assert.equal(paidBefore, 0, 'nothing moved to paid');

    // The back office: no payment button before the file, and a forged POST is refused (409) with why.
    const office = new TestBrowser(env.deps);
    await office.login('op@zpay.example', TEST_PASSWORD);
    const june = await (await office.get('/admin/settlement/zpay/monthly/2025-06')).text();
    assert.doesNotMatch(june, /を支払済みにする/);
    assert.match(june, /支払済みにするには、先に振込ファイルを作成してください/);
    const forged = await office.post('/admin/settlement/zpay/monthly/2025-06/paid', {});
    assert.equal(forged.status, 409);
    assert.match(await forged.text(), /振込ファイル（全銀協 総合振込）がまだ作成されていません/);

    // July: only the facility with an account; its file is written, its hash kept, then it is paid.
    await approvedStay(withAccount!, 'Z-3', '2025-07-01');
    await runCommand(env.deps, systemActor('test'), (ctx) => closeMonth(ctx, program, '2025-07'));
    const julyOut = path.join(env.dataDir, 'july.txt');
    const written = await cli(env.deps, ['settlement', 'zengin', '--program', 'zpay', '--month', '2025-07', '--transfer-date', '2025-08-06', '--out', julyOut]);
    assert.equal(written.code, 0, written.err);
    const bytes = fs.readFileSync(julyOut);
    assert.deepEqual(validateZenginFile(bytes), []);
    const data = bytes.subarray(122, 242);
    assert.equal(data.subarray(1, 5).toString('latin1'), '0001', 'the imported bank');
    assert.equal(data.subarray(43, 50).toString('latin1'), '0012345', 'the imported account number');
    assert.equal(iconv.decode(data.subarray(50, 80), 'Shift_JIS').trim(), 'ｶﾌﾞｼｷｶﾞｲｼﾔｺｳｻﾞｱﾘ', 'the imported holder, half-width kana');
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    const [batch] = await queryRows<{ zengin_sha256: string; transfer_date: string; status: string }>(
      env.deps.db,
      sql`select zengin_sha256, transfer_date::text, status from payment_batches where program_id = ${program.id} and month = '2025-07'`,
    );
    assert.deepEqual(batch, { zengin_sha256: sha, transfer_date: '2025-08-06', status: 'closed' });
    const julyPage = await (await office.get('/admin/settlement/zpay/monthly/2025-07')).text();
    assert.match(julyPage, new RegExp(`SHA-256: ${sha}`), 'the file hash is shown with the month');
    assert.match(julyPage, /を支払済みにする/, 'the payment button once the file exists');

    const paid = await apiRequest(app, 'POST', '/api/v1/programs/zpay/payments', { token, body: { month: '2025-07' } });
    assert.equal(paid.status, 200, await paid.clone().text());
    assert.deepEqual(await paid.json(), { month: '2025-07', status: 'paid', claimCount: 1, total: 5000, transferDate: '2025-08-06', zenginSha256: sha, paidAt: '2025-08-04T01:00:00.000Z' });
    const again0 = await cli(env.deps, ['settlement', 'paid', '--program', 'zpay', '--month', '2025-07']);
    assert.equal(again0.code, 0, 'marking a paid month paid again changes nothing');
    assert.equal((await programBalances(env.deps.db, program.id)).paid, 5000);
    const [audit] = await queryRows<{ diff: { zenginSha256: string } }>(env.deps.db, sql`select diff from audit_log where action = 'settlement.batch.paid' and program_id = ${program.id}`);
    assert.equal(audit!.diff.zenginSha256, sha, 'the payment is audited with the hash of the file that paid it');
    const paidPage = await (await office.get('/admin/settlement/zpay/monthly/2025-07')).text();
    assert.match(paidPage, /支払済み（/);
    assert.match(paidPage, new RegExp(`SHA-256: ${sha}`), 'the hash stays shown with the payment');
    const again = await cli(env.deps, ['settlement', 'zengin', '--program', 'zpay', '--month', '2025-07', '--transfer-date', '2025-08-07', '--out', julyOut]);
    assert.equal(again.code, 1, 'a paid month keeps the file that paid it');
    assert.match(again.err, /支払済みです/);
    assert.deepEqual(fs.readFileSync(julyOut), bytes);
  });
});
