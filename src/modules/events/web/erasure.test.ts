import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { programScope } from '../../../platform/vault/index.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { apiRequest, TestBrowser } from '../../../../test/helpers/http.js';
import { ERASED_TEXT } from '../person.js';
import { makeEvent, person } from '../test-helpers.js';

/** Cryptographic erasure seen from the screens: after the program key is destroyed. */
describe('events after the program data key is destroyed', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let programId: number;
  let registrationId: number;
  before(async () => {
    env = await createTestEnv({}, { realClock: true });
    const program = await makeEvent(env.deps, 'ev-erased');
    programId = program.id;
    await makeUser(env.deps, 'op@erased.example', 'operator', program.id);
    op = new TestBrowser(env.deps);
    assert.equal((await op.login('op@erased.example', TEST_PASSWORD)).status, 303);
    const res = await apiRequest(op.app, 'POST', '/api/v1/programs/ev-erased/registrations', { body: person({ name: '消去 対象子', organization: '秘密町内会', email: 'erase-me@example.jp' }) });
    registrationId = ((await res.json()) as { id: number }).id;
  });
  after(() => env.close());

  test('the roster and its export show 消去済み; the person\'s page answers 410 saying so; nothing decrypts', async () => {
    await op.get('/admin/events/ev-erased/roster');
    assert.ok(op.lastHtml.includes('消去 対象子'), 'readable before the erasure');
    await runCommand(env.deps, systemActor('test'), async ({ tx, now }) => {
      assert.equal(await env.deps.vault.destroyKey(tx, programScope(programId), now), true);
    });
    const roster = await op.get('/admin/events/ev-erased/roster');
    assert.equal(roster.status, 200);
    assert.ok(!op.lastHtml.includes('消去 対象子') && !op.lastHtml.includes('秘密町内会'));
    assert.ok(op.lastHtml.includes(ERASED_TEXT));
    // A page about one person says that person's data is gone (410 Gone), in Japanese.
    const detail = await op.get(`/admin/events/registrations/${registrationId}`);
    assert.equal(detail.status, 410);
    assert.ok(op.lastHtml.includes('この個人情報は消去済みです') && !op.lastHtml.includes('erase-me@example.jp'));
    const xlsx = await op.get('/admin/events/ev-erased/roster.xlsx');
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const cells = wb.worksheets[0]!.getRow(2).values as unknown[];
    assert.ok(cells.includes(ERASED_TEXT), 'the export says 消去済み');
    assert.ok(!cells.includes('消去 対象子'));
  });
});
