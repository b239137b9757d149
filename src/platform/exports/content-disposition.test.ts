import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentDisposition } from './content-disposition.js';

test('Japanese file names get an ASCII fallback and a UTF-8 filename*', () => {
  assert.equal(
    contentDisposition('登録施設一覧_2025-05-09.xlsx'),
    `attachment; filename="_______2025-05-09.xlsx"; filename*=UTF-8''%E7%99%BB%E9%8C%B2%E6%96%BD%E8%A8%AD%E4%B8%80%E8%A6%A7_2025-05-09.xlsx`,
  );
  const decoded = decodeURIComponent(contentDisposition('登録施設一覧_2025-05-09.xlsx').split("UTF-8''")[1]!);
  assert.equal(decoded, '登録施設一覧_2025-05-09.xlsx');
});

test('quotes, backslashes and control characters cannot break the header', () => {
  const h = contentDisposition('a"b\\c\r\nd\u0000e\u007f.csv');
  assert.equal(h, `attachment; filename="abcde.csv"; filename*=UTF-8''a%22b%5Ccde.csv`);
  assert.doesNotMatch(h, /[\r\n\u0000]/);
  assert.equal(contentDisposition("it's (1)*.csv").split("filename*=UTF-8''")[1], 'it%27s%20%281%29%2A.csv');
});

test('an astral character becomes one underscore in the fallback', () => {
  assert.match(contentDisposition('𠮷田.csv'), /filename="__\.csv"/);
});
