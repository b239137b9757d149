import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GroupWrite } from '../../src/platform/group-write.js';

test('writes that arrive together go together, and those that arrive while one is in flight go in the next; each answered in order', async () => {
  const groups: number[][] = [];
  const g = new GroupWrite<number, string>(async (items) => {
    groups.push(items);
    await new Promise((r) => setTimeout(r, 10));
    return items.map((n) => `#${n}`);
  }, 4, 1);
  const first = Array.from({ length: 6 }, (_, i) => g.submit(i));
  await new Promise((r) => setImmediate(r));
  const later = Array.from({ length: 4 }, (_, i) => g.submit(6 + i));
  const answers = await Promise.all([...first, ...later]);
  assert.deepEqual(answers, Array.from({ length: 10 }, (_, i) => `#${i}`), 'each item gets its own answer');
  assert.deepEqual(groups, [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], 'groups of at most max, in order of arrival');
  assert.equal(await g.submit(42), '#42', 'after the burst a single write goes alone');
  assert.deepEqual(groups.at(-1), [42]);
});

test('with two in flight, the second group takes what arrived while the first was written', async () => {
  const groups: number[][] = [];
  let flying = 0;
  let most = 0;
  const g = new GroupWrite<number, number>(async (items) => {
    groups.push(items);
    most = Math.max(most, ++flying);
    await new Promise((r) => setTimeout(r, 10));
    flying--;
    return items;
  }, 64, 2);
  const sent: Array<Promise<number>> = [];
  for (let i = 0; i < 10; i++) {
    sent.push(g.submit(i));
    if (i < 2) await new Promise((r) => setImmediate(r)); // 0 and 1 each go as they come
  }
  assert.deepEqual(await Promise.all(sent), Array.from({ length: 10 }, (_, i) => i));
  assert.deepEqual(groups, [[0], [1], [2, 3, 4, 5, 6, 7, 8, 9]], 'two in flight at once, the rest together after');
  assert.equal(most, 2, 'never more than two statements in flight');
});

test('a failed group rejects each of its items; the next group is written', async () => {
  let calls = 0;
  const g = new GroupWrite<number, number>(async (items) => {
    calls++;
    await new Promise((r) => setTimeout(r, 5));
    if (items.includes(2)) throw new Error('refused');
    return items;
  }, 64, 1);
  const one = g.submit(1);
  await new Promise((r) => setImmediate(r));
  const results = await Promise.allSettled([one, g.submit(2), g.submit(3)]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'rejected']);
  assert.equal(await g.submit(4), 4, 'the writer goes on after a failure');
  assert.equal(calls, 3);
});

test('with lingerTurns, a group still growing waits a few turns more, so writes that trickle in go together', async () => {
  const run = async (lingerTurns: number) => {
    const groups: number[][] = [];
    const g = new GroupWrite<number, number>(async (items) => {
      groups.push(items);
      await new Promise((r) => setTimeout(r, 5));
      return items;
    }, 64, 1, lingerTurns);
    const sent: Array<Promise<number>> = [];
    for (let i = 0; i < 3; i++) {
      sent.push(g.submit(i));
      await new Promise((r) => setImmediate(r)); // each arrives one event-loop turn after the other
    }
    assert.deepEqual(await Promise.all(sent), [0, 1, 2]);
    assert.deepEqual(await g.submit(42), 42, 'a lone write still goes: the wait ends when a turn brings nothing');
    return groups;
  };
  assert.deepEqual(await run(0), [[0], [1, 2], [42]], 'without: the first goes alone and the rest wait for it');
  assert.deepEqual(await run(4), [[0, 1, 2], [42]], 'with: one statement');
});
