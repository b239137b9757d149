import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram, makeUser } from '../../../../test/helpers/fixtures.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { listDeliverables } from '../queries.js';
import { seedHearing } from '../test-helpers.js';

describe('article pages', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let hid = 0;
  let programId = 0;
  before(async () => {
    env = await createTestEnv();
    const p = await makeProgram(env.deps, 'dl-artp', 'event');
    programId = p.id;
    await makeUser(env.deps, 'op@example.jp', 'operator', p.id);
    op = (await signedInBrowsers(env.deps, ['op@example.jp']))[0]!;
    hid = (await seedHearing(env.deps, p.id, '泉ヶ丘自治会')).id;
  });
  after(() => env.close());

  it('saves an article as a version (with the length warning) and shows the text diff between two versions', async () => {
    const path = `/admin/deliverables/hearings/${hid}/article`;
    await op.get(path);
    const bad = await op.post(path, { _once: op.once(), title: '一\n二\n三', speakerTitle: '', body: '本文' });
    assert.equal(bad.status, 422);
    assert.ok((await bad.text()).includes('タイトルは2行までです'), 'title length refused');
    await op.get(path);
    assert.equal((await op.post(path, { _once: op.once(), title: '集会所を開く', speakerTitle: '会長', body: '集会所を毎週開けています。' })).status, 303);
    const page = await (await op.get(path)).text();
    assert.ok(page.includes('第1版として登録しました') && page.includes('目安 約1,500字'), 'flash with the length warning');
    assert.equal((await op.post(path, { _once: op.once(), title: '集会所を開く', speakerTitle: '会長', body: '集会所を毎日開けています。' })).status, 303);
    const target = (await listDeliverables(env.deps.db, programId)).find((d) => d.key === `hearing-article-${hid}`)!;
    const diff = await (await op.get(`/admin/deliverables/items/${target.id}/diff`)).text();
    assert.ok(diff.includes('<del>週</del><ins>日</ins>'), 'the change is marked');
  });
});
