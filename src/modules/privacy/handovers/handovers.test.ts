import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram, makeUser } from '../../../../test/helpers/fixtures.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';

describe('privacy: handovers confirmed by both sides; data from the City reminded and erased', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let city: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    const p = await makeProgram(env.deps, 'hand');
    await makeUser(env.deps, 'op@hand.example', 'operator', p.id);
    await makeUser(env.deps, 'city@hand.example', 'city', p.id);
    [op, city] = (await signedInBrowsers(env.deps, ['op@hand.example', 'city@hand.example'])) as [TestBrowser, TestBrowser];
  });
  after(() => env.close());

  test('plan, both confirmations, PDF; the use-until reminder; erasure keeps the record', async () => {
    await op.get('/admin/privacy/hand/handovers');
    const bad = await op.post('/admin/privacy/hand/handovers', { direction: 'transport', plannedOn: '2026-06-05', place: '市役所', people: '事務局 佐藤、市 鈴木', content: '町内会長名簿', quantity: '1部' });
    assert.equal(bad.status, 422, 'transport needs route and packing');
    await op.get('/admin/privacy/hand/handovers');
    const ok = await op.post('/admin/privacy/hand/handovers', { direction: 'from-city', plannedOn: '2026-06-05', place: '市役所 市民協働推進課', people: '事務局 佐藤、市 鈴木', content: '町内会長名簿（案内送付用）', quantity: 'CSV 1件', useUntil: '2026-06-10' });
    assert.equal(ok.status, 303);
    const [h] = await queryRows<{ id: number }>(env.deps.db, sql`select id from privacy_handovers`);
    const id = h!.id;
    await op.get('/admin/privacy/hand/handovers');
    assert.equal((await op.post(`/admin/privacy/handovers/${id}/confirm`, {})).status, 303);
    await op.get('/admin/privacy/hand/handovers');
    assert.equal((await op.post(`/admin/privacy/handovers/${id}/confirm`, {})).status, 409, 'a side confirms once');
    await op.get('/admin/privacy/hand/handovers');
    assert.equal((await op.post(`/admin/privacy/handovers/${id}/erase`, {})).status, 409, 'not erased before both sides confirmed');
    await city.get('/admin/privacy/hand/handovers');
    assert.equal((await city.post(`/admin/privacy/handovers/${id}/confirm`, {})).status, 303);
    const pdf = await op.get(`/admin/privacy/handovers/${id}/record.pdf`);
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(await pdf.arrayBuffer()) }).toString();
    assert.ok(text.includes('受託者確認') && text.includes('市確認') && !text.includes('未確認') && text.includes('町内会長名簿'), 'both confirmations in the PDF');

    assert.doesNotMatch(await (await op.get('/admin')).text(), /使用期限を過ぎた市からの受領データの消去/);
    env.clock.set('2026-06-10T01:00:00Z');
    await op.login('op@hand.example', 'correct-horse-battery-staple');
    assert.match(await (await op.get('/admin')).text(), /使用期限を過ぎた市からの受領データの消去/);
    await op.get('/admin/privacy/hand/handovers');
    assert.equal((await op.post(`/admin/privacy/handovers/${id}/erase`, {})).status, 303);
    assert.doesNotMatch(await (await op.get('/admin')).text(), /使用期限を過ぎた市からの受領データの消去/);
    const [row] = await queryRows<{ status: string; content: string }>(env.deps.db, sql`select status, content from privacy_handovers where id = ${id}`);
    assert.deepEqual(row, { status: 'erased', content: '町内会長名簿（案内送付用）' }, 'the record is kept');
  });
});
