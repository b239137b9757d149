import assert from 'node:assert/strict';
import { test } from 'node:test';
import { neutralizeFormula } from './neutralize.js';

test('cells that a spreadsheet would run as formulas get a leading apostrophe', () => {
  assert.equal(neutralizeFormula('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
  for (const s of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(neutralizeFormula(s), `'${s}`);
});

test('ordinary text is left alone', () => {
  for (const s of ['', '佐藤', 'a=b', ' =1', "'quoted", '１＋１']) assert.equal(neutralizeFormula(s), s);
});
