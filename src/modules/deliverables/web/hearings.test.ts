import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditLog } from '../../../platform/audit/schema.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram, makeUser } from '../../../../test/helpers/fixtures.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { deliverableHearings } from '../schema.js';

describe('hearings (ヒアリング団体)', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let city: TestBrowser;

  before(async () => {
    env = await createTestEnv();
    const p = await makeProgram(env.deps, 'dl-hear', 'event');
    await makeUser(env.deps, 'op@example.jp', 'operator', p.id);
    await makeUser(env.deps, 'city@example.jp', 'city', p.id);
    const b = await signedInBrowsers(env.deps, ['op@example.jp', 'city@example.jp']);
    op = b[0]!;
    city = b[1]!;
  });
  after(() => env.close());

  const base = '/admin/deliverables/dl-hear/hearings';
  const form = (extra: Record<string, string>) => ({ groupName: '青葉町内会', contact: '会長 青葉太郎 022-000-0000', visitOn: '2026-06-10', place: '青葉集会所', cityStaff: '市民協働課 佐藤', notes: '', status: 'candidate', honorariumYen: '10000', honorariumPaidOn: '', ...extra });

  it('records a group with its contact sealed, lists it without the contact, and opens it only in an audited view', async () => {
    await op.get(`${base}/new`);
    assert.equal((await op.post(`${base}/new`, { _once: op.once(), ...form({}) })).status, 303);
    const [row] = await env.deps.db.select().from(deliverableHearings);
    assert.ok(row && row.contactSealed && !row.contactSealed.includes('青葉太郎'), 'the contact is sealed');
    assert.equal(row!.honorariumYen, 10_000);
    const list = await (await city.get(base)).text();
    assert.ok(list.includes('青葉町内会') && !list.includes('青葉太郎'), 'the list shows no contact');
    const page = await (await city.get(`/admin/deliverables/hearings/${row!.id}`)).text();
    assert.ok(page.includes('会長 青葉太郎'), 'the City sees the contact');
    const actions = (await env.deps.db.select({ a: auditLog.action }).from(auditLog)).map((r) => r.a as string);
    assert.ok(actions.includes('deliverables.hearing.viewed') && actions.includes('deliverables.hearing.saved'), 'audited');
  });

  it('a paid honorarium only for a presenting group; the summary counts 10,000 yen each', async () => {
    const [row] = await env.deps.db.select().from(deliverableHearings);
    const path = `/admin/deliverables/hearings/${row!.id}`;
    await op.get(path);
    const refused = await op.post(path, { _once: op.once(), ...form({ status: 'heard', honorariumPaidOn: '2026-07-01', contact: '' }) });
    assert.equal(refused.status, 422);
    assert.ok((await refused.text()).includes('発表団体に選定した団体にだけ'), 'explained');
    await op.get(path);
    assert.equal((await op.post(path, { _once: op.once(), ...form({ status: 'selected', honorariumPaidOn: '2026-07-01', contact: '' }) })).status, 303);
    const [after1] = await env.deps.db.select().from(deliverableHearings);
    assert.equal(after1!.contactSealed, row!.contactSealed, 'an empty contact keeps the stored one');
    const list = await (await op.get(base)).text();
    assert.ok(list.includes('発表団体 1 団体 × 各額 = 10,000 円（支払済み 1 団体）'), list.slice(list.indexOf('謝礼'), list.indexOf('謝礼') + 80));
  });
});
