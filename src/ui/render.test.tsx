import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderPage, renderToString } from './render.js';

async function Slow({ text }: { text: string }) {
  await new Promise((r) => setTimeout(r, 1));
  return <span>{text}</span>;
}

test('renderPage prefixes the doctype and resolves async components', async () => {
  const out = await renderPage(
    <html lang="ja">
      <body>
        <Slow text="非同期" />
      </body>
    </html>,
  );
  assert.equal(out, '<!DOCTYPE html><html lang="ja"><body><span>非同期</span></body></html>');
});

test('renderToString escapes user values in text and attributes', async () => {
  const evil = '"><script>alert(1)</script>';
  const out = await renderToString(
    <p title={evil}>
      {evil}
    </p>,
  );
  assert.doesNotMatch(out, /<script>/);
  assert.equal(out, '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>');
});
