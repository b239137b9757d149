import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planGroups, type Placeable } from './grouping.js';

function people(orgs: Array<[string | null, number]>): Placeable[] {
  let id = 0;
  return orgs.flatMap(([org, count]) => Array.from({ length: count }, () => ({ id: ++id, org })));
}

function check(list: Placeable[], size: number) {
  const plan = planGroups(list, size);
  const groups = new Map<number, Placeable[]>();
  for (const p of list) groups.set(plan.get(p.id)!, [...(groups.get(plan.get(p.id)!) ?? []), p]);
  return [...groups.values()];
}

describe('discussion group assignment', () => {
  test('members of one organisation are kept apart whenever the numbers allow, sizes balanced', () => {
    const list = people([['青葉町内会', 5], ['若林町内会', 5], ['泉町内会', 4], ['宮城野町内会', 3], [null, 16]]);
    const groups = check(list, 6);
    assert.equal(groups.length, 6, '33 people in groups of 6 → 6 groups');
    assert.deepEqual(groups.map((g) => g.length).sort(), [5, 5, 5, 6, 6, 6]);
    for (const g of groups) {
      const orgs = g.map((p) => p.org).filter(Boolean);
      assert.equal(new Set(orgs).size, orgs.length, 'no organisation twice in a group');
    }
  });

  test('uneven totals: sizes differ by at most one; a big organisation is spread as evenly as possible', () => {
    const list = people([['太白町内会', 9], ['泉町内会', 2], [null, 12]]);
    const groups = check(list, 6);
    assert.equal(groups.length, 4);
    const sizes = groups.map((g) => g.length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1);
    for (const g of groups) {
      assert.ok(g.filter((p) => p.org === '太白町内会').length <= 3, '9 members over 4 groups: at most 3 in one');
      assert.ok(g.filter((p) => p.org === '泉町内会').length <= 1);
    }
  });

  test('small numbers and edge cases', () => {
    assert.equal(planGroups([], 6).size, 0);
    const one = planGroups([{ id: 1, org: 'a' }], 6);
    assert.equal(one.get(1), 0);
  });
});
