import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GroupWrite } from '../../src/platform/group-write.js';

test('writes that arrive while one is in flight go together, each answered in order; a quiet write goes at once', async () => {
  const groups: number[][] = [];
  const g = new GroupWrite<number, string>(async (items) => {
    groups.push(items);
    await new Promise((r) => setTimeout(r, 10));
    return items.map((n) => `#${n}`);
  }, 4);
  const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => g.submit(i)));
  assert.deepEqual(answers, Array.from({ length: 10 }, (_, i) => `#${i}`), 'each item gets its own answer');
  assert.deepEqual(groups, [[0], [1, 2, 3, 4], [5, 6, 7, 8], [9]], 'the first alone, then groups of at most max');
  assert.equal(await g.submit(42), '#42', 'after the burst a single write goes alone');
  assert.deepEqual(groups.at(-1), [42]);
});

test('a failed group rejects each of its items; the next group is written', async () => {
  let calls = 0;
  const g = new GroupWrite<number, number>(async (items) => {
    calls++;
    await new Promise((r) => setTimeout(r, 5));
    if (items.includes(2)) throw new Error('refused');
    return items;
  });
  const results = await Promise.allSettled([g.submit(1), g.submit(2), g.submit(3)]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'rejected']);
  assert.equal(await g.submit(4), 4, 'the writer goes on after a failure');
  assert.equal(calls, 3);
});
