import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import type { Program } from '../../../platform/programs/schema.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { makeProgram, makeUser } from '../../../../test/helpers/fixtures.js';
import { saveDraft } from '../commands/save-draft.js';
import { submitVersion } from '../commands/submit-version.js';

/** Two City reviewers decide one pending version from pages loaded before either decision. */
describe('content approval: concurrent decisions on one version, one wins (409 for the other)', () => {
  let env: TestEnv;
  let program: Program;
  let city1: TestBrowser;
  let city2: TestBrowser;
  let op: TestBrowser;
  let n = 0;
  before(async () => {
    env = await createTestEnv();
    program = await makeProgram(env.deps, 'stsite');
    await makeUser(env.deps, 'city1@stsite.example', 'city', program.id);
    await makeUser(env.deps, 'city2@stsite.example', 'city', program.id);
    await makeUser(env.deps, 'op@stsite.example', 'operator', program.id);
    [city1, city2, op] = (await signedInBrowsers(env.deps, ['city1@stsite.example', 'city2@stsite.example', 'op@stsite.example'])) as [TestBrowser, TestBrowser, TestBrowser];
  });
  after(() => env.close());

  /** A news item with one version awaiting the City's approval. */
  async function pending(): Promise<{ contentId: number; versionId: number }> {
    return runCommand(env.deps, systemActor('test'), async (ctx) => {
      const v = await saveDraft(ctx, program, { kind: 'news' }, { titleJa: `お知らせ${++n}`, bodyJa: '本文' });
      await submitVersion(ctx, program, v.id);
      return { contentId: v.contentId, versionId: v.id };
    });
  }
  const statusOf = async (id: number) => (await queryRows<{ status: string }>(env.deps.db, sql`select status from site_content_versions where id = ${id}`))[0]!.status;
  const decisions = (id: number) =>
    queryRows<{ action: string }>(env.deps.db, sql`select action from audit_log where target_type = 'site_content_version' and target_id = ${String(id)} and action in ('site.content.approved', 'site.content.rejected')`);

  test('approve and reject posted at once: one is recorded, the other gets a 409 page that says why and links back', async () => {
    const { contentId, versionId } = await pending();
    const page = `/admin/site/stsite/contents/${contentId}`;
    assert.equal((await city1.get(page)).status, 200);
    assert.equal((await city2.get(page)).status, 200);
    assert.match(city1.lastHtml, new RegExp(`/versions/${versionId}/approve`));
    const referer = { referer: `http://localhost${page}` };
    const [a, r] = await Promise.all([
      city1.post(`/admin/site/stsite/versions/${versionId}/approve`, { publishAt: '', note: '' }, referer),
      city2.post(`/admin/site/stsite/versions/${versionId}/reject`, { note: '表現を改めてください' }, referer),
    ]);
    assert.deepEqual([a.status, r.status].sort(), [303, 409]);
    const approved = a.status === 303;
    const html = (approved ? city2 : city1).lastHtml;
    assert.match(html, /他のデータと矛盾するため処理できません/);
    assert.match(html, new RegExp(`この版は承認待ちではありません（現在の状態: ${approved ? '承認済み' : '差し戻し'}）`));
    assert.match(html, new RegExp(`<a href="${page}">元の画面を開き直す</a>`), 'the error page leads back to the content, to be read as it is now');
    assert.equal(await statusOf(versionId), approved ? 'approved' : 'rejected');
    assert.equal((await decisions(versionId)).length, 1, 'one decision audited');
  });

  test('a page loaded before the approval posts a rejection afterwards → 409; the approval stands', async () => {
    const { contentId, versionId } = await pending();
    const page = `/admin/site/stsite/contents/${contentId}`;
    await city1.get(page);
    await city2.get(page);
    assert.equal((await city1.post(`/admin/site/stsite/versions/${versionId}/approve`, { publishAt: '' })).status, 303);
    const late = await city2.post(`/admin/site/stsite/versions/${versionId}/reject`, { note: '差し戻します' });
    assert.equal(late.status, 409);
    assert.match(city2.lastHtml, /<a href="\/admin">管理画面のホームへ戻る<\/a>/, 'without a Referer the error page leads to the back office, not the public site');
    assert.equal(await statusOf(versionId), 'approved');
    assert.deepEqual((await decisions(versionId)).map((d) => d.action), ['site.content.approved']);
  });

  test('a draft sent for approval twice at once is submitted once', async () => {
    const v = await runCommand(env.deps, systemActor('test'), (ctx) => saveDraft(ctx, program, { kind: 'news' }, { titleJa: 'お知らせ（二重送信）' }));
    await op.get(`/admin/site/stsite/contents/${v.contentId}`);
    const results = await Promise.all([op.post(`/admin/site/stsite/versions/${v.id}/submit`, {}), op.post(`/admin/site/stsite/versions/${v.id}/submit`, {})]);
    assert.deepEqual(results.map((x) => x.status).sort(), [303, 409]);
    const audit = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from audit_log where action = 'site.content.submitted' and target_id = ${String(v.id)}`);
    assert.equal(Number(audit[0]!.n), 1);
  });

  test('a new content and a new draft, each sent twice with the same form key, are saved once; the replay goes where the first went', async () => {
    const count = async (where: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from site_content_versions where ${where}`))[0]!.n);
    await op.get('/admin/site/stsite/new?kind=news');
    const key = op.once();
    assert.ok(key.length >= 16);
    // A refused form keeps its key for the corrected one.
    assert.equal((await op.post('/admin/site/stsite/contents', { _once: key, kind: 'news', titleJa: ' ' })).status, 422);
    const form = { _once: key, kind: 'news', titleJa: 'お知らせ（二度押し）', bodyJa: '本文' };
    const first = await op.post('/admin/site/stsite/contents', form);
    assert.equal(first.status, 303);
    const replay = await op.post('/admin/site/stsite/contents', form);
    assert.equal(replay.status, 303);
    assert.equal(replay.headers.get('location'), first.headers.get('location'));
    assert.equal(await count(sql`title_ja = 'お知らせ（二度押し）'`), 1);
    const page = await (await op.get(first.headers.get('location')!)).text();
    assert.ok(page.includes('この送信はすでに受け付けています'));
    const contentId = Number(/contents\/(\d+)$/.exec(first.headers.get('location')!)![1]);

    // The key of the page's form for a new version (each form on the page has its own).
    const draftKey = new RegExp(`action="/admin/site/stsite/contents/${contentId}/drafts"[^>]*>[\\s\\S]*?name="_once" value="([^"]+)"`).exec(op.lastHtml)![1]!;
    const draft = { _once: draftKey, titleJa: 'お知らせ（二度押し・第2版）', bodyJa: '本文' };
    const drafts = await Promise.all([op.post(`/admin/site/stsite/contents/${contentId}/drafts`, draft), op.post(`/admin/site/stsite/contents/${contentId}/drafts`, draft)]);
    assert.deepEqual(drafts.map((r) => r.status), [303, 303]);
    assert.equal(await count(sql`content_id = ${contentId}`), 2, 'the first version and one new draft');
  });

  test('two people creating the same page at once both save a draft: one page with two versions, no error', async () => {
    const save = (title: string) => runCommand(env.deps, systemActor('test'), (ctx) => saveDraft(ctx, program, { kind: 'page', key: 'faq' }, { titleJa: title, bodyJa: '本文' }));
    const versions = await Promise.all([save('よくある質問A'), save('よくある質問B')]);
    assert.equal(versions[0]!.contentId, versions[1]!.contentId);
    assert.deepEqual(versions.map((v) => v.number).sort(), [1, 2]);
    const pages = await queryRows<{ n: number }>(env.deps.db, sql`select count(*)::int as n from site_contents where program_id = ${program.id} and key = 'faq'`);
    assert.equal(pages[0]!.n, 1);
  });
});
