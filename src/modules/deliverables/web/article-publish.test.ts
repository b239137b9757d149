import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../../platform/audit/schema.js';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeProgram, makeUser } from '../../../../test/helpers/fixtures.js';
import { signedInBrowsers, type TestBrowser } from '../../../../test/helpers/http.js';
import { answerRound } from '../commands/answer-round.js';
import { sendRound } from '../commands/send-round.js';
import { findArticleByHearing, listVersions } from '../queries.js';
import { seedHearing, TINY_PNG } from '../test-helpers.js';
import { openSealedFile } from '../files/sealed-bytes.js';

describe('article photos, the live count and the public article page', () => {
  let env: TestEnv;
  let op: TestBrowser;
  let hid = 0;
  let path = '';
  before(async () => {
    env = await createTestEnv();
    const p = await makeProgram(env.deps, 'dl-pub', 'event');
    await makeUser(env.deps, 'op@example.jp', 'operator', p.id);
    op = (await signedInBrowsers(env.deps, ['op@example.jp']))[0]!;
    hid = (await seedHearing(env.deps, p.id, '泉ヶ丘自治会')).id;
    path = `/admin/deliverables/hearings/${hid}/article`;
  });
  after(() => env.close());

  const addPhoto = async (alt: string, caption: string, bytes: Uint8Array = TINY_PNG) => {
    await op.get(path);
    const form = new FormData();
    form.set('_csrf', op.csrf());
    form.set('_once', op.once());
    form.set('alt', alt);
    form.set('caption', caption);
    form.set('file', new Blob([new Uint8Array(bytes)]), 'photo.png');
    return op.request(`/admin/deliverables/hearings/${hid}/photos`, { method: 'POST', body: form });
  };
  const save = async (body: string) => {
    await op.get(path);
    return op.post(path, { _once: op.once(), title: '集会所を開く', speakerTitle: '会長', body });
  };

  it('a photo needs its alt text and must be PNG or JPEG; it is shown with its alt text and its view is audited', async () => {
    const noAlt = await addPhoto('', '集会所の入口');
    assert.equal(noAlt.status, 422);
    assert.ok((await noAlt.text()).includes('代替テキスト（写真に写っているものの説明）を入力してください'), 'alt text is required');
    const pdf = await addPhoto('説明', '', Buffer.from('%PDF-1.4 not a photo'));
    assert.equal(pdf.status, 415);
    assert.ok((await pdf.text()).includes('PNG か JPEG'), 'the type is explained');
    assert.equal((await addPhoto('集会所の前に並ぶ会員8人', '集会所の入口にて')).status, 303);
    const page = await (await op.get(path)).text();
    const src = /<img src="(\/admin\/deliverables\/hearings\/\d+\/photos\/(\d+))" alt="集会所の前に並ぶ会員8人"/.exec(page);
    assert.ok(src, 'the photo is shown with its alt text');
    const img = await op.get(src![1]!);
    assert.equal(img.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await img.arrayBuffer()), TINY_PNG);
    const viewed = await env.deps.db.select().from(auditLog).where(eq(auditLog.action, 'deliverables.article.photo_viewed'));
    assert.equal(viewed.length, 1);
  });

  it('the count is on the page without JS and carries what the script needs to keep it live', async () => {
    assert.equal((await save('集会所を毎週開けています。')).status, 303);
    const page = await (await op.get(path)).text();
    assert.match(page, /data-char-count="body"[^>]*>本文 13 字（目安 約1,500字、1300〜1700字）：目安の範囲外です</);
    assert.match(page, /data-template="本文 \{n\} 字/);
  });

  it('the article PDF places the photo with its caption', async () => {
    const article = (await findArticleByHearing(env.deps.db, hid))!;
    const [v] = await listVersions(env.deps.db, article.deliverableId!);
    const bytes: Buffer[] = [];
    for await (const chunk of await openSealedFile(env.deps, env.deps.db, article.programId, v!)) bytes.push(chunk as Buffer);
    const pdf = Buffer.concat(bytes);
    assert.ok(execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().includes('集会所の入口にて'), 'the caption is in the PDF');
    assert.match(execFileSync('pdfimages', ['-list', '-'], { input: pdf }).toString(), /\n\s+1\s+0 image/, 'the photo is placed');
    assert.ok(v!.text!.endsWith('写真1：集会所の入口にて'), 'the caption is part of the text the diff compares');
  });

  it('publishes only an approved article; the public page (ja and en) shows the published snapshot; withdrawing removes it', async () => {
    const publish = async (value: '1' | '0') => {
      await op.get(path);
      return op.post(`${path}/publish`, { _once: op.once(), publish: value });
    };
    const early = await publish('1');
    assert.equal(early.status, 409);
    assert.ok((await early.text()).includes('校了した記事だけ'), 'why it cannot be published yet');
    const article = (await findArticleByHearing(env.deps.db, hid))!;
    const run = <T>(fn: Parameters<typeof runCommand<T>>[2]) => runCommand(env.deps, systemActor('test'), fn);
    await run((ctx) => sendRound(ctx, article.deliverableId!, { version: 1 }));
    await run((ctx) => answerRound(ctx, article.deliverableId!, 1, { decision: 'approve', reason: '内容確認済み（テスト）' }));
    assert.equal((await publish('1')).status, 303);

    const pub = await op.get(`/dl-pub/articles/${article.id}`);
    assert.equal(pub.status, 200);
    const html = await pub.text();
    assert.ok(html.includes('<h1') && html.includes('集会所を開く') && html.includes('泉ヶ丘自治会　会長') && html.includes('集会所を毎週開けています。'), 'title, group, body');
    assert.match(html, /<figure[^>]*><img src="(\/dl-pub\/articles\/\d+\/photos\/\d+)" alt="集会所の前に並ぶ会員8人"[^>]*\/?><figcaption>集会所の入口にて<\/figcaption>/);
    const photoSrc = /<img src="(\/dl-pub\/articles\/\d+\/photos\/\d+)"/.exec(html)![1]!;
    const photo = await op.get(photoSrc);
    assert.equal(photo.status, 200);
    assert.equal(photo.headers.get('content-type'), 'image/png');
    const en = await (await op.get(`/en/dl-pub/articles/${article.id}`)).text();
    assert.ok(en.includes('lang="en"') && en.includes('<article class="interview-article" lang="ja">') && en.includes('Interview articles'), 'English page, the article marked Japanese');
    const list = await (await op.get('/dl-pub/articles')).text();
    assert.ok(list.includes(`href="/dl-pub/articles/${article.id}"`), 'listed');

    // A later edit does not reach the page until it is approved and published again.
    assert.equal((await save('集会所を毎日開けています。')).status, 303);
    assert.ok((await (await op.get(`/dl-pub/articles/${article.id}`)).text()).includes('毎週'), 'the published snapshot stays');
    assert.equal((await publish('1')).status, 409, 'the new text is not approved');
    assert.equal((await op.get(`/dl-pub/articles/${article.id + 1000}`)).status, 404);
    assert.equal((await op.get(`/dl-pub/articles/${article.id}/photos/999999`)).status, 404, 'only the published photos');

    assert.equal((await publish('0')).status, 303);
    assert.equal((await op.get(`/dl-pub/articles/${article.id}`)).status, 404, 'withdrawn');
    assert.equal((await op.get(photoSrc)).status, 404, 'its photos too');
    const actions = (await env.deps.db.select().from(auditLog)).map((r) => r.action);
    assert.ok(actions.includes('deliverables.article.published') && actions.includes('deliverables.article.unpublished'), 'audited');
  });
});
