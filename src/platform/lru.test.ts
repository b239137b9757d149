import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LruCache } from './lru.js';

test('the oldest entry nobody read goes first; a read one gets a second chance', () => {
  const c = new LruCache<number>(3);
  c.set('a', 1);
  c.set('b', 2);
  c.set('c', 3);
  assert.equal(c.get('a'), 1);
  c.set('d', 4);
  assert.equal(c.size, 3, 'bounded by entries');
  assert.equal(c.get('b'), undefined, 'b, the oldest unread, went');
  assert.equal(c.get('a'), 1, 'a was read since it came in: kept');
  c.set('e', 5);
  // c, now the oldest and never read, goes; a was read again and stays.
  assert.deepEqual(['a', 'c', 'd', 'e'].map((k) => c.get(k) !== undefined), [true, false, true, true]);
});

test('the byte bound holds, and a replaced value counts once', () => {
  const c = new LruCache<string>(Infinity, 100);
  c.set('x', 'x', 60);
  c.set('x', 'x2', 50);
  assert.equal(c.bytes, 50, 'the replaced size no longer counts');
  c.get('x');
  c.set('y', 'y', 40);
  c.set('z', 'z', 30);
  assert.ok(c.bytes <= 100, `bytes ${c.bytes} within the bound`);
  assert.equal(c.get('x'), 'x2', 'read, so it outlived y');
  assert.equal(c.get('y'), undefined, 'y was the oldest unread');
  c.set('big', 'big', 500);
  assert.equal(c.get('big'), undefined, 'larger than the bound: not kept');
  assert.ok(c.bytes <= 100, `bytes ${c.bytes} within the bound`);
});
