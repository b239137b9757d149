import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from '../../ui/index.js';
import { isSafeHref, Markdown } from './markdown.js';
import { draftSchema, isSitePath } from './validators.js';

/** Issue #13 item 10a: `/\evil.example/x` is `//evil.example/x` to a browser. */
const ELSEWHERE = ['/\\evil.example/x', '\\evil.example', '/%5cevil.example/x', '/%5C%5Cevil.example', '/\t/evil.example', '/\n/evil.example', '/%09/evil.example', '/%2f/evil.example', 'https://good.example\\@evil.example/', '//evil.example'];

test('isSafeHref refuses backslashes, tabs and newlines inside, and their encoded forms', () => {
  for (const bad of ELSEWHERE) assert.equal(isSafeHref(bad), false, JSON.stringify(bad));
  for (const ok of ['/demo-stay/faq', 'faq', 'https://www.sentabi.jp/', 'http://x.jp/a?b=%E3%81%82', ' /demo-stay/howto ']) assert.equal(isSafeHref(ok), true, ok);
});

test('a banner link or image path of those forms is refused with the form’s message', () => {
  for (const bad of ELSEWHERE) {
    const link = draftSchema.safeParse({ titleJa: 'バナー', linkUrl: bad });
    assert.equal(link.success, false, `linkUrl ${JSON.stringify(bad)}`);
    assert.equal(link.error!.issues[0]!.path[0], 'linkUrl');
    assert.equal(isSitePath(bad), false, `imageUrl ${JSON.stringify(bad)}`);
  }
  assert.equal(draftSchema.safeParse({ titleJa: 'バナー', linkUrl: '/demo-stay/faq', imageUrl: '/static/banner.png' }).success, true);
});

test('a Markdown link to such a path stays text', async () => {
  const out = await renderToString(<Markdown source={'[a](/\\evil.example/x) [b](/%5cevil.example) [c](/demo-stay/faq)'} />);
  assert.doesNotMatch(out, /href="\/\\|href="\/%5c/i);
  assert.match(out, /<a href="\/demo-stay\/faq">c<\/a>/);
});
