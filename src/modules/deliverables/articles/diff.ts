/** One piece of a text diff: kept, removed from the old text, or added in the new one. */
export interface DiffPart {
  op: 'same' | 'del' | 'add';
  text: string;
}

/**
 * A character diff of two texts (the City's edits between two versions of an article): longest
 * common subsequence over code points, with the common prefix and suffix cut first so that a
 * 1,500-character article with a few edits costs little. Adjacent parts of one kind are merged.
 */
export function textDiff(before: string, after: string): DiffPart[] {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  // LCS table over the differing middle (bounded: an article is ~1,500 characters).
  const m = x.length;
  const n = y.length;
  const table: Uint16Array[] = Array.from({ length: m + 1 }, () => new Uint16Array(n + 1));
  for (let i = m - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) table[i]![j] = x[i] === y[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], ch: string) => {
    const last = parts.at(-1);
    if (last && last.op === op) last.text += ch;
    else parts.push({ op, text: ch });
  };
  if (start) parts.push({ op: 'same', text: a.slice(0, start).join('') });
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    if (i < m && j < n && x[i] === y[j]) {
      push('same', x[i]!);
      i++;
      j++;
    } else if (i < m && (j >= n || table[i + 1]![j]! >= table[i]![j + 1]!)) {
      push('del', x[i++]!);
    } else {
      push('add', y[j++]!);
    }
  }
  if (endA < a.length) push('same', a.slice(endA).join(''));
  return parts;
}
