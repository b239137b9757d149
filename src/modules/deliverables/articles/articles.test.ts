import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram } from '../../../../test/helpers/fixtures.js';
import { saveArticle } from '../commands/save-article.js';
import { listDeliverables, listVersions } from '../queries.js';
import { seedHearing } from '../test-helpers.js';
import { renderArticlePdf } from './article-pdf.js';
import { textDiff } from './diff.js';
import { bodyLengthWarning, charCount } from './length.js';

const PARAGRAPH = '町内会の役員は三年前から輪番制をやめ、やりたい人が手を挙げる形に変えました。回覧板は電子化し、高齢の方には紙でも届けています。';
const body1500 = () => {
  let s = '';
  while (charCount(s) < 1500) s += PARAGRAPH + (charCount(s) % 300 < 60 ? '\n' : '');
  return [...s].slice(0, 1500).join('');
};

describe('interview articles', () => {
  let env: TestEnv;
  let hearingId = 0;
  let programId = 0;
  before(async () => {
    env = await createTestEnv();
    const p = await makeProgram(env.deps, 'dl-art', 'event');
    programId = p.id;
    hearingId = (await seedHearing(env.deps, p.id, '青葉台町内会')).id;
  });
  after(() => env.close());
  const run = <T>(fn: Parameters<typeof runCommand<T>>[2]) => runCommand(env.deps, systemActor('test'), fn);

  it('an article of 1,500 characters renders to a one- or two-page A4 PDF where pdftotext finds the title and the group', async () => {
    const pdf = await renderArticlePdf({ title: '手を挙げた人が担う町内会', groupName: '青葉台町内会', speakerTitle: '会長', body: body1500() });
    const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString();
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    assert.ok(pages >= 1 && pages <= 2, `pages: ${pages}`);
    assert.match(info, /Page size:\s+595\.28 x 841\.89/, 'A4 portrait');
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().replace(/\s+/g, '');
    assert.ok(text.includes('手を挙げた人が担う町内会'), 'title found');
    assert.ok(text.includes('青葉台町内会'), 'group found');
  });

  it('length checks: a title of at most two lines and 60 characters; the body warns outside 1,300–1,700', async () => {
    await assert.rejects(run((ctx) => saveArticle(ctx, hearingId, { title: '一行目\n二行目\n三行目', body: body1500() })), (e: { code?: string }) => e.code === 'validation-failed');
    await assert.rejects(run((ctx) => saveArticle(ctx, hearingId, { title: 'あ'.repeat(61), body: body1500() })), (e: { code?: string }) => e.code === 'validation-failed');
    assert.equal(bodyLengthWarning(body1500()), null);
    assert.match(bodyLengthWarning('短い本文')!, /4字/);
    assert.match(bodyLengthWarning('あ'.repeat(1800))!, /1800字/);
  });

  it('each save is a version of the article\'s own deliverable (hearing-article-ID); the second shows the City’s edits as a diff', async () => {
    const first = await run((ctx) => saveArticle(ctx, hearingId, { title: '手を挙げた人が担う町内会', speakerTitle: '会長', body: body1500() }));
    assert.equal(first.version.number, 1);
    const edited = body1500().replace('回覧板は電子化し', '回覧板はアプリに移し');
    const second = await run((ctx) => saveArticle(ctx, hearingId, { title: '手を挙げた人が担う町内会', speakerTitle: '会長', body: edited }));
    assert.equal(second.version.number, 2);
    const target = (await listDeliverables(env.deps.db, programId)).find((d) => d.key === `hearing-article-${hearingId}`)!;
    const versions = await listVersions(env.deps.db, target.id);
    assert.deepEqual(versions.map((v) => [v.number, v.contentType]), [[1, 'application/pdf'], [2, 'application/pdf']]);
    const diff = textDiff(versions[0]!.text!, versions[1]!.text!);
    assert.deepEqual(diff.filter((p) => p.op !== 'same'), [{ op: 'del', text: '電子化' }, { op: 'add', text: 'アプリに移' }]);
    assert.ok(diff[0]!.op === 'same' && diff[0]!.text.startsWith('手を挙げた人が担う町内会\n青葉台町内会'), 'the text holds title and group');
  });

  it('a refused save leaves no file in the store (validation before rendering; a later refusal removes the stored PDF)', async () => {
    const dir = path.join(env.dataDir, 'deliverables', `p${programId}`);
    const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir).length : 0);
    const before = files();
    await assert.rejects(run((ctx) => saveArticle(ctx, hearingId, { title: '', body: body1500() })), (e: { code?: string }) => e.code === 'validation-failed');
    await assert.rejects(
      run(async (ctx) => {
        await saveArticle(ctx, hearingId, { title: '取り消される版', body: body1500() });
        throw new AppError('conflict', '保存のあとで拒否');
      }),
      (e: { code?: string }) => e.code === 'conflict',
    );
    assert.equal(files(), before, 'no orphan file');
    assert.equal(fs.readdirSync(path.join(env.dataDir, 'deliverables', 'tmp')).length, 0, 'no temporary file either');
  });
});
