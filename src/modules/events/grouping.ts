/** A person to place: `org` is the organisation key (blind index), null when none was given. */
export interface Placeable {
  id: number;
  org: string | null;
}

/**
 * Splits people into ⌈n / size⌉ groups whose sizes differ by at most one, spreading members of one
 * organisation over different groups: organisations are placed largest first, each member into
 * the group with the fewest of that organisation, then the most room left. When an organisation
 * has no more members than there are groups, no two of them share a group.
 * Returns group index (0-based) per person id. Deterministic for the same input.
 */
export function planGroups(people: readonly Placeable[], size: number): Map<number, number> {
  const result = new Map<number, number>();
  const n = people.length;
  if (n === 0) return result;
  const g = Math.max(1, Math.ceil(n / Math.max(1, size)));
  const base = Math.floor(n / g);
  const room = Array.from({ length: g }, (_, i) => base + (i < n % g ? 1 : 0));
  const clusters = new Map<string, Placeable[]>();
  for (const p of people) {
    const key = p.org ?? `solo:${p.id}`;
    clusters.set(key, [...(clusters.get(key) ?? []), p]);
  }
  const ordered = [...clusters.values()].sort((a, b) => b.length - a.length || a[0]!.id - b[0]!.id);
  for (const members of ordered) {
    const inGroup = new Array<number>(g).fill(0);
    for (const p of members) {
      let best = -1;
      for (let i = 0; i < g; i++) {
        if (room[i]! <= 0) continue;
        if (best < 0 || inGroup[i]! < inGroup[best]! || (inGroup[i] === inGroup[best] && room[i]! > room[best]!)) best = i;
      }
      room[best]!--;
      inGroup[best]!++;
      result.set(p.id, best);
    }
  }
  return result;
}
