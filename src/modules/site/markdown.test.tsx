import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from '../../ui/index.js';
import { isSafeHref, Markdown } from './markdown.js';

const html = (src: string) => renderToString(<Markdown source={src} />);

test('headings, paragraphs, lists, links and emphasis', async () => {
  const out = await html('# 見出し\n本文の**強調**と*斜体*、[リンク](https://example.jp/a?b=1&c=2)。\n次の行\n\n- 一\n- 二\n\n1. 甲\n2. 乙\n## 小見出し');
  assert.equal(
    out,
    '<h2 class="app-heading-2">見出し</h2><p>本文の<strong>強調</strong>と<em>斜体</em>、<a href="https://example.jp/a?b=1&amp;c=2">リンク</a>。<br/>次の行</p><ul><li>一</li><li>二</li></ul><ol><li>甲</li><li>乙</li></ol><h3 class="app-heading-3">小見出し</h3>',
  );
});

test('everything else is escaped; unsafe links stay text', async () => {
  const out = await html('<script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](//evil.example) [c](data:text/html,x) [d](faq)');
  assert.doesNotMatch(out, /<script|<img|href="javascript|href="\/\/|href="data/);
  assert.match(out, /&lt;script&gt;/);
  assert.match(out, /<a href="faq">d<\/a>/);
  assert.equal(isSafeHref('http://x.jp'), true);
  assert.equal(isSafeHref('/demo-stay/faq'), true);
  assert.equal(isSafeHref('JavaScript:alert(1)'), false);
});
