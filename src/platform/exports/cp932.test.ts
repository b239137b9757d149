import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { CP932_SUBSTITUTES, encodeCp932, findNonCp932Char, normalizeForCp932 } from './cp932.js';

test('every substitute is representable and its original is not', () => {
  for (const [from, to] of Object.entries(CP932_SUBSTITUTES)) {
    assert.notEqual(findNonCp932Char(from), null, `U+${from.codePointAt(0)!.toString(16)} should need substituting`);
    assert.equal(findNonCp932Char(to), null);
    assert.equal(iconv.decode(encodeCp932(normalizeForCp932(from)), 'cp932'), to);
  }
});

test('findNonCp932Char reports the first unrepresentable code point, whole', () => {
  assert.equal(findNonCp932Char('abc'), null);
  assert.equal(findNonCp932Char('髙橋①ｱ'), null);
  assert.equal(findNonCp932Char('a𠮷b😀'), '𠮷');
  assert.equal(findNonCp932Char('café'), 'é');
});
