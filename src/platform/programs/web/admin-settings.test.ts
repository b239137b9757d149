import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { createSession } from '../../auth/sessions.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram, makeUser, TEST_PASSWORD } from '../../../../test/helpers/fixtures.js';
import { TestBrowser } from '../../../../test/helpers/http.js';
import { findProgramBySlug } from '../queries.js';

const PATH = '/admin/programs/set-prog/settings';

describe('back-office program settings', () => {
  let env: TestEnv;
  let admin: TestBrowser;
  let operator: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    const program = await makeProgram(env.deps, 'set-prog');
    await makeProgram(env.deps, 'other-prog');
    const root = await makeUser(env.deps, 'root@settings.example', 'admin', null);
    const { token } = await createSession(env.deps.db, root.id, env.clock.now(), { ip: null, mfaVerified: true });
    admin = new TestBrowser(env.deps);
    admin.cookies.set('jmk_session', token);
    await makeUser(env.deps, 'op@settings.example', 'operator', program.id);
    operator = new TestBrowser(env.deps);
    assert.equal((await operator.login('op@settings.example', TEST_PASSWORD)).status, 303);
  });
  after(() => env.close());

  const auditOf = () =>
    queryRows<{ diff: Record<string, [unknown, unknown]>; actor_role: string | null }>(
      env.deps.db,
      sql`select diff, role as actor_role from audit_log where action = 'platform.program.settings_changed' order by id`,
    );

  test('the admin changes every common key; only changed keys are audited', async () => {
    const page = await admin.get(PATH);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<h1[^>]*>事業の設定<\/h1>/);
    assert.match(html, /name="requireTwoFactor"/);
    const res = await admin.post(PATH, {
      name: '宿泊促進キャンペーン 2026',
      startsOn: '2026-04-01',
      endsOn: '2027-03-31',
      client: '仙台市',
      contractor: '株式会社テスト事務局',
      contactEmail: 'info@jimukyoku.example.jp',
      contactPhone: '022-123-4567',
      requireTwoFactor: 'true',
    });
    assert.equal(res.status, 303);
    const p = (await findProgramBySlug(env.deps.db, 'set-prog'))!;
    assert.equal(p.name, '宿泊促進キャンペーン 2026');
    assert.equal(p.startsOn, '2026-04-01');
    assert.equal(p.endsOn, '2027-03-31');
    assert.equal(p.contractor, '株式会社テスト事務局');
    assert.equal(p.settings.contactEmail, 'info@jimukyoku.example.jp');
    assert.equal(p.settings.contactPhone, '022-123-4567');
    assert.equal(p.settings.requireTwoFactor, true);
    const [entry] = (await auditOf()).slice(-1);
    assert.equal(entry!.actor_role, 'admin');
    // client was already 仙台市: not a change, not in the diff.
    assert.deepEqual(Object.keys(entry!.diff).sort(), ['contactEmail', 'contactPhone', 'contractor', 'endsOn', 'name', 'requireTwoFactor', 'startsOn']);
    assert.match(await (await admin.get(PATH)).text(), /事業の設定を保存しました/);
    // and back: enforcement can be lifted again by an admin
    assert.equal((await admin.post(PATH, { requireTwoFactor: 'false' })).status, 303);
    assert.equal((await findProgramBySlug(env.deps.db, 'set-prog'))!.settings.requireTwoFactor, false);
    assert.deepEqual((await auditOf()).slice(-1)[0]!.diff, { requireTwoFactor: [true, false] });
  });

  test('one bad value changes nothing and shows Japanese errors beside the fields', async () => {
    const before = (await findProgramBySlug(env.deps.db, 'set-prog'))!;
    const audits = (await auditOf()).length;
    await admin.get(PATH);
    const res = await admin.post(PATH, {
      name: '変更されないはずの名前',
      startsOn: '2026-04-01',
      endsOn: '2026-02-30',
      client: '仙台市',
      contractor: '',
      contactEmail: 'not-an-address',
      contactPhone: '022-123-4567',
      requireTwoFactor: 'true',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /存在しない日付です/);
    assert.match(html, /1〜100文字で指定してください/);
    assert.match(html, /メールアドレスを「name@example.jp」の形式で指定してください/);
    assert.match(html, /href="#field-endsOn"|href="#endsOn"/);
    assert.equal((html.match(/aria-invalid="true"/g) ?? []).length, 3);
    assert.match(html, /value="変更されないはずの名前"/, 'the form keeps what was typed');
    const after = (await findProgramBySlug(env.deps.db, 'set-prog'))!;
    assert.deepEqual(after, before);
    assert.equal((await auditOf()).length, audits);
  });

  test('the contract period cannot end before it starts', async () => {
    await admin.get(PATH);
    const res = await admin.post(PATH, { endsOn: '2026-03-31' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /契約期間の終了日は開始日以降の日付にしてください/);
    assert.equal((await findProgramBySlug(env.deps.db, 'set-prog'))!.endsOn, '2027-03-31');
  });

  test('an operator edits the non-security keys but cannot touch two-factor enforcement', async () => {
    const html = await (await operator.get(PATH)).text();
    assert.doesNotMatch(html, /name="requireTwoFactor"/);
    assert.match(html, /管理者だけが変更できます/);
    const ok = await operator.post(PATH, { contactPhone: '022-987-6543' });
    assert.equal(ok.status, 303);
    assert.equal((await findProgramBySlug(env.deps.db, 'set-prog'))!.settings.contactPhone, '022-987-6543');
    assert.equal((await auditOf()).slice(-1)[0]!.actor_role, 'operator');
    await operator.get(PATH);
    const forged = await operator.post(PATH, { contactPhone: '022-111-2222', requireTwoFactor: 'true' });
    assert.equal(forged.status, 403);
    const p = (await findProgramBySlug(env.deps.db, 'set-prog'))!;
    assert.equal(p.settings.requireTwoFactor, false);
    assert.equal(p.settings.contactPhone, '022-987-6543', 'nothing of the refused request was saved');
  });

  test('an operator of another program learns nothing (404); the home page links only where allowed', async () => {
    assert.equal((await operator.get('/admin/programs/other-prog/settings')).status, 404);
    const home = await (await operator.get('/admin')).text();
    assert.match(home, /href="\/admin\/programs\/set-prog\/settings"/);
    assert.doesNotMatch(home, /other-prog\/settings/);
  });

  test('an unchanged form saves nothing', async () => {
    const audits = (await auditOf()).length;
    const html = await (await admin.get(PATH)).text();
    const value = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? '';
    const res = await admin.post(PATH, { name: value('name'), client: value('client'), contactPhone: value('contactPhone'), requireTwoFactor: 'false' });
    assert.equal(res.status, 303);
    assert.equal((await auditOf()).length, audits);
    assert.match(await (await admin.get(PATH)).text(), /変更された項目はありませんでした/);
  });
});
