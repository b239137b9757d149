import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idSchema, isId, MAX_BIG_ID, MAX_ID, parseId } from './ids.js';

test('parseId: decimal ids 1 … 2^31-1 only', () => {
  assert.equal(parseId('1'), 1);
  assert.equal(parseId('2147483647'), MAX_ID);
  for (const bad of ['2147483648', '99999999999', '0', '-1', '007', '1e3', ' 1', '1 ', '+1', 'abc', '', '0x10', '１', undefined, null]) assert.equal(parseId(bad), undefined, String(bad));
});

test('isId and idSchema: the same range for numbers', () => {
  assert.ok(isId(1) && isId(MAX_ID));
  for (const bad of [0, -1, 1.5, MAX_ID + 1, Number.NaN, '1']) assert.equal(isId(bad), false, String(bad));
  const s = idSchema('施設番号が正しくありません');
  assert.equal(s.parse(MAX_ID), MAX_ID);
  const r = s.safeParse(99_999_999_999);
  assert.equal(r.success, false);
  assert.equal(r.error?.issues[0]?.message, '施設番号が正しくありません');
});

test('a bigint id column (claims, mail) takes ids up to 2^53-1, never beyond', () => {
  assert.equal(parseId('2147483648', MAX_BIG_ID), 2_147_483_648);
  assert.equal(parseId('9007199254740991', MAX_BIG_ID), MAX_BIG_ID);
  for (const bad of ['9007199254740992', '99999999999999999', '0']) assert.equal(parseId(bad, MAX_BIG_ID), undefined, bad);
  assert.ok(isId(2_147_483_648, MAX_BIG_ID));
});
