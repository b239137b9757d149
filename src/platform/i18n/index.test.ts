import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCatalog } from './index.js';

test('catalogue falls back to Japanese and fills placeholders', () => {
  const m = createCatalog({ hello: 'こんにちは、{name}さん', bye: 'さようなら' }, { hello: 'Hello, {name}' });
  assert.equal(m('ja', 'hello', { name: '佐藤' }), 'こんにちは、佐藤さん');
  assert.equal(m('en', 'hello', { name: 'Sato' }), 'Hello, Sato');
  assert.equal(m('en', 'bye'), 'さようなら');
});
